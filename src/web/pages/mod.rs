//! One component per route.

mod certificate;
mod contest;
mod handbook;
mod home;
mod not_found;
mod under_construction;
mod verify;

pub use certificate::Certificate;
pub use contest::Contest;
pub use handbook::{HandbookDocument, HandbookIndex};
pub use home::Home;
pub use not_found::NotFound;
pub use under_construction::UnderConstruction;
pub use verify::Verify;
