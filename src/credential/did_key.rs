//! `did:key` identifiers and Multikey encodings for Ed25519 keys.
//!
//! A public key is written as the multibase base58-btc string (`z` prefix) of the multicodec
//! `ed25519-pub` (0xed, varint `ed 01`) followed by the 32 key bytes, so it always starts with
//! `z6Mk`. The DID is `did:key:` + that string and its one verification method is
//! `did:key:z6Mk…#z6Mk…` (W3C "The did:key Method v0.9", Ed25519 section; CID 1.0 Multikey).
//! A secret key uses the multicodec `ed25519-priv` (0x1300, varint `80 26`), as in the
//! `secretKeyMultibase` of the EdDSA cryptosuites' test vectors.

use std::fmt;

use ed25519_dalek::{SigningKey, VerifyingKey};
use thiserror::Error;

/// The DID method prefix.
pub const DID_KEY_PREFIX: &str = "did:key:";

/// A `did:key` for one Ed25519 public key, with its text (the key has one spelling, so the text
/// is kept rather than encoded again for every display or comparison).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DidKey {
    key: VerifyingKey,
    /// `did:key:z6Mk…`.
    did: Box<str>,
}

/// Why a string is not an Ed25519 `did:key`, verification method or Multikey.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DidKeyError {
    /// The string does not start with `did:key:`.
    #[error("not a did:key identifier")]
    NotDidKey,
    /// The multibase value does not start with `z` (base58-btc).
    #[error("multibase value does not start with 'z' (base58-btc)")]
    NotBase58Btc,
    /// The base58-btc text has a character outside the alphabet.
    #[error("invalid base58-btc text")]
    BadBase58,
    /// The multicodec prefix is not the expected one.
    #[error("unexpected multicodec prefix (expected {expected})")]
    WrongCodec {
        /// The codec expected (`ed25519-pub` or `ed25519-priv`).
        expected: &'static str,
    },
    /// The key is not 32 bytes long.
    #[error("key is {0} bytes long, expected 32")]
    WrongLength(usize),
    /// The 32 bytes are not a valid Ed25519 public key.
    #[error("not a valid ed25519 public key")]
    InvalidKey,
    /// The verification method has no `#fragment`.
    #[error("verification method has no fragment")]
    MissingFragment,
    /// The fragment names another key than the DID.
    #[error("verification method fragment does not match the did:key")]
    FragmentMismatch,
}

const PUBLIC_CODEC: [u8; 2] = [0xed, 0x01];
const SECRET_CODEC: [u8; 2] = [0x80, 0x26];

impl DidKey {
    /// The `did:key` of a public key.
    pub fn new(key: VerifyingKey) -> Self {
        let multikey = multibase_with_codec(PUBLIC_CODEC, key.as_bytes());
        DidKey {
            key,
            did: format!("{DID_KEY_PREFIX}{multikey}").into(),
        }
    }

    /// The `did:key` of the public half of a signing key.
    pub fn of(signing_key: &SigningKey) -> Self {
        DidKey::new(signing_key.verifying_key())
    }

    /// Parses `did:key:z6Mk…` (no fragment).
    pub fn parse(did: &str) -> Result<Self, DidKeyError> {
        let multibase = did
            .strip_prefix(DID_KEY_PREFIX)
            .ok_or(DidKeyError::NotDidKey)?;
        let key = decode_public_multikey(multibase)?;
        Ok(DidKey {
            key,
            did: did.into(),
        })
    }

    /// Parses a verification method `did:key:z6Mk…#z6Mk…`, whose fragment must be the same
    /// Multikey as the DID.
    pub fn parse_verification_method(method: &str) -> Result<Self, DidKeyError> {
        let (did, fragment) = method.split_once('#').ok_or(DidKeyError::MissingFragment)?;
        let key = DidKey::parse(did)?;
        if fragment != key.multikey() {
            return Err(DidKeyError::FragmentMismatch);
        }
        Ok(key)
    }

    /// The public key.
    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.key
    }

    /// The public key as Multikey `publicKeyMultibase` (`z6Mk…`).
    pub fn multikey(&self) -> &str {
        &self.did[DID_KEY_PREFIX.len()..]
    }

    /// The DID, `did:key:z6Mk…`.
    pub fn as_str(&self) -> &str {
        &self.did
    }

    /// The verification method id, `did:key:z6Mk…#z6Mk…`.
    pub fn verification_method(&self) -> String {
        let multikey = self.multikey();
        format!("{DID_KEY_PREFIX}{multikey}#{multikey}")
    }
}

