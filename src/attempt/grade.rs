//! The attempt engine over a parsed bank: what the draw needs of its questions, contest settings
//! from the bank's defaults, and grading.
//!
//! Grading rules: single and true/false questions are all-or-nothing on the one choice; multiple
//! questions count only when the chosen set equals the correct set exactly (no partial credit);
//! short answers count when, after Vietnamese folding (case, tone marks, circumflex, breve, horn,
//! `đ`, whitespace), the text equals one of the accepted answers. The score is the number of
//! correct answers; unanswered questions count as wrong.

use crate::bank::{AnswerKey, Bank, ContestDefaults};
use crate::text::fold;

use super::answer::{Answer, AnswerKind, AnswerRecord};
use super::draw::{draw_items, ContestSettings, Draw, DrawError, Quota};
use super::prepared::draw_inputs;

impl Draw {
    /// Draws the questions of an attempt from `bank` with `seed` (see the `draw` module for the
    /// algorithm).
    pub fn from_bank(
        bank: &Bank,
        seed: u64,
        settings: &ContestSettings,
    ) -> Result<Draw, DrawError> {
        let (topics, items) = draw_inputs(bank);
        draw_items(&items, &topics, seed, settings)
    }
}

/// Time limit of a contest over a bank without `[bank.contest]` defaults.
pub const DEFAULT_TIME_LIMIT_MINUTES: u32 = 15;

impl ContestSettings {
    /// The settings a contest over `bank` runs with: its `[bank.contest]` defaults, or, for a
    /// bank without them (e.g. imported from GIFT), every question, no quotas and
    /// [`DEFAULT_TIME_LIMIT_MINUTES`]. The app and `hocso attempt replay` both start from this.
    pub fn for_bank(bank: &Bank) -> ContestSettings {
        bank.contest.as_ref().map_or_else(
            || ContestSettings {
                questions: bank.questions.len(),
                quotas: Vec::new(),
                time_limit_ms: u64::from(DEFAULT_TIME_LIMIT_MINUTES) * 60_000,
            },
            ContestSettings::from_defaults,
        )
    }

    /// The settings a bank's contest defaults describe.
    pub fn from_defaults(defaults: &ContestDefaults) -> ContestSettings {
        ContestSettings {
            questions: defaults.questions as usize,
            quotas: defaults
                .quotas
                .iter()
                .map(|(topic, &count)| Quota {
                    topic: topic.clone(),
                    count: count as usize,
                })
                .collect(),
            time_limit_ms: u64::from(defaults.time_limit_minutes) * 60_000,
        }
    }
}

impl AnswerKind {
    /// The shape of answer a bank question takes.
    pub fn of(key: &AnswerKey) -> AnswerKind {
        match key {
            AnswerKey::Single { choices, .. } => AnswerKind::Single {
                choices: choices.len(),
            },
            AnswerKey::Multiple { choices, .. } => AnswerKind::Multiple {
                choices: choices.len(),
            },
            AnswerKey::TrueFalse { .. } => AnswerKind::TrueFalse,
            AnswerKey::Short { .. } => AnswerKind::Short,
        }
    }
}

/// The graded outcome of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// For each drawn question in presentation order, whether it was answered correctly.
    pub correct: Vec<bool>,
}

impl Grade {
    /// Number of correct answers: the score.
    pub fn score(&self) -> usize {
        self.correct.iter().filter(|c| **c).count()
    }

    /// Number of questions graded: the highest possible score.
    pub fn max(&self) -> usize {
        self.correct.len()
    }

    /// The score in whole percent of the questions, rounded down.
    pub fn percent(&self) -> usize {
        (self.score() * 100).checked_div(self.max()).unwrap_or(0)
    }
}

/// Grades `answers` against the drawn questions of `bank`.
pub fn grade(bank: &Bank, draw: &Draw, answers: &[AnswerRecord]) -> Grade {
    let correct = draw
        .questions()
        .iter()
        .map(|drawn| {
            let given = answers.iter().find(|r| r.question == drawn.id);
            match (bank.questions.get(drawn.index), given) {
                (Some(question), Some(record)) => is_correct(&question.answer, &record.answer),
                _ => false,
            }
        })
        .collect();
    Grade { correct }
}

/// Whether `answer` is a correct answer to a question with `key`.
pub fn is_correct(key: &AnswerKey, answer: &Answer) -> bool {
    match (key, answer) {
        (AnswerKey::Single { correct, .. }, Answer::Choice(choice)) => choice == correct,
        (AnswerKey::TrueFalse { correct }, Answer::Choice(choice)) => {
            *choice == if *correct { 0 } else { 1 }
        }
        // The same set: `correct` has no repeats, `chosen` may be in any order, with repeats.
        (AnswerKey::Multiple { correct, .. }, Answer::Choices(chosen)) => {
            chosen.iter().all(|c| correct.contains(c)) && correct.iter().all(|c| chosen.contains(c))
        }
        (AnswerKey::Short { accept }, Answer::Text(text)) => {
            short_answer_matches(text, accept.iter().map(|a| fold(a)))
        }
        _ => false,
    }
}

/// Whether typed short-answer `text` matches one of the accepted answers, given folded
/// ([`fold`]): case, diacritics and spacing do not count, and empty text matches nothing.
pub(crate) fn short_answer_matches(
    text: &str,
    folded_accepts: impl IntoIterator<Item = impl AsRef<str>>,
) -> bool {
    let typed = fold(text);
    !typed.is_empty()
        && folded_accepts
            .into_iter()
            .any(|accept| accept.as_ref() == typed)
}
