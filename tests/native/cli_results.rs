//! `hocso verify`, `hocso rank` and `hocso simulate` through the real binary, on results signed
//! here from hand-made attempts over the support bank: exact reports, exit codes, every
//! tie-break step of the ranking, duplicates, `--keep best`, the deadline, and independence
//! from file order.

use std::fs;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use hocso::attempt::{grade, Answer, AnswerRecord, ContestSettings, Draw};
use hocso::bank::{digest, load_toml, to_toml, AnswerKey, Bank};
use hocso::credential::{issue, verify, BankRef, DidKey, ParticipantInfo, QuizResult};
use serde_json::Value;

use crate::bank_cli::{file, hocso, scratch};
use crate::support;

/// 2026-11-23T01:00:00Z.
const T0: i64 = 1_795_395_600_000;

/// A scratch directory with the support bank written as TOML.
struct Fixture {
    dir: PathBuf,
    bank_path: String,
    bank: Bank,
}

impl Fixture {
    fn new(name: &str) -> Self {
        let dir = scratch(name);
        let bank = support::bank();
        let bank_path = file(&dir, "bank.toml", &to_toml(&bank));
        let text = fs::read_to_string(&bank_path).unwrap();
        let loaded = load_toml(&bank_path, &text)
            .0
            .expect("the written bank loads");
        assert_eq!(digest(&loaded), digest(&bank), "the TOML keeps the digest");
        Fixture {
            dir,
            bank_path,
            bank,
        }
    }

    /// A result by `name` whose first `score` drawn questions are right and the others wrong,
    /// submitted `at` ms after T0 after `duration` ms.
    fn result(
        &self,
        name: &str,
        score: usize,
        prediction: u64,
        duration: i64,
        at: i64,
    ) -> QuizResult {
        let settings = ContestSettings::from_defaults(self.bank.contest.as_ref().unwrap());
        let draw = Draw::from_bank(&self.bank, 11, &settings).unwrap();
        let submitted_at = T0 + at;
        let answers: Vec<AnswerRecord> = draw
            .questions()
            .iter()
            .enumerate()
            .map(|(i, drawn)| AnswerRecord {
                question: drawn.id.clone(),
                answer: answer(&self.bank.questions[drawn.index].answer, i < score),
                at: (submitted_at - 1) as u64,
            })
            .collect();
        let graded = grade(&self.bank, &draw, &answers);
        assert_eq!(graded.score(), score);
        QuizResult {
            participant: ParticipantInfo {
                name: name.to_owned(),
                unit: "Chi bộ 5".to_owned(),
            },
            bank: BankRef {
                id: self.bank.id.clone(),
                version: self.bank.version.clone(),
                digest: digest(&self.bank),
            },
            seed: "11".to_owned(),
            settings,
            answers,
            started_at: submitted_at - duration,
            submitted_at,
            prediction,
            score: score as u32,
            max_score: graded.max() as u32,
        }
    }

    /// Signs `result` with key `[key; 32]` and writes it to `name`.
    fn signed(&self, name: &str, key: u8, result: &QuizResult) -> String {
        let credential = issue(
            result,
            &SigningKey::from_bytes(&[key; 32]),
            result.submitted_at + 1,
        )
        .unwrap();
        file(&self.dir, name, &format!("{credential:#}\n"))
    }
}

/// A right or wrong answer to a question with `key`.
fn answer(key: &AnswerKey, right: bool) -> Answer {
    match (key, right) {
        (AnswerKey::Single { correct, .. }, true) => Answer::Choice(*correct),
        (AnswerKey::Single { correct, .. }, false) => Answer::Choice((correct + 1) % 3),
        (AnswerKey::Multiple { correct, .. }, true) => Answer::Choices(correct.clone()),
        (AnswerKey::Multiple { .. }, false) => Answer::Choices(vec![1]),
        (AnswerKey::TrueFalse { correct }, _) => Answer::Choice(usize::from(*correct != right)),
        (AnswerKey::Short { accept }, true) => Answer::Text(accept[0].clone()),
        (AnswerKey::Short { .. }, false) => Answer::Text("sai".into()),
    }
}

fn did(key: u8) -> String {
    DidKey::of(&SigningKey::from_bytes(&[key; 32])).to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}

