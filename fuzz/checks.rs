//! The properties the fuzz targets check, shared with the regression tests in
//! `tests/native/bank_fuzz_found.rs` (which include this file), so a found input is replayed
//! through exactly the same checks. Keep found inputs under `tests/fixtures/fuzz/<target>/`.

use hocso::bank::{digest, export_gift, import_gift, load_toml, to_toml};
use hocso::diagnostics::render;
use hocso::Diagnostic;

/// Loading any text as a TOML bank never panics; every diagnostic points inside the text and
/// renders; a bank comes back only without errors, and writing it as TOML and loading that
/// again gives the same bank and digest.
pub fn bank_toml(text: &str) {
    let (bank, diagnostics) = load_toml("fuzz.toml", text);
    let Some(bank) = well_reported("fuzz.toml", text, bank, &diagnostics) else {
        return;
    };
    let written = to_toml(&bank);
    let (again, problems) = load_toml("again.toml", &written);
    assert_eq!(problems, vec![], "the written bank has problems\n{written}");
    assert_eq!(
        again.as_ref(),
        Some(&bank),
        "the written bank loads differently\n{written}"
    );
    let hex = digest(&bank);
    assert!(
        hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        "{hex}"
    );
}

/// Importing any text as GIFT never panics; its diagnostics are well formed (as for TOML); an
/// imported bank exports to GIFT that imports back to the same bank.
pub fn gift(text: &str) {
    let (bank, diagnostics) = import_gift("fuzz.gift", text);
    let Some(bank) = well_reported("fuzz.gift", text, bank, &diagnostics) else {
        return;
    };
    let exported = export_gift(&bank);
    let (again, problems) = import_gift("again.gift", &exported);
    assert_eq!(
        again.as_ref(),
        Some(&bank),
        "the exported bank imports differently: {problems:?}\n{exported}"
    );
}

/// Checks that every diagnostic points inside `text`, has a position and a message, and renders;
/// and that a bank comes back exactly when there is no error. Returns the bank.
fn well_reported<T>(
    name: &str,
    text: &str,
    value: Option<T>,
    diagnostics: &[Diagnostic],
) -> Option<T> {
    for d in diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "span {:?} outside a text of {} bytes: {d}",
            d.span,
            text.len()
        );
        assert!(d.line >= 1 && d.column >= 1, "{d}");
        assert!(!d.message.is_empty(), "empty message at {d}");
    }
    let rendered = render(name, text, diagnostics);
    assert_eq!(rendered.is_empty(), diagnostics.is_empty());
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    assert_eq!(
        value.is_some(),
        !errors,
        "a value exactly when there is no error"
    );
    value
}
