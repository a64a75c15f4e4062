//! The rank pipeline: a streaming walk of the inputs, each file read, verified, regraded and
//! dropped on a rayon worker (only its small [`Entry`] is kept), the entries fed to one
//! [`Ranker`]. A file whose data is not in memory is read with the worker's next batch, so the
//! core verifies while the disk reads. Depends on the library and `verify/check.rs` only
//! (`examples/bench_rank.rs` includes this file).

use std::collections::BTreeMap;
use std::fs::{self, File, ReadDir};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use hocso::credential::strict_json::Arena;
use hocso::credential::PendingResult;
use hocso::rank::{Entry, RankConfig, Ranker, Ranking};
use rayon::iter::{ParallelBridge, ParallelIterator};

use super::files::{read_all, read_if_cached, Directory};
use crate::verify::check::{check_signature, read_bytes, regrade_against, Banks, Checked, Invalid};

/// What the pipeline produced.
#[derive(Debug)]
pub struct Outcome {
    /// The ranking.
    pub ranking: Ranking,
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
    Unreadable(io::Error),
}

/// Ranks every result under `inputs` (files, or directories walked for `*.json`), reporting
/// each file left out through `report` as soon as it is found.
pub fn rank_files(
    inputs: &[PathBuf],
    banks: &Banks,
    config: RankConfig,
    report: impl Fn(&Path, &Problem) + Sync,
) -> Outcome {
    let shared = Shared {
        banks,
        report: &report,
        state: Mutex::new(State {
            ranker: Ranker::new(config),
            summary: Summary::default(),
        }),
    };
    // Workers take a batch of paths at a time and lock the shared state once per batch, so
    // neither the walk nor the state is fought over file by file.
    Batches(Walk::new(inputs))
        .par_bridge()
        .fold(Worker::default, |mut worker, batch| {
            worker.take(batch, &shared);
            worker
        })
        .for_each(|worker| worker.finish(&shared));
    let state = shared
        .state
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Outcome {
        ranking: state.ranker.finish(),
        summary: state.summary,
    }
}

/// What the workers share.
struct Shared<'a, R> {
    banks: &'a Banks,
    report: &'a R,
    state: Mutex<State>,
}

struct State {
    ranker: Ranker,
    summary: Summary,
}

/// A file read and judged up to its signature, or why it could not be read.
type Read = Result<(Result<PendingResult, Invalid>, PathBuf), (PathBuf, io::Error)>;

impl<R: Fn(&Path, &Problem) + Sync> Shared<'_, R> {
    /// Finishes judging files read, then counts and ranks them. All their signatures are
    /// checked before any of them is regraded, which keeps the curve code and tables in cache
    /// from one signature to the next (regrading each file after its signature made `rank`
    /// about 4 % slower).
    fn judge(&self, read: Vec<Read>) {
        let verified: Vec<_> = read
            .into_iter()
            .map(|read| read.map(|(pending, path)| (pending.and_then(check_signature), path)))
            .collect();
        let judged: Vec<_> = verified
            .into_iter()
            .map(|read| {
                read.map(|(verified, path)| {
                    let checked =
                        verified.and_then(|verified| regrade_against(verified, self.banks));
                    (checked.map(|checked| entry(checked, &path)), path)
                })
            })
            .collect();
        let mut problems = Vec::new();
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for judged in judged {
            state.summary.files += 1;
            match judged {
                Ok((Ok(entry), _)) => {
                    state.summary.valid += 1;
                    state.ranker.push(entry);
                }
                Ok((Err(invalid), path)) => {
                    *state.summary.invalid.entry(invalid.code).or_default() += 1;
                    problems.push((path, Problem::Invalid(invalid)));
                }
                Err((path, e)) => {
                    state.summary.unreadable += 1;
                    problems.push((path, Problem::Unreadable(e)));
                }
            }
        }
        drop(state);
        for (path, problem) in &problems {
            (self.report)(path, problem);
        }
    }
}

/// One worker's reading: a buffer that serves all its files, an arena for those that need a
/// tree (see [`read_result_in`]), and the files of its last batch whose data was still on disk
/// (see [`read_if_cached`]).
///
/// [`read_result_in`]: hocso::credential::read_result_in
#[derive(Default)]
struct Worker {
    buffer: Vec<u8>,
    arena: Arena,
    on_disk: Vec<(FoundFile, File)>,
}

