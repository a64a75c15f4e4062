//! The "Sổ tay" pages: the list of handbook documents and one document.

mod document;
mod index;

pub use document::HandbookDocument;
pub use index::HandbookIndex;
