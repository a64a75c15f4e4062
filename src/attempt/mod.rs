//! Contest attempts: the seeded draw, the state machine, grading and the saved state.
//!
//! An attempt is a bank digest, a `u64` seed and [`ContestSettings`]. The seed alone determines
//! the questions, their order and the order of their choices (see [`draw`] for the algorithm),
//! so anyone holding the bank can replay a draw. Answers are recorded by question id and
//! *original* choice index with their time; [`Attempt`] is the state machine and its JSON is the
//! saved state.

mod answer;
pub mod draw;
mod grade;
mod machine;
mod participant;
mod prepared;
mod rng;

pub use answer::{Answer, AnswerError, AnswerKind, AnswerRecord};
pub use draw::{ContestSettings, Draw, DrawError, Drawn, Quota};
pub use grade::{grade, is_correct, Grade, DEFAULT_TIME_LIMIT_MINUTES};
pub use machine::{Attempt, AttemptError, LoadError, Phase, SubmittedBy, SCHEMA_VERSION};
pub use participant::{
    validate_email, validate_name, validate_phone, validate_unit, Field, FieldError, Participant,
    NAME_MAX_CHARS, UNIT_MAX_CHARS,
};
pub use prepared::PreparedBank;
