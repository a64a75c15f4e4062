//! Content audit of what ships: the handbook compiles cleanly, the `nq57` bank loads with zero
//! diagnostics, every question cites an existing `document#anchor`, every number or date in a
//! correct answer or in the explanation is written in the cited section, all text is NFC, no two
//! questions share text, the bank meets the contest brief and the JSON the app embeds is its
//! current build. Prints the counts per topic and level
//! (`cargo test --test native content_audit -- --nocapture`).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use hocso::bank::{load_toml, AnswerKey, Bank, Built};
use hocso::content::{compile_handbook, Document};
use hocso::text::{fold, nfc_fix};

const BANK: &str = "quizzes/nq57.toml";
const HANDBOOK: &str = "quizzes/handbook";

/// The handbook files as `(path, source)`, sorted by path.
fn handbook_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(HANDBOOK);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("read the handbook folder")
        .map(|entry| entry.expect("read a handbook entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| {
            let name = format!("{HANDBOOK}/{}", path.file_name().unwrap().to_string_lossy());
            (
                name,
                std::fs::read_to_string(&path).expect("read a handbook document"),
            )
        })
        .collect();
    files.sort();
    files
}

fn bank_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BANK))
        .expect("read the bank")
}

/// The numbers and dates in `text`: digit runs joined by `.`, `,`, `/` or `-` when a digit follows
/// (`1.133`, `22/12/2024`, `10-20`; `57-NQ/TW` gives `57`).
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (".,/-".contains(chars[i])
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        found.push(chars[start..i].iter().collect());
    }
    found
}

/// The texts a learner must pick or type to be right; a true statement counts as its own text.
fn correct_texts(answer: &AnswerKey, text: &str) -> Vec<String> {
    match answer {
        AnswerKey::Single { choices, correct } => vec![choices[*correct].clone()],
        AnswerKey::Multiple { choices, correct } => {
            correct.iter().map(|&i| choices[i].clone()).collect()
        }
        AnswerKey::TrueFalse { correct: true } => vec![text.to_owned()],
        AnswerKey::TrueFalse { correct: false } => Vec::new(),
        AnswerKey::Short { accept } => accept.clone(),
    }
}

/// Every problem the audit finds in `bank` against `documents`, one line each.
fn audit(bank: &Bank, documents: &[Document]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for question in &bank.questions {
        let id = &question.id;
        let mut texts = vec![question.text.as_str(), question.explanation.as_str()];
        texts.extend(question.answer.choice_labels());
        if let AnswerKey::Short { accept } = &question.answer {
            texts.extend(accept.iter().map(String::as_str));
        }
        for text in texts {
            if nfc_fix(text).is_some() {
                problems.push(format!("{id}: text is not NFC: {text}"));
            }
        }
        if !seen.insert(fold(&question.text)) {
            problems.push(format!("{id}: another question has the same text"));
        }
        if !question.explanation.ends_with('.')
            || !question.explanation.starts_with(char::is_uppercase)
        {
            problems.push(format!("{id}: the explanation is not a full sentence"));
        }
        let Some((doc_id, anchor)) = question.source.split_once('#') else {
            problems.push(format!(
                "{id}: source `{}` is not document#anchor",
                question.source
            ));
            continue;
        };
        let Some(document) = documents.iter().find(|d| d.id == doc_id) else {
            problems.push(format!("{id}: source names unknown document `{doc_id}`"));
            continue;
        };
        let Some(section) = document.section_text(anchor) else {
            problems.push(format!(
                "{id}: source names unknown anchor `{anchor}` in `{doc_id}`"
            ));
            continue;
        };
        let mut checked = correct_texts(&question.answer, &question.text);
        checked.push(question.explanation.clone());
        for text in checked {
            for number in numbers(&text) {
                if !section.contains(&number) {
                    problems.push(format!("{id}: `{number}` is not in {doc_id}#{anchor}"));
                }
            }
        }
    }
    for source in &bank.sources {
        if !documents.iter().any(|d| &d.id == source) {
            problems.push(format!("bank sources name unknown document `{source}`"));
        }
    }
    problems
}

/// Compiles the handbook and loads the bank, asserting both are free of diagnostics.
fn load_all(files: &[(String, String)], bank_text: &str) -> (Vec<Document>, Bank) {
    let (documents, diagnostics) = compile_handbook(files);
    let rendered: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(rendered, Vec::<String>::new(), "handbook diagnostics");
    let (bank, diagnostics) = load_toml(BANK, bank_text);
    let rendered: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(rendered, Vec::<String>::new(), "bank diagnostics");
    (documents, bank.expect("the bank loads"))
}

