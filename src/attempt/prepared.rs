//! A bank prepared for replaying many draws and grading their answers: what the draw needs of
//! its questions, an index of their ids and the folded forms of accepted short answers,
//! computed once. Verifiers that regrade thousands of results keep one per bank.

use std::collections::HashMap;

use crate::bank::{AnswerKey, Bank};
use crate::text::fold;

use super::answer::{Answer, AnswerKind};
use super::draw::{draw_items, pick_items, topic_pools, ContestSettings, Draw, DrawError, Item};
use super::grade::{is_correct, short_answer_matches};
use super::rng::Stream;

/// A bank with its draw items (bank order), each topic's items, its question ids by bank
/// index, and each short-answer question's accepted answers folded.
#[derive(Debug, Clone)]
pub struct PreparedBank {
    bank: Bank,
    topics: Vec<String>,
    items: Vec<Item>,
    by_topic: Vec<Vec<usize>>,
    /// Hashed with `foldhash`: an id lookup per answer of every result regraded, and the ids
    /// come from the bank, so SipHash's protection against chosen keys is not needed.
    by_id: HashMap<String, usize, foldhash::fast::RandomState>,
    folded_accepts: Vec<Vec<String>>,
}

impl PreparedBank {
    /// Prepares `bank`.
    pub fn new(bank: Bank) -> Self {
        let (topics, items) = draw_inputs(&bank);
        let by_id = items
            .iter()
            .enumerate()
            .map(|(index, item)| (item.id.clone(), index))
            .collect();
        let folded_accepts = bank
            .questions
            .iter()
            .map(|question| match &question.answer {
                AnswerKey::Short { accept } => accept.iter().map(|a| fold(a)).collect(),
                _ => Vec::new(),
            })
            .collect();
        PreparedBank {
            by_topic: topic_pools(&items, topics.len()),
            bank,
            topics,
            items,
            by_id,
            folded_accepts,
        }
    }

    /// The bank.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The draw of `seed` with `settings`, as [`Draw::from_bank`] makes it.
    pub fn draw(&self, seed: u64, settings: &ContestSettings) -> Result<Draw, DrawError> {
        draw_items(&self.items, &self.topics, seed, settings)
    }

    /// Which questions the draw of `seed` with `settings` holds (bank indices, in the order
    /// picked, not presented): the draw without its shuffles, which grading does not need.
    pub fn picks(&self, seed: u64, settings: &ContestSettings) -> Result<Vec<usize>, DrawError> {
        let rng = &mut Stream::new(seed);
        pick_items(&self.items, &self.topics, &self.by_topic, rng, settings)
    }

    /// The bank index of question `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether `answer` is a correct answer to the question at bank index `index`, as
    /// [`is_correct`] judges it (short answers against their prepared folded forms).
    pub fn is_correct(&self, index: usize, answer: &Answer) -> bool {
        match (&self.bank.questions[index].answer, answer) {
            (AnswerKey::Short { .. }, Answer::Text(text)) => {
                short_answer_matches(text, &self.folded_accepts[index])
            }
            (key, answer) => is_correct(key, answer),
        }
    }
}

/// The topic ids (bank order) and the draw items (bank order) of `bank`.
pub(crate) fn draw_inputs(bank: &Bank) -> (Vec<String>, Vec<Item>) {
    let topics: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    let items = bank
        .questions
        .iter()
        .map(|q| Item {
            id: q.id.clone(),
            topic: topics
                .iter()
                .position(|t| *t == q.topic)
                .unwrap_or(usize::MAX),
            kind: AnswerKind::of(&q.answer),
        })
        .collect();
    (topics, items)
}
