//! Custom hooks; each one's doc comment says what it owns.

mod use_clock;
mod use_document_title;

pub use use_clock::use_clock;
pub use use_document_title::use_document_title;
