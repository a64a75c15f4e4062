//! The rank pipeline: a streaming walk of the inputs, each file read, verified, regraded and
//! dropped on a rayon worker (only its small [`Entry`] and the participant's name and unit are
//! kept), the entries fed to one [`Ranker`]. Depends on the library and `verify/check.rs` only
//! (`examples/bench_rank.rs` includes this file).

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, ReadDir};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use hocso::rank::{Entry, RankConfig, Ranker, Ranking};
use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::verify::check::{check_bytes, Banks, Checked, Invalid};

/// What the pipeline produced.
#[derive(Debug)]
pub struct Outcome {
    /// The ranking.
    pub ranking: Ranking,
    /// Name and unit of every valid entry, by its source path.
    pub people: HashMap<String, (String, String)>,
    /// The counts.
    pub summary: Summary,
}

/// Counts for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files found (readable or not).
    pub files: u64,
    /// Files that verified and regraded.
    pub valid: u64,
    /// Invalid files by reason code.
    pub invalid: BTreeMap<&'static str, u64>,
    /// Files or directories that could not be read.
    pub unreadable: u64,
}

/// Why one input was left out, reported with its path.
#[derive(Debug)]
pub enum Problem {
    /// Not a valid result.
    Invalid(Invalid),
    /// An I/O error.
    Unreadable(std::io::Error),
}

/// Ranks every result under `inputs` (files, or directories walked for `*.json`), reporting
/// each file left out through `report` as soon as it is found.
pub fn rank_files(
    inputs: &[PathBuf],
    banks: &Banks,
    config: RankConfig,
    report: impl Fn(&Path, &Problem) + Sync,
) -> Outcome {
    let state = Mutex::new(State {
        ranker: Ranker::new(config),
        people: HashMap::new(),
        summary: Summary::default(),
    });
    Walk::new(inputs).par_bridge().for_each(|found| {
        let judged = found.and_then(|path| match fs::read(&path) {
            Ok(bytes) => Ok((check_bytes(bytes, banks), path)),
            Err(e) => Err((path, e)),
        });
        let mut state = state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.summary.files += 1;
        match judged {
            Ok((Ok(checked), path)) => state.add(checked, path),
            Ok((Err(invalid), path)) => {
                *state.summary.invalid.entry(invalid.code).or_default() += 1;
                drop(state);
                report(&path, &Problem::Invalid(invalid));
            }
            Err((path, e)) => {
                state.summary.unreadable += 1;
                drop(state);
                report(&path, &Problem::Unreadable(e));
            }
        }
    });
    let state = state
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Outcome {
        ranking: state.ranker.finish(),
        people: state.people,
        summary: state.summary,
    }
}

struct State {
    ranker: Ranker,
    people: HashMap<String, (String, String)>,
    summary: Summary,
}

impl State {
    fn add(&mut self, checked: Checked, path: PathBuf) {
        let Checked { verified, regraded } = checked;
        let source = path.display().to_string();
        let participant = verified.result.participant;
        self.people
            .insert(source.clone(), (participant.name, participant.unit));
        self.summary.valid += 1;
        self.ranker.push(Entry {
            participant: verified.issuer.to_string(),
            source,
            score: regraded.score,
            max_score: regraded.max_score,
            prediction: verified.result.prediction,
            duration_ms: regraded.duration_ms,
            submitted_at: verified.result.submitted_at,
        });
    }
}

/// A lazy depth-first walk: named files as they are, directories for their `*.json` files
/// (symbolic links to directories are not followed, so the walk cannot loop).
struct Walk<'a> {
    named: std::slice::Iter<'a, PathBuf>,
    open: Vec<ReadDir>,
}

impl<'a> Walk<'a> {
    fn new(inputs: &'a [PathBuf]) -> Self {
        Walk {
            named: inputs.iter(),
            open: Vec::new(),
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Result<PathBuf, (PathBuf, std::io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(dir) = self.open.last_mut() else {
                let path = self.named.next()?.clone();
                if path.is_dir() {
                    match fs::read_dir(&path) {
                        Ok(dir) => self.open.push(dir),
                        Err(e) => return Some(Err((path, e))),
                    }
                    continue;
                }
                return Some(Ok(path));
            };
            let Some(entry) = dir.next() else {
                self.open.pop();
                continue;
            };
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => return Some(Err((PathBuf::from("<directory entry>"), e))),
            };
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => match fs::read_dir(&path) {
                    Ok(dir) => self.open.push(dir),
                    Err(e) => return Some(Err((path, e))),
                },
                Ok(_) if path.extension().is_some_and(|ext| ext == "json") => {
                    return Some(Ok(path))
                }
                Ok(_) => {}
                Err(e) => return Some(Err((path, e))),
            }
        }
    }
}
