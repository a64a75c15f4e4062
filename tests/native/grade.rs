//! Grading rules and drawing from a parsed bank.

use hocso::attempt::{grade, is_correct, Answer, AnswerRecord, ContestSettings, Draw};
use hocso::bank::AnswerKey;

use crate::support::{bank, key_multiple, key_single};

#[test]
fn grading_rules_table() {
    let short = AnswerKey::Short {
        accept: vec!["Chuyển đổi số".into(), "CĐS".into()],
    };
    let cases: Vec<(AnswerKey, Answer, bool)> = vec![
        (key_single(), Answer::Choice(1), true),
        (key_single(), Answer::Choice(0), false),
        (key_single(), Answer::Choices(vec![1]), false),
        (
            AnswerKey::TrueFalse { correct: true },
            Answer::Choice(0),
            true,
        ),
        (
            AnswerKey::TrueFalse { correct: true },
            Answer::Choice(1),
            false,
        ),
        (
            AnswerKey::TrueFalse { correct: false },
            Answer::Choice(1),
            true,
        ),
        (key_multiple(), Answer::Choices(vec![0, 2]), true),
        (key_multiple(), Answer::Choices(vec![2, 0]), true),
        (key_multiple(), Answer::Choices(vec![0]), false),
        (key_multiple(), Answer::Choices(vec![0, 1, 2]), false),
        (key_multiple(), Answer::Choice(0), false),
        (short.clone(), Answer::Text("chuyen  doi SO".into()), true),
        (short.clone(), Answer::Text(" cds ".into()), true),
        (short.clone(), Answer::Text("chuyển đổi".into()), false),
        (short, Answer::Text("   ".into()), false),
    ];
    for (key, answer, expected) in cases {
        assert_eq!(is_correct(&key, &answer), expected, "{key:?} {answer:?}");
    }
}

#[test]
fn draws_from_a_bank_with_its_default_settings() {
    let bank = bank();
    let settings = ContestSettings::from_defaults(bank.contest.as_ref().unwrap());
    assert_eq!(settings.time_limit_ms, 120_000);
    for seed in 0..50 {
        let draw = Draw::from_bank(&bank, seed, &settings).unwrap();
        assert_eq!(draw.len(), 3);
        assert!(
            draw.position("x1").is_some(),
            "quota of topic x honoured for seed {seed}"
        );
        assert_eq!(draw, Draw::from_bank(&bank, seed, &settings).unwrap());
    }
}

#[test]
fn grade_counts_correct_answers_and_unanswered_as_wrong() {
    let bank = bank();
    let settings = ContestSettings::from_defaults(bank.contest.as_ref().unwrap());
    let draw = Draw::from_bank(&bank, 7, &settings).unwrap();
    let answers: Vec<AnswerRecord> = draw
        .questions()
        .iter()
        .take(2)
        .map(|d| AnswerRecord {
            question: d.id.clone(),
            answer: match bank.question(&d.id).unwrap().answer {
                AnswerKey::Single { correct, .. } => Answer::Choice(correct),
                AnswerKey::Multiple { ref correct, .. } => Answer::Choices(correct.clone()),
                AnswerKey::TrueFalse { correct } => Answer::Choice(usize::from(!correct)),
                AnswerKey::Short { ref accept } => Answer::Text(accept[0].clone()),
            },
            at: 1,
        })
        .collect();
    let graded = grade(&bank, &draw, &answers);
    assert_eq!(graded.correct, vec![true, true, false]);
    assert_eq!((graded.score(), graded.max(), graded.percent()), (2, 3, 66));
}
