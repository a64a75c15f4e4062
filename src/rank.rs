//! Contest ranking over results that already verified and regraded (design notes, "Contest
//! ranking"): an optional deadline, one entry per participant key (the earliest, or the best),
//! then score (desc), |prediction − number of kept entries with a full score| (asc), duration
//! (asc), submission time (asc). Entries equal on all four share a rank and are reported as
//! tied; the order inside a tie is by participant key, so the ranking never depends on the
//! order entries arrive in.
//!
//! [`Ranker`] takes entries one at a time and keeps only what can still win per participant,
//! so callers can stream files.

use std::cmp::{Ordering, Reverse};
use std::collections::{hash_map, HashMap};

/// One verified, regraded result. Its `Ord` (field by field) is only the last resort that
/// makes every choice independent of input order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The participant key (the issuer's `did:key`).
    pub participant: String,
    /// Where it came from (a file path), for reports.
    pub source: String,
    /// The regraded score.
    pub score: u32,
    /// The highest possible score of the draw.
    pub max_score: u32,
    /// How many entries the participant predicted would have a full score.
    pub prediction: u64,
    /// Submission time minus start time, in ms.
    pub duration_ms: u64,
    /// Submission time, in ms since the Unix epoch.
    pub submitted_at: i64,
    /// The participant's name as the result gives it, for reports.
    pub name: String,
    /// The participant's unit as the result gives it, for reports.
    pub unit: String,
}

/// Which entry counts when a participant submitted more than once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keep {
    /// The earliest submission (the usual rule).
    #[default]
    Earliest,
    /// The submission that ranks best.
    Best,
}

/// How to rank.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RankConfig {
    /// Which entry of a participant counts.
    pub keep: Keep,
    /// Entries submitted after this time (ms since the Unix epoch) are dropped.
    pub deadline: Option<i64>,
}

/// The ranking and what was dropped on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    /// The ranked entries, best first.
    pub rows: Vec<Row>,
    /// The number of kept entries with a full score (what predictions are compared to).
    pub full_scores: u64,
    /// Entries dropped because the participant had another entry that counts.
    pub duplicates: Vec<Entry>,
    /// Entries dropped because they came after the deadline.
    pub late: Vec<Entry>,
}

/// One ranked entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based rank; tied entries share it and the next rank skips (1, 2, 2, 4).
    pub rank: usize,
    /// Whether another entry has the same rank.
    pub tied: bool,
    /// |prediction − full_scores|.
    pub prediction_error: u64,
    /// The entry.
    pub entry: Entry,
}

/// Ranks entries in one call.
pub fn rank(entries: impl IntoIterator<Item = Entry>, config: RankConfig) -> Ranking {
    let mut ranker = Ranker::new(config);
    entries.into_iter().for_each(|entry| ranker.push(entry));
    ranker.finish()
}

/// Incremental ranking: push entries in any order, then [`Ranker::finish`].
#[derive(Debug, Clone)]
pub struct Ranker {
    config: RankConfig,
    /// Per participant, the entries that can still be the one that counts: one for
    /// [`Keep::Earliest`]; for [`Keep::Best`] all with the highest score so far (which of
    /// them ranks best depends on the final full-score count).
    candidates: HashMap<String, Vec<Entry>>,
    duplicates: Vec<Entry>,
    late: Vec<Entry>,
}

impl Ranker {
    /// An empty ranking.
    pub fn new(config: RankConfig) -> Self {
        Ranker {
            config,
            candidates: HashMap::new(),
            duplicates: Vec::new(),
            late: Vec::new(),
        }
    }

    /// Adds one verified entry.
    pub fn push(&mut self, entry: Entry) {
        if self
            .config
            .deadline
            .is_some_and(|deadline| entry.submitted_at > deadline)
        {
            self.late.push(entry);
            return;
        }
        let kept = match self.candidates.entry(entry.participant.clone()) {
            hash_map::Entry::Occupied(kept) => kept.into_mut(),
            hash_map::Entry::Vacant(slot) => {
                slot.insert(vec![entry]);
                return;
            }
        };
        match self.config.keep {
            Keep::Earliest => {
                if submission_order(&entry) < submission_order(&kept[0]) {
                    self.duplicates.push(std::mem::replace(&mut kept[0], entry));
                } else {
                    self.duplicates.push(entry);
                }
            }
            Keep::Best => match entry.score.cmp(&kept[0].score) {
                Ordering::Greater => {
                    self.duplicates.append(kept);
                    kept.push(entry);
                }
                Ordering::Equal => kept.push(entry),
                Ordering::Less => self.duplicates.push(entry),
            },
        }
    }

    /// The ranking.
    pub fn finish(self) -> Ranking {
        let Ranker {
            candidates,
            mut duplicates,
            late,
            ..
        } = self;
        // All candidates of a participant share the (highest) score, so the full-score count
        // is known before choosing among them.
        let full_scores = candidates
            .values()
            .filter(|kept| kept[0].score >= kept[0].max_score)
            .count() as u64;
        let mut chosen = Vec::with_capacity(candidates.len());
        for mut kept in candidates.into_values() {
            kept.sort_by(|a, b| order(a, b, full_scores).then_with(|| a.cmp(b)));
            let mut kept = kept.into_iter();
            chosen.extend(kept.next());
            duplicates.extend(kept);
        }
        chosen.sort_by(|a, b| {
            order(a, b, full_scores).then_with(|| a.participant.cmp(&b.participant))
        });
        duplicates.sort();
        let mut rows: Vec<Row> = Vec::with_capacity(chosen.len());
        for (index, entry) in chosen.into_iter().enumerate() {
            let tied_with_previous = rows
                .last()
                .is_some_and(|previous| order(&previous.entry, &entry, full_scores).is_eq());
            let rank = match rows.last_mut() {
                Some(previous) if tied_with_previous => {
                    previous.tied = true;
                    previous.rank
                }
                _ => index + 1,
            };
            rows.push(Row {
                rank,
                tied: tied_with_previous,
                prediction_error: entry.prediction.abs_diff(full_scores),
                entry,
            });
        }
        let mut late = late;
        late.sort();
        Ranking {
            rows,
            full_scores,
            duplicates,
            late,
        }
    }
}

/// The contest order: `Less` ranks first.
fn order(a: &Entry, b: &Entry, full_scores: u64) -> Ordering {
    let key = |e: &Entry| {
        (
            Reverse(e.score),
            e.prediction.abs_diff(full_scores),
            e.duration_ms,
            e.submitted_at,
        )
    };
    key(a).cmp(&key(b))
}

/// Earliest first; simultaneous submissions by duration, then the whole entry.
fn submission_order(e: &Entry) -> (i64, u64, &Entry) {
    (e.submitted_at, e.duration_ms, e)
}
