//! The seeded draw: which questions an attempt gets, in which order, with which choice order.
//!
//! # Algorithm (the contract that lets anyone replay a draw)
//!
//! Inputs: the bank's questions and topics in bank (file) order, a `u64` seed, and the contest
//! settings (question count `n`, per-topic quotas, time limit). All randomness comes from one
//! stream `rng = ChaCha20Rng::seed_from_u64(seed)` (`rand_chacha`), read only through
//! `next_u64`, with these primitives:
//!
//! - `below(m)`: `t = 2^64 mod m`; draw `x = next_u64()` until `x >= t`; return `x mod m`.
//! - `choose(list, k)`: for `i` in `0..k`: swap `list[i]` and `list[i + below(len - i)]`; the
//!   result is `list[..k]` in that order.
//! - `shuffle(list)`: for `i` from `len - 1` down to `1`: swap `list[i]` and `list[below(i + 1)]`.
//!
//! Steps, each consuming the stream in turn:
//!
//! 1. For each topic **in bank order** with a quota `q > 0`: `choose(questions of that topic in
//!    bank order, q)`, appended to the picked list.
//! 2. `choose(every question not yet picked, in bank order, n - Σq)`, appended.
//! 3. `shuffle(picked)`: this is the order the questions are presented in.
//! 4. For each picked question in presentation order: single and multiple questions get
//!    `shuffle([0, 1, …, choices - 1])` as their choice order (position on screen → original
//!    index); true/false questions keep `[0, 1]` ("Đúng", "Sai") and short ones have no choices,
//!    and neither consumes the stream.
//!
//! No hash-map order, platform word size or `rand` sampling routine takes part, so the draw is
//! the same natively and in the browser, and across `rand` releases.
//!
//! # The stream, for a replay without `rand_chacha`
//!
//! - Key: eight PCG32 outputs (`rand_core`'s `seed_from_u64`): starting from `s = seed`, each
//!   word is `s = s * 0x5851f42d4c957f2d + 0xa17654e46fbe17f3 (mod 2^64)`, then
//!   `rotr32(((s >> 18) ^ s) >> 27, s >> 59)`; the words are the key in order (little-endian).
//! - Blocks: ChaCha20 (RFC 8439, 20 rounds) with words 12–13 a 64-bit block counter from 0 (low
//!   word first) and words 14–15 zero; output words are read block after block.
//! - `next_u64` = `lo | hi << 32` of the next two words.
//!
//! `tests/native/attempt_reference.rs` re-implements exactly this text, with no `rand` crate,
//! and checks it against the engine over the shipped bank and against RFC 8439's test vector.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::answer::AnswerKind;
use super::rng::Stream;

/// How a contest is run: how many questions, how many from each topic, how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestSettings {
    /// Questions per attempt.
    pub questions: usize,
    /// Per-topic minimum counts; the order does not matter (topics are visited in bank order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<Quota>,
    /// Time allowed from the start, in ms.
    pub time_limit_ms: u64,
}

/// At least `count` questions of `topic`: that many are drawn from it first, and the slots left
/// after every quota may add more of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    /// The topic id.
    pub topic: String,
    /// How many of its questions are drawn in the quota step.
    pub count: usize,
}

/// Settings that cannot be drawn from a bank.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DrawError {
    /// Zero questions asked.
    #[error("an attempt needs at least one question")]
    NoQuestions,
    /// More questions asked than the bank holds.
    #[error("cannot draw {requested} questions from a bank of {available}")]
    TooManyQuestions {
        /// Questions asked.
        requested: usize,
        /// Questions in the bank.
        available: usize,
    },
    /// A quota names a topic the bank does not declare.
    #[error("quota names unknown topic `{0}`")]
    UnknownTopic(String),
    /// Two quotas for one topic.
    #[error("topic `{0}` has more than one quota")]
    DuplicateQuota(String),
    /// A quota larger than its topic.
    #[error("quota of {quota} for topic `{topic}` exceeds its {available} questions")]
    QuotaTooLarge {
        /// The topic id.
        topic: String,
        /// The quota.
        quota: usize,
        /// Questions of that topic in the bank.
        available: usize,
    },
    /// Quotas adding up to more than the question count.
    #[error("quotas add up to {sum}, more than the {questions} questions of an attempt")]
    QuotasExceedQuestions {
        /// Sum of the quotas.
        sum: usize,
        /// Questions per attempt.
        questions: usize,
    },
    /// A time limit of zero.
    #[error("the time limit must be longer than zero")]
    NoTime,
}

/// The questions of one attempt, in presentation order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draw {
    seed: u64,
    questions: Vec<Drawn>,
}

/// One drawn question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// Index of the question in the bank's question list.
    pub index: usize,
    /// The question id.
    pub id: String,
    /// The shape of its answer.
    pub kind: AnswerKind,
    /// Choice order on screen: `choice_order[position] = original index` (0-based).
    pub choice_order: Vec<usize>,
}

