//! Question banks: the parsed model shared by the app, the CLI and the attempt engine, its
//! digest, and (natively) the TOML loader with its diagnostics, the TOML writer, and the GIFT
//! and Aiken converters.

mod digest;
mod model;

#[cfg(not(target_arch = "wasm32"))]
mod aiken;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod gift;
#[cfg(not(target_arch = "wasm32"))]
mod ident;
#[cfg(not(target_arch = "wasm32"))]
mod imported;
#[cfg(not(target_arch = "wasm32"))]
mod load;
#[cfg(not(target_arch = "wasm32"))]
mod stats;
#[cfg(not(target_arch = "wasm32"))]
mod toml_out;

pub use digest::{canonical_json, digest, Built};
pub use model::{AnswerKey, Bank, ContestDefaults, Question, Topic, TRUE_FALSE_CHOICES};

#[cfg(not(target_arch = "wasm32"))]
pub use aiken::import_aiken;
#[cfg(not(target_arch = "wasm32"))]
pub use gift::{export_gift, import_gift};
#[cfg(not(target_arch = "wasm32"))]
pub use ident::{is_valid_id, slug};
#[cfg(not(target_arch = "wasm32"))]
pub use load::{load_toml, CHOICES_RANGE, KINDS};
#[cfg(not(target_arch = "wasm32"))]
pub use stats::Stats;
#[cfg(not(target_arch = "wasm32"))]
pub use toml_out::{quote, to_toml};
