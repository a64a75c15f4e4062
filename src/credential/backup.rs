//! The learner's key backup: one JSON file holding the Ed25519 key as Multikey
//! (`secretKeyMultibase`, `publicKeyMultibase`) and its `did:key`, and the checks a restore
//! makes before anything is overwritten. Messages are Vietnamese.

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::datetime::format_timestamp;
use super::did_key::{decode_secret_multikey, encode_secret_multikey, DidKey};
use super::strict_json::parse_strict;

/// The `type` of a key backup file.
pub const BACKUP_TYPE: &str = "HocSoKeyBackup";
/// The backup format version this code writes and reads.
pub const BACKUP_VERSION: u32 = 1;

/// A key backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyBackup {
    /// Always [`BACKUP_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// Always [`BACKUP_VERSION`].
    pub version: u32,
    /// The `did:key`.
    pub id: String,
    /// The public key as Multikey.
    pub public_key_multibase: String,
    /// The secret key as Multikey.
    pub secret_key_multibase: String,
    /// When the backup was made.
    pub created: String,
}

/// Why a backup file cannot be restored (Vietnamese `Display`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RestoreError {
    /// Not JSON, or JSON with a duplicate member name.
    #[error("tệp sao lưu không phải JSON hợp lệ (dòng {line}, cột {column})")]
    BadJson {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// JSON, but not a key backup of a version this app reads.
    #[error("đây không phải là tệp sao lưu khóa của Học số")]
    UnknownFormat,
    /// The secret key does not decode.
    #[error("khóa bí mật trong tệp bị hỏng")]
    CorruptSecret,
    /// The public key or `did:key` do not belong to the secret key.
    #[error("khóa công khai trong tệp không khớp với khóa bí mật: tệp đã bị sửa hoặc hỏng")]
    Mismatch,
}

/// The backup of `key`, made at `now` (ms since the Unix epoch).
pub fn backup(key: &SigningKey, now: i64) -> KeyBackup {
    let did = DidKey::of(key);
    KeyBackup {
        kind: BACKUP_TYPE.to_owned(),
        version: BACKUP_VERSION,
        id: did.to_string(),
        public_key_multibase: did.multikey().to_owned(),
        secret_key_multibase: encode_secret_multikey(key),
        created: format_timestamp(now),
    }
}

/// Reads a backup file and returns its key once every part agrees with the secret key.
pub fn restore(text: &str) -> Result<SigningKey, RestoreError> {
    // Duplicate member names are bad JSON here too: a restore must be unambiguous.
    let value = parse_strict(text).map_err(|error| RestoreError::BadJson {
        line: error.line,
        column: error.column,
    })?;
    let file: KeyBackup = serde_json::from_value(value).map_err(|_| RestoreError::UnknownFormat)?;
    if file.kind != BACKUP_TYPE || file.version != BACKUP_VERSION {
        return Err(RestoreError::UnknownFormat);
    }
    let key = decode_secret_multikey(&file.secret_key_multibase)
        .map_err(|_| RestoreError::CorruptSecret)?;
    let did = DidKey::of(&key);
    if file.public_key_multibase != did.multikey() || file.id != did.as_str() {
        return Err(RestoreError::Mismatch);
    }
    Ok(key)
}
