//! The quiz result credential: a W3C Verifiable Credential 2.0 whose `credentialSubject` is a
//! [`QuizResult`], issued and signed (`eddsa-jcs-2022`) by the learner's `did:key`.
//!
//! One `@context`, `https://www.w3.org/ns/credentials/v2`: its `@vocab` (the issuer-dependent
//! vocabulary) gives every term of ours an IRI, and a second, product-specific context would
//! have to be published at a stable URL and fetched or allow-listed by every independent
//! verifier, which a browser-only product that calls no server cannot promise.

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use thiserror::Error;

use super::datetime::{format_timestamp, parse_timestamp};
use super::did_key::{DidKey, DidKeyError};
use super::proof::{create_proof, read_proof, PendingProof, ProofError, CRYPTOSUITE, PROOF_TYPE};
use super::strict_json::{member, parse_tree_noting_form, Arena, Json, JsonErrorKind, JsonStr};
use super::tree_de::from_members;
use crate::attempt::{AnswerRecord, ContestSettings};

// Native builds only: `hocso rank` reads files by the hundred thousand, where the browser
// checks a few, each in milliseconds of curve arithmetic, and the first visit would carry the
// reader (2.5 KB gzip) for no gain anyone could see.
#[cfg(not(target_arch = "wasm32"))]
mod canonical;

/// The VC 2.0 base context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The credential type of a quiz result (besides `VerifiableCredential`).
pub const RESULT_TYPE: &str = "QuizResultCredential";
/// The proof purpose of an issuer's signature.
pub const PROOF_PURPOSE: &str = "assertionMethod";

/// What a learner submitted, as the credential carries it in `credentialSubject` (besides its
/// `id`, the issuer's `did:key`). Member names are camelCase; times are `dateTimeStamp`s on
/// the wire and milliseconds since the Unix epoch here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuizResult {
    /// Who took the contest.
    pub participant: ParticipantInfo,
    /// Which bank the questions came from.
    pub bank: BankRef,
    /// The draw seed, as a decimal string (a `u64` is not exact in JavaScript numbers).
    pub seed: String,
    /// The contest settings of the attempt.
    pub settings: ContestSettings,
    /// The answers in the order given, each by question id and original choice index (or
    /// text) with its time.
    pub answers: Vec<AnswerRecord>,
    /// When the attempt started.
    #[serde(with = "timestamp")]
    pub started_at: i64,
    /// When it was submitted.
    #[serde(with = "timestamp")]
    pub submitted_at: i64,
    /// The tie-break prediction: how many entries will have a full score.
    pub prediction: u64,
    /// The score the app computed (never trusted: verifiers regrade).
    pub score: u32,
    /// The highest possible score of the draw.
    pub max_score: u32,
}

/// The participant as the result names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantInfo {
    /// Họ và tên.
    pub name: String,
    /// Đơn vị / chi bộ.
    pub unit: String,
}

/// The bank a result was drawn from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankRef {
    /// The bank id.
    pub id: String,
    /// The bank version.
    pub version: String,
    /// SHA-256 (hex) of the bank's canonical JSON.
    pub digest: String,
}

/// A credential whose proof verified, with what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedResult {
    /// The issuer, which is also the signer.
    pub issuer: DidKey,
    /// `validFrom`, in ms since the Unix epoch.
    pub valid_from: i64,
    /// The result.
    pub result: QuizResult,
}

/// Why a file is not a valid signed quiz result. `Display` is the Vietnamese reason shown to
/// learners and organisers; [`VerifyError::code`] is a stable English key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VerifyError {
    /// Not JSON.
    #[error("tệp không phải JSON hợp lệ (dòng {line}, cột {column}): {detail}")]
    BadJson {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// serde_json's description (English).
        detail: String,
    },
    /// An object has two members with the same name.
    #[error(
        "tên thuộc tính \"{name}\" xuất hiện hai lần (dòng {line}, cột {column}); \
         hai chương trình đọc có thể thấy hai nội dung khác nhau nên tệp bị từ chối"
    )]
    DuplicateMember {
        /// The repeated name.
        name: String,
        /// 1-based line of the second occurrence.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// JSON, but not a quiz result credential.
    #[error("không đúng định dạng kết quả đã ký: {0}")]
    UnknownFormat(FormatProblem),
    /// A proof of another kind than ours (Vietnamese detail).
    #[error("kiểu chữ ký không được hỗ trợ: {0}")]
    UnsupportedProof(String),
    /// The proof does not verify: the file was changed after signing, or forged.
    #[error("chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký")]
    SignatureInvalid,
    /// The proof verifies but the issuer is not the key that signed.
    #[error("người cấp ({issuer}) không phải là khóa đã ký ({signer})")]
    IssuerMismatch {
        /// The `issuer`.
        issuer: String,
        /// The signer's `did:key`.
        signer: String,
    },
}

