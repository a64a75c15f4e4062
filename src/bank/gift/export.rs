//! Bank → GIFT, with `// @key value` directives for what GIFT cannot hold.

use std::fmt::Write;

use super::text::escape;
use crate::bank::{AnswerKey, Bank};

/// The bank in GIFT, with directive comments for what GIFT cannot hold.
pub fn export_gift(bank: &Bank) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Question bank `{}` exported by hocso. Lines `// @key value` keep what GIFT cannot \
         hold;\n// Moodle ignores them, `hocso bank import --from gift` reads them back.",
        bank.id
    );
    directive(&mut out, "bank.id", &bank.id);
    directive(&mut out, "bank.title", &bank.title);
    directive(&mut out, "bank.version", &bank.version);
    directive(&mut out, "bank.language", &bank.language);
    for source in &bank.sources {
        directive(&mut out, "bank.source", source);
    }
    if let Some(contest) = &bank.contest {
        directive(
            &mut out,
            "contest.questions",
            &contest.questions.to_string(),
        );
        let minutes = contest.time_limit_minutes.to_string();
        directive(&mut out, "contest.time_limit_minutes", &minutes);
        directive(
            &mut out,
            "contest.pass_percent",
            &contest.pass_percent.to_string(),
        );
        if let Some(tie_break) = &contest.tie_break {
            directive(&mut out, "contest.tie_break", tie_break);
        }
        for (topic, count) in &contest.quotas {
            directive(&mut out, "contest.quota", &format!("{topic} {count}"));
        }
    }
    let mut first_use: Vec<&str> = Vec::new();
    for question in &bank.questions {
        if !first_use.contains(&question.topic.as_str()) {
            first_use.push(&question.topic);
        }
    }
    let declared: Vec<&str> = bank.topics.iter().map(|t| t.id.as_str()).collect();
    if first_use != declared {
        // Declare every topic up front so that their order (and unused ones) survive.
        for topic in &bank.topics {
            category(&mut out, &topic.id, &topic.title);
        }
    }
    let mut current = None;
    for question in &bank.questions {
        if current != Some(&question.topic) {
            let title = bank.topic(&question.topic).map_or("", |t| t.title.as_str());
            category(&mut out, &question.topic, title);
            current = Some(&question.topic);
        }
        out.push('\n');
        directive(&mut out, "level", &question.level.to_string());
        directive(&mut out, "source", &question.source);
        // A text that starts like a format marker gets an explicit one, so it stays text.
        let marker = if question.text.starts_with('[') {
            "[plain]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "::{}::{marker}{} {{",
            escape(&question.id),
            escape(&question.text)
        );
        match &question.answer {
            AnswerKey::Single { choices, correct } => {
                for (i, choice) in choices.iter().enumerate() {
                    let mark = if i == *correct { '=' } else { '~' };
                    answer(&mut out, mark, None, choice);
                }
            }
            AnswerKey::Multiple { choices, correct } => {
                let weight = weight_text(100.0 / correct.len() as f64);
                for (i, choice) in choices.iter().enumerate() {
                    let w = if correct.contains(&i) {
                        weight.as_str()
                    } else {
                        "-100"
                    };
                    answer(&mut out, '~', Some(w), choice);
                }
            }
            AnswerKey::TrueFalse { correct } => {
                out.push_str(if *correct { "TRUE\n" } else { "FALSE\n" });
            }
            AnswerKey::Short { accept } => {
                for text in accept {
                    answer(&mut out, '=', None, text);
                }
            }
        }
        let _ = writeln!(out, "####{}\n}}", escape(&question.explanation));
    }
    out
}

/// One answer line. A text starting with `%` gets an explicit weight, so it is not read as one.
fn answer(out: &mut String, mark: char, weight: Option<&str>, text: &str) {
    let weight = match weight {
        Some(w) => Some(w),
        None if text.starts_with('%') => Some(if mark == '=' { "100" } else { "0" }),
        None => None,
    };
    let weight = weight.map(|w| format!("%{w}%")).unwrap_or_default();
    let _ = writeln!(out, "{mark}{weight}{}", escape(text));
}

/// `// @key value`, the value on one line (backslash and newline escaped).
fn directive(out: &mut String, key: &str, value: &str) {
    let value = value.replace('\\', "\\\\").replace('\n', "\\n");
    let _ = writeln!(out, "// @{key} {value}");
}

fn category(out: &mut String, id: &str, title: &str) {
    out.push('\n');
    directive(out, "topic", id);
    let _ = writeln!(out, "$CATEGORY: {}", title.replace('/', "//"));
}

/// `33.33333`, `50`, `100`: at most five decimals, as Moodle lists its weights.
fn weight_text(weight: f64) -> String {
    let text = format!("{weight:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
