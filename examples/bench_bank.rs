//! Benchmark: parse + validate + digest a generated 10 000-question bank. Prints `name=value`
//! lines (`scripts/bench bank` runs it); the last is `bank_parse_ms_10k=N`, the median of the
//! runs in milliseconds.

use std::time::Instant;

use hocso::bank::{digest, load_toml, to_toml, AnswerKey, Bank, ContestDefaults, Question, Topic};

const QUESTIONS: usize = 10_000;
const TOPICS: usize = 20;
const RUNS: usize = 15;

fn main() {
    let text = to_toml(&generated());
    let mut times = Vec::with_capacity(RUNS);
    let mut last = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let (bank, diagnostics) = load_toml("bench.toml", &text);
        let Some(bank) = bank else {
            eprintln!("the generated bank is invalid: {:?}", diagnostics.first());
            std::process::exit(1);
        };
        last = digest(&bank);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];
    let megabytes = text.len() as f64 / 1_000_000.0;
    println!("bank_bytes_10k={}", text.len());
    println!("bank_digest_10k={last}");
    println!("bank_parse_min_ms_10k={:.1}", times[0]);
    println!(
        "bank_parse_mb_per_s_10k={:.1}",
        megabytes / (median / 1000.0)
    );
    println!("bank_parse_ms_10k={median:.1}");
}

/// A bank of `QUESTIONS` questions of every kind over `TOPICS` topics, with Vietnamese text.
fn generated() -> Bank {
    let topics: Vec<Topic> = (0..TOPICS)
        .map(|t| Topic {
            id: format!("chu-de-{t}"),
            title: format!("Chủ đề số {t}: đổi mới sáng tạo và chuyển đổi số"),
        })
        .collect();
    let questions = (0..QUESTIONS)
        .map(|i| {
            let choices: Vec<String> = (1..=4)
                .map(|c| format!("Phương án {c} của câu hỏi {i} về khoa học, công nghệ"))
                .collect();
            let answer = match i % 4 {
                0 => AnswerKey::Single {
                    choices,
                    correct: i % 3,
                },
                1 => AnswerKey::Multiple {
                    choices,
                    correct: vec![0, 2],
                },
                2 => AnswerKey::TrueFalse {
                    correct: i % 2 == 0,
                },
                _ => AnswerKey::Short {
                    accept: vec!["chuyển đổi số".into(), "chuyen doi so".into()],
                },
            };
            Question {
                id: format!("cau-{i:05}"),
                topic: topics[i % TOPICS].id.clone(),
                level: (i % 3 + 1) as u8,
                text: format!(
                    "Câu hỏi số {i}: Nghị quyết số 57-NQ/TW của Bộ Chính trị xác định nội dung nào?"
                ),
                answer,
                explanation: format!(
                    "Giải thích cho câu hỏi {i}, trích từ văn bản gốc của Nghị quyết."
                ),
                source: format!("nq57-tong-quan#muc-{}", i % 50),
            }
        })
        .collect();
    Bank {
        id: "bench".into(),
        title: "Ngân hàng câu hỏi đo hiệu năng".into(),
        version: "1.0.0".into(),
        language: "vi".into(),
        sources: vec!["nq57-tong-quan".into()],
        contest: Some(ContestDefaults {
            questions: 30,
            time_limit_minutes: 20,
            pass_percent: 50,
            tie_break: None,
            quotas: [("chu-de-0".to_owned(), 5)].into_iter().collect(),
        }),
        topics,
        questions,
    }
}
