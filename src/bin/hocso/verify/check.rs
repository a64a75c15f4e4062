//! One result file judged against the banks: read, strict JSON, signature, issuer, then
//! regrading (the score in the file is never trusted). Shared by `verify` and `rank`, and by
//! `examples/bench_rank.rs` (which includes this file), so it depends on the library only.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use hocso::attempt::PreparedBank;
use hocso::bank::{digest, Bank};
use hocso::credential::strict_json::Arena;
use hocso::credential::{
    read_result_in, regrade, PendingResult, RegradeError, Regraded, VerifiedResult, VerifyError,
};

/// The banks results are regraded against, by digest, each prepared once for its replays.
#[derive(Debug, Default)]
pub struct Banks(HashMap<String, PreparedBank>);

impl Banks {
    /// Banks keyed by their digest.
    pub fn new(banks: impl IntoIterator<Item = Bank>) -> Self {
        Banks(
            banks
                .into_iter()
                .map(|bank| (digest(&bank), PreparedBank::new(bank)))
                .collect(),
        )
    }

    /// The bank with `digest`.
    pub fn get(&self, digest: &str) -> Option<&PreparedBank> {
        self.0.get(digest)
    }
}

/// A result that verified and regraded.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// What the signature covers.
    pub verified: VerifiedResult,
    /// The recomputed score and the duration.
    pub regraded: Regraded,
}

/// Why a file is not a valid result: a stable English code and the Vietnamese reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// `VerifyError::code`, `RegradeError::code`, or `not_utf8`.
    pub code: &'static str,
    /// The reason, in Vietnamese.
    pub reason: String,
}

/// Reads `path` (an I/O error is the caller's to report) and judges its text.
pub fn check_file(path: &Path, banks: &Banks) -> std::io::Result<Result<Checked, Invalid>> {
    let bytes = fs::read(path)?;
    Ok(check_bytes(&bytes, banks))
}

/// Judges the bytes of a file.
pub fn check_bytes(bytes: &[u8], banks: &Banks) -> Result<Checked, Invalid> {
    read_bytes(bytes, &mut Arena::new())
        .and_then(check_signature)
        .and_then(|verified| regrade_against(verified, banks))
}

/// The first of [`check_bytes`]'s three steps: everything up to the signature check (see
/// [`PendingResult`]), the document's tree, if it needs one, in `arena`, so that a batch of
/// files can share one arena and have their signatures checked together.
pub fn read_bytes(bytes: &[u8], arena: &mut Arena) -> Result<PendingResult, Invalid> {
    let text = std::str::from_utf8(bytes).map_err(|e| Invalid {
        code: "not_utf8",
        reason: format!(
            "tệp không phải văn bản UTF-8 (byte sai ở vị trí {})",
            e.valid_up_to()
        ),
    })?;
    Ok(read_result_in(text, arena)?)
}

/// The second step of [`check_bytes`]: the signature (`rank` checks a whole batch's before
/// regrading any of them).
pub fn check_signature(pending: PendingResult) -> Result<VerifiedResult, Invalid> {
    Ok(pending.verify()?)
}

/// The last step of [`check_bytes`]: regrading a result whose signature holds.
pub fn regrade_against(verified: VerifiedResult, banks: &Banks) -> Result<Checked, Invalid> {
    let regraded = regrade(&verified.result, |d| banks.get(d))?;
    Ok(Checked { verified, regraded })
}

impl From<VerifyError> for Invalid {
    fn from(e: VerifyError) -> Self {
        Invalid {
            code: e.code(),
            reason: e.to_string(),
        }
    }
}

impl From<RegradeError> for Invalid {
    fn from(e: RegradeError) -> Self {
        Invalid {
            code: e.code(),
            reason: e.to_string(),
        }
    }
}

/// `m:ss.mmm`, how durations are shown.
pub fn format_duration(ms: u64) -> String {
    format!("{}:{:02}.{:03}", ms / 60_000, ms / 1000 % 60, ms % 1000)
}
