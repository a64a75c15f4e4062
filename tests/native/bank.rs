//! The TOML bank loader: the valid fixture loads into the expected model, and every kind of
//! mistake is reported with its exact line, column, message and help, all at once.

use hocso::bank::{load_toml, AnswerKey};

/// A valid bank; each case below edits it.
pub const VALID: &str = include_str!("../fixtures/banks/valid.toml");

/// `VALID` with each `(from, to)` replaced; every `from` must occur exactly once.
pub fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = VALID.to_owned();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
        text = text.replace(from, to);
    }
    text
}

/// The diagnostics of loading `text` as `line:col: message [help]` lines.
fn report(text: &str) -> Vec<String> {
    let (bank, diagnostics) = load_toml("b.toml", text);
    assert_eq!(
        bank.is_some(),
        diagnostics.is_empty(),
        "a bank only without errors"
    );
    diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.file, "b.toml");
            let help = d
                .help
                .as_deref()
                .map(|h| format!(" [{h}]"))
                .unwrap_or_default();
            format!("{}:{}: {}{help}", d.line, d.column, d.message)
        })
        .collect()
}

#[test]
fn valid_bank_loads_with_zero_based_answers() {
    let (bank, diagnostics) = load_toml("valid.toml", VALID);
    assert_eq!(diagnostics, vec![]);
    let bank = bank.expect("valid bank");
    assert_eq!(bank.id, "nq57");
    assert_eq!(bank.sources, vec!["nq57-tong-quan"]);
    let contest = bank.contest.as_ref().expect("contest defaults");
    assert_eq!(
        (
            contest.questions,
            contest.time_limit_minutes,
            contest.pass_percent
        ),
        (3, 15, 50)
    );
    assert_eq!(contest.quotas.get("tong-quan"), Some(&2));
    let topics: Vec<&str> = bank.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(topics, ["tong-quan", "giai-phap"]);
    let answers: Vec<&AnswerKey> = bank.questions.iter().map(|q| &q.answer).collect();
    assert!(matches!(answers[0], AnswerKey::Single { correct: 0, choices } if choices.len() == 4));
    assert!(matches!(answers[1], AnswerKey::Multiple { correct, .. } if correct == &[0, 2, 3]));
    assert_eq!(answers[2], &AnswerKey::TrueFalse { correct: true });
    assert_eq!(
        answers[3],
        &AnswerKey::Short {
            accept: vec!["chuyển đổi số".into(), "chuyen doi so".into()]
        }
    );
    assert_eq!(bank.questions[3].level, 3);
}

