//! Moodle GIFT import and export (native only).
//!
//! Import understands titles `::t::`, `$CATEGORY:` (a topic), multiple choice `=` / `~`, weighted
//! answers `~%50%` (every positive weight is a correct choice), true/false `{T}` `{F}` `{TRUE}`
//! `{FALSE}`, short answers `{=a =b}`, answer feedback `#` (dropped, with a warning), general
//! feedback `####` (the explanation), the escapes `\: \= \~ \# \{ \} \\ \n`, the formats
//! `[html]` (tags removed), `[markdown]`, `[plain]`, `[moodle]`, `//` comment lines and blank-line
//! separation. Numeric, matching, essay and description items are reported with their line and
//! skipped. What GIFT cannot hold (bank metadata, contest defaults, topic ids, levels, sources)
//! travels in directive comments `// @key value`, which Moodle ignores; so bank → GIFT → bank is
//! the identity. See `docs/bank-format.md`.
mod export;
mod import;
mod items;
mod text;

pub use export::export_gift;
pub use import::import_gift;
