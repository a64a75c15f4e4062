//! One component per route.

mod contest;
mod home;
mod not_found;
mod under_construction;

pub use contest::Contest;
pub use home::Home;
pub use not_found::NotFound;
pub use under_construction::UnderConstruction;