/// (case, edits of `VALID`, expected diagnostics).
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "duplicate question id",
        &[("id = \"tq-002\"", "id = \"tq-001\"")],
        &["37:6: duplicate question id `tq-001` [first used on line 26; give each question its own id]"],
    ),
    (
        "missing correct answer",
        &[("answer = 1\n", "")],
        &["25:1: missing `answer` in question `tq-001` [add `answer = N`, the 1-based index of the correct choice]"],
    ),
    (
        "correct index out of range",
        &[("answer = 1\n", "answer = 5\n")],
        &["32:10: `answer` 5 is out of range: the question has 4 choices [answers are 1-based: use 1 to 4]"],
    ),
    (
        "zero is out of range too",
        &[("answer = [1, 3, 4]", "answer = [0, 3]")],
        &["43:11: `answer` 0 is out of range: the question has 4 choices [answers are 1-based: use 1 to 4]"],
    ),
    (
        "single with two correct",
        &[("answer = 1\n", "answer = [1, 2]\n")],
        &["32:10: a `single` question has exactly one correct answer, found 2 [use kind = \"multiple\" or keep one answer]"],
    ),
    (
        "empty text",
        &[("text = \"Nghị quyết số 57-NQ/TW được Bộ Chính trị ban hành vào ngày nào?\"", "text = \"  \"")],
        &["30:8: `text` is empty"],
    ),
    (
        "empty choice and explanation",
        &[
            ("\"Du lịch\"", "\"\""),
            ("explanation = \"Trụ cột thứ ba là chuyển đổi số quốc gia.\"", "explanation = \"\""),
        ],
        &["42:35: choice 2 is empty", "64:15: `explanation` is empty"],
    ),
    (
        "choices duplicated after NFC",
        &[("\"Du lịch\"", "\"Khoa ho\\u0323c, công nghệ\"")],
        &[
            "42:35: choice 2 is not in Unicode NFC [write it as \"Khoa học, công nghệ\"]",
            "42:35: choice 2 repeats choice 1 [make every choice different (they are compared after NFC normalisation)]",
        ],
    ),
    (
        "identical choices",
        &[("\"12/12/2024\"", "\"22/12/2024\"")],
        &["31:40: choice 3 repeats choice 1 [make every choice different (they are compared after NFC normalisation)]"],
    ),
    (
        "text not in NFC",
        &[("text = \"Nghị quyết 57 coi", "text = \"Nghi\\u0323 quyết 57 coi")],
        &["52:8: `text` is not in Unicode NFC [write it as \"Nghị quyết 57 coi khoa học, công nghệ là đột phá quan trọng hàng đầu.\"]"],
    ),
    (
        "unknown topic",
        &[("id = \"gp-001\"\ntopic = \"giai-phap\"", "id = \"gp-001\"\ntopic = \"giai-pahp\"")],
        &["49:9: unknown topic `giai-pahp` [did you mean `giai-phap`?]"],
    ),
    (
        "undeclared topic far from any",
        &[("id = \"gp-001\"\ntopic = \"giai-phap\"", "id = \"gp-001\"\ntopic = \"lich-su\"")],
        &["49:9: unknown topic `lich-su` [declare it in a [[topics]] table with id = \"lich-su\"]"],
    ),
    (
        "quota larger than the topic",
        &[("tong-quan = 2", "tong-quan = 3")],
        &["15:1: quota 3 for topic `tong-quan` is larger than its 2 questions [lower the quota or add questions to the topic]"],
    ),
    (
        "quota for an unknown topic, quotas over the attempt",
        &[("tong-quan = 2", "tong-quan = 2\nlich-su = 2")],
        &[
            "9:13: quotas add up to 4, more than the 3 questions per attempt",
            "16:1: quota for unknown topic `lich-su`",
        ],
    ),
    (
        "problems in the tie-break and in quotas are all reported",
        &[
            (
                "tie_break = \"Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi?\"",
                "tie_break = \"\"",
            ),
            ("tong-quan = 2", "tong-quan = 3\ngiai-phap = \"x\""),
        ],
        &[
            "12:13: `tie_break` is empty",
            "15:1: quota 3 for topic `tong-quan` is larger than its 2 questions [lower the quota or add questions to the topic]",
            "16:13: `giai-phap` must be an integer, not a string",
        ],
    ),
    (
        "attempt larger than the bank",
        &[("questions = 3", "questions = 5")],
        &["9:13: an attempt draws 5 questions but the bank has 4 [lower `questions` or add questions to the bank]"],
    ),
    (
        "unknown key with a typo",
        &[("level = 2\n", "levle = 2\n")],
        &[
            "36:1: missing `level` in question `tq-002`",
            "39:1: unknown key `levle` in a question [did you mean `level`?]",
        ],
    ),
    (
        "unknown key far from every known one",
        &[("language = \"vi\"", "language = \"vi\"\ncolour = \"red\"")],
        &["6:1: unknown key `colour` in [bank] [known keys: id, title, version, language, sources, contest]"],
    ),
    (
        "typo in a contest key",
        &[("pass_percent = 50", "pass_precent = 50")],
        &[
            "8:1: missing `pass_percent` in [bank.contest]",
            "11:1: unknown key `pass_precent` in [bank.contest] [did you mean `pass_percent`?]",
        ],
    ),
    (
        "wrong types",
        &[
            ("level = 1\nkind = \"single\"", "level = \"1\"\nkind = \"single\""),
            ("pass_percent = 50", "pass_percent = 50.0"),
            ("sources = [\"nq57-tong-quan\"]", "sources = \"nq57-tong-quan\""),
        ],
        &[
            "6:11: `sources` must be an array of strings, not a string",
            "11:16: `pass_percent` must be an integer, not a float",
            "28:9: `level` must be an integer, not a string",
        ],
    ),
    (
        "wrong type of answer and of a choice",
        &[("answer = true", "answer = \"true\""), ("\"02/01/2025\"", "2025")],
        &[
            "31:54: choice 4 must be a string, not an integer",
            "53:10: `answer` must be a boolean (true or false), not a string",
        ],
    ),
    (
        "level out of range, unknown kind",
        &[("level = 3", "level = 4"), ("kind = \"single\"", "kind = \"singel\"")],
        &[
            "29:8: unknown kind `singel` [did you mean `single`?]",
            "60:9: `level` must be 1, 2 or 3, not 4 [1 is easy, 2 medium, 3 hard]",
        ],
    ),
    (
        "identifier not in [a-z0-9-]",
        &[("id = \"tq-001\"", "id = \"Câu 1\"")],
        &["26:6: `id` \"Câu 1\" may only use a-z, 0-9 and - [for example \"cau-1\"]"],
    ),
    (
        "keys that do not belong to the kind",
        &[
            ("answer = true", "answer = true\nchoices = [\"Đúng\", \"Sai\"]"),
            ("accept = [", "answer = 1\naccept = ["),
        ],
        &[
            "54:1: a `true_false` question takes no `choices` [remove `choices`; the app shows \"Đúng\" and \"Sai\"]",
            "64:1: a `short` question takes no `answer` [remove `answer`; list accepted answers in `accept`]",
        ],
    ),
    (
        "too few choices, empty and repeated answers",
        &[
            ("[\"22/12/2024\", \"22/12/2023\", \"12/12/2024\", \"02/01/2025\"]", "[\"22/12/2024\"]"),
            ("answer = [1, 3, 4]", "answer = [3, 3]"),
            ("accept = [\"chuyển đổi số\", \"chuyen doi so\"]", "accept = []"),
        ],
        &[
            "31:11: a `single` question needs 2 to 8 choices, found 1",
            "43:14: `answer` lists choice 3 twice",
            "63:10: `accept` lists no accepted answer [add at least one accepted answer]",
        ],
    ),
    (
        "multiple with no correct choice",
        &[("answer = [1, 3, 4]", "answer = []")],
        &["43:10: `answer` lists no correct choice [list the 1-based indices of the correct choices, e.g. answer = [1, 3]]"],
    ),
    (
        "a topic with a bad title is still declared",
        &[("title = \"Nhiệm vụ và giải pháp\"", "title = \"\"")],
        &["23:9: `title` is empty"],
    ),
    (
        "duplicate topic id",
        &[("id = \"giai-phap\"", "id = \"tong-quan\"")],
        &[
            "22:6: duplicate topic id `tong-quan` [first declared on line 18; give each topic its own id]",
            "49:9: unknown topic `giai-phap` [declare it in a [[topics]] table with id = \"giai-phap\"]",
            "59:9: unknown topic `giai-phap` [declare it in a [[topics]] table with id = \"giai-phap\"]",
        ],
    ),
    (
        "TOML syntax error",
        &[("version = \"1.0.0\"", "version = \"1.0.0")],
        &["4:17: invalid basic string, expected `\"`"],
    ),
];

