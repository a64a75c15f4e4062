//! What the contest keeps on the device: the attempt in progress and the finished ones.

use serde::{Deserialize, Serialize};

use crate::attempt::Attempt;
use crate::store::Record;

/// The contest's saved data, under `hocso:v1:contest`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestRecord {
    /// The attempt in progress, if any; at most one at a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress: Option<Attempt>,
    /// Submitted attempts, oldest first.
    #[serde(default)]
    pub history: Vec<Attempt>,
}

impl Record for ContestRecord {
    const NAME: &'static str = "contest";
    const VERSION: u32 = 1;
}