impl Worker {
    /// Reads and judges the files of `batch` whose data is in memory, and the files of the
    /// previous batch that were not: the disk has had the time of a batch to bring them in,
    /// which the core spent verifying instead of waiting.
    fn take(&mut self, batch: Vec<Found>, shared: &Shared<'_, impl Fn(&Path, &Problem) + Sync>) {
        let waited = std::mem::take(&mut self.on_disk);
        let mut read = Vec::with_capacity(batch.len() + waited.len());
        for found in batch {
            let opened = found.and_then(|found| match found.open() {
                Ok(file) => Ok((found, file)),
                Err(e) => Err((found.path, e)),
            });
            let (found, file) = match opened {
                Ok(opened) => opened,
                Err(unreadable) => {
                    read.push(Err(unreadable));
                    continue;
                }
            };
            match read_if_cached(&file, found.regular, &mut self.buffer) {
                Ok(Some(bytes)) => read.push(parsed(Ok(bytes), found.path, &mut self.arena)),
                Ok(None) => self.on_disk.push((found, file)),
                Err(e) => read.push(Err((found.path, e))),
            }
        }
        for (found, file) in waited {
            let bytes = read_all(&file, found.regular, &mut self.buffer);
            read.push(parsed(bytes, found.path, &mut self.arena));
        }
        shared.judge(read);
    }

    /// Reads and judges the files still on disk after the last batch.
    fn finish(mut self, shared: &Shared<'_, impl Fn(&Path, &Problem) + Sync>) {
        self.take(Vec::new(), shared);
    }
}

/// The bytes read from the file at `path` judged up to its signature (its tree, if it needs one,
/// in `arena`),
/// or why they could not be read.
fn parsed(bytes: io::Result<&[u8]>, path: PathBuf, arena: &mut Arena) -> Read {
    match bytes {
        Ok(bytes) => Ok((read_bytes(bytes, arena), path)),
        Err(e) => Err((path, e)),
    }
}

/// The ranking entry of a valid file (made on the worker, so the shared state is locked only
/// to store it).
fn entry(checked: Checked, path: &Path) -> Entry {
    let Checked { verified, regraded } = checked;
    let participant = verified.result.participant;
    Entry {
        participant: verified.issuer.into(),
        source: path.to_string_lossy().into_owned(),
        score: regraded.score,
        max_score: regraded.max_score,
        prediction: verified.result.prediction,
        duration_ms: regraded.duration_ms,
        submitted_at: verified.result.submitted_at,
        name: participant.name,
        unit: participant.unit,
    }
}

/// How many paths a worker takes from the walk at a time.
const BATCH: usize = 64;

/// The walk in batches of [`BATCH`] paths.
struct Batches<'a>(Walk<'a>);

impl Iterator for Batches<'_> {
    type Item = Vec<Found>;

    fn next(&mut self) -> Option<Self::Item> {
        let batch: Vec<_> = self.0.by_ref().take(BATCH).collect();
        (!batch.is_empty()).then_some(batch)
    }
}

/// A lazy depth-first walk: named files as they are, directories for their `*.json` files
/// (symbolic links to directories are not followed, so the walk cannot loop).
struct Walk<'a> {
    named: std::slice::Iter<'a, PathBuf>,
    /// The directories being listed, each with a handle its files are opened through.
    open: Vec<(ReadDir, Option<Arc<Directory>>)>,
}

impl<'a> Walk<'a> {
    fn new(inputs: &'a [PathBuf]) -> Self {
        Walk {
            named: inputs.iter(),
            open: Vec::new(),
        }
    }

    /// Starts listing the directory at `path`.
    fn list(&mut self, path: &Path) -> io::Result<()> {
        let listing = fs::read_dir(path)?;
        self.open
            .push((listing, Directory::open(path).map(Arc::new)));
        Ok(())
    }
}

/// A result file found by the walk, or what could not be read on the way.
type Found = Result<FoundFile, (PathBuf, io::Error)>;

/// A result file the walk found.
struct FoundFile {
    path: PathBuf,
    /// The directory it was found in, which it is opened through.
    directory: Option<Arc<Directory>>,
    /// Whether it is known to be a regular file (see [`read_all`]).
    regular: bool,
}

impl FoundFile {
    /// Opens the file for reading, through its directory when it has one.
    fn open(&self) -> io::Result<File> {
        match &self.directory {
            Some(directory) => directory.open_file(&self.path),
            None => File::open(&self.path),
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some((dir, directory)) = self.open.last_mut() else {
                let path = self.named.next()?.clone();
                // Following symbolic links, as opening the file does; an error is the open's
                // to report.
                let kind = fs::metadata(&path).map(|metadata| metadata.file_type());
                if kind.as_ref().is_ok_and(|kind| kind.is_dir()) {
                    if let Err(e) = self.list(&path) {
                        return Some(Err((path, e)));
                    }
                    continue;
                }
                return Some(Ok(FoundFile {
                    path,
                    directory: None,
                    regular: kind.is_ok_and(|kind| kind.is_file()),
                }));
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
                Ok(kind) if kind.is_dir() => {
                    if let Err(e) = self.list(&path) {
                        return Some(Err((path, e)));
                    }
                }
                // A symbolic link is not known to be a regular file: its type is the link's.
                Ok(kind) if path.extension().is_some_and(|ext| ext == "json") => {
                    return Some(Ok(FoundFile {
                        path,
                        directory: directory.clone(),
                        regular: kind.is_file(),
                    }));
                }
                Ok(_) => {}
                Err(e) => return Some(Err((path, e))),
            }
        }
    }
}
