//! Unicode NFC checks for authored content (native only: the wasm carries no Unicode database,
//! shipped content is checked here at build time).

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The NFC form of `text`, borrowed when `text` is already NFC.
pub fn to_nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `None` when `text` is already NFC, otherwise its NFC form.
pub fn nfc_fix(text: &str) -> Option<String> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let normalised: String = text.nfc().collect();
    (normalised != text).then_some(normalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_is_recomposed() {
        // "Nghị" with the dot below as a combining mark (U+0323).
        let decomposed = "Nghi\u{323}";
        assert_eq!(nfc_fix(decomposed).as_deref(), Some("Nghị"));
        assert_eq!(nfc_fix("Nghị quyết"), None);
        assert_eq!(nfc_fix("plain ascii"), None);
    }
}
