//! Fuzzes the TOML bank loader with arbitrary UTF-8 text. The properties are in `../checks.rs`;
//! `tests/native/bank_fuzz_found.rs` replays them on every input kept from fuzzing.

#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        checks::bank_toml(text);
    }
});