impl Draw {
    /// The seed it was drawn with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The drawn questions in presentation order.
    pub fn questions(&self) -> &[Drawn] {
        &self.questions
    }

    /// Number of drawn questions.
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    /// Whether nothing was drawn (never true for a draw made from valid settings).
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// Presentation position of question `id`, if it was drawn.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

/// What the draw needs to know of one bank question.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// The question id.
    pub(crate) id: String,
    /// Index of its topic in the bank's topic list.
    pub(crate) topic: usize,
    /// The shape of its answer.
    pub(crate) kind: AnswerKind,
}

/// Draws from `items` (bank order) with `topics` (topic ids in bank order): checks the settings,
/// then runs the algorithm of the module documentation.
pub(crate) fn draw_items<T: AsRef<str>>(
    items: &[Item],
    topics: &[T],
    seed: u64,
    settings: &ContestSettings,
) -> Result<Draw, DrawError> {
    let mut rng = Stream::new(seed);
    let by_topic = topic_pools(items, topics.len());
    let mut picked = pick_items(items, topics, &by_topic, &mut rng, settings)?;
    rng.shuffle(&mut picked);
    let questions = picked
        .into_iter()
        .map(|index| {
            let item = &items[index];
            let choice_order = match item.kind {
                AnswerKind::Single { choices } | AnswerKind::Multiple { choices } => {
                    let mut order: Vec<usize> = (0..choices).collect();
                    rng.shuffle(&mut order);
                    order
                }
                AnswerKind::TrueFalse => vec![0, 1],
                AnswerKind::Short => Vec::new(),
            };
            Drawn {
                index,
                id: item.id.clone(),
                kind: item.kind,
                choice_order,
            }
        })
        .collect();
    Ok(Draw { seed, questions })
}

/// The items of each topic (indices into `items`, bank order), by topic index.
pub(crate) fn topic_pools(items: &[Item], topics: usize) -> Vec<Vec<usize>> {
    let mut pools = vec![Vec::new(); topics];
    for (index, item) in items.iter().enumerate() {
        if let Some(pool) = pools.get_mut(item.topic) {
            pool.push(index);
        }
    }
    pools
}

/// Steps 1 and 2 of the algorithm, after checking the settings: which items are drawn (indices
/// into `items`, in the order picked), reading `rng` from its start; `by_topic` is
/// [`topic_pools`]. Which questions an attempt holds depends on these steps alone, so regrading
/// stops here.
pub(crate) fn pick_items<T: AsRef<str>>(
    items: &[Item],
    topics: &[T],
    by_topic: &[Vec<usize>],
    rng: &mut Stream,
    settings: &ContestSettings,
) -> Result<Vec<usize>, DrawError> {
    let quotas = quota_per_topic(by_topic, items.len(), topics, settings)?;
    let mut picked = Vec::with_capacity(settings.questions);
    let mut pool = Vec::new();
    for (topic, &quota) in quotas.iter().enumerate().filter(|(_, &q)| q > 0) {
        pool.clear();
        pool.extend_from_slice(&by_topic[topic]);
        picked.extend_from_slice(rng.choose(&mut pool, quota));
    }
    let remaining = settings.questions - picked.len();
    // Choosing none draws nothing from the stream, so quotas that fill the draw skip this.
    if remaining > 0 {
        let mut taken = vec![false; items.len()];
        for &i in &picked {
            taken[i] = true;
        }
        let mut rest: Vec<usize> = (0..items.len()).filter(|&i| !taken[i]).collect();
        picked.extend_from_slice(rng.choose(&mut rest, remaining));
    }
    Ok(picked)
}

