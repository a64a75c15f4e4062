//! Vietnamese text helpers: folding for comparison and search (carried by the wasm) and, natively
//! only, NFC checks for authored content.

mod fold;
#[cfg(not(target_arch = "wasm32"))]
mod nfc;

pub use fold::{fold, fold_char};
#[cfg(not(target_arch = "wasm32"))]
pub use nfc::{nfc_fix, to_nfc};
