//! The learner's signing key as the device keeps it, and the short fingerprints people compare.

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::store::Record;

use super::did_key::{decode_secret_multikey, encode_secret_multikey, DidKeyError};
use super::DidKey;

/// The device's key, under `hocso:v1:key`: an Ed25519 secret key as a Multikey (`z…`).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRecord {
    /// The secret key, multibase base58-btc; `None` until the first result is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl Record for KeyRecord {
    const NAME: &'static str = "key";
    const VERSION: u32 = 1;
}

impl KeyRecord {
    /// The record of `key`.
    pub fn of(key: &SigningKey) -> Self {
        Self {
            secret: Some(encode_secret_multikey(key)),
        }
    }

    /// The key held, if any (an error when what is held is not a key).
    pub fn key(&self) -> Option<Result<SigningKey, DidKeyError>> {
        self.secret.as_deref().map(decode_secret_multikey)
    }
}

/// A new key from 32 random bytes (the caller brings them from a cryptographic source).
pub fn key_from_random(bytes: [u8; 32]) -> SigningKey {
    SigningKey::from_bytes(&bytes)
}

/// The key's short fingerprint: the last 8 characters of its `did:key`, as people can read
/// them aloud and compare.
pub fn key_fingerprint(did: &DidKey) -> String {
    let text = did.multikey();
    let tail = text.len().saturating_sub(8);
    text[tail..].to_owned()
}

/// A signed credential's short fingerprint: the first 12 hex digits of SHA-256 over its
/// canonical JSON (RFC 8785), in groups of four.
pub fn credential_fingerprint(credential: &Value) -> String {
    let canonical = serde_json_canonicalizer::to_vec(credential).unwrap_or_default();
    let hex: String = Sha256::digest(&canonical)
        .iter()
        .take(6)
        .map(|b| format!("{b:02X}"))
        .collect();
    format!("{}-{}-{}", &hex[0..4], &hex[4..8], &hex[8..12])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_round_trips_through_its_record() {
        let key = key_from_random([9; 32]);
        let record = KeyRecord::of(&key);
        let back = record.key().unwrap().unwrap();
        assert_eq!(back.to_bytes(), key.to_bytes());
        assert!(KeyRecord::default().key().is_none());
        let broken = KeyRecord {
            secret: Some("z123".into()),
        };
        assert!(broken.key().unwrap().is_err());
    }

    #[test]
    fn fingerprints_are_short_and_stable() {
        let did = DidKey::of(&key_from_random([9; 32]));
        assert_eq!(key_fingerprint(&did).len(), 8);
        assert!(did.multikey().ends_with(&key_fingerprint(&did)));
        let a = credential_fingerprint(&serde_json::json!({"b": 1, "a": [true]}));
        let b = credential_fingerprint(&serde_json::json!({"a": [true], "b": 1}));
        assert_eq!(a, b);
        assert_eq!(a.len(), 14);
        assert_ne!(
            a,
            credential_fingerprint(&serde_json::json!({"a": [false], "b": 1}))
        );
    }
}

/// The file a learner backs their key up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyBackup {
    /// Always [`KeyBackup::KIND`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The key's `did:key`, to check the secret against.
    pub id: String,
    /// The secret key as a Multikey.
    pub secret_key_multibase: String,
}

/// Why a backup file cannot be restored (Vietnamese `Display`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Not JSON.
    #[error("tệp không phải JSON hợp lệ (dòng {line}, cột {column})")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not a key backup of Học số.
    #[error("tệp không phải bản sao lưu khóa của Học số")]
    Format,
    /// The secret is damaged, or does not belong to the `did:key` it names.
    #[error("khóa trong tệp bị hỏng hoặc không khớp với mã định danh {0}")]
    Damaged(String),
}

impl KeyBackup {
    /// The `type` of a backup file.
    pub const KIND: &'static str = "HocSoKeyBackup";

    /// The backup of `key`.
    pub fn of(key: &SigningKey) -> Self {
        Self {
            kind: Self::KIND.to_owned(),
            id: DidKey::of(key).to_string(),
            secret_key_multibase: encode_secret_multikey(key),
        }
    }

    /// Reads a backup file and returns its key, checked against the `did:key` it names.
    pub fn restore(text: &str) -> Result<SigningKey, BackupError> {
        let backup: KeyBackup = serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                BackupError::Json {
                    line: e.line(),
                    column: e.column(),
                }
            }
            _ => BackupError::Format,
        })?;
        if backup.kind != Self::KIND {
            return Err(BackupError::Format);
        }
        let key = decode_secret_multikey(&backup.secret_key_multibase)
            .map_err(|_| BackupError::Damaged(backup.id.clone()))?;
        if DidKey::of(&key).to_string() != backup.id {
            return Err(BackupError::Damaged(backup.id));
        }
        Ok(key)
    }
}

#[cfg(test)]
mod backup_tests {
    use super::*;

    #[test]
    fn backups_restore_and_damage_is_named() {
        let key = key_from_random([4; 32]);
        let text = serde_json::to_string(&KeyBackup::of(&key)).unwrap();
        assert_eq!(
            KeyBackup::restore(&text).unwrap().to_bytes(),
            key.to_bytes()
        );
        let other = KeyBackup::of(&key_from_random([5; 32]));
        let swapped = KeyBackup {
            secret_key_multibase: other.secret_key_multibase,
            ..KeyBackup::of(&key)
        };
        let cases = [
            ("{", "tệp không phải JSON hợp lệ (dòng 1, cột 1)"),
            (
                "{\"type\":\"x\"}",
                "tệp không phải bản sao lưu khóa của Học số",
            ),
            (
                &*text.replace("HocSoKeyBackup", "Other"),
                "tệp không phải bản sao lưu khóa của Học số",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(
                KeyBackup::restore(input).unwrap_err().to_string(),
                message,
                "{input}"
            );
        }
        let swapped = serde_json::to_string(&swapped).unwrap();
        assert!(matches!(
            KeyBackup::restore(&swapped),
            Err(BackupError::Damaged(_))
        ));
    }
}
