//! The content embedded in the app is exactly what the compiler makes of its sources today.

use std::fs;

use hocso::bank::{load_toml, Built};

/// (source, compiled file) pairs the app embeds.
const BANKS: [(&str, &str); 1] = [("quizzes/nq57.toml", "quizzes/compiled/nq57.json")];

#[test]
fn embedded_banks_are_fresh_and_valid() {
    for (source, compiled) in BANKS {
        let text = fs::read_to_string(source).expect("read bank source");
        let (bank, diagnostics) = load_toml(source, &text);
        assert!(
            diagnostics.is_empty(),
            "{source} has problems: {diagnostics:?}"
        );
        let fresh = serde_json::to_string(&Built::new(bank.expect("a bank without diagnostics")))
            .expect("encode bank");
        let committed = fs::read_to_string(compiled).expect("read compiled bank");
        assert!(
            fresh == committed,
            "{compiled} is stale: run `cargo run -- bank build {source} -o {compiled}`"
        );
    }
}
