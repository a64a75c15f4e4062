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
    let canonical = crate::jcs::canonicalize(credential);
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
