//! The content shipped inside the app: compiled and validated natively by `hocso`, embedded
//! here as JSON that the wasm only deserialises.

use std::rc::Rc;

use serde::Deserialize;

use crate::bank::Bank;

/// The compiled contest bank (`hocso bank build quizzes/nq57.toml`).
const CONTEST_BANK_JSON: &str = include_str!("../../quizzes/compiled/nq57.json");

/// A bank with the digest results name it by.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CompiledBank {
    /// SHA-256 (hex) of the bank's canonical JSON.
    pub digest: Rc<str>,
    /// The bank.
    pub bank: Rc<Bank>,
}

thread_local! {
    static CONTEST_BANK: CompiledBank = serde_json::from_str(CONTEST_BANK_JSON)
        .expect("the embedded bank was validated when the app was built");
}

/// The bank the contest runs on.
pub fn contest_bank() -> CompiledBank {
    CONTEST_BANK.with(Clone::clone)
}
