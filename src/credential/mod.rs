//! Signed quiz results: W3C Verifiable Credentials 2.0 secured with the `eddsa-jcs-2022` Data
//! Integrity cryptosuite, issued by the `did:key` of the learner's Ed25519 key.
//!
//! [`did_key`] encodes keys, [`keystore`] keeps the device's key, [`backup`] saves and restores
//! it, [`proof`] is the cryptosuite, [`strict_json`] reads files without ambiguity, [`vc`] builds
//! and verifies the quiz result credential.

pub mod backup;
pub mod datetime;
pub mod did_key;
pub mod keystore;
pub mod proof;
pub mod quiz;
pub mod strict_json;
mod tree_de;
pub mod vc;

pub use did_key::DidKey;
pub use keystore::{credential_fingerprint, key_fingerprint, key_from_random, KeyRecord};
pub use quiz::{check, quiz_result, regrade, CheckError, RegradeError, Regraded};
pub use vc::{
    issue, read_result, read_result_in, verify, BankRef, FormatProblem, ParticipantInfo,
    PendingResult, QuizResult, VerifiedResult, VerifyError,
};
