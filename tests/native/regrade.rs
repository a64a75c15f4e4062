//! A submitted attempt signs a result that verifies and regrades; any inconsistency between the
//! file and its bank is named.

use std::rc::Rc;

use ed25519_dalek::SigningKey;
use hocso::attempt::{grade, Answer, AnswerRecord, ContestSettings, Draw, Field, PreparedBank};
use hocso::bank::Bank;
use hocso::contest::{Action, ContestRecord, ContestScreen};
use hocso::credential::{issue, quiz_result, regrade, verify, QuizResult, RegradeError};

use crate::support::bank;

const T0: u64 = 1_763_900_000_000;

/// A change made to a result.
type Edit = Box<dyn Fn(&mut QuizResult)>;

/// A result signed from a real attempt over the support bank: the first question answered.
fn submitted() -> (Bank, QuizResult) {
    let bank = bank();
    let mut screen = ContestScreen::new(
        Rc::new(bank.clone()),
        Rc::from("d1"),
        ContestRecord::default(),
        T0,
    );
    screen.apply(Action::Edit(Field::Name, "Lê Thị Hoa".into()));
    screen.apply(Action::Edit(Field::Unit, "Chi bộ 5".into()));
    screen.apply(Action::Start { seed: 3, now: T0 });
    let first = screen.current().unwrap().1.questions()[0].id.clone();
    screen.apply(Action::Answer {
        id: first,
        answer: Answer::Choice(0),
        now: T0 + 5_000,
    });
    screen.apply(Action::Finish);
    screen.apply(Action::EditPrediction("4".into()));
    screen.apply(Action::RequestSubmit);
    screen.apply(Action::ConfirmSubmit(T0 + 9_000));
    let attempt = &screen.record().history[0];
    let result = quiz_result(attempt, &bank).expect("a submitted attempt makes a result");
    (bank, result)
}

#[test]
fn a_signed_result_verifies_and_regrades() {
    let (bank, result) = submitted();
    assert_eq!((result.prediction, result.max_score), (4, 3));
    let key = SigningKey::from_bytes(&[7; 32]);
    let signed = issue(&result, &key, T0 as i64 + 10_000).unwrap();
    let verified = verify(&signed.to_string()).expect("verifies");
    assert_eq!(verified.result, result);
    let bank = PreparedBank::new(bank);
    let regraded = regrade(&verified.result, |d| (d == "d1").then_some(&bank)).expect("regrades");
    assert_eq!(
        (regraded.score, regraded.max_score, regraded.duration_ms),
        (result.score, 3, 9_000)
    );
}

#[test]
fn inconsistencies_are_named() {
    let (bank, result) = submitted();
    let bank = PreparedBank::new(bank);
    let lookup = |d: &str| (d == "d1").then_some(&bank);
    let cases: Vec<(Edit, &str)> = vec![
        (Box::new(|r| r.score += 1), "score_mismatch"),
        (Box::new(|r| r.max_score = 20), "score_mismatch"),
        (Box::new(|r| r.bank.digest = "other".into()), "unknown_bank"),
        (Box::new(|r| r.seed = "không".into()), "bad_seed"),
        (
            Box::new(|r| {
                r.answers.push(AnswerRecord {
                    question: "zz".into(),
                    answer: Answer::Choice(0),
                    at: 1,
                })
            }),
            "answer_not_in_draw",
        ),
        (
            Box::new(|r| r.submitted_at = r.started_at + 10 * 60_000),
            "times",
        ),
        (Box::new(|r| r.submitted_at = r.started_at - 1), "times"),
        (Box::new(|r| r.settings.questions = 99), "draw"),
    ];
    for (edit, code) in cases {
        let mut changed = result.clone();
        edit(&mut changed);
        let error = regrade(&changed, lookup).expect_err(code);
        assert_eq!(error.code(), code, "{error}");
    }
    let mismatch = RegradeError::ScoreMismatch {
        claimed: 3,
        claimed_max: 3,
        score: 1,
        max: 3,
    };
    assert_eq!(
        mismatch.to_string(),
        "điểm ghi trong tệp (3/3) không khớp với điểm chấm lại (1/3)"
    );
}

/// The shipped bank, prepared, and a result to vary (made once for every case).
fn shipped() -> &'static (PreparedBank, QuizResult) {
    static SHIPPED: std::sync::OnceLock<(PreparedBank, QuizResult)> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| {
        let (_, template) = submitted();
        (PreparedBank::new(crate::support::shipped_bank()), template)
    })
}

proptest::proptest! {
    /// Regrading (which replays only the selection) scores any answers exactly as `grade`
    /// scores them over the full draw: first answer to a question counts, repeats do not.
    #[test]
    fn regrading_agrees_with_grading_the_full_draw(
        seed in proptest::prelude::any::<u64>(),
        picks in proptest::collection::vec((0usize..40, 0usize..5), 0..40),
    ) {
        let (prepared, template) = shipped();
        let bank = prepared.bank();
        let settings = ContestSettings::from_defaults(bank.contest.as_ref().unwrap());
        let draw = Draw::from_bank(bank, seed, &settings).unwrap();
        let answers: Vec<AnswerRecord> = picks
            .iter()
            .filter_map(|&(position, choice)| draw.questions().get(position).map(|q| (q, choice)))
            .map(|(q, choice)| AnswerRecord {
                question: q.id.clone(),
                answer: match q.kind.choices() {
                    0 => Answer::Text("chuyển đổi số".into()),
                    n => Answer::Choice(choice % n),
                },
                at: T0,
            })
            .collect();
        let graded = grade(bank, &draw, &answers);
        let result = QuizResult {
            seed: seed.to_string(),
            settings,
            answers,
            score: graded.score() as u32,
            max_score: graded.max() as u32,
            ..template.clone()
        };
        let regraded = regrade(&result, |_| Some(prepared));
        proptest::prop_assert_eq!(
            regraded.map(|r| (r.score, r.max_score)),
            Ok((result.score, result.max_score))
        );
    }
}
