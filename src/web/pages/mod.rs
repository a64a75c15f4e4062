//! One component per route.

mod contest;
mod handbook;
mod home;
mod not_found;
mod under_construction;

pub use contest::Contest;
pub use handbook::{HandbookDocument, HandbookIndex};
pub use home::Home;
pub use not_found::NotFound;
pub use under_construction::UnderConstruction;
