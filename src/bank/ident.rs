//! Identifiers of banks, topics and questions: `[a-z0-9-]+`, and slugs made from free text.

use crate::text::fold;

/// Whether `id` is a valid identifier: non-empty, only `a-z`, `0-9` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid identifier made from `text`: folded (no diacritics, `đ` → `d`), runs of anything else
/// than `a-z0-9` turned into one `-`; `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for (id, valid) in [
            ("tq-001", true),
            ("a", true),
            ("", false),
            ("Tq-1", false),
            ("tq 1", false),
            ("tq_1", false),
            ("câu", false),
        ] {
            assert_eq!(is_valid_id(id), valid, "{id:?}");
        }
    }

    #[test]
    fn slugs() {
        for (text, expected) in [
            (
                "Tổng quan về Nghị quyết 57",
                Some("tong-quan-ve-nghi-quyet-57"),
            ),
            ("  Đảng -- Nhà nước! ", Some("dang-nha-nuoc")),
            ("tq-001", Some("tq-001")),
            ("?!", None),
        ] {
            assert_eq!(slug(text).as_deref(), expected, "{text:?}");
        }
    }
}