#[test]
fn shipped_content_passes_the_audit() {
    let files = handbook_files();
    assert!(files.len() >= 8, "only {} handbook documents", files.len());
    let (documents, bank) = load_all(&files, &bank_text());
    assert_eq!(audit(&bank, &documents), Vec::<String>::new());

    let mut per_topic: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for question in &bank.questions {
        per_topic.entry(&question.topic).or_default()[usize::from(question.level) - 1] += 1;
        *per_kind.entry(question.answer.kind_name()).or_default() += 1;
    }
    println!(
        "{} documents, {} questions, {} topics",
        documents.len(),
        bank.questions.len(),
        bank.topics.len()
    );
    println!(
        "{:<16} {:>4} {:>4} {:>4} {:>6}",
        "topic", "L1", "L2", "L3", "total"
    );
    for (topic, levels) in &per_topic {
        println!(
            "{topic:<16} {:>4} {:>4} {:>4} {:>6}",
            levels[0],
            levels[1],
            levels[2],
            levels.iter().sum::<usize>()
        );
    }
    println!("kinds: {per_kind:?}");

    assert!(
        bank.questions.len() >= 150,
        "{} questions",
        bank.questions.len()
    );
    assert!(bank.topics.len() >= 6);
    assert_eq!(
        per_topic.len(),
        bank.topics.len(),
        "a declared topic has no question"
    );
    for level in 0..3 {
        assert!(
            per_topic.values().all(|levels| levels[level] > 0),
            "a topic lacks level {}",
            level + 1
        );
    }
    assert_eq!(per_kind.len(), 4, "every kind is used: {per_kind:?}");
    assert!(
        per_kind["single"] * 2 > bank.questions.len(),
        "most questions are single choice"
    );

    let contest = bank.contest.as_ref().expect("contest defaults");
    assert_eq!((contest.questions, contest.time_limit_minutes), (20, 15));
    assert_eq!(contest.quotas.values().sum::<u32>(), 20);
    assert_eq!(contest.quotas.len(), bank.topics.len());
    assert_eq!(
        contest.tie_break.as_deref(),
        Some("Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi?")
    );
}

#[test]
fn the_bank_the_app_embeds_is_the_build_of_the_toml() {
    let (_, bank) = load_all(&handbook_files(), &bank_text());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/compiled/nq57.json");
    let embedded = std::fs::read_to_string(path).expect("read the compiled bank");
    let built = serde_json::to_string(&Built::new(bank)).expect("encode the bank");
    assert!(
        embedded == built,
        "quizzes/compiled/nq57.json is stale: run `hocso bank build quizzes/nq57.toml -o quizzes/compiled/nq57.json`"
    );
}

#[test]
fn a_broken_anchor_fails_the_audit() {
    let mut files = handbook_files();
    let (_, source) = files
        .iter_mut()
        .find(|(path, _)| path.ends_with("/so-ket-quy-3-2025.md"))
        .expect("the Q3-2025 document");
    *source = source.replace("{#tien-do}", "{#tien-do-nhiem-vu}");
    let (documents, bank) = load_all(&files, &bank_text());
    let problems = audit(&bank, &documents);
    assert!(!problems.is_empty());
    assert!(
        problems
            .iter()
            .all(|p| p.ends_with("source names unknown anchor `tien-do` in `so-ket-quy-3-2025`")),
        "{problems:#?}"
    );
}

#[test]
fn a_number_missing_from_the_cited_section_fails_the_audit() {
    // Change the correct choice of sk-005 (the total number of tasks) from 1.133 to 1.134.
    let original = bank_text();
    let at = original.find("id = \"sk-005\"").expect("question sk-005");
    let choice = at
        + original[at..]
            .find("\"1.133\"")
            .expect("its correct choice");
    let text = format!(
        "{}\"1.134\"{}",
        &original[..choice],
        &original[choice + 7..]
    );
    let (documents, _) = load_all(&handbook_files(), &bank_text());
    let (bank, _) = load_toml(BANK, &text);
    let problems = audit(&bank.expect("the edited bank loads"), &documents);
    assert_eq!(
        problems,
        ["sk-005: `1.134` is not in so-ket-quy-3-2025#tien-do"]
    );
}

#[test]
fn numbers_are_found_with_their_separators() {
    let table: &[(&str, &[&str])] = &[
        ("Ngày 22/12/2024", &["22/12/2024"]),
        ("1.133 nhiệm vụ, 3%", &["1.133", "3"]),
        ("mỗi tổ 10-20 người", &["10-20"]),
        ("Nghị quyết số 57-NQ/TW", &["57"]),
        ("giai đoạn 2022 - 2025.", &["2022", "2025"]),
        ("không có số", &[]),
    ];
    for (text, expected) in table {
        assert_eq!(&numbers(text), expected, "{text}");
    }
}