impl fmt::Display for DidKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.did)
    }
}

impl From<DidKey> for String {
    /// The DID's text, without a copy.
    fn from(key: DidKey) -> String {
        key.did.into_string()
    }
}

/// Decodes a Multikey `publicKeyMultibase` (`z6Mk…`) into an Ed25519 public key.
pub fn decode_public_multikey(multibase: &str) -> Result<VerifyingKey, DidKeyError> {
    let bytes = decode_with_codec(multibase, PUBLIC_CODEC, "ed25519-pub")?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| DidKeyError::InvalidKey)
}

/// Encodes a secret key as Multikey `secretKeyMultibase` (`z3u2…`), for backups.
pub fn encode_secret_multikey(key: &SigningKey) -> String {
    multibase_with_codec(SECRET_CODEC, key.as_bytes())
}

/// Decodes a Multikey `secretKeyMultibase` (`z3u2…`) into a signing key.
pub fn decode_secret_multikey(multibase: &str) -> Result<SigningKey, DidKeyError> {
    let bytes = decode_with_codec(multibase, SECRET_CODEC, "ed25519-priv")?;
    Ok(SigningKey::from_bytes(&bytes))
}

/// Encodes bytes as multibase base58-btc (`z` + base58 with the Bitcoin alphabet).
pub fn encode_base58btc(bytes: &[u8]) -> String {
    format!("z{}", bs58::encode(bytes).into_string())
}

/// Decodes multibase base58-btc text (`z` + base58 with the Bitcoin alphabet).
pub fn decode_base58btc(multibase: &str) -> Result<Vec<u8>, DidKeyError> {
    let text = multibase
        .strip_prefix('z')
        .ok_or(DidKeyError::NotBase58Btc)?;
    decode_base58(text.as_bytes()).ok_or(DidKeyError::BadBase58)
}

/// The Bitcoin base58 alphabet.
const BASE58_ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Each ASCII byte's base58 digit, or 0xff.
const BASE58_DIGITS: [u8; 128] = {
    let mut digits = [0xff; 128];
    let mut digit = 0;
    while digit < 58 {
        digits[BASE58_ALPHABET[digit] as usize] = digit as u8;
        digit += 1;
    }
    digits
};

/// Base58 decoding: each leading `1` is a zero byte, the rest is a big-endian number. The
/// number is built ten digits at a time (58^10 < 2^64) in 64-bit limbs, so a 64-byte
/// signature takes about a hundred multiplications rather than one pass over the output per
/// digit.
fn decode_base58(text: &[u8]) -> Option<Vec<u8>> {
    let zeros = text.iter().take_while(|&&c| c == b'1').count();
    let mut limbs: Vec<u64> = Vec::with_capacity(text.len() / 10 + 2); // little-endian
    for chunk in text[zeros..].chunks(10) {
        let (mut value, mut scale) = (0u64, 1u64);
        for &c in chunk {
            let digit = *BASE58_DIGITS.get(usize::from(c))?;
            if digit == 0xff {
                return None;
            }
            value = value * 58 + u64::from(digit);
            scale *= 58;
        }
        let mut carry = u128::from(value);
        for limb in &mut limbs {
            let next = u128::from(*limb) * u128::from(scale) + carry;
            *limb = next as u64;
            carry = next >> 64;
        }
        if carry > 0 {
            limbs.push(carry as u64);
        }
    }
    let mut bytes = Vec::with_capacity(zeros + 8 * limbs.len());
    bytes.resize(zeros, 0);
    let number = limbs.iter().rev().flat_map(|limb| limb.to_be_bytes());
    bytes.extend(number.skip_while(|&byte| byte == 0));
    Some(bytes)
}

fn multibase_with_codec(codec: [u8; 2], key: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&codec);
    bytes.extend_from_slice(key);
    encode_base58btc(&bytes)
}

fn decode_with_codec(
    multibase: &str,
    codec: [u8; 2],
    name: &'static str,
) -> Result<[u8; 32], DidKeyError> {
    let bytes = decode_base58btc(multibase)?;
    let key = bytes
        .strip_prefix(&codec)
        .ok_or(DidKeyError::WrongCodec { expected: name })?;
    key.try_into()
        .map_err(|_| DidKeyError::WrongLength(key.len()))
}
