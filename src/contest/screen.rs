//! The contest screen as a reducer: the participant form, the questions, the finish step with
//! the tie-break prediction and the submit confirmation, and the result.
//!
//! Every action that changes the attempt changes the [`ContestRecord`] too; the page saves the
//! record after each change, so an answer is never lost to a reload.

use std::rc::Rc;

use crate::attempt::{
    Answer, AnswerKind, Attempt, AttemptError, ContestSettings, Draw, Field, FieldError,
    Participant,
};
use crate::bank::Bank;

use super::ContestRecord;

/// Which step the learner is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Rules and the participant form (and the history of finished attempts).
    Form,
    /// One question per screen.
    Questions,
    /// The tie-break prediction, the unanswered list and the submit button.
    Finish,
    /// The result and review of a finished attempt (an index into the history).
    Result(usize),
}

/// Something the learner (or the clock) did. Times are ms since the Unix epoch.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Typed into a field of the participant form.
    Edit(Field, String),
    /// Pressed "Bắt đầu làm bài"; `seed` comes from the browser's crypto RNG.
    Start {
        /// The seed of the draw.
        seed: u64,
        /// When.
        now: u64,
    },
    /// Answered the question `id` (choices by original index).
    Answer {
        /// The question id.
        id: String,
        /// The answer.
        answer: Answer,
        /// When.
        now: u64,
    },
    /// Picked the choice at this position on screen (0-based) of the question shown, by
    /// keyboard; for a multiple-answer question it toggles that choice.
    Pick {
        /// Position on screen.
        position: usize,
        /// When.
        now: u64,
    },
    /// Jumped to the question at this position (0-based).
    Goto(usize, u64),
    /// Went to the next question, or to the finish step after the last.
    Next(u64),
    /// Went to the previous question, or from the finish step back to the last question.
    Prev(u64),
    /// Went to the finish step.
    Finish,
    /// Typed the tie-break prediction.
    EditPrediction(String),
    /// Pressed "Nộp bài": checks the prediction, then asks for confirmation.
    RequestSubmit,
    /// Answered the confirmation with "Quay lại làm tiếp".
    CancelSubmit,
    /// Answered the confirmation with "Nộp bài ngay".
    ConfirmSubmit(u64),
    /// The clock moved on.
    Tick(u64),
    /// Opened the result of a finished attempt.
    ViewResult(usize),
    /// Left a result for the form of a new attempt.
    NewAttempt,
}

/// The whole state of the contest screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ContestScreen {
    bank: Rc<Bank>,
    digest: Rc<str>,
    settings: ContestSettings,
    record: ContestRecord,
    draw: Option<Draw>,
    stage: Stage,
    form: Participant,
    form_errors: Vec<FieldError>,
    prediction: String,
    prediction_error: Option<&'static str>,
    confirming: bool,
    /// The last attempt closed because its time ran out (told on the result).
    expired: bool,
    error: Option<String>,
}

/// The answer to a multiple-answer question after toggling the original choice `original` in
/// `current` (a set kept sorted).
pub fn toggle_choice(current: Option<&Answer>, original: usize) -> Answer {
    let mut set = match current {
        Some(Answer::Choices(set)) => set.clone(),
        _ => Vec::new(),
    };
    match set.iter().position(|&c| c == original) {
        Some(i) => {
            set.remove(i);
        }
        None => {
            set.push(original);
            set.sort_unstable();
        }
    }
    Answer::Choices(set)
}

impl ContestScreen {
    /// The screen over `bank` (whose digest is `digest`) resuming `record` at `now`: an attempt
    /// whose deadline passed while the page was closed is submitted and its result shown.
    pub fn new(bank: Rc<Bank>, digest: Rc<str>, record: ContestRecord, now: u64) -> Self {
        let settings = ContestSettings::for_bank(&bank);
        let mut screen = Self {
            bank,
            digest,
            settings,
            record,
            draw: None,
            stage: Stage::Form,
            form: Participant::default(),
            form_errors: Vec::new(),
            prediction: String::new(),
            prediction_error: None,
            confirming: false,
            expired: false,
            error: None,
        };
        screen.resume(now);
        screen
    }

