//! Benchmark: draw and grade 10 000 contest attempts on the shipped bank, natively.
//! Run through `scripts/bench attempt`; prints `name=value` lines.

use std::fs;
use std::hint::black_box;
use std::time::Instant;

use hocso::attempt::{grade, Answer, AnswerKind, AnswerRecord, ContestSettings, Draw};
use hocso::bank::load_toml;

const ATTEMPTS: u64 = 10_000;

fn main() {
    let path = "quizzes/nq57.toml";
    let text = fs::read_to_string(path).expect("read the shipped bank");
    let bank = load_toml(path, &text).0.expect("the shipped bank is valid");
    let settings = ContestSettings::from_defaults(bank.contest.as_ref().expect("contest defaults"));

    let started = Instant::now();
    let mut draws = Vec::with_capacity(ATTEMPTS as usize);
    for seed in 0..ATTEMPTS {
        draws.push(Draw::from_bank(&bank, seed, &settings).expect("draw"));
    }
    let draw_ms = started.elapsed().as_secs_f64() * 1e3;

    // Every learner picks the first choice on screen (or types a word).
    let answers: Vec<Vec<AnswerRecord>> = draws
        .iter()
        .map(|draw| {
            draw.questions()
                .iter()
                .map(|q| AnswerRecord {
                    question: q.id.clone(),
                    answer: match q.kind {
                        AnswerKind::Short => Answer::Text("số".into()),
                        AnswerKind::Multiple { .. } => Answer::Choices(vec![q.choice_order[0]]),
                        _ => Answer::Choice(q.choice_order[0]),
                    },
                    at: 0,
                })
                .collect()
        })
        .collect();
    let started = Instant::now();
    let mut total = 0;
    for (draw, answers) in draws.iter().zip(&answers) {
        total += black_box(grade(&bank, draw, answers)).score();
    }
    let grade_ms = started.elapsed().as_secs_f64() * 1e3;

    println!("attempts={ATTEMPTS}");
    println!("mean_score={:.2}", total as f64 / ATTEMPTS as f64);
    println!("attempt_draw_10k_ms={draw_ms:.1}");
    println!("attempt_grade_10k_ms={grade_ms:.1}");
    println!("attempt_draw_grade_10k_ms={:.1}", draw_ms + grade_ms);
}
