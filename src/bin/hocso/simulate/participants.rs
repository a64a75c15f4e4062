//! Simulated contest participants: each file index gets its own ChaCha20 stream (the seed's
//! generator, stream = index), so any file can be made alone, in parallel, and the same seed
//! always gives the same files. Depends on the library only (`examples/bench_rank.rs` includes
//! this file).
//!
//! A participant has a key, a Vietnamese name and unit, and a skill: the probability of answering
//! a question correctly (0.4–1.0, skewed high so a few get a full score). About 2% of the files
//! are a second, later submission by the participant of the file before.

use ed25519_dalek::SigningKey;
use hocso::attempt::{grade, Answer, AnswerRecord, ContestSettings, Draw};
use hocso::bank::{digest, AnswerKey, Bank};
use hocso::credential::{issue, BankRef, ParticipantInfo, QuizResult};
use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use serde_json::Value;

/// 2026-11-22T17:00:00Z, midnight in Vietnam: the simulated contest day starts here.
pub const DAY_START_MS: i64 = 1_795_366_800_000;

/// Files that are a second submission, in per mille of the participants' coin flips.
const DUPLICATE_PER_MILLE: u64 = 20;

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Quang", "Thanh"];
const GIVEN: [&str; 12] = [
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hoa", "Hùng", "Lan", "Nam", "Phương", "Tâm",
];

/// What every simulated file shares.
#[derive(Debug)]
pub struct Simulation<'b> {
    bank: &'b Bank,
    digest: String,
    settings: ContestSettings,
    seed: u64,
    count: u64,
}

/// Why a simulation cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimulationError {
    /// The bank has no `[bank.contest]` settings.
    #[error("the bank has no contest settings")]
    NoContest,
    /// The contest settings cannot be drawn from the bank.
    #[error("cannot draw from the bank: {0}")]
    Draw(String),
}

impl<'b> Simulation<'b> {
    /// A simulation of `count` files over `bank` (with its contest settings) for `seed`.
    pub fn new(bank: &'b Bank, seed: u64, count: u64) -> Result<Self, SimulationError> {
        let defaults = bank.contest.as_ref().ok_or(SimulationError::NoContest)?;
        let settings = ContestSettings::from_defaults(defaults);
        Draw::from_bank(bank, 0, &settings).map_err(|e| SimulationError::Draw(e.to_string()))?;
        Ok(Simulation {
            bank,
            digest: digest(bank),
            settings,
            seed,
            count,
        })
    }

    /// Whether file `index` is a second submission by the participant of file `index - 1`
    /// (never two in a row, so that participant's first file is an original).
    pub fn is_duplicate(&self, index: u64) -> bool {
        index > 0 && self.coin(index) && !self.coin(index - 1)
    }

    /// The text of file `index`: its signed credential as the app downloads it (compact JSON).
    pub fn file(&self, index: u64) -> String {
        let signed = if self.is_duplicate(index) {
            let first = self.attempt(index - 1, None);
            self.attempt(index, Some(first.submitted_at)).signed
        } else {
            self.attempt(index, None).signed
        };
        signed.to_string()
    }

