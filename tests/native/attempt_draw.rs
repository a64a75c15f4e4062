//! Draws from real banks: golden vectors through `hocso attempt replay`, quotas and uniqueness
//! over many seeds of the shipped bank, and grading that the choice shuffle cannot change.

use std::collections::BTreeSet;
use std::fs;

use hocso::attempt::{grade, Answer, AnswerRecord, ContestSettings, Draw, PreparedBank};
use hocso::bank::{load_toml, AnswerKey};

use crate::bank_cli::{file, hocso, scratch};
use crate::support::shipped_bank;

#[test]
fn replay_prints_the_golden_draws() {
    let cases = [
        (
            "7",
            [
                "tq-001       choices [0, 3, 1, 2]",
                "gp-001       choices [0, 1]",
                "tq-002       choices [1, 0, 3, 2]",
            ],
        ),
        (
            "8",
            [
                "tq-001       choices [3, 2, 1, 0]",
                "tq-002       choices [2, 0, 3, 1]",
                "gp-001       choices [0, 1]",
            ],
        ),
        (
            "18446744073709551615",
            [
                "tq-001       choices [3, 1, 0, 2]",
                "gp-001       choices [0, 1]",
                "tq-002       choices [1, 0, 2, 3]",
            ],
        ),
    ];
    for (seed, lines) in cases {
        let out = hocso(
            &[
                "attempt",
                "replay",
                "--bank",
                "tests/fixtures/banks/valid.toml",
                "--seed",
                seed,
            ],
            "",
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let drawn: Vec<&str> = stdout.lines().skip(1).map(|l| l[5..].trim_end()).collect();
        assert_eq!(drawn, lines, "seed {seed}");
    }
}

#[test]
fn replay_reports_impossible_settings_and_bad_seeds() {
    let out = hocso(
        &[
            "attempt",
            "replay",
            "--bank",
            "tests/fixtures/banks/valid.toml",
            "--seed",
            "1",
            "--questions",
            "1",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("quotas add up to 2, more than the 1 questions"));
    let out = hocso(
        &[
            "attempt",
            "replay",
            "--bank",
            "tests/fixtures/banks/valid.toml",
            "--seed",
            "-1",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_draw_of_the_shipped_bank_honours_quotas_and_repeats_exactly() {
    let bank = shipped_bank();
    let settings = ContestSettings::from_defaults(bank.contest.as_ref().expect("contest defaults"));
    for seed in 0..500u64 {
        let seed = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let draw = Draw::from_bank(&bank, seed, &settings).unwrap();
        assert_eq!(draw.len(), settings.questions);
        let ids: BTreeSet<&str> = draw.questions().iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), draw.len(), "duplicate question for seed {seed}");
        for quota in &settings.quotas {
            let got = draw
                .questions()
                .iter()
                .filter(|q| bank.questions[q.index].topic == quota.topic)
                .count();
            assert!(
                got >= quota.count,
                "seed {seed}: topic {} got {got}",
                quota.topic
            );
        }
        assert_eq!(draw, Draw::from_bank(&bank, seed, &settings).unwrap());
    }
}

#[test]
fn shuffled_choices_never_change_grading() {
    let bank = shipped_bank();
    let settings = ContestSettings::from_defaults(bank.contest.as_ref().unwrap());
    for seed in 0..200u64 {
        let draw = Draw::from_bank(&bank, seed, &settings).unwrap();
        let answers: Vec<AnswerRecord> = draw
            .questions()
            .iter()
            .map(|q| AnswerRecord {
                question: q.id.clone(),
                answer: correct_answer(&bank.questions[q.index].answer),
                at: 0,
            })
            .collect();
        let graded = grade(&bank, &draw, &answers);
        assert_eq!(graded.score(), draw.len(), "seed {seed}");
    }
}

fn correct_answer(key: &AnswerKey) -> Answer {
    match key {
        AnswerKey::Single { correct, .. } => Answer::Choice(*correct),
        AnswerKey::Multiple { correct, .. } => Answer::Choices(correct.clone()),
        AnswerKey::TrueFalse { correct } => Answer::Choice(usize::from(!correct)),
        AnswerKey::Short { accept } => Answer::Text(accept[0].to_uppercase()),
    }
}

#[test]
fn replay_of_a_bank_without_contest_defaults_draws_every_question() {
    let text = fs::read_to_string("tests/fixtures/banks/valid.toml").unwrap();
    let start = text.find("[bank.contest]").unwrap();
    let end = text.find("[[topics]]").unwrap();
    let bare = format!("{}{}", &text[..start], &text[end..]);
    let dir = scratch("replay-no-contest");
    let path = file(&dir, "bare.toml", &bare);
    let bank = load_toml(&path, &bare).0.expect("still a valid bank");
    assert!(bank.contest.is_none());
    let settings = ContestSettings::for_bank(&bank);
    assert_eq!(
        (
            settings.questions,
            settings.quotas.len(),
            settings.time_limit_ms
        ),
        (bank.questions.len(), 0, 15 * 60_000)
    );
    for (questions, expected) in [(None, bank.questions.len()), (Some("2"), 2)] {
        let mut args = vec!["attempt", "replay", "--bank", &path, "--seed", "99"];
        args.extend(questions.map(|n| ["--questions", n]).into_iter().flatten());
        let out = hocso(&args, "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let mut settings = settings.clone();
        settings.questions = expected;
        let draw = Draw::from_bank(&bank, 99, &settings).unwrap();
        let ids: Vec<&str> = stdout
            .lines()
            .skip(1)
            .map(|l| l[5..].split_whitespace().next().unwrap())
            .collect();
        let drawn: Vec<&str> = draw.questions().iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, drawn, "{questions:?}");
        assert!(
            stdout.contains(&format!(": {expected} questions, 15 minutes")),
            "{stdout}"
        );
    }
}

#[test]
fn a_prepared_bank_replays_the_same_draws_and_picks_the_same_questions() {
    let bank = shipped_bank();
    let settings = ContestSettings::from_defaults(bank.contest.as_ref().unwrap());
    let prepared = PreparedBank::new(bank.clone());
    for seed in 0..300u64 {
        let seed = seed.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let draw = Draw::from_bank(&bank, seed, &settings).unwrap();
        assert_eq!(prepared.draw(seed, &settings).unwrap(), draw);
        let mut drawn: Vec<usize> = draw.questions().iter().map(|q| q.index).collect();
        let mut picks = prepared.picks(seed, &settings).unwrap();
        drawn.sort_unstable();
        picks.sort_unstable();
        assert_eq!(picks, drawn, "seed {seed}");
        for q in draw.questions() {
            assert_eq!(prepared.index_of(&q.id), Some(q.index));
        }
    }
    assert_eq!(prepared.index_of("no-such-question"), None);
    let too_many = ContestSettings {
        questions: bank.questions.len() + 1,
        ..settings
    };
    assert_eq!(
        prepared.picks(1, &too_many).unwrap_err(),
        Draw::from_bank(&bank, 1, &too_many).unwrap_err()
    );
}