/// What makes a JSON document not a quiz result credential (Vietnamese `Display`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormatProblem {
    /// The top level is not an object.
    #[error("nội dung không phải là một đối tượng JSON")]
    NotObject,
    /// `@context` is not exactly `["https://www.w3.org/ns/credentials/v2"]`.
    #[error("@context phải đúng là [\"{VC_CONTEXT}\"]")]
    Context,
    /// `type` lacks `VerifiableCredential` or `QuizResultCredential`.
    #[error("type phải gồm \"VerifiableCredential\" và \"{RESULT_TYPE}\"")]
    Type,
    /// No `proof`.
    #[error("không có chữ ký (proof)")]
    MissingProof,
    /// A proof member is missing or malformed (Vietnamese detail).
    #[error("chữ ký (proof) sai cấu trúc: {0}")]
    Proof(String),
    /// An integer outside ±(2^53 − 1), which JSON canonicalisers disagree on.
    #[error("số {0} vượt quá phạm vi số nguyên an toàn của JSON (I-JSON)")]
    Number(String),
    /// `proofPurpose` is not `assertionMethod`.
    #[error("mục đích chữ ký (proofPurpose) phải là \"{PROOF_PURPOSE}\"")]
    ProofPurpose,
    /// `issuer` is missing or not a `did:key`.
    #[error("người cấp (issuer) phải là một định danh did:key")]
    Issuer,
    /// `validFrom` is missing or not a dateTimeStamp.
    #[error("validFrom phải là thời điểm có múi giờ")]
    ValidFrom,
    /// `credentialSubject` does not hold a quiz result.
    #[error("credentialSubject không chứa kết quả bài thi hợp lệ: {0}")]
    Subject(String),
}

impl VerifyError {
    /// A stable English key for the reason (summaries, CSV, JSON reports).
    pub fn code(&self) -> &'static str {
        match self {
            VerifyError::BadJson { .. } => "bad_json",
            VerifyError::DuplicateMember { .. } => "duplicate_member",
            VerifyError::UnknownFormat(_) => "unknown_format",
            VerifyError::UnsupportedProof(_) => "unsupported_proof",
            VerifyError::SignatureInvalid => "signature_invalid",
            VerifyError::IssuerMismatch { .. } => "issuer_mismatch",
        }
    }
}

/// Builds the credential for `result` and signs it with `key` at `now` (ms since the Unix
/// epoch): `validFrom` and the proof's `created` are `now`; issuer and subject id are the
/// key's `did:key`.
pub fn issue(result: &QuizResult, key: &SigningKey, now: i64) -> Result<Value, ProofError> {
    let did = DidKey::of(key);
    let mut subject = match serde_json::to_value(result) {
        Ok(Value::Object(members)) => members,
        _ => unreachable!("a QuizResult serialises to an object"),
    };
    subject.insert("id".to_owned(), Value::String(did.to_string()));
    let time = format_timestamp(now);
    let mut credential = object([
        ("@context", json!([VC_CONTEXT])),
        ("type", json!(["VerifiableCredential", RESULT_TYPE])),
        ("issuer", Value::String(did.to_string())),
        ("validFrom", Value::String(time.clone())),
        ("credentialSubject", Value::Object(subject)),
    ]);
    let options = object([
        ("type", Value::from(PROOF_TYPE)),
        ("cryptosuite", Value::from(CRYPTOSUITE)),
        ("created", Value::String(time)),
        (
            "verificationMethod",
            Value::String(did.verification_method()),
        ),
        ("proofPurpose", Value::from(PROOF_PURPOSE)),
    ]);
    let proof = create_proof(&credential, &options, key)?;
    credential.insert("proof".to_owned(), Value::Object(proof));
    Ok(Value::Object(credential))
}

/// Reads and verifies a signed quiz result: strict JSON, the credential's shape, the
/// `eddsa-jcs-2022` proof, issuer = signer, then the subject. The score is returned as
/// claimed: regrading is the caller's job.
pub fn verify(text: &str) -> Result<VerifiedResult, VerifyError> {
    read_result(text)?.verify()
}

