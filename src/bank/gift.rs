//! Moodle GIFT import and export (native only).
//!
//! Import understands titles `::t::`, `$CATEGORY:` (a topic), multiple choice `=` / `~`, weighted
//! answers `~%50%` (every positive weight is a correct choice), true/false `{T}` `{F}` `{TRUE}`
//! `{FALSE}`, short answers `{=a =b}`, answer feedback `#` (dropped, with a warning), general
//! feedback `####` (the explanation), the escapes `\: \= \~ \# \{ \} \\ \n`, the formats
//! `[html]` (tags removed), `[markdown]`, `[plain]`, `[moodle]`, `//` comment lines and blank-line
//! separation. Numeric, matching, essay and description items are reported with their line and
//! skipped. What GIFT cannot hold (bank metadata, contest defaults, topic ids, levels, sources)
//! travels in directive comments `// @key value`, which Moodle ignores; so bank → GIFT → bank is
//! the identity. See `docs/bank-format.md`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use super::ident::slug;
use super::imported::{self, Draft, DraftQuestion};
use super::{AnswerKey, Bank, ContestDefaults};
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
                    let _ = writeln!(out, "{mark}{}", escape(choice));
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
                    let _ = writeln!(out, "~%{w}%{}", escape(choice));
                }
            }
            AnswerKey::TrueFalse { correct } => {
                out.push_str(if *correct { "TRUE\n" } else { "FALSE\n" });
            }
            AnswerKey::Short { accept } => {
                for answer in accept {
                    let _ = writeln!(out, "={}", escape(answer));
                }
            }
        }
        let _ = writeln!(out, "####{}\n}}", escape(&question.explanation));
    }
    out
}

/// The characters GIFT gives a meaning, escaped with `\`; newlines as `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`escape`]; an unknown escape keeps its backslash, as Moodle does.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(e @ ('~' | '=' | '#' | '{' | '}' | ':' | '\\')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
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

/// One blank-line-separated item: its lines joined with `\n`, comment lines taken out (directive
/// comments kept apart), and where each joined line starts in the source.
struct Item {
    text: String,
    /// (offset in `text`, offset in the source) of each line.
    lines: Vec<(usize, usize)>,
    directives: Vec<Directive>,
}

impl Item {
    fn source_offset(&self, offset: usize) -> usize {
        let i = self
            .lines
            .partition_point(|(start, _)| *start <= offset)
            .max(1)
            - 1;
        let (start, source) = self.lines[i];
        source + (offset - start)
    }

    fn span(&self, range: Range<usize>) -> Range<usize> {
        self.source_offset(range.start)..self.source_offset(range.end.max(range.start))
    }
}

/// `// @key value`, with the span of the whole comment.
#[derive(Debug, Clone)]
struct Directive {
    key: String,
    value: String,
    span: Range<usize>,
}

fn items(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut current = Item {
        text: String::new(),
        lines: Vec::new(),
        directives: Vec::new(),
    };
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        let trimmed = line.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            if let Some(rest) = comment.trim_start().strip_prefix('@') {
                let (key, value) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                current.directives.push(Directive {
                    key: key.to_owned(),
                    value: unescape(value.trim()),
                    span: start..start + line.len(),
                });
            }
            continue;
        }
        if trimmed.is_empty() {
            if !current.text.is_empty() || !current.directives.is_empty() {
                let done = std::mem::replace(
                    &mut current,
                    Item {
                        text: String::new(),
                        lines: Vec::new(),
                        directives: Vec::new(),
                    },
                );
                items.push(done);
            }
            continue;
        }
        if !current.text.is_empty() {
            current.text.push('\n');
        }
        current.lines.push((current.text.len(), start));
        current.text.push_str(line);
    }
    if !current.text.is_empty() || !current.directives.is_empty() {
        items.push(current);
    }
    items
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
        let start = item.text.len() - item.text.trim_start().len();
        let whole = item.span(start..item.text.len());
        let mut local = Vec::new();
        for d in directives {
            if !self.bank_directive(&d) {
                local.push(d);
            }
        }
        let body = item.text.trim();
        if let Some(path) = body.strip_prefix("$CATEGORY:") {
            self.category(path, &local, whole);
        } else {
            self.question(item, start, &local);
        }
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
        // Moodle writes a `/` inside a category name as `//`.
        let path = path.trim().replace("//", "\u{0}");
        let title = path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace('\u{0}', "/");
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

/// One `~` or `=` answer.
struct Answer {
    mark: char,
    weight: Option<f64>,
    text: String,
    feedback: bool,
}

/// The byte offset of the first `pattern` at or after `from` that no `\` escapes.
fn find_unescaped(text: &str, pattern: &str, from: usize) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip_while(|(i, _)| *i < from) {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if text[i..].starts_with(pattern) {
            return Some(i);
        }
    }
    None
}

/// A question text's format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Plain,
    Html,
}

/// Takes a leading `[html]`, `[markdown]`, `[plain]` or `[moodle]` off `text`.
fn strip_format(text: &str) -> (&str, Format) {
    let trimmed = text.trim_start();
    for (marker, format) in [
        ("[html]", Format::Html),
        ("[markdown]", Format::Plain),
        ("[plain]", Format::Plain),
        ("[moodle]", Format::Plain),
    ] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return (rest, format);
        }
    }
    (text, Format::Plain)
}

/// Unescapes GIFT text; HTML loses its tags and common entities are decoded.
fn convert(text: &str, format: Format) -> String {
    let text = unescape(text);
    if format == Format::Plain {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(out, |acc, (entity, c)| acc.replace(entity, c))
}
