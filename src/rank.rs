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
use std::hash::BuildHasher;

use hashbrown::hash_table::{self, HashTable};

/// One verified, regraded result. Its `Ord` (field by field) is only the last resort that
/// makes every choice independent of input order.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Per participant, the entries that can still be the one that counts.
    kept: Chunked<Candidates>,
    /// Where each participant's candidates are in `kept`, found by hashing the participant key
    /// (the key is stored once, in the entries).
    index: HashTable<usize>,
    hasher: foldhash::fast::RandomState,
    duplicates: Vec<Entry>,
    late: Vec<Entry>,
}

/// The entries of one participant that can still be the one that counts: one for
/// [`Keep::Earliest`]; for [`Keep::Best`] all with the highest score so far (which of them
/// ranks best depends on the final full-score count).
#[derive(Debug, Clone)]
struct Candidates {
    first: Entry,
    more: Vec<Entry>,
}

impl Ranker {
    /// An empty ranking.
    pub fn new(config: RankConfig) -> Self {
        Ranker {
            config,
            kept: Chunked::default(),
            index: HashTable::new(),
            hasher: foldhash::fast::RandomState::default(),
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
        let Ranker {
            kept,
            index,
            hasher,
            ..
        } = self;
        let slot = match index.entry(
            hasher.hash_one(&entry.participant),
            |&slot| kept[slot].first.participant == entry.participant,
            |&slot| hasher.hash_one(&kept[slot].first.participant),
        ) {
            hash_table::Entry::Occupied(found) => *found.get(),
            hash_table::Entry::Vacant(free) => {
                free.insert(kept.len());
                kept.push(Candidates {
                    first: entry,
                    more: Vec::new(),
                });
                return;
            }
        };
        let Candidates { first, more } = &mut kept[slot];
        match self.config.keep {
            Keep::Earliest => {
                if submission_order(&entry) < submission_order(first) {
                    self.duplicates.push(std::mem::replace(first, entry));
                } else {
                    self.duplicates.push(entry);
                }
            }
            Keep::Best => match entry.score.cmp(&first.score) {
                Ordering::Greater => {
                    self.duplicates.push(std::mem::replace(first, entry));
                    self.duplicates.append(more);
                }
                Ordering::Equal => more.push(entry),
                Ordering::Less => self.duplicates.push(entry),
            },
        }
    }

    /// The ranking.
    pub fn finish(self) -> Ranking {
        let Ranker {
            mut kept,
            mut duplicates,
            late,
            ..
        } = self;
        // All candidates of a participant share the (highest) score, so the full-score count
        // is known before choosing among them.
        let full_scores = kept
            .iter()
            .filter(|kept| kept.first.score >= kept.first.max_score)
            .count() as u64;
        for Candidates { first, more } in kept.iter_mut() {
            if more.is_empty() {
                continue;
            }
            more.push(std::mem::take(first));
            more.sort_by(|a, b| order(a, b, full_scores).then_with(|| a.cmp(b)));
            *first = more.remove(0);
            duplicates.append(more);
        }
        // The contest order is sorted on keys copied out of the entries, which then move
        // once, into their rows.
        let mut ranked: Vec<(RankKey, usize)> = kept
            .iter()
            .enumerate()
            .map(|(slot, kept)| (rank_key(&kept.first, full_scores), slot))
            .collect();
        ranked.sort_unstable_by(|(a, a_slot), (b, b_slot)| {
            a.cmp(b).then_with(|| {
                let participant = |slot: &usize| &kept[*slot].first.participant;
                participant(a_slot).cmp(participant(b_slot))
            })
        });
        duplicates.sort();
        let mut rows: Vec<Row> = Vec::with_capacity(ranked.len());
        for (index, (key, slot)) in ranked.iter().enumerate() {
            let tied_with_previous = index > 0 && ranked[index - 1].0 == *key;
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
                prediction_error: key.1,
                entry: std::mem::take(&mut kept[*slot].first),
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

/// Items in chunks of a fixed capacity, so growing never moves what is already stored: a
/// million entries need no copy of a growing array (nor twice its memory while it grows).
#[derive(Debug, Clone)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked { chunks: Vec::new() }
    }
}

/// Items per chunk.
const CHUNK: usize = 4096;

impl<T> Chunked<T> {
    fn len(&self) -> usize {
        self.chunks
            .last()
            .map_or(0, |last| (self.chunks.len() - 1) * CHUNK + last.len())
    }

    fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }

    fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.chunks.iter_mut().flatten()
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        &self.chunks[index / CHUNK][index % CHUNK]
    }
}

impl<T> std::ops::IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, index: usize) -> &mut T {
        &mut self.chunks[index / CHUNK][index % CHUNK]
    }
}

/// What the contest order compares: score (desc), prediction error, duration, submission time.
type RankKey = (Reverse<u32>, u64, u64, i64);

/// The contest order's key of an entry, given the number of full scores.
fn rank_key(e: &Entry, full_scores: u64) -> RankKey {
    (
        Reverse(e.score),
        e.prediction.abs_diff(full_scores),
        e.duration_ms,
        e.submitted_at,
    )
}

/// The contest order: `Less` ranks first.
fn order(a: &Entry, b: &Entry, full_scores: u64) -> Ordering {
    rank_key(a, full_scores).cmp(&rank_key(b, full_scores))
}

/// Earliest first; simultaneous submissions by duration, then the whole entry.
fn submission_order(e: &Entry) -> (i64, u64, &Entry) {
    (e.submitted_at, e.duration_ms, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_storage_keeps_order_and_places_across_chunks() {
        let mut items = Chunked::default();
        assert_eq!(items.len(), 0);
        let count = 2 * CHUNK + 5;
        for item in 0..count {
            items.push(item);
            assert_eq!(items.len(), item + 1);
        }
        assert_eq!(items.chunks.len(), 3);
        assert!(items.iter().copied().eq(0..count));
        for index in [0, CHUNK - 1, CHUNK, 2 * CHUNK, count - 1] {
            assert_eq!(items[index], index);
        }
        items.iter_mut().for_each(|item| *item *= 2);
        items[CHUNK] += 1;
        assert_eq!(items[CHUNK], 2 * CHUNK + 1);
        assert_eq!(items[count - 1], 2 * (count - 1));
    }
}
