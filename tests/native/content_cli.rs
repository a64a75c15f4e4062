//! `hocso handbook check` and `hocso handbook build` through the real binary: the summary line,
//! rendered diagnostics on stderr, the JSON written, and the exit codes 0, 1 and 2.

use hocso::content::Handbook;

use crate::bank_cli::{file, hocso, scratch};

const HANDBOOK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/quizzes/handbook");

const HOSTILE: &str = "+++\nid = \"xau\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"N\"]\nupdated = \"2026-11-23\"\n+++\n## A {#a}\n\n<img src=x onerror=alert(1)>\n";

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("utf-8 output")
}

#[test]
fn check_passes_the_shipped_handbook() {
    let out = hocso(&["handbook", "check", HANDBOOK], "");
    assert_eq!(
        text(&out.stderr),
        "checked 9 documents: 0 failed, 0 errors\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_renders_hostile_html_with_its_line_and_fails() {
    let dir = scratch("handbook-hostile");
    let path = file(&dir, "xau.md", HOSTILE);
    let out = hocso(&["handbook", "check", &path], "");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: raw HTML is not allowed: `<img src=x onerror=alert(1)>`\n"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("┌─ {path}:10:1")), "{stderr}");
    assert!(
        stderr.contains("10 │ <img src=x onerror=alert(1)>"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("checked 1 document: 1 failed, 1 error\n"),
        "{stderr}"
    );
}

#[test]
fn build_writes_the_documents_as_json() {
    let dir = scratch("handbook-build");
    let output = dir.join("handbook.json");
    let output = output.to_str().expect("utf-8 path");
    let out = hocso(&["handbook", "build", HANDBOOK, "-o", output], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json = std::fs::read_to_string(output).expect("json written");
    let handbook: Handbook = serde_json::from_str(&json).expect("the app's model");
    assert_eq!(handbook.documents.len(), 9);
    let overview = handbook.document("nq57-tong-quan").expect("the overview");
    assert!(overview
        .section_text("ban-hanh")
        .expect("section")
        .contains("22/12/2024"));
}

#[test]
fn build_of_a_bad_document_writes_nothing() {
    let dir = scratch("handbook-build-bad");
    let path = file(&dir, "xau.md", HOSTILE);
    let output = dir.join("out.json");
    let out = hocso(
        &[
            "handbook",
            "build",
            &path,
            "-o",
            output.to_str().expect("utf-8"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!output.exists());
}

#[test]
fn a_folder_without_documents_is_a_usage_error() {
    let dir = scratch("handbook-empty");
    let out = hocso(&["handbook", "check", dir.to_str().expect("utf-8")], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: no .md files found\n");
}
