//! Fuzzes the TOML bank loader: any input gives diagnostics (never a panic) whose positions lie
//! in the input and render; a valid bank digests, and its written TOML loads back to itself.

#![no_main]

use hocso::bank::{digest, load_toml, to_toml};
use hocso::diagnostics::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (bank, diagnostics) = load_toml("fuzz.toml", text);
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
        assert!(d.line >= 1 && d.column >= 1);
    }
    let _ = render("fuzz.toml", text, &diagnostics);
    if let Some(bank) = bank {
        assert_eq!(digest(&bank).len(), 64);
        let written = to_toml(&bank);
        let (back, again) = load_toml("written.toml", &written);
        assert_eq!(again, vec![], "{written}");
        assert_eq!(back.as_ref(), Some(&bank), "{written}");
    }
});
