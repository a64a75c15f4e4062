//! The attempt state machine: not started → in progress → submitted (by the learner, or at the
//! deadline with the answers given), and the saved state that lets a reload resume it.
//!
//! Time is always passed in (`now`, ms since the Unix epoch). The deadline is `start + limit`;
//! any operation at or after it first closes the attempt *at the deadline*, so a state reloaded
//! long after the deadline is submitted with the answers it had and a duration of exactly the
//! limit.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::answer::{Answer, AnswerError, AnswerRecord};
use super::draw::{ContestSettings, Draw};
use super::participant::{FieldError, Participant};

/// Version of the saved-state JSON written by [`Attempt::to_json`].
pub const SCHEMA_VERSION: u32 = 1;

/// One contest attempt. Serialised as is (see [`Attempt::to_json`]); the draw is not saved but
/// replayed from the bank, the seed and the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    schema: u32,
    bank_id: String,
    bank_digest: String,
    seed: u64,
    settings: ContestSettings,
    participant: Participant,
    phase: Phase,
    /// Answers in presentation order of their questions, at most one per question.
    answers: Vec<AnswerRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prediction: Option<u32>,
    current: usize,
}

/// Where an attempt stands. Times are ms since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// The participant is filling in the form.
    NotStarted,
    /// The clock runs.
    InProgress {
        /// When it started.
        started_at: u64,
    },
    /// Closed: answers are final.
    Submitted {
        /// When it started.
        started_at: u64,
        /// When it closed (never after the deadline).
        submitted_at: u64,
        /// Who closed it.
        by: SubmittedBy,
    },
}

/// Who closed an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmittedBy {
    /// The learner pressed "Nộp bài".
    Learner,
    /// The deadline passed.
    Deadline,
}

/// An operation the attempt refuses.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AttemptError {
    /// The form has problems (each with its Vietnamese message).
    #[error("the participant form has {} problem(s)", .0.len())]
    Participant(Vec<FieldError>),
    /// Start or edit the form twice.
    #[error("the attempt has already started")]
    AlreadyStarted,
    /// Answer, move or submit before the start.
    #[error("the attempt has not started")]
    NotStarted,
    /// Anything after the attempt closed.
    #[error("the attempt is already submitted")]
    AlreadySubmitted,
    /// An answer to a question that was not drawn.
    #[error("question `{0}` is not in this attempt")]
    NotInDraw(String),
    /// An answer that does not fit its question.
    #[error("answer to question `{question}`: {error}")]
    InvalidAnswer {
        /// The question id.
        question: String,
        /// What is wrong.
        error: AnswerError,
    },
    /// A question position past the last one.
    #[error("question {index} is out of range for an attempt of {len} questions")]
    NoSuchQuestion {
        /// The position asked for (0-based).
        index: usize,
        /// Questions in the attempt.
        len: usize,
    },
    /// The draw given was made with another seed or question count.
    #[error("the draw does not belong to this attempt")]
    WrongDraw,
}

/// Saved state that cannot be resumed.
#[derive(Debug, Error)]
pub enum LoadError {
    /// Not JSON of an attempt.
    #[error("saved attempt is unreadable: {0}")]
    Json(#[from] serde_json::Error),
    /// Written by another schema version.
    #[error("saved attempt has schema version {found}, this app reads version {SCHEMA_VERSION}")]
    Schema {
        /// The version found.
        found: u32,
    },
}

impl Attempt {
    /// A new attempt, not started, over a bank identified by id and digest.
    pub fn new(
        bank_id: impl Into<String>,
        bank_digest: impl Into<String>,
        seed: u64,
        settings: ContestSettings,
    ) -> Self {
        Self {
            schema: SCHEMA_VERSION,
            bank_id: bank_id.into(),
            bank_digest: bank_digest.into(),
            seed,
            settings,
            participant: Participant::default(),
            phase: Phase::NotStarted,
            answers: Vec::new(),
            prediction: None,
            current: 0,
        }
    }