    /// The step shown.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The bank.
    pub fn bank(&self) -> &Rc<Bank> {
        &self.bank
    }

    /// The settings new attempts use.
    pub fn settings(&self) -> &ContestSettings {
        &self.settings
    }

    /// What to save.
    pub fn record(&self) -> &ContestRecord {
        &self.record
    }

    /// The attempt in progress and its draw.
    pub fn current(&self) -> Option<(&Attempt, &Draw)> {
        self.record.in_progress.as_ref().zip(self.draw.as_ref())
    }

    /// The participant form as typed.
    pub fn form(&self) -> &Participant {
        &self.form
    }

    /// The form's problems since the last "Bắt đầu làm bài".
    pub fn form_errors(&self) -> &[FieldError] {
        &self.form_errors
    }

    /// The prediction as typed.
    pub fn prediction(&self) -> &str {
        &self.prediction
    }

    /// Why the prediction is refused, if it is.
    pub fn prediction_error(&self) -> Option<&'static str> {
        self.prediction_error
    }

    /// Whether the submit confirmation is open.
    pub fn confirming(&self) -> bool {
        self.confirming
    }

    /// Whether the attempt on show closed because time ran out.
    pub fn expired(&self) -> bool {
        self.expired
    }

    /// A problem the learner should see (a bank that cannot run a contest, for one).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Applies `action`.
    pub fn apply(&mut self, action: Action) {
        let result = match action {
            Action::Edit(field, value) => {
                self.form.set(field, value);
                self.form_errors.retain(|e| e.field != field);
                Ok(())
            }
            Action::Start { seed, now } => self.start(seed, now),
            Action::Answer { id, answer, now } => {
                self.with_attempt(now, |a, d| a.answer(d, &id, answer, now))
            }
            Action::Pick { position, now } => self.pick(position, now),
            Action::Goto(index, now) => {
                self.stage = Stage::Questions;
                self.with_attempt(now, |a, d| a.goto(d, index, now))
            }
            Action::Next(now) => self.step(now, true),
            Action::Prev(now) => self.step(now, false),
            Action::Finish => {
                if self.record.in_progress.is_some() {
                    self.stage = Stage::Finish;
                }
                Ok(())
            }
            Action::EditPrediction(text) => {
                self.prediction = text;
                self.prediction_error = None;
                Ok(())
            }
            Action::RequestSubmit => {
                self.request_submit();
                Ok(())
            }
            Action::CancelSubmit => {
                self.confirming = false;
                Ok(())
            }
            Action::ConfirmSubmit(now) => self.submit(now),
            Action::Tick(now) => {
                self.close_if_expired(now);
                Ok(())
            }
            Action::ViewResult(index) => {
                if index < self.record.history.len() && self.record.in_progress.is_none() {
                    self.stage = Stage::Result(index);
                    self.expired = false;
                }
                Ok(())
            }
            Action::NewAttempt => {
                if self.record.in_progress.is_none() {
                    self.stage = Stage::Form;
                }
                Ok(())
            }
        };
        self.error = result.err().map(|e| e.to_string());
    }

    fn resume(&mut self, now: u64) {
        let Some(attempt) = &self.record.in_progress else {
            return;
        };
        match Draw::from_bank(&self.bank, attempt.seed(), attempt.settings()) {
            Ok(draw) => {
                self.draw = Some(draw);
                self.stage = Stage::Questions;
                self.close_if_expired(now);
            }
            Err(e) => self.error = Some(format!("không tiếp tục được bài đang làm: {e}")),
        }
    }

    fn start(&mut self, seed: u64, now: u64) -> Result<(), AttemptError> {
        if self.record.in_progress.is_some() {
            return Err(AttemptError::AlreadyStarted);
        }
        let draw = match Draw::from_bank(&self.bank, seed, &self.settings) {
            Ok(draw) => draw,
            Err(e) => {
                self.error = Some(format!(
                    "ngân hàng câu hỏi không tổ chức được cuộc thi: {e}"
                ));
                return Ok(());
            }
        };
        let mut attempt = Attempt::new(
            self.bank.id.clone(),
            &*self.digest,
            seed,
            self.settings.clone(),
        );
        attempt.set_participant(self.form.clone())?;
        match attempt.start(now) {
            Err(AttemptError::Participant(problems)) => {
                self.form_errors = problems;
                Ok(())
            }
            Err(other) => Err(other),
            Ok(()) => {
                self.form_errors.clear();
                self.record.in_progress = Some(attempt);
                self.draw = Some(draw);
                self.stage = Stage::Questions;
                self.prediction.clear();
                self.expired = false;
                Ok(())
            }
        }
    }

    fn pick(&mut self, position: usize, now: u64) -> Result<(), AttemptError> {
        if self.stage != Stage::Questions {
            return Ok(());
        }
        let Some((attempt, draw)) = self.current() else {
            return Ok(());
        };
        let drawn = &draw.questions()[attempt.current()];
        let Some(&original) = drawn.choice_order.get(position) else {
            return Ok(());
        };
        let answer = match drawn.kind {
            AnswerKind::Multiple { .. } => toggle_choice(attempt.answer_to(&drawn.id), original),
            _ => Answer::Choice(original),
        };
        let id = drawn.id.clone();
        self.with_attempt(now, |a, d| a.answer(d, &id, answer, now))
    }

    fn step(&mut self, now: u64, forward: bool) -> Result<(), AttemptError> {
        let Some((attempt, draw)) = self.current() else {
            return Ok(());
        };
        let (index, last) = (attempt.current(), draw.len() - 1);
        match (self.stage, forward) {
            (Stage::Questions, true) if index == last => {
                self.stage = Stage::Finish;
                Ok(())
            }
            (Stage::Questions, true) => self.with_attempt(now, |a, d| a.goto(d, index + 1, now)),
            (Stage::Questions, false) if index > 0 => {
                self.with_attempt(now, |a, d| a.goto(d, index - 1, now))
            }
            (Stage::Finish, false) => {
                self.stage = Stage::Questions;
                self.with_attempt(now, |a, d| a.goto(d, last, now))
            }
            _ => Ok(()),
        }
    }

    fn request_submit(&mut self) {
        let asks = self
            .bank
            .contest
            .as_ref()
            .is_some_and(|c| c.tie_break.is_some());
        let text = self.prediction.trim();
        if asks {
            match text.parse::<u32>() {
                Ok(_) => {}
                Err(_) if text.is_empty() => {
                    self.prediction_error = Some("Vui lòng nhập số người bạn dự đoán.");
                    return;
                }
                Err(_) => {
                    self.prediction_error =
                        Some("Dự đoán phải là một số nguyên không âm, ví dụ 125.");
                    return;
                }
            }
        }
        self.confirming = true;
    }

    fn submit(&mut self, now: u64) -> Result<(), AttemptError> {
        self.confirming = false;
        if let Ok(prediction) = self.prediction.trim().parse::<u32>() {
            self.with_attempt(now, |a, d| a.set_prediction(d, prediction, now))?;
        }
        if let Some(attempt) = self.record.in_progress.as_mut() {
            attempt.submit(now)?;
        }
        self.archive();
        Ok(())
    }

    /// Runs `f` on the attempt in progress and its draw; when the deadline has passed the
    /// attempt is archived instead.
    fn with_attempt(
        &mut self,
        now: u64,
        f: impl FnOnce(&mut Attempt, &Draw) -> Result<(), AttemptError>,
    ) -> Result<(), AttemptError> {
        if self.close_if_expired(now) {
            return Ok(());
        }
        match (self.record.in_progress.as_mut(), self.draw.as_ref()) {
            (Some(attempt), Some(draw)) => f(attempt, draw),
            _ => Err(AttemptError::NotStarted),
        }
    }

    /// Closes the attempt at its deadline if `now` reached it; true when it did.
    fn close_if_expired(&mut self, now: u64) -> bool {
        let closed = self
            .record
            .in_progress
            .as_mut()
            .is_some_and(|a| a.tick(now) || a.is_submitted());
        if closed {
            self.expired = true;
            self.archive();
        }
        closed
    }

    fn archive(&mut self) {
        if let Some(attempt) = self.record.in_progress.take() {
            self.record.history.push(attempt);
            self.draw = None;
            self.confirming = false;
            self.stage = Stage::Result(self.record.history.len() - 1);
        }
    }
}