/// The signed file at `path` with its first answer changed.
fn tampered(path: &str) -> String {
    let mut credential: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let first = &mut credential["credentialSubject"]["answers"][0]["answer"];
    assert_ne!(*first, serde_json::json!({"text": "sai2"}));
    *first = serde_json::json!({"text": "sai2"});
    format!("{credential:#}")
}

#[test]
fn verify_reports_every_file_with_its_reason_and_exit_code() {
    let f = Fixture::new("verify");
    let good = f.signed("good.json", 1, &f.result("Lê Thị Hoa", 2, 4, 9_000, 0));
    let edited = file(&f.dir, "edited.json", &tampered(&good));
    let bad_json = file(&f.dir, "bad.json", "{\"a\": 1,\n  }");
    let original = fs::read_to_string(&good).unwrap();
    let duplicate = file(
        &f.dir,
        "dup.json",
        &original.replacen('{', "{\"issuer\": \"x\",", 1),
    );
    let mut claims_more = f.result("Trần Văn Nam", 1, 0, 9_000, 0);
    claims_more.score = 3;
    let mismatch = f.signed("mismatch.json", 2, &claims_more);
    let mut other_bank = f.result("Phạm Thu", 1, 0, 9_000, 0);
    other_bank.bank.digest = "abc".into();
    let unknown = f.signed("unknown.json", 3, &other_bank);

    let out = hocso(&["verify", "--bank", &f.bank_path, &good], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{good}: hợp lệ — Lê Thị Hoa (Chi bộ 5), 2/3, 0:09.000\n")
    );

    let files = [&good, &edited, &bad_json, &duplicate, &mismatch, &unknown];
    let mut args = vec!["verify", "--bank", &f.bank_path];
    args.extend(files.iter().map(|s| s.as_str()));
    let out = hocso(&args, "");
    assert_eq!(out.status.code(), Some(1));
    let bad_json_reason = verify("{\"a\": 1,\n  }").unwrap_err().to_string();
    assert!(
        bad_json_reason.starts_with("tệp không phải JSON hợp lệ (dòng 2, cột 3)"),
        "{bad_json_reason}"
    );
    let expected = [
        format!("{good}: hợp lệ — Lê Thị Hoa (Chi bộ 5), 2/3, 0:09.000"),
        format!("{edited}: không hợp lệ — chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký"),
        format!("{bad_json}: không hợp lệ — {bad_json_reason}"),
        format!("{duplicate}: không hợp lệ — tên thuộc tính \"issuer\" xuất hiện hai lần (dòng 56, cột 10); hai chương trình đọc có thể thấy hai nội dung khác nhau nên tệp bị từ chối"),
        format!("{mismatch}: không hợp lệ — điểm ghi trong tệp (3/3) không khớp với điểm chấm lại (1/3)"),
        format!("{unknown}: không hợp lệ — không có bộ câu hỏi có mã băm abc để chấm lại"),
    ];
    assert_eq!(text(&out.stdout), expected.join("\n") + "\n");

    args.extend(["--format", "json"]);
    let out = hocso(&args, "");
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<(&str, bool, &str)> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap(),
                r["valid"].as_bool().unwrap(),
                r["reason_code"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (good.as_str(), true, "-"),
            (edited.as_str(), false, "signature_invalid"),
            (bad_json.as_str(), false, "bad_json"),
            (duplicate.as_str(), false, "duplicate_member"),
            (mismatch.as_str(), false, "score_mismatch"),
            (unknown.as_str(), false, "unknown_bank"),
        ]
    );
    assert_eq!(report[0]["participant"], did(1));
    assert_eq!(
        (report[0]["score"].as_u64(), report[0]["max"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(
        report[1]["reason"],
        expected[1].split(" — ").nth(1).unwrap()
    );
}

#[test]
fn verify_usage_and_io_errors_exit_2() {
    let f = Fixture::new("verify-io");
    let good = f.signed("good.json", 1, &f.result("A", 1, 0, 9_000, 0));
    let missing = f.dir.join("missing.json");
    let missing = missing.to_str().unwrap();
    let out = hocso(&["verify", "--bank", &f.bank_path, &good, missing], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).starts_with(&format!("{good}: hợp lệ")));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: cannot read {missing}: ")),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: 1 file could not be read\n"),
        "{stderr}"
    );
    // No bank, no files, a bank that does not load.
    assert_eq!(hocso(&["verify", &good], "").status.code(), Some(2));
    assert_eq!(
        hocso(&["verify", "--bank", &f.bank_path], "").status.code(),
        Some(2)
    );
    let out = hocso(&["verify", "--bank", missing, &good], "");
    assert_eq!(out.status.code(), Some(2));
}

