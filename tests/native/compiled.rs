//! The content embedded in the app is exactly what the compiler makes of its sources today.

use std::fs;

use hocso::bank::{load_toml, Built};
use hocso::content::{compile_handbook, Handbook};

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

#[test]
fn embedded_handbook_is_fresh_and_valid() {
    let mut names: Vec<String> = fs::read_dir("quizzes/handbook")
        .expect("read the handbook folder")
        .filter_map(Result::ok)
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".md"))
        .collect();
    names.sort();
    let files: Vec<(String, String)> = names
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("read document");
            (p, text)
        })
        .collect();
    let (documents, diagnostics) = compile_handbook(&files);
    assert!(
        diagnostics.is_empty(),
        "the handbook has problems: {diagnostics:?}"
    );
    let fresh = serde_json::to_string(&Handbook { documents }).expect("encode handbook");
    let compiled = "quizzes/compiled/handbook.json";
    let committed = fs::read_to_string(compiled).expect("read compiled handbook");
    assert!(
        fresh == committed,
        "{compiled} is stale: run `cargo run -- handbook build quizzes/handbook -o {compiled}`"
    );
}