#[test]
fn every_mistake_is_reported_at_its_line_and_column() {
    let mut failures = Vec::new();
    for (name, edits, expected) in CASES {
        let got = report(&edited(edits));
        if got != *expected {
            failures.push(format!("{name}:\n  expected {expected:#?}\n  got {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = edited(&[
        ("id = \"tq-002\"", "id = \"tq-001\""),
        ("answer = 1\n", "answer = 9\n"),
        ("tong-quan = 2", "tong-quan = 3"),
    ]);
    assert_eq!(report(&text).len(), 3, "{:#?}", report(&text));
}

#[test]
fn empty_and_skeletal_files_say_what_is_missing() {
    assert_eq!(
        report(""),
        [
            "1:1: missing [bank] table [start the file with [bank] and its id, title, version, language]",
            "1:1: the bank declares no topics [add a [[topics]] table with an id and a title]",
            "1:1: the bank has no questions [add [[questions]] tables]",
        ]
    );
    assert_eq!(
        report("[bank]\nid = \"x\"\ntopics = 1\n"),
        [
            "1:1: missing `language` in [bank]",
            "1:1: missing `title` in [bank]",
            "1:1: missing `version` in [bank]",
            "1:1: the bank declares no topics [add a [[topics]] table with an id and a title]",
            "1:1: the bank has no questions [add [[questions]] tables]",
            "3:1: unknown key `topics` in [bank] [known keys: id, title, version, language, sources, contest]",
        ]
    );
}

#[test]
fn diagnostics_render_like_rustc_with_the_source_line_and_help() {
    let text = edited(&[("answer = 1\n", "answer = 5\n")]);
    let (_, diagnostics) = load_toml("quizzes/nq57.toml", &text);
    let rendered = hocso::diagnostics::render("quizzes/nq57.toml", &text, &diagnostics);
    assert_eq!(
        rendered,
        "error: `answer` 5 is out of range: the question has 4 choices\n   \
         ┌─ quizzes/nq57.toml:32:10\n   │\n32 │ answer = 5\n   │          ^\n   │\n   \
         = help: answers are 1-based: use 1 to 4\n\n"
    );
    assert_eq!(
        diagnostics[0].to_string(),
        "quizzes/nq57.toml:32:10: error: `answer` 5 is out of range: the question has 4 choices"
    );
}
