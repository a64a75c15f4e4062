//! Folding: lower case, without tone marks, circumflex, breve or horn, `đ` → `d`, whitespace
//! collapsed. `Nghị quyết` and `nghi  QUYET` fold to the same `nghi quyet`.
//!
//! The table covers the precomposed (NFC) Vietnamese letters; combining marks (U+0300–U+036F),
//! as left by decomposed input, are dropped. No Unicode database is needed, so the wasm stays small.

/// Base letters and the precomposed lower-case letters that fold to each.
const TABLE: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// Folds one lower- or upper-case character; `None` for a combining mark, which folding drops.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii() {
        return Some(lower);
    }
    let base = TABLE
        .iter()
        .find(|(_, variants)| variants.contains(lower))
        .map_or(lower, |(base, _)| *base);
    Some(base)
}

/// Folds `text` for comparison: every character through [`fold_char`], runs of whitespace
/// collapsed to one space, leading and trailing whitespace removed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter_map(fold_char));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_marks_and_spaces() {
        let cases = [
            ("Nghị quyết", "nghi quyet"),
            ("  NGHỊ   QUYẾT\t57 ", "nghi quyet 57"),
            ("Đảng viên đi trước", "dang vien di truoc"),
            ("chuyển đổi số", "chuyen doi so"),
            ("Ưu tiên Ơn Ấy Ắt Ỵ", "uu tien on ay at y"),
            // Decomposed input: base letters followed by combining marks.
            ("nghi\u{323} quye\u{302}\u{301}t", "nghi quyet"),
            ("", ""),
            ("Tiếng Việt – ổn!", "tieng viet – on!"),
        ];
        for (input, folded) in cases {
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn every_table_letter_and_its_capital_fold_to_the_base() {
        for (base, variants) in TABLE {
            for v in variants.chars() {
                assert_eq!(fold_char(v), Some(base), "{v}");
                let upper = v.to_uppercase().next().unwrap();
                assert_eq!(fold_char(upper), Some(base), "{upper}");
            }
        }
    }
}
