//! Aiken import, the TOML writer (its output loads back to the same bank), and `hocso bank
//! import` / `bank export` through the binary.

use hocso::bank::{import_aiken, load_toml, to_toml, AnswerKey, Bank};

use crate::bank::VALID;
use crate::bank_cli::{file, hocso, scratch};

fn aiken(text: &str) -> (Option<Bank>, Vec<String>) {
    let (bank, diagnostics) = import_aiken("dat/lich-su.txt", text);
    let lines = diagnostics
        .iter()
        .map(|d| format!("{}:{}: {:?}: {}", d.line, d.column, d.severity, d.message))
        .collect();
    (bank, lines)
}

#[test]
fn aiken_questions_become_single_questions() {
    let text = "Đảng Cộng sản Việt Nam ra đời năm nào?\n\
                A. 1925\n\
                B. 1930\n\
                C) 1945\n\
                ANSWER: B\n\
                \n\
                Ai là Tổng Bí thư đầu tiên?\n\
                A. Trần Phú\n\
                B. Lê Hồng Phong\n\
                ANSWER: A\n";
    let (bank, diagnostics) = aiken(text);
    assert_eq!(
        diagnostics,
        [
            "1:1: Warning: 2 of 2 questions have no explanation; write it in the TOML before shipping",
            "1:1: Warning: 2 of 2 questions have no source; write it in the TOML before shipping",
        ]
    );
    let bank = bank.expect("imported");
    assert_eq!(
        (bank.id.as_str(), bank.title.as_str()),
        ("lich-su", "lich-su")
    );
    assert_eq!(bank.questions[0].id, "q-1");
    assert_eq!(
        bank.questions[0].text,
        "Đảng Cộng sản Việt Nam ra đời năm nào?"
    );
    assert_eq!(
        bank.questions[0].answer,
        AnswerKey::Single {
            choices: vec!["1925".into(), "1930".into(), "1945".into()],
            correct: 1
        }
    );
    assert!(matches!(
        bank.questions[1].answer,
        AnswerKey::Single { correct: 0, .. }
    ));
}

#[test]
fn aiken_mistakes_are_located() {
    let cases: &[(&str, &str)] = &[
        (
            "Hỏi?\nA. x\nB. y\n",
            "1:1: Error: a question needs an `ANSWER:` line after its options",
        ),
        (
            "Hỏi?\nA. x\nB. y\nANSWER: C\n",
            "4:1: Error: `ANSWER: C` is not one of the options A to B",
        ),
        (
            "Hỏi?\nA. x\nANSWER: A\n",
            "1:1: Error: a question needs at least 2 options, found 1",
        ),
        (
            "Hỏi?\nA. x\nC. y\nANSWER: A\n",
            "3:1: Error: option C where B was expected",
        ),
        (
            "ANSWER: A\n",
            "1:1: Error: `ANSWER:` without a question before it",
        ),
        (
            "Hỏi?\nA. x\nB. y\nHỏi tiếp?\nA. x\nB. y\nANSWER: A\n",
            "1:1: Error: a question needs an `ANSWER:` line after its options",
        ),
    ];
    for (text, expected) in cases {
        let (bank, diagnostics) = aiken(text);
        assert!(bank.is_none(), "{text}");
        assert!(
            diagnostics.contains(&(*expected).to_owned()),
            "{text}: {diagnostics:#?}"
        );
    }
}

#[test]
fn written_toml_loads_back_to_the_same_bank() {
    let (bank, _) = load_toml("valid.toml", VALID);
    let mut bank = bank.expect("valid");
    bank.questions[0].text = "Dấu \"ngoặc\", \\ và\ndòng mới\tcột".into();
    bank.questions[1].answer = AnswerKey::Multiple {
        choices: (1..=8)
            .map(|i| format!("Một lựa chọn khá dài số {i}"))
            .collect(),
        correct: vec![1, 7],
    };
    let toml = to_toml(&bank);
    assert!(
        toml.contains("choices = [\n    \"Một lựa chọn khá dài số 1\",\n"),
        "{toml}"
    );
    assert!(toml.contains("answer = [2, 8]\n"), "{toml}");
    let (back, diagnostics) = load_toml("written.toml", &toml);
    assert_eq!(diagnostics, vec![]);
    assert_eq!(back, Some(bank));
}

#[test]
fn written_toml_of_the_fixture_is_the_fixture() {
    let (bank, _) = load_toml("valid.toml", VALID);
    assert_eq!(to_toml(&bank.expect("valid")), VALID);
}

#[test]
fn cli_export_then_import_round_trips_through_files() {
    let dir = scratch("import-export");
    let bank = file(&dir, "nq57.toml", VALID);
    let gift = dir.join("nq57.gift");
    let gift = gift.to_str().expect("path");
    let out = hocso(&["bank", "export", "--to", "gift", &bank, "-o", gift], "");
    assert_eq!(out.status.code(), Some(0));
    let toml = dir.join("back.toml");
    let toml = toml.to_str().expect("path");
    let out = hocso(&["bank", "import", "--from", "gift", gift, "-o", toml], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("imported 4 questions into {toml} (0 warnings)\n")
    );
    assert_eq!(std::fs::read_to_string(toml).expect("written"), VALID);
}

#[test]
fn cli_import_reports_skips_and_refuses_broken_input() {
    let dir = scratch("import-bad");
    let gift = file(&dir, "q.gift", "Giữ? {T}\n\nBao nhiêu? {#3}\n");
    let out = hocso(&["bank", "import", "--from", "gift", &gift], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("[bank]\nid = \"q\"\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: numeric questions cannot be held by a bank; skipped"));
    assert!(stderr.contains(&format!("┌─ {gift}:3:12")), "{stderr}");

    let broken = file(&dir, "broken.txt", "Hỏi?\nA. x\nB. y\n");
    let target = dir.join("never.toml");
    let out = hocso(
        &[
            "bank",
            "import",
            "--from",
            "aiken",
            &broken,
            "-o",
            target.to_str().expect("path"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists());
    assert!(String::from_utf8_lossy(&out.stderr)
        .ends_with(&format!("{broken}: nothing written, 1 error\n")));

    let out = hocso(&["bank", "import", "--from", "csv", &broken], "");
    assert_eq!(out.status.code(), Some(2));
}
