//! `hocso bank …` and `hocso json canonicalize` through the real binary: outputs, diagnostics on
//! stderr and the exit codes 0 (ok), 1 (the input has problems), 2 (usage or I/O error).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use hocso::bank::Built;

use crate::bank::{edited, VALID};

/// Runs `hocso args…` with `stdin`.
pub fn hocso(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hocso starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    child.wait_with_output().expect("hocso ends")
}

/// A fresh directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hocso-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Writes `text` to `name` in `dir` and returns its path as a string.
pub fn file(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("file written");
    path.to_str().expect("utf-8 path").to_owned()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("utf-8 output")
}

#[test]
fn check_passes_a_valid_bank() {
    let dir = scratch("check-ok");
    let path = file(&dir, "nq57.toml", VALID);
    let out = hocso(&["bank", "check", &path], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(
        text(&out.stderr),
        "checked 1 file: 0 failed, 0 errors, 0 warnings\n"
    );
}

#[test]
fn check_renders_every_problem_of_every_file_and_exits_1() {
    let dir = scratch("check-bad");
    let good = file(&dir, "good.toml", VALID);
    let bad = file(
        &dir,
        "bad.toml",
        &edited(&[("answer = 1\n", "answer = 5\n"), ("level = 3", "lvl = 3")]),
    );
    let out = hocso(&["bank", "check", &good, &bad], "");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("┌─ {bad}:32:10\n")), "{stderr}");
    assert!(stderr.contains("32 │ answer = 5\n"), "{stderr}");
    assert!(
        stderr.contains("error: unknown key `lvl` in a question\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: did you mean `level`?\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("checked 2 files: 1 failed, 3 errors, 0 warnings\n"),
        "{stderr}"
    );
}

#[test]
fn check_json_reports_digests_and_located_diagnostics() {
    let dir = scratch("check-json");
    let good = file(&dir, "good.toml", VALID);
    let bad = file(
        &dir,
        "bad.toml",
        &edited(&[("answer = 1\n", "answer = 5\n")]),
    );
    let out = hocso(&["bank", "check", "--format", "json", &good, &bad], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(
        report[0]["digest"],
        "b33d1e6700c20d59242540ad7b7757fb20c5d128b09f23d56870cf9a8ed84bc2"
    );
    assert_eq!(report[0]["diagnostics"], serde_json::json!([]));
    assert!(report[1].get("digest").is_none());
    let d = &report[1]["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(32), Some(10))
    );
    assert_eq!(d["severity"], "error");
    assert_eq!(d["help"], "answers are 1-based: use 1 to 4");
}

#[test]
fn unreadable_files_and_bad_usage_exit_2() {
    let out = hocso(&["bank", "check", "/nonexistent/nq57.toml"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: cannot read /nonexistent/nq57.toml: "));
    let dir = scratch("not-utf8");
    let path = dir.join("latin1.toml");
    std::fs::write(&path, b"[bank]\ntitle = \"Ngh\xe9\"\n").expect("written");
    let out = hocso(&["bank", "check", path.to_str().expect("path")], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is not UTF-8 text (invalid byte at offset 19)"));
    for args in [
        &["bank", "check"][..],
        &["bank", "frobnicate"],
        &["bank", "stats", "--format", "xml", "x"],
    ] {
        assert_eq!(hocso(args, "").status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn stats_counts_by_topic_level_and_kind() {
    let dir = scratch("stats");
    let path = file(&dir, "nq57.toml", VALID);
    let out = hocso(&["bank", "stats", &path, "--format", "json"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "{\"questions\":4,\"topics\":{\"giai-phap\":2,\"tong-quan\":2},\
         \"levels\":{\"1\":2,\"2\":1,\"3\":1},\
         \"kinds\":{\"multiple\":1,\"short\":1,\"single\":1,\"true_false\":1}}\n"
    );
    let out = hocso(&["bank", "stats", &path], "");
    assert_eq!(
        text(&out.stdout),
        "questions: 4\ntopics:\n  giai-phap: 2\n  tong-quan: 2\nlevels:\n  1: 2\n  2: 1\n  3: 1\n\
         kinds:\n  multiple: 1\n  short: 1\n  single: 1\n  true_false: 1\n"
    );
    let bad = file(&dir, "bad.toml", &edited(&[("level = 3", "level = 0")]));
    let out = hocso(&["bank", "stats", &bad], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("`level` must be 1, 2 or 3, not 0"));
}

#[test]
fn build_writes_the_bank_with_its_digest_or_nothing() {
    let dir = scratch("build");
    let path = file(&dir, "nq57.toml", VALID);
    let json = dir.join("nq57.json");
    let json = json.to_str().expect("path");
    let out = hocso(&["bank", "build", &path, "-o", json], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let built: Built =
        serde_json::from_str(&std::fs::read_to_string(json).expect("written")).expect("JSON");
    assert_eq!(
        built.digest,
        "b33d1e6700c20d59242540ad7b7757fb20c5d128b09f23d56870cf9a8ed84bc2"
    );
    assert!(built.digest_matches());
    assert_eq!(built.bank.questions.len(), 4);

    let mut tampered = built.clone();
    tampered.bank.questions[0].text.push('!');
    assert!(!tampered.digest_matches());

    let bad = file(
        &dir,
        "bad.toml",
        &edited(&[("id = \"tq-002\"", "id = \"tq-001\"")]),
    );
    let bad_json = dir.join("bad.json");
    let out = hocso(
        &[
            "bank",
            "build",
            &bad,
            "-o",
            bad_json.to_str().expect("path"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("duplicate question id `tq-001`"));
    assert!(!bad_json.exists());
}

#[test]
fn json_canonicalize_prints_canonical_bytes_without_newline() {
    let input = "{ \"b\": [1.50, 1E3, \"\\u00e9\"], \"a\": {\"y\": null, \"x\": true} }\n";
    let out = hocso(&["json", "canonicalize"], input);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "{\"a\":{\"x\":true,\"y\":null},\"b\":[1.5,1000,\"é\"]}"
    );
    let dir = scratch("jcs");
    let path = file(&dir, "in.json", input);
    let out = hocso(&["json", "canonicalize", &path], "");
    assert_eq!(
        text(&out.stdout),
        "{\"a\":{\"x\":true,\"y\":null},\"b\":[1.5,1000,\"é\"]}"
    );
    let out = hocso(&["json", "canonicalize"], "{\"a\": 1,\n \"b\": }");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "<stdin>:2:7: error: expected value\n");
}
