//! Vietnamese text helpers that the wasm can carry: folding for comparison and search.

mod fold;

pub use fold::{fold, fold_char};
