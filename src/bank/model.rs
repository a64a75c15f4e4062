//! The parsed question bank. Authors write TOML (see `docs/bank-format.md`); the native loader
//! validates it into this model, which the app receives as JSON. Choice indices are 0-based.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The labels a true/false question shows, in choice order: 0 is true, 1 is false.
pub const TRUE_FALSE_CHOICES: [&str; 2] = ["Đúng", "Sai"];

/// A validated question bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Stable identifier, `[a-z0-9-]+`.
    pub id: String,
    /// Title shown to learners.
    pub title: String,
    /// Version chosen by the authors.
    pub version: String,
    /// Language tag; `vi` for every shipped bank.
    pub language: String,
    /// The documents the bank cites (handbook document ids or free text).
    #[serde(default)]
    pub sources: Vec<String>,
    /// Defaults for running a contest from this bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contest: Option<ContestDefaults>,
    /// The topics, in the order authors declared them.
    pub topics: Vec<Topic>,
    /// The questions, in file order.
    pub questions: Vec<Question>,
}

/// A topic questions are grouped by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable identifier, `[a-z0-9-]+`.
    pub id: String,
    /// Title shown to learners.
    pub title: String,
}

/// How a contest from this bank runs unless its organiser says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestDefaults {
    /// Questions per attempt.
    pub questions: u32,
    /// Minutes from the start until the attempt is submitted automatically.
    pub time_limit_minutes: u32,
    /// Score, in percent of the questions, needed to pass.
    pub pass_percent: u8,
    /// The tie-break prediction question, if the contest asks one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<String>,
    /// Questions drawn from each topic first, by topic id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quotas: BTreeMap<String, u32>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, unique in the bank, `[a-z0-9-]+`.
    pub id: String,
    /// The id of its topic.
    pub topic: String,
    /// Difficulty: 1 easy, 2 medium, 3 hard.
    pub level: u8,
    /// The question (or, for true/false, the statement).
    pub text: String,
    /// Its kind, its choices and what is correct.
    pub answer: AnswerKey,
    /// Why the correct answer is correct, in full sentences.
    pub explanation: String,
    /// Where the fact is stated: `document-id#anchor` or free text.
    pub source: String,
}

/// A question's kind with its choices and correct answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AnswerKey {
    /// Exactly one correct choice.
    Single {
        /// The choices, in authored order.
        choices: Vec<String>,
        /// Index of the correct choice.
        correct: usize,
    },
    /// One or more correct choices; graded as the exact set.
    Multiple {
        /// The choices, in authored order.
        choices: Vec<String>,
        /// Indices of the correct choices, ascending.
        correct: Vec<usize>,
    },
    /// A statement that is true or false.
    TrueFalse {
        /// Whether the statement is true.
        correct: bool,
    },
    /// A short typed answer.
    Short {
        /// Accepted answers, compared after Vietnamese folding.
        accept: Vec<String>,
    },
}

impl AnswerKey {
    /// The kind's name as written in bank files.
    pub fn kind_name(&self) -> &'static str {
        match self {
            AnswerKey::Single { .. } => "single",
            AnswerKey::Multiple { .. } => "multiple",
            AnswerKey::TrueFalse { .. } => "true_false",
            AnswerKey::Short { .. } => "short",
        }
    }

    /// The choice labels in authored order; true/false questions have "Đúng" and "Sai", short
    /// questions none.
    pub fn choice_labels(&self) -> Vec<&str> {
        match self {
            AnswerKey::Single { choices, .. } | AnswerKey::Multiple { choices, .. } => {
                choices.iter().map(String::as_str).collect()
            }
            AnswerKey::TrueFalse { .. } => TRUE_FALSE_CHOICES.to_vec(),
            AnswerKey::Short { .. } => Vec::new(),
        }
    }
}

impl Bank {
    /// The question with id `id`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The topic with id `id`.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}