/// A signed quiz result read and checked in all but its Ed25519 signature (see
/// [`PendingProof`]). What [`verify`] checks after the signature (proof purpose, issuer,
/// `validFrom`, the subject) is decided already, and [`PendingResult::verify`] reports it only
/// once the signature holds, so the outcome and its reason are those of [`verify`].
#[derive(Debug, Clone, PartialEq)]
pub struct PendingResult {
    proof: PendingProof,
    claims: Result<(i64, QuizResult), VerifyError>,
}

impl PendingResult {
    /// Checks the signature and returns the verified result, or why it is not one.
    pub fn verify(self) -> Result<VerifiedResult, VerifyError> {
        let issuer = self.proof.verify().map_err(proof_error)?;
        let (valid_from, result) = self.claims?;
        Ok(VerifiedResult {
            issuer,
            valid_from,
            result,
        })
    }
}

/// [`verify`] up to the signature check, which the returned [`PendingResult`] does.
pub fn read_result(text: &str) -> Result<PendingResult, VerifyError> {
    read_canonical(text).map_or_else(
        // The tree's arrays and objects: about eight bytes of tree for each byte of a result.
        || read_tree(text, &Arena::with_capacity(text.len() * 8)),
        Ok,
    )
}

/// [`read_result`] with the document's tree, if it needs one, in `arena`, emptied first: a
/// verifier of many files keeps one arena, which soon has room for any of them.
pub fn read_result_in(text: &str, arena: &mut Arena) -> Result<PendingResult, VerifyError> {
    read_canonical(text).map_or_else(
        || {
            arena.reset();
            read_tree(text, arena)
        },
        Ok,
    )
}

/// The result in `text` if it is in the canonical layout the app writes, read in one pass
/// (`canonical`, native builds); `None` otherwise, and always in the browser.
fn read_canonical(text: &str) -> Option<PendingResult> {
    #[cfg(not(target_arch = "wasm32"))]
    return canonical::read_canonical(text);
    #[cfg(target_arch = "wasm32")]
    {
        let _ = text;
        None
    }
}

/// [`read_result`] by way of the strict reader's tree: any JSON text, with the reason it is
/// not a result. Texts in the layout the app writes take the one-pass reader first (native
/// builds), which reads them as this does, only faster.
fn read_tree(text: &str, arena: &Arena) -> Result<PendingResult, VerifyError> {
    let (document, canonical_text) =
        parse_tree_noting_form(text, arena).map_err(|error| match error.kind {
            JsonErrorKind::DuplicateMember(name) => VerifyError::DuplicateMember {
                name,
                line: error.line,
                column: error.column,
            },
            JsonErrorKind::Eof | JsonErrorKind::Syntax(_) => VerifyError::BadJson {
                line: error.line,
                column: error.column,
                detail: error.kind.to_string(),
            },
        })?;
    let Json::Object(credential) = &document else {
        return Err(VerifyError::UnknownFormat(FormatProblem::NotObject));
    };
    check_shape(credential).map_err(VerifyError::UnknownFormat)?;
    let proof = read_proof(credential, canonical_text).map_err(proof_error)?;
    let claims = claims(&document, proof.signer());
    Ok(PendingResult { proof, claims })
}

/// What the credential claims besides its proof (`validFrom` and the quiz result), once its
/// proof purpose and its issuer (`signer`) are checked.
fn claims(document: &Json<'_>, signer: &DidKey) -> Result<(i64, QuizResult), VerifyError> {
    let purpose = document
        .get("proof")
        .and_then(|proof| proof.get("proofPurpose"));
    if !purpose.is_some_and(|purpose| purpose.is_str(PROOF_PURPOSE)) {
        return Err(VerifyError::UnknownFormat(FormatProblem::ProofPurpose));
    }
    // A did:key has one spelling, so comparing text is exact (and skips decoding a point).
    let signer_did = signer.as_str();
    match document.get("issuer").and_then(Json::as_str) {
        Some(text) if text == signer_did => {}
        Some(text) => {
            return Err(VerifyError::IssuerMismatch {
                issuer: text.into_owned(),
                signer: signer_did.to_owned(),
            })
        }
        None => return Err(VerifyError::UnknownFormat(FormatProblem::Issuer)),
    }
    let valid_from = document
        .get("validFrom")
        .and_then(Json::as_str)
        .and_then(|text| parse_timestamp(&text))
        .ok_or(VerifyError::UnknownFormat(FormatProblem::ValidFrom))?;
    let result = subject(document.get("credentialSubject"), signer_did)
        .map_err(|detail| VerifyError::UnknownFormat(FormatProblem::Subject(detail)))?;
    Ok((valid_from, result))
}

