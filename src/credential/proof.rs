//! The `eddsa-jcs-2022` Data Integrity cryptosuite, step by step as in W3C "Data Integrity
//! EdDSA Cryptosuites v1.0" (Recommendation, 2025), section 3.3: 3.3.1 Create Proof,
//! 3.3.2 Verify Proof, 3.3.3 Transformation, 3.3.4 Hashing, 3.3.5 Proof Configuration,
//! 3.3.6 Proof Serialization, 3.3.7 Proof Verification.
//!
//! Documents are created as JSON objects ([`serde_json::Map`]) and verified as the strict
//! reader's trees ([`Json`]), which borrow from the file; canonical forms are RFC 8785 (JCS).
//! Verification methods are resolved without a network: only Ed25519 `did:key` methods
//! (`did:key:z6Mk…#z6Mk…`) are supported. Proof sets and chains (`proof` as an array) are not.

use std::borrow::Cow;

use ed25519_dalek::{Signature, Signer, SigningKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::datetime::is_datetime;
use super::did_key::{decode_base58btc, encode_base58btc, DidKey, DidKeyError};
use super::strict_json::{member, CanonicalText, Json, JsonStr};
use crate::jcs::{canonicalize_members, canonicalize_object, canonicalize_tree, UnsafeNumber};

/// The proof `type`.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The proof `cryptosuite`.
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";

/// Why a proof cannot be created or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProofError {
    /// The document has no `proof` member.
    #[error("the document has no proof")]
    MissingProof,
    /// `proof` is an array (a proof set or chain), which is not supported.
    #[error("proof sets and chains are not supported")]
    ProofSet,
    /// `proof` is not an object.
    #[error("the proof is not an object")]
    ProofNotObject,
    /// A proof member is missing or not a string.
    #[error("proof member {0:?} is missing or not a string")]
    MissingMember(&'static str),
    /// `type` is not `DataIntegrityProof`.
    #[error("proof type {0:?} is not DataIntegrityProof")]
    WrongType(String),
    /// `cryptosuite` is not `eddsa-jcs-2022`.
    #[error("cryptosuite {0:?} is not eddsa-jcs-2022")]
    WrongCryptosuite(String),
    /// `created` is not an XML Schema dateTime.
    #[error("proof created {0:?} is not an xml schema datetime")]
    BadCreated(String),
    /// `proofValue` is not multibase base58-btc.
    #[error("proofValue is not multibase base58-btc: {0}")]
    BadProofValue(DidKeyError),
    /// `proofValue` does not decode to 64 bytes.
    #[error("proofValue decodes to {0} bytes, expected 64")]
    ProofValueLength(usize),
    /// The proof's `@context` is not a prefix of the document's `@context`.
    #[error("the document @context does not start with the proof @context")]
    ContextMismatch,
    /// The verification method is not an Ed25519 `did:key` method.
    #[error("unsupported verification method: {0}")]
    VerificationMethod(DidKeyError),
    /// A number outside the I-JSON range of exact integers (±(2^53 − 1)), which JCS
    /// implementations would canonicalise differently.
    #[error("number {0} is outside the i-json safe integer range")]
    UnsafeNumber(String),
    /// The Ed25519 signature does not verify.
    #[error("the signature does not verify")]
    SignatureInvalid,
}

/// A proof that verified: who signed, and the canonical forms the signature covers.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedProof {
    /// The signer, from `verificationMethod`.
    pub signer: DidKey,
    /// The transformed unsecured document (3.3.3): `proof` removed, `@context` as the proof
    /// covered it.
    pub canonical_document: Vec<u8>,
    /// The canonical proof configuration (3.3.5): the proof without `proofValue`.
    pub canonical_config: Vec<u8>,
}

/// A proof read and hashed, its Ed25519 signature not yet checked: 3.3.2 up to its last step,
/// which [`PendingProof::verify`] takes. Verifiers of many documents read a batch of them and
/// then check all their signatures in a row, which keeps the curve code and tables in cache.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingProof {
    signer: DidKey,
    hash_data: [u8; 64],
    signature: Signature,
}

impl PendingProof {
    /// Who the proof says signed.
    pub fn signer(&self) -> &DidKey {
        &self.signer
    }