/// The quota of each topic (by topic index), after checking every setting.
fn quota_per_topic<T: AsRef<str>>(
    by_topic: &[Vec<usize>],
    item_count: usize,
    topics: &[T],
    settings: &ContestSettings,
) -> Result<Vec<usize>, DrawError> {
    if settings.questions == 0 {
        return Err(DrawError::NoQuestions);
    }
    if settings.questions > item_count {
        return Err(DrawError::TooManyQuestions {
            requested: settings.questions,
            available: item_count,
        });
    }
    if settings.time_limit_ms == 0 {
        return Err(DrawError::NoTime);
    }
    let mut quotas: Vec<Option<usize>> = vec![None; topics.len()];
    for quota in &settings.quotas {
        let topic = topics
            .iter()
            .position(|t| t.as_ref() == quota.topic)
            .ok_or_else(|| DrawError::UnknownTopic(quota.topic.clone()))?;
        if quotas[topic].replace(quota.count).is_some() {
            return Err(DrawError::DuplicateQuota(quota.topic.clone()));
        }
        let available = by_topic[topic].len();
        if quota.count > available {
            return Err(DrawError::QuotaTooLarge {
                topic: quota.topic.clone(),
                quota: quota.count,
                available,
            });
        }
    }
    let quotas: Vec<usize> = quotas.into_iter().map(Option::unwrap_or_default).collect();
    let sum: usize = quotas.iter().sum();
    if sum > settings.questions {
        return Err(DrawError::QuotasExceedQuestions {
            sum,
            questions: settings.questions,
        });
    }
    Ok(quotas)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small abstract bank: topics `a`, `b`, `c`; ids `a1…`, `b1…`, `c1…`.
    pub(crate) fn items() -> Vec<Item> {
        let single = AnswerKind::Single { choices: 4 };
        let multiple = AnswerKind::Multiple { choices: 3 };
        [
            ("a1", 0, single),
            ("a2", 0, multiple),
            ("a3", 0, AnswerKind::TrueFalse),
            ("b1", 1, single),
            ("b2", 1, AnswerKind::Short),
            ("c1", 2, single),
            ("c2", 2, single),
            ("c3", 2, multiple),
        ]
        .into_iter()
        .map(|(id, topic, kind)| Item {
            id: id.to_owned(),
            topic,
            kind,
        })
        .collect()
    }

    pub(crate) const TOPICS: [&str; 3] = ["a", "b", "c"];

    pub(crate) fn settings(questions: usize, quotas: &[(&str, usize)]) -> ContestSettings {
        ContestSettings {
            questions,
            quotas: quotas
                .iter()
                .map(|&(topic, count)| Quota {
                    topic: topic.into(),
                    count,
                })
                .collect(),
            time_limit_ms: 600_000,
        }
    }

    /// Draws from [`items`].
    pub(crate) fn draw(seed: u64, settings: &ContestSettings) -> Result<Draw, DrawError> {
        draw_items(&items(), &TOPICS, seed, settings)
    }

    fn ids(draw: &Draw) -> Vec<&str> {
        draw.questions().iter().map(|q| q.id.as_str()).collect()
    }

    #[test]
    fn settings_errors() {
        let cases = [
            (settings(0, &[]), DrawError::NoQuestions),
            (
                settings(9, &[]),
                DrawError::TooManyQuestions {
                    requested: 9,
                    available: 8,
                },
            ),
            (
                settings(4, &[("z", 1)]),
                DrawError::UnknownTopic("z".into()),
            ),
            (
                settings(4, &[("a", 1), ("a", 1)]),
                DrawError::DuplicateQuota("a".into()),
            ),
            (
                settings(4, &[("b", 3)]),
                DrawError::QuotaTooLarge {
                    topic: "b".into(),
                    quota: 3,
                    available: 2,
                },
            ),
            (
                settings(4, &[("a", 3), ("c", 2)]),
                DrawError::QuotasExceedQuestions {
                    sum: 5,
                    questions: 4,
                },
            ),
            (
                ContestSettings {
                    time_limit_ms: 0,
                    ..settings(4, &[])
                },
                DrawError::NoTime,
            ),
        ];
        for (settings, expected) in cases {
            assert_eq!(draw(1, &settings), Err(expected), "{settings:?}");
        }
    }

    #[test]
    fn whole_bank_draw_is_a_permutation() {
        let d = draw(5, &settings(8, &[])).unwrap();
        let mut got = ids(&d);
        got.sort_unstable();
        assert_eq!(got, ["a1", "a2", "a3", "b1", "b2", "c1", "c2", "c3"]);
    }

    #[test]
    fn choice_orders_by_kind() {
        let d = draw(11, &settings(8, &[])).unwrap();
        for q in d.questions() {
            let mut sorted = q.choice_order.clone();
            sorted.sort_unstable();
            let expected: Vec<usize> = (0..q.kind.choices()).collect();
            assert_eq!(sorted, expected, "{}", q.id);
            if q.kind == AnswerKind::TrueFalse {
                assert_eq!(q.choice_order, [0, 1]);
            }
        }
    }

    #[test]
    fn quotas_are_met_and_order_of_quotas_does_not_matter() {
        for seed in 0..200 {
            let one = draw(seed, &settings(4, &[("b", 2), ("a", 1)])).unwrap();
            let other = draw(seed, &settings(4, &[("a", 1), ("b", 2)])).unwrap();
            assert_eq!(one, other);
            let got = ids(&one);
            assert_eq!(got.iter().filter(|id| id.starts_with('b')).count(), 2);
            assert!(got.iter().any(|id| id.starts_with('a')));
        }
    }

    #[test]
    fn golden_abstract_draw() {
        // Pins the algorithm itself, independent of any bank file.
        let d = draw(2026, &settings(5, &[("c", 2)])).unwrap();
        let got: Vec<(&str, &[usize])> = d
            .questions()
            .iter()
            .map(|q| (q.id.as_str(), q.choice_order.as_slice()))
            .collect();
        assert_eq!(got, GOLDEN_2026);
    }

    const GOLDEN_2026: [(&str, &[usize]); 5] = [
        ("c1", &[3, 2, 0, 1]),
        ("a2", &[2, 1, 0]),
        ("b2", &[]),
        ("c3", &[0, 2, 1]),
        ("c2", &[1, 3, 0, 2]),
    ];
}