    /// The saved state as JSON (with its `schema` version).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an attempt always serialises")
    }

    /// Reads a saved state and brings it up to `now`: if the deadline passed while the page was
    /// closed, the attempt is submitted at the deadline with the answers it had. A current
    /// position past the last question is brought back to the last one.
    pub fn from_json(json: &str, now: u64) -> Result<Self, LoadError> {
        #[derive(Deserialize)]
        struct Version {
            schema: u32,
        }
        let Version { schema } = serde_json::from_str(json)?;
        if schema != SCHEMA_VERSION {
            return Err(LoadError::Schema { found: schema });
        }
        let mut attempt: Attempt = serde_json::from_str(json)?;
        // A damaged or edited file must not point the screen past the last question.
        attempt.current = attempt
            .current
            .min(attempt.settings.questions.saturating_sub(1));
        attempt.tick(now);
        Ok(attempt)
    }

    /// The bank id.
    pub fn bank_id(&self) -> &str {
        &self.bank_id
    }

    /// The bank digest the attempt was drawn from.
    pub fn bank_digest(&self) -> &str {
        &self.bank_digest
    }

    /// The seed of the draw.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The contest settings.
    pub fn settings(&self) -> &ContestSettings {
        &self.settings
    }

    /// The participant form.
    pub fn participant(&self) -> &Participant {
        &self.participant
    }

    /// The phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Recorded answers, in presentation order of their questions.
    pub fn answers(&self) -> &[AnswerRecord] {
        &self.answers
    }

