//! The content shipped inside the app: compiled and validated natively by `hocso` (a Trunk
//! pre-build hook runs `hocso bank build`; a native test keeps the committed file fresh), and
//! embedded here as JSON that the wasm only deserialises.

use std::rc::Rc;

use crate::bank::{Bank, Built};

/// The compiled contest bank (`hocso bank build quizzes/nq57.toml`).
const CONTEST_BANK_JSON: &str = include_str!("../../quizzes/compiled/nq57.json");

thread_local! {
    static CONTEST_BANK: (Rc<Bank>, Rc<str>) = {
        let built: Built = serde_json::from_str(CONTEST_BANK_JSON)
            .expect("the embedded bank was validated when the app was built");
        (Rc::new(built.bank), Rc::from(built.digest))
    };
}

/// The bank the contest runs on, and its digest.
pub fn contest_bank() -> (Rc<Bank>, Rc<str>) {
    CONTEST_BANK.with(Clone::clone)
}