/// `@context`, `type` and `proof` presence: what tells a quiz result from other JSON before
/// any signature is checked.
fn check_shape(document: &[(JsonStr<'_>, Json<'_>)]) -> Result<(), FormatProblem> {
    // Exactly the one context: the cryptosuite accepts contexts appended after the proof's
    // (for proof sets), which would leave them unsigned.
    let context_ok = match member(document, "@context") {
        Some(Json::Array(values)) => values.len() == 1 && values[0].is_str(VC_CONTEXT),
        _ => false,
    };
    if !context_ok {
        return Err(FormatProblem::Context);
    }
    let types = match member(document, "type") {
        Some(Json::Array(types)) => &types[..],
        _ => &[],
    };
    let has = |name: &str| types.iter().any(|t| t.is_str(name));
    if !has("VerifiableCredential") || !has(RESULT_TYPE) {
        return Err(FormatProblem::Type);
    }
    if member(document, "proof").is_none() {
        return Err(FormatProblem::MissingProof);
    }
    Ok(())
}

fn object<const N: usize>(members: [(&str, Value); N]) -> Map<String, Value> {
    members
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect()
}

fn proof_error(error: ProofError) -> VerifyError {
    use FormatProblem::{MissingProof, Number, Proof};
    let format = |problem| VerifyError::UnknownFormat(problem);
    match error {
        ProofError::MissingProof => format(MissingProof),
        ProofError::ProofSet => format(Proof(
            "có nhiều chữ ký (proof set), chưa được hỗ trợ".into(),
        )),
        ProofError::ProofNotObject => format(Proof("proof không phải là một đối tượng".into())),
        ProofError::MissingMember(name) => format(Proof(format!("thiếu trường chuỗi \"{name}\""))),
        ProofError::BadCreated(created) => format(Proof(format!(
            "created {created} không phải là thời điểm hợp lệ"
        ))),
        ProofError::UnsafeNumber(number) => format(Number(number)),
        ProofError::WrongType(found) => {
            VerifyError::UnsupportedProof(format!("type \"{found}\" (cần \"{PROOF_TYPE}\")"))
        }
        ProofError::WrongCryptosuite(found) => VerifyError::UnsupportedProof(format!(
            "cryptosuite \"{found}\" (cần \"{CRYPTOSUITE}\")"
        )),
        ProofError::VerificationMethod(DidKeyError::NotDidKey | DidKeyError::WrongCodec { .. }) => {
            VerifyError::UnsupportedProof("khóa xác minh không phải là did:key Ed25519".into())
        }
        ProofError::BadProofValue(_)
        | ProofError::ProofValueLength(_)
        | ProofError::ContextMismatch
        | ProofError::VerificationMethod(_)
        | ProofError::SignatureInvalid => VerifyError::SignatureInvalid,
    }
}

/// The quiz result of `credentialSubject`, whose `id` must be the issuer.
fn subject(subject: Option<&Json<'_>>, issuer: &str) -> Result<QuizResult, String> {
    let Some(Json::Object(members)) = subject else {
        return Err("không phải là một đối tượng".to_owned());
    };
    if !member(members, "id").is_some_and(|id| id.is_str(issuer)) {
        return Err("id phải là did:key của người cấp".to_owned());
    }
    from_members(members, "id").map_err(|error| error.to_string())
}

/// `dateTimeStamp` text on the wire, ms since the Unix epoch in memory.
mod timestamp {
    use std::fmt;

    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    use crate::credential::datetime::{format_timestamp, parse_timestamp};

    pub fn serialize<S: Serializer>(ms: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_timestamp(*ms))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_str(Timestamp)
    }

    /// Reads the text where it lies, without a copy.
    struct Timestamp;

    impl Visitor<'_> for Timestamp {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a dateTimeStamp")
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<i64, E> {
            parse_timestamp(text)
                .ok_or_else(|| E::custom(format!("{text:?} is not a dateTimeStamp")))
        }
    }
}
