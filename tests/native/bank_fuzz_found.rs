//! Regression inputs found by fuzzing (`fuzz/`): each file under `tests/fixtures/fuzz/<target>/`
//! is replayed through the same checks the fuzz target runs (`fuzz/checks.rs`), so an input
//! that once crashed or broke a property stays fixed.

use std::fs;
use std::path::Path;

use hocso::bank::{export_gift, import_gift};

#[path = "../../fuzz/checks.rs"]
mod checks;

/// Replays every input of `target` through `check`; there must be at least one.
fn replay(target: &str, check: fn(&str)) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for path in inputs {
        // The targets skip input that is not UTF-8, so every kept input is UTF-8.
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        check(&text);
    }
}

#[test]
fn toml_loader_inputs_found_by_fuzzing() {
    replay("bank_toml", checks::bank_toml);
}

#[test]
fn gift_importer_inputs_found_by_fuzzing() {
    replay("gift", checks::gift);
}

/// The GIFT question of `gift` that must import: (topic id, topic title, text).
fn imported(gift: &str) -> (String, String, String) {
    let (bank, diagnostics) = import_gift("f.gift", gift);
    let bank = bank.unwrap_or_else(|| panic!("{gift:?}: {diagnostics:?}"));
    let question = &bank.questions[0];
    let topic = bank.topic(&question.topic).expect("declared topic");
    (topic.id.clone(), topic.title.clone(), question.text.clone())
}

#[test]
fn gift_findings_fixed() {
    let owned = |(a, b, c): (&str, &str, &str)| (a.to_owned(), b.to_owned(), c.to_owned());
    let table = [
        // A question right under its `$CATEGORY:` line (no blank line) is a question, not
        // part of the category's name.
        (
            "$CATEGORY: top/Giải pháp\nCâu? {=x ~y}\n",
            ("giai-phap", "Giải pháp", "Câu?"),
        ),
        // `//` is a `/` inside a name, whatever other characters (even NUL) are around.
        (
            "$CATEGORY: a/x//y\u{0}z\n\nCâu? {=x ~y}\n",
            ("x-y-z", "x/y\u{0}z", "Câu?"),
        ),
        // A carriage return is not content, inside a line or at its end (export drops it too).
        ("A\rB? {=x ~y}\r\n", ("chung", "Chung", "AB?")),
        // Not even after a backslash.
        ("A\\\rB? {=x ~y}", ("chung", "Chung", "A\\B?")),
    ];
    for (gift, expected) in table {
        assert_eq!(imported(gift), owned(expected), "{gift:?}");
    }
}

#[test]
fn a_text_that_looks_like_a_format_marker_survives_export() {
    let (bank, _) = import_gift("f.gift", "[plain][html]<b>x</b>? {=x ~y}\n");
    let bank = bank.expect("imported");
    assert_eq!(bank.questions[0].text, "[html]<b>x</b>?");
    let exported = export_gift(&bank);
    assert!(
        exported.contains("::q-1::[plain][html]<b>x</b>? {"),
        "{exported}"
    );
    assert_eq!(import_gift("again.gift", &exported).0, Some(bank));
}
