//! Fuzzes the GIFT importer: any input gives diagnostics (never a panic) located in the input;
//! an imported bank exports to GIFT that imports back to the same bank.

#![no_main]

use hocso::bank::{export_gift, import_gift};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (bank, diagnostics) = import_gift("fuzz.gift", text);
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
    }
    if let Some(bank) = bank {
        let gift = export_gift(&bank);
        let (back, _) = import_gift("again.gift", &gift);
        assert_eq!(back.as_ref(), Some(&bank), "{gift}");
    }
});