    /// The recorded answer to question `id`.
    pub fn answer_to(&self, id: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|r| r.question == id)
            .map(|r| &r.answer)
    }

    /// The tie-break prediction, if given.
    pub fn prediction(&self) -> Option<u32> {
        self.prediction
    }

    /// Position of the question on screen (0-based).
    pub fn current(&self) -> usize {
        self.current
    }

    /// When the clock started.
    pub fn started_at(&self) -> Option<u64> {
        match self.phase {
            Phase::NotStarted => None,
            Phase::InProgress { started_at } | Phase::Submitted { started_at, .. } => {
                Some(started_at)
            }
        }
    }

    /// When the attempt closes: start + time limit.
    pub fn deadline(&self) -> Option<u64> {
        self.started_at()
            .map(|start| start.saturating_add(self.settings.time_limit_ms))
    }

    /// Time left at `now` (zero once the deadline is reached); `None` unless in progress.
    pub fn remaining_ms(&self, now: u64) -> Option<u64> {
        match self.phase {
            Phase::InProgress { .. } => self.deadline().map(|d| d.saturating_sub(now)),
            _ => None,
        }
    }

    /// Time taken, once submitted: never more than the limit.
    pub fn duration_ms(&self) -> Option<u64> {
        match self.phase {
            Phase::Submitted {
                started_at,
                submitted_at,
                ..
            } => Some(
                submitted_at
                    .saturating_sub(started_at)
                    .min(self.settings.time_limit_ms),
            ),
            _ => None,
        }
    }

    /// Whether the answers are final.
    pub fn is_submitted(&self) -> bool {
        matches!(self.phase, Phase::Submitted { .. })
    }

    /// Replaces the participant form (tidied) before the start.
    pub fn set_participant(&mut self, participant: Participant) -> Result<(), AttemptError> {
        match self.phase {
            Phase::NotStarted => {
                self.participant = participant;
                Ok(())
            }
            _ => Err(AttemptError::AlreadyStarted),
        }
    }

    /// Starts the clock at `now`, if the form is valid (it is stored tidied).
    pub fn start(&mut self, now: u64) -> Result<(), AttemptError> {
        if self.phase != Phase::NotStarted {
            return Err(AttemptError::AlreadyStarted);
        }
        let problems = self.participant.validate();
        if !problems.is_empty() {
            return Err(AttemptError::Participant(problems));
        }
        self.participant = self.participant.tidied();
        self.phase = Phase::InProgress { started_at: now };
        Ok(())
    }

    /// Closes the attempt at the deadline if `now` reached it. Returns whether it just closed.
    pub fn tick(&mut self, now: u64) -> bool {
        match (self.phase, self.deadline()) {
            (Phase::InProgress { started_at }, Some(deadline)) if now >= deadline => {
                self.phase = Phase::Submitted {
                    started_at,
                    submitted_at: deadline,
                    by: SubmittedBy::Deadline,
                };
                true
            }
            _ => false,
        }
    }

    /// Records (or replaces) the answer to question `id` of `draw`, given at `now`. A blank
    /// answer (no choice, whitespace only) removes the recorded one. At or after the deadline the
    /// attempt closes first and the answer is refused.
    pub fn answer(
        &mut self,
        draw: &Draw,
        id: &str,
        answer: Answer,
        now: u64,
    ) -> Result<(), AttemptError> {
        self.open(draw, now)?;
        let position = draw
            .position(id)
            .ok_or_else(|| AttemptError::NotInDraw(id.to_owned()))?;
        let normal = draw.questions()[position]
            .kind
            .normalise(answer)
            .map_err(|error| AttemptError::InvalidAnswer {
                question: id.to_owned(),
                error,
            })?;
        let existing = self.answers.iter().position(|r| r.question == id);
        match (normal, existing) {
            (Some(answer), Some(i)) => self.answers[i] = record(id, answer, now),
            (Some(answer), None) => {
                let at = self
                    .answers
                    .iter()
                    .position(|r| draw.position(&r.question).is_some_and(|p| p > position))
                    .unwrap_or(self.answers.len());
                self.answers.insert(at, record(id, answer, now));
            }
            (None, Some(i)) => {
                self.answers.remove(i);
            }
            (None, None) => {}
        }
        Ok(())
    }

    /// Sets the tie-break prediction at `now`.
    pub fn set_prediction(
        &mut self,
        draw: &Draw,
        prediction: u32,
        now: u64,
    ) -> Result<(), AttemptError> {
        self.open(draw, now)?;
        self.prediction = Some(prediction);
        Ok(())
    }

    /// Moves to the question at `index` (0-based) of `draw`.
    pub fn goto(&mut self, draw: &Draw, index: usize, now: u64) -> Result<(), AttemptError> {
        self.open(draw, now)?;
        if index >= draw.len() {
            return Err(AttemptError::NoSuchQuestion {
                index,
                len: draw.len(),
            });
        }
        self.current = index;
        Ok(())
    }

    /// Submits at `now`; at or after the deadline, it is closed at the deadline instead.
    pub fn submit(&mut self, now: u64) -> Result<(), AttemptError> {
        match self.phase {
            Phase::NotStarted => Err(AttemptError::NotStarted),
            Phase::Submitted { .. } => Err(AttemptError::AlreadySubmitted),
            Phase::InProgress { started_at } => {
                if !self.tick(now) {
                    self.phase = Phase::Submitted {
                        started_at,
                        submitted_at: now.max(started_at),
                        by: SubmittedBy::Learner,
                    };
                }
                Ok(())
            }
        }
    }

    /// Positions (0-based) of the questions of `draw` without an answer.
    pub fn unanswered(&self, draw: &Draw) -> Vec<usize> {
        draw.questions()
            .iter()
            .enumerate()
            .filter(|(_, q)| self.answer_to(&q.id).is_none())
            .map(|(i, _)| i)
            .collect()
    }

    /// Checks that the attempt takes changes at `now` (closing it if the deadline passed) and
    /// that `draw` is its draw.
    fn open(&mut self, draw: &Draw, now: u64) -> Result<(), AttemptError> {
        if draw.seed() != self.seed || draw.len() != self.settings.questions {
            return Err(AttemptError::WrongDraw);
        }
        self.tick(now);
        match self.phase {
            Phase::NotStarted => Err(AttemptError::NotStarted),
            Phase::InProgress { .. } => Ok(()),
            Phase::Submitted { .. } => Err(AttemptError::AlreadySubmitted),
        }
    }
}

