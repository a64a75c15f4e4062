//! The learner's display preferences, kept on the device.

use serde::{Deserialize, Serialize};

use crate::store::Record;

/// How large the app's text is drawn; older readers on small phones often want it larger.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// The browser's default size.
    #[default]
    Normal,
    /// One step larger.
    Large,
    /// Two steps larger.
    ExtraLarge,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::ExtraLarge];

    /// The label shown on the choice.
    pub fn label(self) -> &'static str {
        match self {
            TextSize::Normal => "Chữ vừa",
            TextSize::Large => "Chữ lớn",
            TextSize::ExtraLarge => "Chữ rất lớn",
        }
    }

    /// The class the stylesheet sizes the root element by.
    pub fn css_class(self) -> &'static str {
        match self {
            TextSize::Normal => "text-normal",
            TextSize::Large => "text-large",
            TextSize::ExtraLarge => "text-xlarge",
        }
    }
}

/// Display preferences saved under `hocso:v1:prefs`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// The text size chosen by the learner.
    pub text_size: TextSize,
}

impl Record for Preferences {
    const NAME: &'static str = "prefs";
    const VERSION: u32 = 1;
}
