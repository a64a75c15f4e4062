//! Banks shared by the tests: small hand-made ones and the shipped one.

use std::fs;

use hocso::bank::{load_toml, AnswerKey, Bank, ContestDefaults, Question, Topic};

/// The shipped contest bank, `quizzes/nq57.toml`.
pub fn shipped_bank() -> Bank {
    let path = "quizzes/nq57.toml";
    let text = fs::read_to_string(path).expect("read the shipped bank");
    load_toml(path, &text).0.expect("the shipped bank is valid")
}

pub fn key_single() -> AnswerKey {
    AnswerKey::Single {
        choices: vec!["a".into(), "b".into(), "c".into()],
        correct: 1,
    }
}

pub fn key_multiple() -> AnswerKey {
    AnswerKey::Multiple {
        choices: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        correct: vec![0, 2],
    }
}

/// Four questions over topics `x` and `y`, one of each kind; 3 per attempt, 2 minutes, one
/// question of `x` by quota, and a tie-break question.
pub fn bank() -> Bank {
    let question = |id: &str, topic: &str, answer: AnswerKey| Question {
        id: id.into(),
        topic: topic.into(),
        level: 1,
        text: format!("Câu hỏi {id}?"),
        answer,
        explanation: "Vì thế.".into(),
        source: "doc#a".into(),
    };
    Bank {
        id: "t".into(),
        title: "Thử".into(),
        version: "1".into(),
        language: "vi".into(),
        sources: vec![],
        contest: Some(ContestDefaults {
            questions: 3,
            time_limit_minutes: 2,
            pass_percent: 50,
            tie_break: Some("Dự đoán?".into()),
            quotas: [("x".to_owned(), 1)].into_iter().collect(),
        }),
        topics: vec![
            Topic {
                id: "x".into(),
                title: "X".into(),
            },
            Topic {
                id: "y".into(),
                title: "Y".into(),
            },
        ],
        questions: vec![
            question("x1", "x", key_single()),
            question("y1", "y", key_multiple()),
            question("y2", "y", AnswerKey::TrueFalse { correct: false }),
            question(
                "y3",
                "y",
                AnswerKey::Short {
                    accept: vec!["số".into()],
                },
            ),
        ],
    }
}