    /// The last step of 3.3.2 (3.3.7's Ed25519 check, RFC 8032 5.1.7 verification in its
    /// strict form): the signature over the hash data, by the verification method's key.
    /// Returns the signer.
    pub fn verify(self) -> Result<DidKey, ProofError> {
        self.signer
            .verifying_key()
            .verify_strict(&self.hash_data, &self.signature)
            .map_err(|_| ProofError::SignatureInvalid)?;
        Ok(self.signer)
    }
}

/// 3.3.1 Create Proof: the proof (options + `@context` of the document + `proofValue`) for
/// `unsecured`, signed with `key`. The caller inserts it as the document's `proof`.
pub fn create_proof(
    unsecured: &Map<String, Value>,
    options: &Map<String, Value>,
    key: &SigningKey,
) -> Result<Map<String, Value>, ProofError> {
    let mut proof = options.clone();
    if let Some(context) = unsecured.get("@context") {
        proof.insert("@context".to_owned(), context.clone());
    }
    let proof_config = configure(&proof)?;
    let transformed = transform(unsecured, &proof)?;
    let hash_data = hash(&transformed, &proof_config);
    let proof_bytes = serialize_proof(&hash_data, key);
    proof.insert(
        "proofValue".to_owned(),
        Value::String(encode_base58btc(&proof_bytes)),
    );
    Ok(proof)
}

/// 3.3.2 Verify Proof: checks the `proof` of a secured document (an object's members, as the
/// strict reader read them) and returns who signed it. `canonical_text` is the document's text
/// when the reader found it already canonical ([`parse_tree_noting_form`]): the transformed
/// document is then that text without its `proof` member, with no canonicalisation.
///
/// [`parse_tree_noting_form`]: super::strict_json::parse_tree_noting_form
pub fn verify_proof(
    secured: &[(JsonStr<'_>, Json<'_>)],
    canonical_text: Option<CanonicalText<'_>>,
) -> Result<VerifiedProof, ProofError> {
    let (pending, canonical_document, canonical_config) = prepare(secured, canonical_text)?;
    Ok(VerifiedProof {
        signer: pending.verify()?,
        canonical_document: canonical_document.parts().concat(),
        canonical_config,
    })
}

/// [`verify_proof`] but for the signature check, which the returned [`PendingProof`] does.
/// The canonical forms are hashed and let go at once, so a batch of pending proofs is small.
pub fn read_proof(
    secured: &[(JsonStr<'_>, Json<'_>)],
    canonical_text: Option<CanonicalText<'_>>,
) -> Result<PendingProof, ProofError> {
    prepare(secured, canonical_text).map(|(pending, _, _)| pending)
}

/// 3.3.2 up to the signature check: the pending check, and the transformed document (in
/// parts, which follow each other) and the canonical proof configuration that were hashed.
fn prepare<'a>(
    secured: &[(JsonStr<'_>, Json<'_>)],
    canonical_text: Option<CanonicalText<'a>>,
) -> Result<(PendingProof, Transformed<'a>, Vec<u8>), ProofError> {
    let proof = match member(secured, "proof") {
        Some(Json::Object(proof)) => proof,
        Some(Json::Array(_)) => return Err(ProofError::ProofSet),
        Some(_) => return Err(ProofError::ProofNotObject),
        None => return Err(ProofError::MissingProof),
    };
    let string = |name| match member(proof, name) {
        Some(Json::String(text)) => Ok(text.value()),
        _ => Err(ProofError::MissingMember(name)),
    };
    check_suite_with(string)?;
    let signature = signature(&string("proofValue")?)?;
    let proof_context = member(proof, "@context");
    let document_context = member(secured, "@context");
    if let Some(proof_context) = proof_context {
        let document_context = document_context.map_or(&[][..], context_values);
        let covered = context_values(proof_context);
        let prefix = document_context.len() >= covered.len()
            && covered
                .iter()
                .zip(document_context)
                .all(|(a, b)| same_json(a, b));
        if !prefix {
            return Err(ProofError::ContextMismatch);
        }
    }
    // The proof's @context replaces the document's; when they are the same, the document's
    // canonical text needs only its proof taken out.
    let context_kept = match (proof_context, document_context) {
        (None, _) => true,
        (Some(covered), Some(context)) => same_json(covered, context),
        (Some(_), None) => false,
    };
    let cut = canonical_text.filter(|_| context_kept).and_then(|text| {
        let proof_index = secured.iter().position(|(name, _)| name.is("proof"))?;
        text.without_member(proof_index)
    });
    let canonical_document = match cut {
        Some(parts) => Transformed::Cut(parts),
        None => {
            let context_name = JsonStr::plain("@context");
            let mut document: Vec<(&JsonStr<'_>, &Json<'_>)> = secured
                .iter()
                .filter(|(name, _)| !name.is("proof") && !name.is("@context"))
                .map(|(name, value)| (name, value))
                .collect();
            if let Some(context) = proof_context.or(document_context) {
                document.push((&context_name, context));
            }
            Transformed::Built(canonicalize_members(&document).map_err(unsafe_number)?)
        }
    };
    if let Some(created) = member(proof, "created") {
        match created {
            Json::String(text) if is_datetime(&text.value()) => {}
            other => return Err(ProofError::BadCreated(other.to_value().to_string())),
        }
    }
    let options: Vec<(&JsonStr<'_>, &Json<'_>)> = proof
        .iter()
        .filter(|(name, _)| !name.is("proofValue"))
        .map(|(name, value)| (name, value))
        .collect();
    let canonical_config = canonicalize_members(&options).map_err(unsafe_number)?;
    let hash_data = hash_parts(&canonical_document.parts(), &[&canonical_config]);
    let signer = DidKey::parse_verification_method(&string("verificationMethod")?)
        .map_err(ProofError::VerificationMethod)?;
    let pending = PendingProof {
        signer,
        hash_data,
        signature,
    };
    Ok((pending, canonical_document, canonical_config))
}

