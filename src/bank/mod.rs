//! Question banks: the parsed model shared by the app, the CLI and the attempt engine.

mod model;

pub use model::{AnswerKey, Bank, ContestDefaults, Question, Topic, TRUE_FALSE_CHOICES};
