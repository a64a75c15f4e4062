//! The contest screen reducer: form, questions, finish, confirmation, deadline, history.

use std::rc::Rc;

use hocso::attempt::{Answer, Field, Phase};
use hocso::contest::{Action, ContestRecord, ContestScreen, Stage};

use crate::support::bank;

const T0: u64 = 1_763_900_000_000;

fn screen(record: ContestRecord, now: u64) -> ContestScreen {
    ContestScreen::new(Rc::new(bank()), Rc::from("digest"), record, now)
}

fn started() -> ContestScreen {
    let mut s = screen(ContestRecord::default(), T0);
    s.apply(Action::Edit(Field::Name, "Nguyễn Văn An".into()));
    s.apply(Action::Edit(Field::Unit, "Chi bộ 3".into()));
    s.apply(Action::Start { seed: 9, now: T0 });
    s
}

#[test]
fn an_incomplete_form_does_not_start() {
    let mut s = screen(ContestRecord::default(), T0);
    s.apply(Action::Start { seed: 1, now: T0 });
    assert_eq!(s.stage(), Stage::Form);
    let fields: Vec<Field> = s.form_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, vec![Field::Name, Field::Unit]);
    assert!(s.record().in_progress.is_none());
    s.apply(Action::Edit(Field::Name, "An".into()));
    assert_eq!(s.form_errors().len(), 1, "editing a field clears its error");
}

#[test]
fn a_full_attempt_goes_through_every_stage() {
    let mut s = started();
    assert_eq!(s.stage(), Stage::Questions);
    let ids: Vec<String> = s
        .current()
        .unwrap()
        .1
        .questions()
        .iter()
        .map(|q| q.id.clone())
        .collect();
    assert_eq!(ids.len(), 3);
    s.apply(Action::Answer {
        id: ids[0].clone(),
        answer: Answer::Choice(0),
        now: T0 + 1_000,
    });
    s.apply(Action::Next(T0 + 2_000));
    s.apply(Action::Next(T0 + 3_000));
    s.apply(Action::Next(T0 + 4_000));
    assert_eq!(s.stage(), Stage::Finish);
    s.apply(Action::Prev(T0 + 4_500));
    assert_eq!(
        (s.stage(), s.current().unwrap().0.current()),
        (Stage::Questions, 2)
    );
    s.apply(Action::Finish);
    s.apply(Action::RequestSubmit);
    assert_eq!(
        s.prediction_error(),
        Some("Vui lòng nhập số người bạn dự đoán.")
    );
    s.apply(Action::EditPrediction("mười".into()));
    s.apply(Action::RequestSubmit);
    assert_eq!(
        s.prediction_error(),
        Some("Dự đoán phải là một số nguyên không âm, ví dụ 125.")
    );
    s.apply(Action::EditPrediction(" 12 ".into()));
    s.apply(Action::RequestSubmit);
    assert!(s.confirming());
    s.apply(Action::CancelSubmit);
    assert!(!s.confirming());
    s.apply(Action::RequestSubmit);
    s.apply(Action::ConfirmSubmit(T0 + 5_000));
    assert_eq!(s.stage(), Stage::Result(0));
    assert!(!s.expired());
    let done = &s.record().history[0];
    assert_eq!(done.prediction(), Some(12));
    assert_eq!(done.duration_ms(), Some(5_000));
    assert!(s.record().in_progress.is_none());
    s.apply(Action::NewAttempt);
    assert_eq!(s.stage(), Stage::Form);
}

#[test]
fn a_reload_resumes_the_same_question_answers_and_clock() {
    let mut s = started();
    let id = s.current().unwrap().1.questions()[1].id.clone();
    s.apply(Action::Next(T0 + 1_000));
    s.apply(Action::Answer {
        id: id.clone(),
        answer: Answer::Choice(1),
        now: T0 + 2_000,
    });
    let saved = serde_json::to_string(s.record()).unwrap();
    let record: ContestRecord = serde_json::from_str(&saved).unwrap();
    let resumed = screen(record, T0 + 60_000);
    let (attempt, draw) = resumed.current().unwrap();
    assert_eq!(resumed.stage(), Stage::Questions);
    assert_eq!(attempt.current(), 1);
    assert_eq!(attempt.answer_to(&id), Some(&Answer::Choice(1)));
    assert_eq!(attempt.remaining_ms(T0 + 60_000), Some(60_000));
    assert_eq!(draw, s.current().unwrap().1);
}

#[test]
fn the_deadline_submits_even_after_the_page_was_closed() {
    let s = started();
    let record = s.record().clone();
    let resumed = screen(record, T0 + 10 * 60_000);
    assert_eq!(resumed.stage(), Stage::Result(0));
    assert!(resumed.expired());
    let done = &resumed.record().history[0];
    assert!(
        matches!(done.phase(), Phase::Submitted { submitted_at, .. } if submitted_at == T0 + 120_000)
    );
}

#[test]
fn the_clock_closes_a_running_attempt_and_later_answers_are_refused() {
    let mut s = started();
    let id = s.current().unwrap().1.questions()[0].id.clone();
    s.apply(Action::Tick(T0 + 119_999));
    assert_eq!(s.stage(), Stage::Questions);
    s.apply(Action::Answer {
        id,
        answer: Answer::Choice(0),
        now: T0 + 120_000,
    });
    assert_eq!(s.stage(), Stage::Result(0));
    assert!(s.expired());
    assert!(s.record().history[0].answers().is_empty());
}

#[test]
fn only_one_attempt_at_a_time_and_bad_answers_are_reported() {
    let mut s = started();
    s.apply(Action::Start { seed: 2, now: T0 });
    assert_eq!(s.error(), Some("the attempt has already started"));
    s.apply(Action::Answer {
        id: "nope".into(),
        answer: Answer::Choice(0),
        now: T0,
    });
    assert_eq!(s.error(), Some("question `nope` is not in this attempt"));
    s.apply(Action::ViewResult(0));
    assert_eq!(
        s.stage(),
        Stage::Questions,
        "no result view while an attempt runs"
    );
}