/// 3.3.2 up to the signature check for a document read from canonical text whose proof is
/// ours (`type` and `cryptosuite` checked by the caller, the proof's `@context` the
/// document's): the transformed document is the text around the `proof` member, the canonical
/// proof configuration the proof's text around its `proofValue` member, both in two parts.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn read_canonical_proof(
    transformed_document: [&[u8]; 2],
    canonical_config: [&[u8]; 2],
    created: &str,
    proof_value: &str,
    verification_method: &str,
) -> Result<PendingProof, ProofError> {
    let signature = signature(proof_value)?;
    if !is_datetime(created) {
        return Err(ProofError::BadCreated(format!("\"{created}\"")));
    }
    Ok(PendingProof {
        hash_data: hash_parts(&transformed_document, &canonical_config),
        signer: DidKey::parse_verification_method(verification_method)
            .map_err(ProofError::VerificationMethod)?,
        signature,
    })
}

/// The Ed25519 signature a `proofValue` (multibase base58-btc) holds.
fn signature(proof_value: &str) -> Result<Signature, ProofError> {
    let bytes = decode_base58btc(proof_value).map_err(ProofError::BadProofValue)?;
    Signature::from_slice(&bytes).map_err(|_| ProofError::ProofValueLength(bytes.len()))
}

/// 3.3.3 Transformation: the JCS canonical form of the unsecured document.
pub fn transform(
    unsecured: &Map<String, Value>,
    options: &Map<String, Value>,
) -> Result<Vec<u8>, ProofError> {
    check_suite(options)?;
    canonicalize(unsecured)
}

/// 3.3.4 Hashing: SHA-256 of the canonical proof configuration followed by SHA-256 of the
/// transformed document.
pub fn hash(transformed_document: &[u8], canonical_proof_config: &[u8]) -> [u8; 64] {
    hash_parts(&[transformed_document], &[canonical_proof_config])
}

/// [`hash`] of a transformed document and a proof configuration each given as parts that
/// follow each other.
fn hash_parts(transformed_document: &[&[u8]], canonical_proof_config: &[&[u8]]) -> [u8; 64] {
    let digest = |parts: &[&[u8]]| {
        let mut hasher = Sha256::new();
        parts.iter().for_each(|part| hasher.update(part));
        hasher.finalize()
    };
    let mut hash_data = [0u8; 64];
    hash_data[..32].copy_from_slice(&digest(canonical_proof_config));
    hash_data[32..].copy_from_slice(&digest(transformed_document));
    hash_data
}

/// The transformed document (3.3.3) as verification finds it.
enum Transformed<'a> {
    /// The secured document's canonical text around its `proof` member.
    Cut([&'a [u8]; 2]),
    /// Canonicalised from the tree.
    Built(Vec<u8>),
}

impl Transformed<'_> {
    /// The canonical text, in parts that follow each other.
    fn parts(&self) -> [&[u8]; 2] {
        match self {
            Transformed::Cut(parts) => *parts,
            Transformed::Built(text) => [text, &[]],
        }
    }
}

