//! The bank digest: lowercase hex SHA-256 over the RFC 8785 (JCS) canonical JSON of the parsed
//! [`Bank`]. Results name the bank by it, so it is stable across platforms and across the field
//! order of the TOML the bank came from. Canonicalisation is [`crate::jcs`].

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::Bank;

/// The bank's digest: 64 lowercase hex digits.
pub fn digest(bank: &Bank) -> String {
    let value = serde_json::to_value(bank).expect("a bank has only string keys");
    let canonical = crate::jcs::canonicalize(&value);
    let hash = Sha256::digest(&canonical);
    let mut hex = String::with_capacity(64);
    for byte in hash {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// A validated bank with its digest: the JSON `hocso bank build` writes for the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Built {
    /// [`digest`] of `bank`.
    pub digest: String,
    /// The bank.
    pub bank: Bank,
}

impl Built {
    /// Pairs `bank` with its digest.
    pub fn new(bank: Bank) -> Self {
        Self {
            digest: digest(&bank),
            bank,
        }
    }

    /// Whether `digest` is the digest of `bank` (a file edited after it was built is not).
    pub fn digest_matches(&self) -> bool {
        digest(&self.bank) == self.digest
    }
}

/// The RFC 8785 canonical form of the JSON text `json`: keys sorted by UTF-16 code units, no
/// whitespace, numbers as ECMAScript prints IEEE 754 doubles (so integers beyond 2^53 round as
/// a double would), strings with the minimal escapes.
pub fn canonical_json(json: &str) -> Result<String, serde_json::Error> {
    let value: Value = serde_json::from_str(json)?;
    Ok(String::from_utf8_lossy(&crate::jcs::canonicalize(&value)).into_owned())
}
