//! GIFT → bank: items become topics (categories) or questions; unsupported types are warnings.

use std::collections::BTreeMap;
use std::ops::Range;

use super::items::{items, Directive, Item};
use super::text::{convert, find_unescaped, strip_format, unescape};
use crate::bank::ident::slug;
use crate::bank::imported::{self, Draft, DraftQuestion};
use crate::bank::{AnswerKey, Bank, ContestDefaults};
use crate::diagnostics::{Diagnostic, SourceFile};

/// Parses the GIFT `text` (from `path`) into a bank. The bank comes back unless there is an
/// error; skipped items and lossy conversions are warnings.
pub fn import_gift(path: &str, text: &str) -> (Option<Bank>, Vec<Diagnostic>) {
    let file = SourceFile::new(path, text);
    let mut parser = Parser {
        file: &file,
        draft: Draft::new(path),
        directives: Vec::new(),
        topic: None,
        diagnostics: Vec::new(),
    };
    for item in items(text) {
        parser.item(&item);
    }
    if !parser.directives.is_empty() {
        let span = parser.directives[0].span.clone();
        parser.warn(
            span,
            "directives at the end of the file apply to no question".to_owned(),
        );
    }
    let Parser {
        draft,
        mut diagnostics,
        ..
    } = parser;
    let bank = imported::finish(&file, draft, &mut diagnostics);
    (bank, diagnostics)
}

struct Parser<'a> {
    file: &'a SourceFile<'a>,
    draft: Draft,
    /// Directives waiting for the next item.
    directives: Vec<Directive>,
    /// The current topic id.
    topic: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