/// The hand-made field: every tie-break step, a tie, a second submission, an invalid file.
fn field(f: &Fixture) -> Vec<String> {
    vec![
        // Five full scores under --keep earliest.
        f.signed("h.json", 1, &f.result("H", 3, 5, 100_000, 1_000_000)),
        f.signed("i.json", 2, &f.result("I", 3, 4, 50_000, 1_000_000)),
        f.signed("a.json", 3, &f.result("A", 3, 6, 60_000, 1_000_000)),
        f.signed("c.json", 4, &f.result("C", 3, 4, 60_000, 2_000_000)),
        f.signed("b.json", 5, &f.result("B", 3, 7, 30_000, 1_000_000)),
        // Equal on all four keys: a tie.
        f.signed("d.json", 6, &f.result("D", 2, 0, 40_000, 3_000_000)),
        f.signed("g.json", 7, &f.result("G", 2, 0, 40_000, 3_000_000)),
        // E first scores 1, then 3 later.
        f.signed("e1.json", 8, &f.result("E", 1, 9, 20_000, 500_000)),
        f.signed("e2.json", 8, &f.result("E", 3, 9, 20_000, 5_000_000)),
    ]
}

/// `(rank, tied, name, prediction_error)` of each CSV row.
fn rows(csv: &str) -> Vec<(String, String, String, String)> {
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("rank,tied,name,unit,did_key,score,max_score,prediction_error,duration_ms,duration,submitted,file")
    );
    lines
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (f[0].into(), f[1].into(), f[2].into(), f[7].into())
        })
        .collect()
}

fn expect_rows(rows: &[(String, String, String, String)], expected: &[(&str, &str, &str, &str)]) {
    let rows: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str()))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn rank_orders_by_score_prediction_duration_and_submission() {
    let f = Fixture::new("rank");
    let files = field(&f);
    // An edited answer, bad JSON, a file that is not UTF-8, and a file rank must skip.
    file(&f.dir, "f.json", &tampered(&files[0]));
    file(&f.dir, "bad.json", "[");
    fs::write(f.dir.join("latin1.json"), b"{\"name\": \"L\xea\"}").unwrap();
    file(&f.dir, "notes.txt", "not a result");
    let dir = f.dir.to_str().unwrap();
    let missing = f.dir.join("missing.json").display().to_string();

    let out = hocso(
        &[
            "rank",
            "--bank",
            &f.bank_path,
            dir,
            &missing,
            "--format",
            "csv",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    expect_rows(
        &rows(&text(&out.stdout)),
        &[
            ("1", "false", "H", "0"),
            ("2", "false", "I", "1"),
            ("3", "false", "A", "1"),
            ("4", "false", "C", "1"),
            ("5", "false", "B", "2"),
            ("6", "true", "D", "5"),
            ("6", "true", "G", "5"),
            ("8", "false", "E", "4"),
        ],
    );
    let stderr = text(&out.stderr);
    let (reports, summary) = stderr.split_at(stderr.find("files read").unwrap());
    assert_eq!(
        summary,
        "files read: 13\nvalid: 9\ninvalid: 3 (bad_json 1, not_utf8 1, signature_invalid 1)\n\
         unreadable: 1\nduplicates dropped: 1\nafter the deadline: 0\nranked: 8 (full score: 5)\n\
         ties: 1 (entries in a tie: 2)\n"
    );
    let mut reports: Vec<&str> = reports.lines().collect();
    reports.sort_unstable();
    let path = |name: &str| f.dir.join(name).display().to_string();
    let mut expected = vec![
        format!("{missing}: cannot read: No such file or directory (os error 2)"),
        format!("{}: không hợp lệ [bad_json] — {}", path("bad.json"), verify("[").unwrap_err()),
        format!("{}: không hợp lệ [signature_invalid] — chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký", path("f.json")),
        format!("{}: không hợp lệ [not_utf8] — tệp không phải văn bản UTF-8 (byte sai ở vị trí 11)", path("latin1.json")),
    ];
    expected.sort_unstable();
    assert_eq!(reports, expected);
}

#[test]
fn rank_keep_best_and_deadline() {
    let f = Fixture::new("rank-best");
    let files = field(&f);
    let mut args = vec![
        "rank",
        "--bank",
        f.bank_path.as_str(),
        "--format",
        "csv",
        "--keep",
        "best",
    ];
    args.extend(files.iter().map(String::as_str));
    // E's later 3/3 counts: six full scores, so every prediction error moves.
    let out = hocso(&args, "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    expect_rows(
        &rows(&text(&out.stdout)),
        &[
            ("1", "false", "A", "0"),
            ("2", "false", "B", "1"),
            ("3", "false", "H", "1"),
            ("4", "false", "I", "2"),
            ("5", "false", "C", "2"),
            ("6", "false", "E", "3"),
            ("7", "true", "D", "6"),
            ("7", "true", "G", "6"),
        ],
    );
    assert!(text(&out.stderr)
        .contains("\nduplicates dropped: 1\nafter the deadline: 0\nranked: 8 (full score: 6)\n"));

    // A deadline before E's second submission: it is late, and E keeps the 1/3.
    args.extend(["--deadline", "2026-11-23T09:00:00+07:00"]);
    let out = hocso(&args, "");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "\nduplicates dropped: 0\nafter the deadline: 1\nranked: 8 (full score: 5)\n"
        ),
        "{stderr}"
    );
    assert_eq!(rows(&text(&out.stdout))[7].2, "E");

    args.pop();
    args.push("yesterday");
    let out = hocso(&args, "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("\"yesterday\" is not an RFC 3339 time with a zone"));
}

