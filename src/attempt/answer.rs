//! What a learner answered: by original choice index (0-based) or by text, with its time.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The shape of answer a drawn question takes, as the attempt sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// One choice out of `choices`.
    Single {
        /// Number of choices.
        choices: usize,
    },
    /// Any non-empty set of the `choices`.
    Multiple {
        /// Number of choices.
        choices: usize,
    },
    /// The statement is true (choice 0, "Đúng") or false (choice 1, "Sai").
    TrueFalse,
    /// Free text, compared after Vietnamese folding.
    Short,
}

/// A learner's answer to one question. Choice indices are *original* 0-based indices into the
/// bank's choices, never positions on screen; for true/false questions 0 is "Đúng" (true) and
/// 1 is "Sai" (false).
///
/// JSON: `{"choice": 1}`, `{"choices": [0, 2]}` or `{"text": "chuyển đổi số"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// One choice (single, true/false).
    Choice(usize),
    /// A set of choices (multiple), kept sorted and without duplicates.
    Choices(Vec<usize>),
    /// Free text (short), kept as typed.
    Text(String),
}

/// One recorded answer: which question, what, and when (ms since the Unix epoch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The question id.
    pub question: String,
    /// The answer.
    pub answer: Answer,
    /// When it was given, in ms since the Unix epoch.
    pub at: u64,
}

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    /// A choice index past the question's choices.
    #[error("choice {index} is out of range for a question with {choices} choices")]
    ChoiceOutOfRange {
        /// The index given.
        index: usize,
        /// The number of choices.
        choices: usize,
    },
    /// An answer of the wrong shape, e.g. text for a single-choice question.
    #[error("a {given} answer does not fit a {expected} question")]
    WrongKind {
        /// The shape given (`choice`, `choices`, `text`).
        given: &'static str,
        /// The question kind (`single`, `multiple`, `true_false`, `short`).
        expected: &'static str,
    },
}

impl AnswerKind {
    /// The bank name of this kind.
    pub fn name(self) -> &'static str {
        match self {
            AnswerKind::Single { .. } => "single",
            AnswerKind::Multiple { .. } => "multiple",
            AnswerKind::TrueFalse => "true_false",
            AnswerKind::Short => "short",
        }
    }

    /// Number of choices shown (2 for true/false, 0 for short).
    pub fn choices(self) -> usize {
        match self {
            AnswerKind::Single { choices } | AnswerKind::Multiple { choices } => choices,
            AnswerKind::TrueFalse => 2,
            AnswerKind::Short => 0,
        }
    }

    /// Checks `answer` against this kind and returns it in normal form (a multiple answer
    /// sorted and deduplicated), or `None` when it is blank (no choice, or only whitespace),
    /// which means "unanswered".
    pub fn normalise(self, answer: Answer) -> Result<Option<Answer>, AnswerError> {
        let in_range = |index: usize| {
            if index < self.choices() {
                Ok(())
            } else {
                Err(AnswerError::ChoiceOutOfRange {
                    index,
                    choices: self.choices(),
                })
            }
        };
        match (self, answer) {
            (AnswerKind::Single { .. } | AnswerKind::TrueFalse, Answer::Choice(index)) => {
                in_range(index)?;
                Ok(Some(Answer::Choice(index)))
            }
            (AnswerKind::Multiple { .. }, Answer::Choices(mut set)) => {
                set.iter().try_for_each(|&index| in_range(index))?;
                set.sort_unstable();
                set.dedup();
                Ok((!set.is_empty()).then_some(Answer::Choices(set)))
            }
            (AnswerKind::Short, Answer::Text(text)) => {
                Ok((!text.trim().is_empty()).then_some(Answer::Text(text)))
            }
            (kind, answer) => Err(AnswerError::WrongKind {
                given: answer.shape(),
                expected: kind.name(),
            }),
        }
    }
}

impl Answer {
    /// The JSON tag of this answer's shape.
    pub fn shape(&self) -> &'static str {
        match self {
            Answer::Choice(_) => "choice",
            Answer::Choices(_) => "choices",
            Answer::Text(_) => "text",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_table() {
        let single = AnswerKind::Single { choices: 4 };
        let multiple = AnswerKind::Multiple { choices: 3 };
        let out = |index, choices| Err(AnswerError::ChoiceOutOfRange { index, choices });
        let cases: Vec<(AnswerKind, Answer, Result<Option<Answer>, AnswerError>)> = vec![
            (single, Answer::Choice(3), Ok(Some(Answer::Choice(3)))),
            (single, Answer::Choice(4), out(4, 4)),
            (
                AnswerKind::TrueFalse,
                Answer::Choice(1),
                Ok(Some(Answer::Choice(1))),
            ),
            (AnswerKind::TrueFalse, Answer::Choice(2), out(2, 2)),
            (
                multiple,
                Answer::Choices(vec![2, 0, 2]),
                Ok(Some(Answer::Choices(vec![0, 2]))),
            ),
            (multiple, Answer::Choices(vec![]), Ok(None)),
            (multiple, Answer::Choices(vec![0, 3]), out(3, 3)),
            (
                AnswerKind::Short,
                Answer::Text(" Số ".into()),
                Ok(Some(Answer::Text(" Số ".into()))),
            ),
            (AnswerKind::Short, Answer::Text(" \t".into()), Ok(None)),
            (
                single,
                Answer::Text("a".into()),
                Err(AnswerError::WrongKind {
                    given: "text",
                    expected: "single",
                }),
            ),
            (
                AnswerKind::Short,
                Answer::Choice(0),
                Err(AnswerError::WrongKind {
                    given: "choice",
                    expected: "short",
                }),
            ),
            (
                multiple,
                Answer::Choice(0),
                Err(AnswerError::WrongKind {
                    given: "choice",
                    expected: "multiple",
                }),
            ),
        ];
        for (kind, answer, expected) in cases {
            assert_eq!(
                kind.normalise(answer.clone()),
                expected,
                "{kind:?} {answer:?}"
            );
        }
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            AnswerError::ChoiceOutOfRange {
                index: 5,
                choices: 4
            }
            .to_string(),
            "choice 5 is out of range for a question with 4 choices"
        );
        assert_eq!(
            AnswerError::WrongKind {
                given: "text",
                expected: "single"
            }
            .to_string(),
            "a text answer does not fit a single question"
        );
    }

    #[test]
    fn json_shape() {
        let record = AnswerRecord {
            question: "tq-002".into(),
            answer: Answer::Choices(vec![0, 2]),
            at: 1_700_000_000_123,
        };
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"question":"tq-002","answer":{"choices":[0,2]},"at":1700000000123}"#
        );
        assert_eq!(serde_json::from_str::<AnswerRecord>(&json).unwrap(), record);
    }
}
