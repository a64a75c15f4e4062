//! The contest screen: what the learner sees and does during a contest, as a reducer over the
//! attempt engine, and the record that keeps it across reloads. The Yew page only draws it.

mod record;
mod screen;

pub use record::ContestRecord;
pub use screen::{toggle_choice, Action, ContestScreen, Stage};