    /// The attempt of file `index`, by participant `index` or, for a second submission made
    /// after `after`, by the participant of file `index - 1`.
    fn attempt(&self, index: u64, after: Option<i64>) -> Attempted {
        let person = Person::new(self.stream(if after.is_some() { index - 1 } else { index }));
        let mut rng = self.stream(index);
        rng.next_u64(); // the coin
        let attempt_seed = rng.next_u64();
        let draw = Draw::from_bank(self.bank, attempt_seed, &self.settings)
            .expect("the settings were checked against the bank");
        let limit = self.settings.time_limit_ms;
        let started_at = match after {
            Some(after) => after + 60_000 + below(&mut rng, 3_600_000) as i64,
            None => DAY_START_MS + below(&mut rng, 86_400_000u64.saturating_sub(limit)) as i64,
        };
        let duration = limit * 3 / 10 + below(&mut rng, limit * 7 / 10);
        let questions = draw.len() as u64;
        let mut answers = Vec::with_capacity(draw.len());
        for (position, drawn) in draw.questions().iter().enumerate() {
            if unit_interval(&mut rng) < 0.04 {
                continue; // left blank
            }
            let key = &self.bank.questions[drawn.index].answer;
            let correct = unit_interval(&mut rng) < person.skill;
            answers.push(AnswerRecord {
                question: drawn.id.clone(),
                answer: answer(key, correct, &mut rng),
                at: (started_at as u64) + duration * (position as u64 + 1) / (questions + 1),
            });
        }
        let graded = grade(self.bank, &draw, &answers);
        let submitted_at = started_at + duration as i64;
        let result = QuizResult {
            participant: ParticipantInfo {
                name: person.name,
                unit: person.unit,
            },
            bank: BankRef {
                id: self.bank.id.clone(),
                version: self.bank.version.clone(),
                digest: self.digest.clone(),
            },
            seed: attempt_seed.to_string(),
            settings: self.settings.clone(),
            answers,
            started_at,
            submitted_at,
            // A guess of how many will have a full score: up to a tenth of the field.
            prediction: below(&mut rng, self.count / 10 + 2),
            score: graded.score() as u32,
            max_score: graded.max() as u32,
        };
        let signed = issue(&result, &person.key, submitted_at + 500)
            .expect("a simulated result has only safe numbers");
        Attempted {
            signed,
            submitted_at,
        }
    }

    fn coin(&self, index: u64) -> bool {
        self.stream(index).next_u64() % 1000 < DUPLICATE_PER_MILLE
    }

    /// The random stream of file (or participant) `index`.
    fn stream(&self, index: u64) -> ChaCha20Rng {
        let mut rng = ChaCha20Rng::seed_from_u64(self.seed);
        rng.set_stream(index);
        rng
    }
}

/// A signed attempt and when it was submitted.
struct Attempted {
    signed: Value,
    submitted_at: i64,
}

/// Who takes part: drawn from the start of the participant's own stream.
struct Person {
    key: SigningKey,
    name: String,
    unit: String,
    skill: f64,
}

impl Person {
    fn new(mut rng: ChaCha20Rng) -> Self {
        let mut secret = [0u8; 32];
        rng.fill_bytes(&mut secret);
        let mut pick = |names: &[&'static str]| names[below(&mut rng, names.len() as u64) as usize];
        let name = format!("{} {} {}", pick(&FAMILY), pick(&MIDDLE), pick(&GIVEN));
        let unit = format!("Chi bộ {}", below(&mut rng, 40) + 1);
        let skill = 0.4 + 0.6 * unit_interval(&mut rng).sqrt();
        Person {
            key: SigningKey::from_bytes(&secret),
            name,
            unit,
            skill,
        }
    }
}

/// The answer a participant gives to a question with `key`: right or wrong.
fn answer(key: &AnswerKey, correct: bool, rng: &mut ChaCha20Rng) -> Answer {
    match key {
        AnswerKey::Single {
            choices,
            correct: right,
        } => {
            let n = choices.len() as u64;
            let wrong = (*right as u64 + 1 + below(rng, n - 1)) % n;
            Answer::Choice(if correct { *right } else { wrong as usize })
        }
        AnswerKey::Multiple {
            choices,
            correct: right,
        } => {
            if correct {
                return Answer::Choices(right.clone());
            }
            // A non-empty subset other than the right one: flip one choice of the right set,
            // or pick only the first wrong-or-right choice if flipping empties it.
            let flip = below(rng, choices.len() as u64) as usize;
            let mut chosen: Vec<usize> = (0..choices.len())
                .filter(|&i| right.contains(&i) != (i == flip))
                .collect();
            if chosen.is_empty() {
                chosen = vec![(flip + 1) % choices.len()];
            }
            Answer::Choices(chosen)
        }
        AnswerKey::TrueFalse { correct: right } => Answer::Choice(usize::from(*right != correct)),
        AnswerKey::Short { accept } => match accept.first() {
            Some(text) if correct => Answer::Text(text.clone()),
            _ => Answer::Text("không nhớ".to_owned()),
        },
    }
}

/// Uniform in `0..n` (`n` ≥ 1; the tiny modulo bias does not matter for a rehearsal).
fn below(rng: &mut ChaCha20Rng, n: u64) -> u64 {
    rng.next_u64() % n.max(1)
}

/// Uniform in `[0, 1)`.
fn unit_interval(rng: &mut ChaCha20Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}
