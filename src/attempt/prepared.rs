//! A bank prepared for replaying many draws: what the draw needs of its questions and an index
//! of their ids, computed once. Verifiers that regrade thousands of results keep one per bank.

use std::collections::HashMap;

use crate::bank::Bank;

use super::answer::AnswerKind;
use super::draw::{draw_items, pick_items, topic_pools, ContestSettings, Draw, DrawError, Item};
use super::rng::Stream;

/// A bank with its draw items (bank order), each topic's items, and its question ids by bank
/// index.
#[derive(Debug, Clone)]
pub struct PreparedBank {
    bank: Bank,
    topics: Vec<String>,
    items: Vec<Item>,
    by_topic: Vec<Vec<usize>>,
    by_id: HashMap<String, usize>,
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
        PreparedBank {
            by_topic: topic_pools(&items, topics.len()),
            bank,
            topics,
            items,
            by_id,
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