fn record(id: &str, answer: Answer, at: u64) -> AnswerRecord {
    AnswerRecord {
        question: id.to_owned(),
        answer,
        at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::draw::tests::{draw, settings};
    use crate::attempt::{AnswerKind, Drawn};

    const T0: u64 = 1_763_900_000_000;
    const LIMIT: u64 = 600_000;

    fn started() -> (Attempt, Draw) {
        let settings = settings(8, &[]);
        let draw = draw(3, &settings).unwrap();
        let mut attempt = Attempt::new("demo", "sha256:00", 3, settings);
        attempt
            .set_participant(Participant {
                name: " Nguyễn  Văn An ".into(),
                unit: "Chi bộ 1".into(),
                ..Participant::default()
            })
            .unwrap();
        attempt.start(T0).unwrap();
        (attempt, draw)
    }

    fn id_of(draw: &Draw, kind: &str) -> String {
        let q = draw.questions().iter().find(|q| q.kind.name() == kind);
        q.map(|q| q.id.clone()).unwrap()
    }

    #[test]
    fn start_needs_a_valid_form_and_happens_once() {
        let mut attempt = Attempt::new("demo", "d", 1, settings(2, &[]));
        match attempt.start(T0) {
            Err(AttemptError::Participant(problems)) => {
                let messages: Vec<&str> = problems.iter().map(|p| p.message).collect();
                assert_eq!(
                    messages,
                    [
                        "Vui lòng nhập họ và tên",
                        "Vui lòng nhập đơn vị hoặc chi bộ"
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(attempt.phase(), Phase::NotStarted);
        let (mut attempt, _) = started();
        assert_eq!(attempt.participant().name, "Nguyễn Văn An");
        assert_eq!(attempt.start(T0 + 1), Err(AttemptError::AlreadyStarted));
        assert_eq!(
            attempt.set_participant(Participant::default()),
            Err(AttemptError::AlreadyStarted)
        );
    }

    #[test]
    fn nothing_before_the_start() {
        let settings = settings(8, &[]);
        let draw = draw(3, &settings).unwrap();
        let mut attempt = Attempt::new("demo", "d", 3, settings);
        let id = draw.questions()[0].id.clone();
        let e = Err(AttemptError::NotStarted);
        assert_eq!(attempt.answer(&draw, &id, Answer::Choice(0), T0), e);
        assert_eq!(attempt.goto(&draw, 1, T0), e);
        assert_eq!(attempt.set_prediction(&draw, 3, T0), e);
        assert_eq!(attempt.submit(T0), e);
        assert_eq!(attempt.deadline(), None);
        assert_eq!(attempt.remaining_ms(T0), None);
    }

    #[test]
    fn answers_are_kept_in_draw_order_replaced_and_cleared() {
        let (mut attempt, draw) = started();
        let ids: Vec<String> = draw.questions().iter().map(|q| q.id.clone()).collect();
        let answer_for = |q: &Drawn| match q.kind {
            AnswerKind::Short => Answer::Text("số".into()),
            AnswerKind::Multiple { .. } => Answer::Choices(vec![1]),
            _ => Answer::Choice(1),
        };
        for (k, q) in draw.questions().iter().enumerate().rev() {
            attempt
                .answer(&draw, &q.id, answer_for(q), T0 + k as u64)
                .unwrap();
        }
        let recorded: Vec<&str> = attempt
            .answers()
            .iter()
            .map(|r| r.question.as_str())
            .collect();
        assert_eq!(recorded, ids);
        assert_eq!(attempt.answers()[2].at, T0 + 2);
        let multiple = id_of(&draw, "multiple");
        attempt
            .answer(&draw, &multiple, Answer::Choices(vec![2, 0]), T0 + 50)
            .unwrap();
        assert_eq!(
            attempt.answer_to(&multiple),
            Some(&Answer::Choices(vec![0, 2]))
        );
        attempt
            .answer(&draw, &multiple, Answer::Choices(vec![]), T0 + 60)
            .unwrap();
        assert_eq!(attempt.answer_to(&multiple), None);
        let position = draw.position(&multiple).unwrap();
        assert_eq!(attempt.unanswered(&draw), [position]);
        assert_eq!(attempt.answers().len(), 7);
    }

    #[test]
    fn invalid_answers_are_refused() {
        let (mut attempt, draw) = started();
        let single = id_of(&draw, "single");
        let short = id_of(&draw, "short");
        let table = [
            (
                "zz".to_owned(),
                Answer::Choice(0),
                AttemptError::NotInDraw("zz".into()),
            ),
            (
                single.clone(),
                Answer::Choice(4),
                AttemptError::InvalidAnswer {
                    question: single.clone(),
                    error: AnswerError::ChoiceOutOfRange {
                        index: 4,
                        choices: 4,
                    },
                },
            ),
            (
                short.clone(),
                Answer::Choice(0),
                AttemptError::InvalidAnswer {
                    question: short.clone(),
                    error: AnswerError::WrongKind {
                        given: "choice",
                        expected: "short",
                    },
                },
            ),
        ];
        for (id, answer, expected) in table {
            assert_eq!(attempt.answer(&draw, &id, answer, T0 + 1), Err(expected));
        }
        assert!(attempt.answers().is_empty());
        assert_eq!(
            attempt.goto(&draw, 8, T0),
            Err(AttemptError::NoSuchQuestion { index: 8, len: 8 })
        );
        assert_eq!(
            AttemptError::NotInDraw("zz".into()).to_string(),
            "question `zz` is not in this attempt"
        );
    }

    #[test]
    fn a_draw_of_another_seed_is_refused() {
        let (mut attempt, _) = started();
        let other = draw(4, &settings(8, &[])).unwrap();
        let id = other.questions()[0].id.clone();
        assert_eq!(
            attempt.answer(&other, &id, Answer::Choice(0), T0),
            Err(AttemptError::WrongDraw)
        );
    }

    #[test]
    fn submit_once() {
        let (mut attempt, draw) = started();
        attempt.goto(&draw, 5, T0 + 10).unwrap();
        attempt.set_prediction(&draw, 12, T0 + 20).unwrap();
        attempt.submit(T0 + 90_000).unwrap();
        assert_eq!(
            attempt.phase(),
            Phase::Submitted {
                started_at: T0,
                submitted_at: T0 + 90_000,
                by: SubmittedBy::Learner
            }
        );
        assert_eq!(attempt.duration_ms(), Some(90_000));
        assert_eq!(
            attempt.submit(T0 + 91_000),
            Err(AttemptError::AlreadySubmitted)
        );
        let id = draw.questions()[0].id.clone();
        assert_eq!(
            attempt.answer(&draw, &id, Answer::Choice(0), T0 + 92_000),
            Err(AttemptError::AlreadySubmitted)
        );
        assert_eq!(
            attempt.set_prediction(&draw, 1, T0 + 92_000),
            Err(AttemptError::AlreadySubmitted)
        );
        assert_eq!(attempt.prediction(), Some(12));
        assert_eq!(attempt.current(), 5);
    }

    #[test]
    fn deadline_arithmetic() {
        let (mut attempt, draw) = started();
        assert_eq!(attempt.deadline(), Some(T0 + LIMIT));
        assert_eq!(attempt.remaining_ms(T0 + 1_000), Some(LIMIT - 1_000));
        assert!(!attempt.tick(T0 + LIMIT - 1));
        assert_eq!(attempt.remaining_ms(T0 + LIMIT - 1), Some(1));
        let id = draw.questions()[0].id.clone();
        attempt
            .answer(&draw, &id, Answer::Choice(0), T0 + LIMIT - 1)
            .unwrap();
        // An answer at the deadline closes the attempt and is refused; the earlier one stays.
        let id2 = draw.questions()[1].id.clone();
        assert_eq!(
            attempt.answer(&draw, &id2, Answer::Choice(0), T0 + LIMIT),
            Err(AttemptError::AlreadySubmitted)
        );
        assert_eq!(
            attempt.phase(),
            Phase::Submitted {
                started_at: T0,
                submitted_at: T0 + LIMIT,
                by: SubmittedBy::Deadline
            }
        );
        assert_eq!(attempt.answers().len(), 1);
        assert_eq!(attempt.duration_ms(), Some(LIMIT));
        assert!(!attempt.tick(T0 + LIMIT + 5));
    }

    #[test]
    fn tick_expires_and_late_submit_closes_at_the_deadline() {
        let (mut a, _) = started();
        assert!(a.tick(T0 + LIMIT + 1));
        assert_eq!(a.duration_ms(), Some(LIMIT));
        let (mut b, _) = started();
        b.submit(T0 + 3 * LIMIT).unwrap();
        assert_eq!(b, a);
    }

    #[test]
    fn saved_state_round_trips_and_resumes() {
        let (mut attempt, draw) = started();
        let id = draw.questions()[3].id.clone();
        let kind = draw.questions()[3].kind;
        let answer = match kind {
            AnswerKind::Short => Answer::Text("Chuyển đổi số".into()),
            AnswerKind::Multiple { .. } => Answer::Choices(vec![0]),
            _ => Answer::Choice(1),
        };
        attempt.answer(&draw, &id, answer, T0 + 5_000).unwrap();
        attempt.goto(&draw, 3, T0 + 5_000).unwrap();
        let json = attempt.to_json();
        assert!(
            json.starts_with(r#"{"schema":1,"bank_id":"demo","#),
            "{json}"
        );
        // Reloaded before the deadline: the same attempt, the clock still running from T0.
        let resumed = Attempt::from_json(&json, T0 + 60_000).unwrap();
        assert_eq!(resumed, attempt);
        assert_eq!(resumed.remaining_ms(T0 + 60_000), Some(LIMIT - 60_000));
        // Reloaded an hour after the deadline: submitted at the deadline with its answers.
        let late = Attempt::from_json(&json, T0 + LIMIT + 3_600_000).unwrap();
        assert_eq!(
            late.phase(),
            Phase::Submitted {
                started_at: T0,
                submitted_at: T0 + LIMIT,
                by: SubmittedBy::Deadline
            }
        );
        assert_eq!(late.answers(), attempt.answers());
        assert_eq!(late.duration_ms(), Some(LIMIT));
    }

    #[test]
    fn unreadable_saved_states() {
        let (attempt, _) = started();
        let json = attempt.to_json().replace(r#""schema":1"#, r#""schema":7"#);
        assert_eq!(
            Attempt::from_json(&json, T0).unwrap_err().to_string(),
            "saved attempt has schema version 7, this app reads version 1"
        );
        let err = Attempt::from_json("{\"schema\":1}", T0).unwrap_err();
        assert!(matches!(err, LoadError::Json(_)), "{err}");
        assert!(Attempt::from_json("not json", T0).is_err());
    }

    #[test]
    fn a_saved_position_past_the_end_is_clamped() {
        let (attempt, _) = started();
        let json = attempt
            .to_json()
            .replace(r#""current":0"#, r#""current":99"#);
        assert_ne!(json, attempt.to_json());
        let resumed = Attempt::from_json(&json, T0 + 1).unwrap();
        assert_eq!(resumed.current(), 7);
    }
}