impl Parser<'_> {
    fn item(&mut self, item: &Item) {
        self.directives.extend(item.directives.iter().cloned());
        if item.text.is_empty() {
            return;
        }
        let directives = std::mem::take(&mut self.directives);
        let mut local = Vec::new();
        for d in directives {
            if !self.bank_directive(&d) {
                local.push(d);
            }
        }
        // A `$CATEGORY:` line names a topic. Lines after it in the same item (Moodle expects a
        // blank line first, and would take them into the category's name) are the next
        // question, in that topic.
        let text = &item.text;
        let mut start = text.len() - text.trim_start().len();
        while text[start..].starts_with("$CATEGORY:") {
            let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
            let path = &text[start + "$CATEGORY:".len()..end];
            self.category(path, &std::mem::take(&mut local), item.span(start..end));
            if end == text.len() {
                return;
            }
            start = end + 1;
            start += text[start..].len() - text[start..].trim_start().len();
        }
        self.question(item, start, &local);
    }

    /// Applies a `bank.*` or `contest.*` directive; false when it is not one.
    fn bank_directive(&mut self, d: &Directive) -> bool {
        let value = d.value.clone();
        let meta = &mut self.draft.meta;
        match d.key.as_str() {
            "bank.id" => meta.id = Some(value),
            "bank.title" => meta.title = Some(value),
            "bank.version" => meta.version = Some(value),
            "bank.language" => meta.language = Some(value),
            "bank.source" => meta.sources.push(value),
            "contest.tie_break" => self.contest().tie_break = Some(value),
            "contest.questions" | "contest.time_limit_minutes" | "contest.pass_percent" => {
                let Some(n) = self.number(d, &d.value) else {
                    return true;
                };
                let contest = self.contest();
                match d.key.as_str() {
                    "contest.questions" => contest.questions = n,
                    "contest.time_limit_minutes" => contest.time_limit_minutes = n,
                    _ => contest.pass_percent = u8::try_from(n).unwrap_or(u8::MAX),
                }
            }
            "contest.quota" => {
                let (topic, count) = d.value.split_once(' ').unwrap_or((&d.value, ""));
                if let Some(n) = self.number(d, count.trim()) {
                    self.contest().quotas.insert(topic.to_owned(), n);
                }
            }
            _ => return false,
        }
        true
    }

    fn contest(&mut self) -> &mut ContestDefaults {
        self.draft
            .meta
            .contest
            .get_or_insert_with(|| ContestDefaults {
                questions: 0,
                time_limit_minutes: 0,
                pass_percent: 0,
                tie_break: None,
                quotas: BTreeMap::new(),
            })
    }

    fn number(&mut self, d: &Directive, text: &str) -> Option<u32> {
        let n = text.parse().ok();
        if n.is_none() {
            let message = format!("`@{}` needs a whole number, not \"{text}\"", d.key);
            self.error(d.span.clone(), message);
        }
        n
    }

    fn category(&mut self, path: &str, directives: &[Directive], span: Range<usize>) {
        let title = last_segment(path.trim());
        let title = title.trim();
        let id = directives
            .iter()
            .find(|d| d.key == "topic")
            .map(|d| d.value.clone())
            .or_else(|| slug(title));
        self.unknown_directives(directives, &["topic"]);
        match id {
            Some(id) => {
                self.draft.topic(&id, title);
                self.topic = Some(id);
            }
            None => self.error(span, "a category needs a name".to_owned()),
        }
    }

    fn question(&mut self, item: &Item, start: usize, directives: &[Directive]) {
        self.unknown_directives(directives, &["level", "source"]);
        let text = &item.text;
        let mut rest = start;
        let mut title = None;
        if text[rest..].starts_with("::") {
            match find_unescaped(text, "::", rest + 2) {
                Some(end) => {
                    title = Some(unescape(&text[rest + 2..end]).trim().to_owned());
                    rest = end + 2;
                }
                None => {
                    self.error(
                        item.span(rest..rest + 2),
                        "the title `::` is not closed".into(),
                    );
                    return;
                }
            }
        }
        let Some(open) = find_unescaped(text, "{", rest) else {
            let span = item.span(start..text.len());
            self.warn(
                span,
                "a description (no answer block `{…}`) is not a question; skipped".into(),
            );
            return;
        };
        let Some(close) = find_unescaped(text, "}", open + 1) else {
            self.error(
                item.span(open..open + 1),
                "the answer block `{` is not closed".into(),
            );
            return;
        };
        let block_span = item.span(open..close + 1);
        let (before, format) = strip_format(&text[rest..open]);
        let after = &text[close + 1..];
        let mut question_text = convert(before, format);
        if !after.trim().is_empty() {
            question_text = format!(
                "{} _____ {}",
                question_text.trim_end(),
                convert(after, format).trim_start()
            );
        }
        let level = match directives.iter().find(|d| d.key == "level") {
            Some(d) => match d.value.parse::<u8>() {
                Ok(level) => Some(level),
                Err(_) => {
                    self.error(
                        d.span.clone(),
                        format!("`@level` needs 1, 2 or 3, not \"{}\"", d.value),
                    );
                    return;
                }
            },
            None => None,
        };
        let source = directives
            .iter()
            .find(|d| d.key == "source")
            .map(|d| d.value.clone());
        let Some(answer) = self.block(&text[open + 1..close], block_span.clone()) else {
            return;
        };
        let (answer, explanation) = answer;
        let topic = self.topic.clone();
        self.draft.questions.push(DraftQuestion {
            title,
            topic,
            level,
            text: question_text.trim().to_owned(),
            answer,
            explanation,
            source,
            span: item.span(start..text.len()),
        });
    }

    /// The answer block's key and general feedback; `None` (reported) when the bank cannot hold
    /// the question.
    fn block(&mut self, block: &str, span: Range<usize>) -> Option<(AnswerKey, Option<String>)> {
        let (answers, explanation) = match find_unescaped(block, "####", 0) {
            Some(at) => (
                &block[..at],
                Some(unescape(&block[at + 4..]).trim().to_owned()),
            ),
            None => (block, None),
        };
        let trimmed = answers.trim();
        let skip = |what: &str| format!("{what} questions cannot be held by a bank; skipped");
        if trimmed.is_empty() {
            self.warn(span, skip("essay"));
            return None;
        }
        if trimmed.starts_with('#') {
            self.warn(span, skip("numeric"));
            return None;
        }
        let head = match find_unescaped(trimmed, "#", 0) {
            Some(at) => &trimmed[..at],
            None => trimmed,
        };
        let true_false = match head.trim().to_ascii_uppercase().as_str() {
            "T" | "TRUE" => Some(true),
            "F" | "FALSE" => Some(false),
            _ => None,
        };
        if let Some(correct) = true_false {
            if head.len() < trimmed.len() {
                self.feedback_dropped(span);
            }
            return Some((AnswerKey::TrueFalse { correct }, explanation));
        }
        let answers = self.answers(trimmed, &span)?;
        if answers
            .iter()
            .all(|a| a.mark == '=' && a.text.contains("->"))
        {
            self.warn(span, skip("matching"));
            return None;
        }
        if answers.iter().any(|a| a.feedback) {
            self.feedback_dropped(span.clone());
        }
        let key = if answers.iter().all(|a| a.mark == '=') {
            AnswerKey::Short {
                accept: answers.into_iter().map(|a| a.text).collect(),
            }
        } else {
            self.choice_key(answers, &span)?
        };
        Some((key, explanation))
    }

    fn choice_key(&mut self, answers: Vec<Answer>, span: &Range<usize>) -> Option<AnswerKey> {
        let weighted = answers
            .iter()
            .any(|a| a.mark == '~' && a.weight.is_some_and(|w| w > 0.0));
        let correct: Vec<usize> = answers
            .iter()
            .enumerate()
            .filter(|(_, a)| a.mark == '=' || a.weight.is_some_and(|w| w > 0.0))
            .map(|(i, _)| i)
            .collect();
        let choices: Vec<String> = answers.into_iter().map(|a| a.text).collect();
        match correct.as_slice() {
            [] => {
                self.error(
                    span.clone(),
                    "no correct answer: mark it with `=` or a positive weight like `~%50%`".into(),
                );
                None
            }
            [one] if !weighted => Some(AnswerKey::Single {
                choices,
                correct: *one,
            }),
            _ if !weighted => {
                self.error(
                    span.clone(),
                    "several `=` answers: mark the correct ones with weights like `~%50%`".into(),
                );
                None
            }
            _ => Some(AnswerKey::Multiple { choices, correct }),
        }
    }

    /// The `~` / `=` answers of a block.
    fn answers(&mut self, block: &str, span: &Range<usize>) -> Option<Vec<Answer>> {
        let mut starts = Vec::new();
        let mut escaped = false;
        for (i, c) in block.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '~' | '=' => starts.push(i),
                _ => {}
            }
        }
        if starts.first() != Some(&0) {
            let message = "an answer must start with `=` (correct) or `~` (wrong)".to_owned();
            self.error(span.clone(), message);
            return None;
        }
        let mut answers = Vec::with_capacity(starts.len());
        for (n, &at) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(block.len());
            let mark = if block[at..].starts_with('=') {
                '='
            } else {
                '~'
            };
            let mut body = &block[at + 1..end];
            let mut weight = None;
            if let Some(w) = body.strip_prefix('%') {
                let Some((number, tail)) = w.split_once('%') else {
                    self.error(span.clone(), "a weight `%…%` is not closed".into());
                    return None;
                };
                match number.trim().parse::<f64>() {
                    Ok(w) => weight = Some(w),
                    Err(_) => {
                        self.error(
                            span.clone(),
                            format!("`%{number}%` is not a weight in percent"),
                        );
                        return None;
                    }
                }
                body = tail;
            }
            let (text, feedback) = match find_unescaped(body, "#", 0) {
                Some(at) => (&body[..at], true),
                None => (body, false),
            };
            answers.push(Answer {
                mark,
                weight,
                text: unescape(text).trim().to_owned(),
                feedback,
            });
        }
        Some(answers)
    }

    fn feedback_dropped(&mut self, span: Range<usize>) {
        let message = "answer feedback (`#`) is dropped: a bank has one explanation per question";
        self.warn(span, message.into());
    }

    fn unknown_directives(&mut self, directives: &[Directive], known: &[&str]) {
        for d in directives {
            if !known.contains(&d.key.as_str()) {
                self.warn(
                    d.span.clone(),
                    format!("unknown directive `@{}`; ignored", d.key),
                );
            }
        }
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        self.diagnostics.push(self.file.error(span, message));
    }

    fn warn(&mut self, span: Range<usize>, message: String) {
        self.diagnostics.push(self.file.warning(span, message));
    }
}

/// The last segment of a category path; Moodle writes a `/` inside a name as `//`.
fn last_segment(path: &str) -> String {
    let mut segment = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                chars.next();
                segment.push('/');
            }
            '/' => segment.clear(),
            c => segment.push(c),
        }
    }
    segment
}

/// One `~` or `=` answer.
struct Answer {
    mark: char,
    weight: Option<f64>,
    text: String,
    feedback: bool,
}
