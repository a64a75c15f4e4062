//! Aiken import (native only): multiple-choice questions written as a question, options `A.` or
//! `A)` one per line, and `ANSWER: X`. Every question becomes a `single` question of one topic.

use super::imported::{self, Draft, DraftQuestion};
use super::{AnswerKey, Bank};
use crate::diagnostics::{Diagnostic, SourceFile};

/// Parses the Aiken `text` (from `path`) into a bank; `None` when there is an error.
pub fn import_aiken(path: &str, text: &str) -> (Option<Bank>, Vec<Diagnostic>) {
    let file = SourceFile::new(path, text);
    let mut draft = Draft::new(path);
    let mut diagnostics = Vec::new();
    let mut current: Option<Pending> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']).trim();
        let span = start..start + raw.trim_end_matches(['\n', '\r']).len();
        if line.is_empty() {
            continue;
        }
        if let Some(letter) = line.strip_prefix("ANSWER:") {
            let Some(pending) = current.take() else {
                diagnostics.push(file.error(span, "`ANSWER:` without a question before it"));
                continue;
            };
            if let Some(q) = pending.finish(letter.trim(), &file, span, &mut diagnostics) {
                draft.questions.push(q);
            }
            continue;
        }
        match (option(line), current.as_mut()) {
            (Some((letter, choice)), Some(pending)) => {
                let expected = char::from(b'A' + pending.choices.len().min(25) as u8);
                if letter != expected {
                    let message = format!("option {letter} where {expected} was expected");
                    diagnostics.push(file.error(span, message));
                }
                pending.choices.push(choice.to_owned());
            }
            (_, Some(pending)) if pending.choices.is_empty() => {
                pending.text.push('\n');
                pending.text.push_str(line);
            }
            (_, Some(pending)) => {
                let message = "a question needs an `ANSWER:` line after its options";
                diagnostics.push(file.error(pending.span.clone(), message));
                current = Some(Pending::new(line, span));
            }
            (_, None) => current = Some(Pending::new(line, span)),
        }
    }
    if let Some(pending) = current {
        let message = "a question needs an `ANSWER:` line after its options";
        diagnostics.push(file.error(pending.span, message));
    }
    let bank = imported::finish(&file, draft, &mut diagnostics);
    (bank, diagnostics)
}

/// A question whose `ANSWER:` line has not come yet.
struct Pending {
    text: String,
    choices: Vec<String>,
    span: std::ops::Range<usize>,
}

impl Pending {
    fn new(text: &str, span: std::ops::Range<usize>) -> Self {
        Self {
            text: text.to_owned(),
            choices: Vec::new(),
            span,
        }
    }

    fn finish(
        self,
        letter: &str,
        file: &SourceFile<'_>,
        span: std::ops::Range<usize>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<DraftQuestion> {
        if self.choices.len() < 2 {
            let message = format!(
                "a question needs at least 2 options, found {}",
                self.choices.len()
            );
            diagnostics.push(file.error(self.span, message));
            return None;
        }
        let index = match letter.as_bytes() {
            [b @ b'A'..=b'Z'] if usize::from(b - b'A') < self.choices.len() => {
                usize::from(b - b'A')
            }
            _ => {
                let last = char::from(b'A' + (self.choices.len() - 1).min(25) as u8);
                let message = format!("`ANSWER: {letter}` is not one of the options A to {last}");
                diagnostics.push(file.error(span, message));
                return None;
            }
        };
        Some(DraftQuestion {
            title: None,
            topic: None,
            level: None,
            text: self.text,
            answer: AnswerKey::Single {
                choices: self.choices,
                correct: index,
            },
            explanation: None,
            source: None,
            span: self.span,
        })
    }
}

/// `A. text` or `A) text`: the letter and the text.
fn option(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let text = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    text.starts_with(char::is_whitespace)
        .then(|| (letter, text.trim()))
}
