//! Custom hooks; each one's doc comment says what it owns.

mod use_document_title;

pub use use_document_title::use_document_title;
