//! Counts of a bank's questions by topic, level and kind (`hocso bank stats`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::load::KINDS;
use super::Bank;

/// How many questions a bank has, in total and per topic, level and kind. Every declared topic,
/// every level (1–3) and every kind appears, with 0 when it has no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// All questions.
    pub questions: usize,
    /// By topic id.
    pub topics: BTreeMap<String, usize>,
    /// By level, `"1"` to `"3"`.
    pub levels: BTreeMap<String, usize>,
    /// By kind name.
    pub kinds: BTreeMap<String, usize>,
}

impl Stats {
    /// Counts `bank`'s questions.
    pub fn of(bank: &Bank) -> Self {
        let mut topics: BTreeMap<String, usize> =
            bank.topics.iter().map(|t| (t.id.clone(), 0)).collect();
        let mut levels: BTreeMap<String, usize> =
            (1..=3).map(|level: u8| (level.to_string(), 0)).collect();
        let mut kinds: BTreeMap<String, usize> =
            KINDS.iter().map(|k| ((*k).to_owned(), 0)).collect();
        for question in &bank.questions {
            *topics.entry(question.topic.clone()).or_default() += 1;
            *levels.entry(question.level.to_string()).or_default() += 1;
            *kinds
                .entry(question.answer.kind_name().to_owned())
                .or_default() += 1;
        }
        Self {
            questions: bank.questions.len(),
            topics,
            levels,
            kinds,
        }
    }
}