/// `text` with whitespace before it instead of after, `len` bytes in all (JSON allows it; the
/// signature is over the value), so that its last byte closes the value.
fn padded(text: &str, len: usize) -> String {
    let text = text.trim_end();
    format!("{}{text}", " ".repeat(len - text.len()))
}

#[test]
fn rank_reads_whole_files_of_any_size_named_found_or_linked() {
    let f = Fixture::new("rank-sizes");
    let signed = |key: u8, name: &str| {
        let path = f.signed(
            &format!("{name}.json"),
            key,
            &f.result(name, 3, 1, 1_000, 0),
        );
        fs::read_to_string(path).unwrap()
    };
    // Files at, just past and well past the reader's starting buffer of 16 KiB are read to
    // their end (cut short, any would be bad JSON).
    for (key, name, len) in [(1, "A", 16_384), (2, "B", 16_385), (3, "C", 50_000)] {
        let text = padded(&signed(key, name), len);
        file(&f.dir, &format!("{name}.json"), &text);
        assert_eq!(
            fs::metadata(f.dir.join(format!("{name}.json")))
                .unwrap()
                .len(),
            len as u64
        );
    }
    let outside = scratch("rank-sizes-outside");
    let linked = file(&outside, "d.json", &padded(&signed(4, "D"), 20_000));
    fs::remove_file(f.dir.join("D.json")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&linked, f.dir.join("D-link.json")).unwrap();
    let named = file(&outside, "e.json", &padded(&signed(5, "E"), 30_000));
    fs::remove_file(f.dir.join("E.json")).unwrap();

    let dir = f.dir.to_str().unwrap();
    let out = hocso(
        &[
            "rank",
            "--bank",
            &f.bank_path,
            dir,
            &named,
            "--format",
            "csv",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut names: Vec<String> = rows(&text(&out.stdout))
        .into_iter()
        .map(|row| row.2)
        .collect();
    names.sort_unstable();
    let expected = if cfg!(unix) {
        vec!["A", "B", "C", "D", "E"]
    } else {
        vec!["A", "B", "C", "E"]
    };
    assert_eq!(names, expected, "{}", text(&out.stderr));
}

/// Drops the page cache's copy of the files at `paths` (written to the disk first), so that
/// reading them waits for the disk.
#[cfg(target_os = "linux")]
fn evict(paths: &[String]) {
    use rustix::fs::{fadvise, Advice};
    for path in paths {
        let file = fs::File::open(path).unwrap();
        file.sync_all().unwrap();
        fadvise(&file, 0, None, Advice::DontNeed).unwrap();
    }
}

#[test]
fn rank_output_does_not_depend_on_file_order_or_on_files_being_in_memory() {
    let f = Fixture::new("rank-order");
    let files = field(&f);
    let run = |inputs: Vec<&str>, format: &str| {
        let mut args = vec!["rank", "--bank", f.bank_path.as_str(), "--format", format];
        args.extend(inputs);
        let out = hocso(&args, "");
        assert_eq!(out.status.code(), Some(0));
        (text(&out.stdout), text(&out.stderr))
    };
    let forward: Vec<&str> = files.iter().map(String::as_str).collect();
    let mut backward = forward.clone();
    backward.reverse();
    let mut shuffled = forward.clone();
    shuffled.rotate_left(4);
    for format in ["csv", "json", "table"] {
        let expected = run(forward.clone(), format);
        assert_eq!(run(backward.clone(), format), expected, "{format}");
        assert_eq!(run(shuffled.clone(), format), expected, "{format}");
        assert_eq!(
            run(vec![f.dir.to_str().unwrap()], format),
            expected,
            "{format}"
        );
        // Files out of memory are read once the disk brings them in, after the others.
        #[cfg(target_os = "linux")]
        {
            evict(&files[..files.len() / 2]);
            assert_eq!(run(backward.clone(), format), expected, "{format}");
            evict(&files);
            assert_eq!(
                run(vec![f.dir.to_str().unwrap()], format),
                expected,
                "{format}"
            );
        }
    }
    // -o writes the same bytes to a file.
    let out_path = f.dir.join("ranking.out");
    let out_path = out_path.to_str().unwrap();
    let mut args = vec!["rank", "--bank", f.bank_path.as_str(), "-o", out_path];
    args.extend(forward.iter().copied());
    let out = hocso(&args, "");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        fs::read_to_string(out_path).unwrap(),
        run(forward, "table").0
    );
}

#[test]
fn simulate_writes_results_that_rank_reads_all_valid() {
    let f = Fixture::new("simulate");
    let out_dir = f.dir.join("results");
    let out_dir = out_dir.to_str().unwrap();
    let simulate = |dir: &str, seed: &str| {
        hocso(
            &[
                "simulate",
                "--bank",
                &f.bank_path,
                "--count",
                "30",
                "-o",
                dir,
                "--seed",
                seed,
            ],
            "",
        )
    };
    let out = simulate(out_dir, "5");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let message = text(&out.stderr);
    let second: usize = message
        .split('(')
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("simulate says how many second submissions");
    assert!(
        message.starts_with(&format!("wrote 30 results to {out_dir} (")),
        "{message}"
    );

    let out = hocso(
        &["rank", "--bank", &f.bank_path, out_dir, "--format", "json"],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "files read: 30\nvalid: 30\ninvalid: 0\nunreadable: 0\nduplicates dropped: {second}\n"
        )),
        "{stderr}"
    );
    let ranking: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ranked = ranking["ranking"].as_array().unwrap();
    assert_eq!(ranked.len(), 30 - second);
    // A spread of scores, Vietnamese names, distinct keys.
    let scores: std::collections::BTreeSet<u64> = ranked
        .iter()
        .map(|r| r["score"].as_u64().unwrap())
        .collect();
    assert!(scores.len() >= 3, "{scores:?}");
    let keys: std::collections::BTreeSet<&str> = ranked
        .iter()
        .map(|r| r["did_key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), ranked.len());

    // The same seed gives the same files; another seed other files.
    let again = f.dir.join("again");
    let other = f.dir.join("other");
    simulate(again.to_str().unwrap(), "5");
    simulate(other.to_str().unwrap(), "6");
    let read = |dir: &Path| fs::read(dir.join("000007.json")).unwrap();
    assert_eq!(read(Path::new(out_dir)), read(&again));
    assert_ne!(read(Path::new(out_dir)), read(&other));
}

#[test]
fn simulate_second_submissions_come_from_the_previous_participant() {
    let f = Fixture::new("simulate-dup");
    let dir = f.dir.join("results");
    let out = hocso(
        &[
            "simulate",
            "--bank",
            &f.bank_path,
            "--count",
            "400",
            "-o",
            dir.to_str().unwrap(),
            "--seed",
            "1",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let issuers: Vec<String> = (0..400)
        .map(|i| {
            let text = fs::read_to_string(dir.join(format!("{i:06}.json"))).unwrap();
            verify(&text).unwrap().issuer.to_string()
        })
        .collect();
    let repeats = issuers.windows(2).filter(|w| w[0] == w[1]).count();
    // About 2% of the files, never zero in 400.
    assert!((2..=20).contains(&repeats), "{repeats}");
    let distinct: std::collections::BTreeSet<&String> = issuers.iter().collect();
    assert_eq!(distinct.len(), 400 - repeats);
}
