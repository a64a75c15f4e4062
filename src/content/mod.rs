//! Handbook documents and lessons: the document model the app draws (compiles for wasm32) and,
//! natively only, the Markdown compiler that is also the content linter.

mod model;

#[cfg(not(target_arch = "wasm32"))]
mod compile;

pub use model::{Alignment, Block, Document, Handbook, Inline, Run};

#[cfg(not(target_arch = "wasm32"))]
pub use compile::{compile, compile_handbook, is_identifier, FRONT_MATTER_KEYS};
