//! The content shipped inside the app: compiled and validated natively by `hocso` (Trunk
//! pre-build hooks run `hocso bank build` and `hocso handbook build`; a native test keeps the committed file fresh), and
//! embedded here as JSON that the wasm only deserialises.

use std::rc::Rc;

use crate::attempt::PreparedBank;
use crate::bank::{Bank, Built};
use crate::content::Handbook;

/// The compiled contest bank (`hocso bank build quizzes/nq57.toml`).
const CONTEST_BANK_JSON: &str = include_str!("../../quizzes/compiled/nq57.json");

/// The compiled handbook (`hocso handbook build quizzes/handbook`).
const HANDBOOK_JSON: &str = include_str!("../../quizzes/compiled/handbook.json");

thread_local! {
    static HANDBOOK: Rc<Handbook> = Rc::new(
        serde_json::from_str(HANDBOOK_JSON)
            .expect("the embedded handbook was validated when the app was built"),
    );
    static CONTEST_BANK: (Rc<Bank>, Rc<str>) = {
        let built: Built = serde_json::from_str(CONTEST_BANK_JSON)
            .expect("the embedded bank was validated when the app was built");
        (Rc::new(built.bank), Rc::from(built.digest))
    };
    static PREPARED_CONTEST_BANK: Rc<PreparedBank> =
        Rc::new(PreparedBank::new(contest_bank().0.as_ref().clone()));
}

/// The bank the contest runs on, and its digest.
pub fn contest_bank() -> (Rc<Bank>, Rc<str>) {
    CONTEST_BANK.with(Clone::clone)
}

/// The contest bank prepared for regrading results (built once, on first use).
pub fn prepared_contest_bank() -> Rc<PreparedBank> {
    PREPARED_CONTEST_BANK.with(Rc::clone)
}

/// The handbook's documents.
pub fn handbook() -> Rc<Handbook> {
    HANDBOOK.with(Rc::clone)
}