/// 3.3.5 Proof Configuration: checks `type`, `cryptosuite` and `created`, and returns the JCS
/// canonical form of the proof options (including their `@context`).
pub fn configure(options: &Map<String, Value>) -> Result<Vec<u8>, ProofError> {
    check_suite(options)?;
    if let Some(created) = options.get("created") {
        match created.as_str() {
            Some(text) if is_datetime(text) => {}
            _ => return Err(ProofError::BadCreated(created.to_string())),
        }
    }
    canonicalize(options)
}

/// 3.3.6 Proof Serialization: the Ed25519 (pure EdDSA) signature of the hash data.
pub fn serialize_proof(hash_data: &[u8; 64], key: &SigningKey) -> [u8; 64] {
    key.sign(hash_data).to_bytes()
}

/// The `did:key` of the proof's `verificationMethod` (3.3.7 step 1, resolved locally).
pub fn verification_method(options: &Map<String, Value>) -> Result<DidKey, ProofError> {
    let method = string_member(options, "verificationMethod")?;
    DidKey::parse_verification_method(method).map_err(ProofError::VerificationMethod)
}

fn check_suite(options: &Map<String, Value>) -> Result<(), ProofError> {
    check_suite_with(|name| string_member(options, name).map(Cow::Borrowed))
}

/// `type` and `cryptosuite` are ours, given how to read a string member of the proof.
fn check_suite_with<'a>(
    string: impl Fn(&'static str) -> Result<Cow<'a, str>, ProofError>,
) -> Result<(), ProofError> {
    let proof_type = string("type")?;
    if proof_type != PROOF_TYPE {
        return Err(ProofError::WrongType(proof_type.into_owned()));
    }
    let cryptosuite = string("cryptosuite")?;
    if cryptosuite != CRYPTOSUITE {
        return Err(ProofError::WrongCryptosuite(cryptosuite.into_owned()));
    }
    Ok(())
}

fn string_member<'a>(
    options: &'a Map<String, Value>,
    name: &'static str,
) -> Result<&'a str, ProofError> {
    options
        .get(name)
        .and_then(Value::as_str)
        .ok_or(ProofError::MissingMember(name))
}

/// An `@context` as a list of values (a single value is a list of one).
fn context_values<'t, 'a>(context: &'t Json<'a>) -> &'t [Json<'a>] {
    match context {
        Json::Array(values) => values,
        single => std::slice::from_ref(single),
    }
}

/// Whether two values are the same JSON (the same canonical form). Values written alike are,
/// unless they hold a number (the one kind of value canonicalisation can refuse).
fn same_json(a: &Json<'_>, b: &Json<'_>) -> bool {
    (a == b && numberless(a))
        || matches!((canonicalize_tree(a), canonicalize_tree(b)), (Ok(a), Ok(b)) if a == b)
}

/// Whether a value holds no number.
fn numberless(value: &Json<'_>) -> bool {
    match value {
        Json::Number(_) => false,
        Json::Array(items) => items.iter().all(numberless),
        Json::Object(members) => members.iter().all(|(_, value)| numberless(value)),
        Json::Null | Json::Bool(_) | Json::String(_) => true,
    }
}

fn unsafe_number(UnsafeNumber(number): UnsafeNumber) -> ProofError {
    ProofError::UnsafeNumber(number)
}

/// RFC 8785 over a JSON object whose numbers are all I-JSON safe.
fn canonicalize(object: &Map<String, Value>) -> Result<Vec<u8>, ProofError> {
    object.values().try_for_each(check_numbers)?;
    Ok(canonicalize_object(object))
}

fn check_numbers(value: &Value) -> Result<(), ProofError> {
    const MAX_SAFE: u64 = (1 << 53) - 1;
    match value {
        Value::Number(number) => {
            let safe = match (number.as_u64(), number.as_i64()) {
                (Some(n), _) => n <= MAX_SAFE,
                (None, Some(n)) => n.unsigned_abs() <= MAX_SAFE,
                (None, None) => true,
            };
            if safe {
                Ok(())
            } else {
                Err(ProofError::UnsafeNumber(number.to_string()))
            }
        }
        Value::Array(items) => items.iter().try_for_each(check_numbers),
        Value::Object(members) => members.values().try_for_each(check_numbers),
        _ => Ok(()),
    }
}
