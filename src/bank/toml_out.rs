//! Writes a [`Bank`] as TOML in the documented layout (`docs/bank-format.md`): the same key
//! order as the example, 1-based answers, short arrays inline and long ones one entry per line.
//! Importers use it; loading its output gives the same bank back.

use std::fmt::Write;

use super::{AnswerKey, Bank};

/// The bank as a TOML document in the authoring format.
pub fn to_toml(bank: &Bank) -> String {
    let mut out = String::new();
    out.push_str("[bank]\n");
    pair(&mut out, "id", &quote(&bank.id));
    pair(&mut out, "title", &quote(&bank.title));
    pair(&mut out, "version", &quote(&bank.version));
    pair(&mut out, "language", &quote(&bank.language));
    if !bank.sources.is_empty() {
        pair(&mut out, "sources", &strings(&bank.sources));
    }
    if let Some(contest) = &bank.contest {
        out.push_str("\n[bank.contest]\n");
        pair(&mut out, "questions", &contest.questions.to_string());
        pair(
            &mut out,
            "time_limit_minutes",
            &contest.time_limit_minutes.to_string(),
        );
        pair(&mut out, "pass_percent", &contest.pass_percent.to_string());
        if let Some(tie_break) = &contest.tie_break {
            pair(&mut out, "tie_break", &quote(tie_break));
        }
        if !contest.quotas.is_empty() {
            out.push_str("\n[bank.contest.quotas]\n");
            for (topic, count) in &contest.quotas {
                pair(&mut out, &key(topic), &count.to_string());
            }
        }
    }
    for topic in &bank.topics {
        out.push_str("\n[[topics]]\n");
        pair(&mut out, "id", &quote(&topic.id));
        pair(&mut out, "title", &quote(&topic.title));
    }
    for question in &bank.questions {
        out.push_str("\n[[questions]]\n");
        pair(&mut out, "id", &quote(&question.id));
        pair(&mut out, "topic", &quote(&question.topic));
        pair(&mut out, "level", &question.level.to_string());
        pair(&mut out, "kind", &quote(question.answer.kind_name()));
        pair(&mut out, "text", &quote(&question.text));
        match &question.answer {
            AnswerKey::Single { choices, correct } => {
                pair(&mut out, "choices", &strings(choices));
                pair(&mut out, "answer", &(correct + 1).to_string());
            }
            AnswerKey::Multiple { choices, correct } => {
                pair(&mut out, "choices", &strings(choices));
                let answer: Vec<String> = correct.iter().map(|i| (i + 1).to_string()).collect();
                pair(&mut out, "answer", &format!("[{}]", answer.join(", ")));
            }
            AnswerKey::TrueFalse { correct } => pair(&mut out, "answer", &correct.to_string()),
            AnswerKey::Short { accept } => pair(&mut out, "accept", &strings(accept)),
        }
        pair(&mut out, "explanation", &quote(&question.explanation));
        pair(&mut out, "source", &quote(&question.source));
    }
    out
}

/// `text` as a TOML basic string: quotes, backslashes and control characters escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Widest inline array before entries go one per line.
const INLINE_WIDTH: usize = 80;

fn pair(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

fn key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        name.to_owned()
    } else {
        quote(name)
    }
}

fn strings(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    let inline = format!("[{}]", quoted.join(", "));
    if inline.chars().count() <= INLINE_WIDTH && !inline.contains("\\n") {
        return inline;
    }
    let mut out = String::from("[\n");
    for item in quoted {
        let _ = writeln!(out, "    {item},");
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_toml_requires() {
        let table = [
            ("Nghị quyết", "\"Nghị quyết\""),
            ("a \"b\" \\ c", "\"a \\\"b\\\" \\\\ c\""),
            ("x\ny\tz", "\"x\\ny\\tz\""),
            ("\u{7f}\u{1}", "\"\\u007F\\u0001\""),
        ];
        for (text, expected) in table {
            assert_eq!(quote(text), expected);
        }
    }
}
