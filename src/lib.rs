//! Học số: the pure core of a browser-only learning product for Vietnamese resolutions.
//!
//! Everything outside `web` is plain Rust with no browser dependency: it compiles and is tested
//! natively. Time, randomness and storage come in as arguments. The Yew app lives in `web`
//! behind the `web` cargo feature and is the only code that touches the browser.

pub mod attempt;
pub mod bank;
pub mod clock;
pub mod content;
pub mod contest;
pub mod credential;
pub mod diagnostics;
pub mod jcs;
pub mod prefs;
pub mod rank;
pub mod store;
pub mod text;

pub use diagnostics::{Diagnostic, Severity, SourceFile};

#[cfg(feature = "web")]
pub mod web;

pub use credential::{DidKey, QuizResult, VerifiedResult, VerifyError};
pub use rank::{Entry, RankConfig, Ranking};
