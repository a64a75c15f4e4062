//! The TOML bank loader (native only): walks the span-preserving `toml` document, builds the
//! [`Bank`] model and reports *every* problem with its line and column. The format is described
//! in `docs/bank-format.md`; the cross-checks between questions, topics and quotas are in
//! `check.rs`.

use std::ops::Range;

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use super::check::{self, Located};
use super::ident::{is_valid_id, slug};
use super::toml_out::quote;
use super::{AnswerKey, Bank, ContestDefaults, Question, Topic};
use crate::diagnostics::{self, Diagnostic, SourceFile};
use crate::text::{nfc_fix, to_nfc};

/// Loads the bank in `text` (read from `path`, which diagnostics name). Returns the bank when
/// there is no error, and every diagnostic, sorted by position.
pub fn load_toml(path: &str, text: &str) -> (Option<Bank>, Vec<Diagnostic>) {
    let file = SourceFile::new(path, text);
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut reader = Reader {
        file,
        diagnostics: Vec::new(),
    };
    let bank = if errors.is_empty() {
        reader.bank(root.get_ref())
    } else {
        // The tree after a syntax error is a guess; checking it would only add noise.
        for error in &errors {
            let span = error.span().unwrap_or(0..0);
            let diagnostic = reader.file.error(span, error.message().trim());
            reader.diagnostics.push(diagnostic);
        }
        None
    };
    let mut diagnostics = reader.diagnostics;
    diagnostics::sort(&mut diagnostics);
    diagnostics.dedup();
    let bank = bank.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    (bank, diagnostics)
}

/// Smallest and largest number of choices of a `single` or `multiple` question.
pub const CHOICES_RANGE: (usize, usize) = (2, 8);

/// The question kinds, as written in bank files.
pub const KINDS: [&str; 4] = ["single", "multiple", "true_false", "short"];

type Span = Range<usize>;
type Value<'i> = Spanned<DeValue<'i>>;

const ROOT_KEYS: &[&str] = &["bank", "topics", "questions"];
const BANK_KEYS: &[&str] = &["id", "title", "version", "language", "sources", "contest"];
const CONTEST_KEYS: &[&str] = &[
    "questions",
    "time_limit_minutes",
    "pass_percent",
    "tie_break",
    "quotas",
];
const TOPIC_KEYS: &[&str] = &["id", "title"];
const QUESTION_KEYS: &[&str] = &[
    "id",
    "topic",
    "level",
    "kind",
    "text",
    "choices",
    "answer",
    "accept",
    "explanation",
    "source",
];

/// Walks the document, collecting diagnostics.
struct Reader<'a> {
    file: SourceFile<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn bank(&mut self, root: &DeTable<'_>) -> Option<Bank> {
        self.unknown_keys(root, ROOT_KEYS, "the file");
        let meta = match root.get("bank") {
            Some(value) => self.table("bank", value).map(|t| (t, value.span())),
            None => {
                self.error(0..0, "missing [bank] table")
                    .hint("start the file with [bank] and its id, title, version, language");
                None
            }
        };
        let header = meta.and_then(|(table, span)| self.header(table, span));
        let (topics, topic_ids) = self.topics(root.get("topics"));
        let (questions, located) = self.questions(root.get("questions"));
        let no_quotas = Vec::new();
        let parts = check::Parts {
            topics: &topic_ids,
            questions: &located,
            quotas: header
                .as_ref()
                .and_then(|h| h.quotas.as_ref())
                .unwrap_or(&no_quotas),
            contest_questions: header.as_ref().and_then(|h| h.contest_questions.clone()),
        };
        let more = check::cross_check(&self.file, &parts);
        self.diagnostics.extend(more);
        let header = header?;
        Some(Bank {
            id: header.id?,
            title: header.title?,
            version: header.version?,
            language: header.language?,
            sources: header.sources?,
            contest: header.contest?,
            topics: topics?,
            questions: questions?,
        })
    }

    fn header(&mut self, table: &DeTable<'_>, span: Span) -> Option<Header> {
        self.unknown_keys(table, BANK_KEYS, "[bank]");
        let owner = "[bank]";
        let id = self
            .required(table, "id", &span, owner)
            .and_then(|v| self.ident("id", v));
        let title = self
            .required(table, "title", &span, owner)
            .and_then(|v| self.text("`title`", v));
        let version = self
            .required(table, "version", &span, owner)
            .and_then(|v| self.text("`version`", v));
        let language = self
            .required(table, "language", &span, owner)
            .and_then(|v| self.text("`language`", v));
        let sources = match table.get("sources") {
            Some(v) => self.texts("sources", "source", v),
            None => Some(Vec::new()),
        };
        let mut header = Header {
            id,
            title,
            version,
            language,
            sources,
            contest: Some(None),
            quotas: None,
            contest_questions: None,
        };
        if let Some(value) = table.get("contest") {
            header.contest = self.contest(value, &mut header);
        }
        Some(header)
    }

    /// Reads `[bank.contest]`; `Some(None)` when there is none, `None` when it has errors.
    fn contest(
        &mut self,
        value: &Value<'_>,
        header: &mut Header,
    ) -> Option<Option<ContestDefaults>> {
        let table = self.table("contest", value)?;
        let span = value.span();
        let owner = "[bank.contest]";
        self.unknown_keys(table, CONTEST_KEYS, owner);
        let questions = self
            .required(table, "questions", &span, owner)
            .and_then(|v| Some((self.integer("questions", v, 1, u32::MAX.into())?, v.span())));
        header.contest_questions = questions.clone().map(|(n, span)| (n as u32, span));
        let minutes = self
            .required(table, "time_limit_minutes", &span, owner)
            .and_then(|v| self.integer("time_limit_minutes", v, 1, u32::MAX.into()));
        let pass = self
            .required(table, "pass_percent", &span, owner)
            .and_then(|v| self.integer("pass_percent", v, 0, 100));
        let tie_break = match table.get("tie_break") {
            Some(v) => self.text("`tie_break`", v).map(Some),
            None => Some(None),
        };
        let (quotas, quotas_ok) = match table.get("quotas") {
            Some(v) => self.quotas(v),
            None => (Vec::new(), true),
        };
        let by_topic = quotas.iter().map(|(id, n, _)| (id.clone(), *n)).collect();
        header.quotas = Some(quotas);
        Some(Some(ContestDefaults {
            questions: questions?.0 as u32,
            time_limit_minutes: minutes? as u32,
            pass_percent: pass? as u8,
            tie_break: tie_break?,
            quotas: quotas_ok.then_some(by_topic)?,
        }))
    }

    /// The quotas that could be read, and whether all could.
    fn quotas(&mut self, value: &Value<'_>) -> (Vec<(String, u32, Span)>, bool) {
        let Some(table) = self.table("quotas", value) else {
            return (Vec::new(), false);
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (key, v) in table.iter() {
            match self.integer(key.get_ref(), v, 0, u32::MAX.into()) {
                Some(n) => out.push((key.get_ref().to_string(), n as u32, key.span())),
                None => ok = false,
            }
        }
        (out, ok)
    }

    /// The topics (when all are valid) and every topic id that could be read, for the
    /// cross-checks.
    fn topics(&mut self, value: Option<&Value<'_>>) -> (Option<Vec<Topic>>, Vec<Located>) {
        let Some(value) = value else {
            self.error(0..0, "the bank declares no topics")
                .hint("add a [[topics]] table with an id and a title");
            return (None, Vec::new());
        };
        let Some(array) = self.array_of_tables("topics", value) else {
            return (None, Vec::new());
        };
        let mut topics = Some(Vec::with_capacity(array.len()));
        let mut ids = Vec::with_capacity(array.len());
        for element in array.iter() {
            let Some(table) = self.table("topics", element) else {
                topics = None;
                continue;
            };
            let span = element.span();
            self.unknown_keys(table, TOPIC_KEYS, "a topic");
            let id = self
                .required(table, "id", &span, "a topic")
                .and_then(|v| Some((self.ident("id", v)?, v.span())));
            let title = self
                .required(table, "title", &span, "a topic")
                .and_then(|v| self.text("`title`", v));
            ids.extend(id.clone());
            match (id, title, topics.as_mut()) {
                (Some((id, _)), Some(title), Some(list)) => list.push(Topic { id, title }),
                _ => topics = None,
            }
        }
        (topics, ids)
    }

    /// Reads `[[questions]]`: the questions (when all are valid) and, for the cross-checks,
    /// every question's id and topic that could be read.
    fn questions(
        &mut self,
        value: Option<&Value<'_>>,
    ) -> (Option<Vec<Question>>, Vec<check::QuestionRefs>) {
        let Some(value) = value else {
            self.error(0..0, "the bank has no questions")
                .hint("add [[questions]] tables");
            return (None, Vec::new());
        };
        let Some(array) = self.array_of_tables("questions", value) else {
            return (None, Vec::new());
        };
        let mut questions = Some(Vec::with_capacity(array.len()));
        let mut refs = Vec::with_capacity(array.len());
        for element in array.iter() {
            let mut found = check::QuestionRefs::default();
            let question = self.question(element, &mut found);
            refs.push(found);
            match (question, questions.as_mut()) {
                (Some(q), Some(list)) => list.push(q),
                _ => questions = None,
            }
        }
        (questions, refs)
    }

    fn question(
        &mut self,
        element: &Value<'_>,
        refs: &mut check::QuestionRefs,
    ) -> Option<Question> {
        let table = self.table("questions", element)?;
        let span = element.span();
        self.unknown_keys(table, QUESTION_KEYS, "a question");
        let id = self
            .required(table, "id", &span, "a question")
            .and_then(|v| Some((self.ident("id", v)?, v.span())));
        refs.id = id.clone();
        let owner = match &id {
            Some((id, _)) => format!("question `{id}`"),
            None => "a question".to_owned(),
        };
        let topic = self
            .required(table, "topic", &span, &owner)
            .and_then(|v| Some((self.ident("topic", v)?, v.span())));
        refs.topic = topic.clone();
        let level = self
            .required(table, "level", &span, &owner)
            .and_then(|v| self.level(v));
        let kind = self
            .required(table, "kind", &span, &owner)
            .and_then(|v| self.kind(v));
        let text = self
            .required(table, "text", &span, &owner)
            .and_then(|v| self.text("`text`", v));
        let explanation = self
            .required(table, "explanation", &span, &owner)
            .and_then(|v| self.text("`explanation`", v));
        let source = self
            .required(table, "source", &span, &owner)
            .and_then(|v| self.text("`source`", v));
        let answer = kind.and_then(|kind| self.answer_key(kind, table, &span, &owner));
        Some(Question {
            id: id.map(|(id, _)| id)?,
            topic: topic.map(|(t, _)| t)?,
            level: level?,
            text: text?,
            answer: answer?,
            explanation: explanation?,
            source: source?,
        })
    }

    fn level(&mut self, value: &Value<'_>) -> Option<u8> {
        let n = self.typed_integer("level", value)?;
        if (1..=3).contains(&n) {
            Some(n as u8)
        } else {
            self.error(value.span(), format!("`level` must be 1, 2 or 3, not {n}"))
                .hint("1 is easy, 2 medium, 3 hard");
            None
        }
    }

    fn kind(&mut self, value: &Value<'_>) -> Option<&'static str> {
        let name = self.string("kind", value)?;
        if let Some(kind) = KINDS.iter().find(|k| **k == name) {
            return Some(kind);
        }
        let help = match nearest(&name, &KINDS) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of: {}", KINDS.join(", ")),
        };
        self.error(value.span(), format!("unknown kind `{name}`"))
            .hint(help);
        None
    }

    fn answer_key(
        &mut self,
        kind: &str,
        table: &DeTable<'_>,
        span: &Span,
        owner: &str,
    ) -> Option<AnswerKey> {
        match kind {
            "single" | "multiple" => {
                self.not_for(
                    kind,
                    table,
                    "accept",
                    "remove `accept`; it is for `short` questions",
                );
                let choices = self
                    .required(table, "choices", span, owner)
                    .and_then(|v| Some((self.choices(kind, v)?, v.span())));
                let answer = match table.get("answer") {
                    Some(v) => Some(v),
                    None => {
                        let help = if kind == "single" {
                            "add `answer = N`, the 1-based index of the correct choice"
                        } else {
                            "add `answer = [N, ...]`, the 1-based indices of the correct choices"
                        };
                        self.error(span.clone(), format!("missing `answer` in {owner}"))
                            .hint(help);
                        None
                    }
                };
                let (choices, _) = choices?;
                let indices = self.indices(kind, answer?, choices.len())?;
                Some(if kind == "single" {
                    AnswerKey::Single {
                        choices,
                        correct: indices[0],
                    }
                } else {
                    AnswerKey::Multiple {
                        choices,
                        correct: indices,
                    }
                })
            }
            "true_false" => {
                self.not_for(
                    kind,
                    table,
                    "choices",
                    "remove `choices`; the app shows \"Đúng\" and \"Sai\"",
                );
                self.not_for(
                    kind,
                    table,
                    "accept",
                    "remove `accept`; it is for `short` questions",
                );
                let Some(value) = table.get("answer") else {
                    self.error(span.clone(), format!("missing `answer` in {owner}"))
                        .hint("add `answer = true` or `answer = false`");
                    return None;
                };
                match value.get_ref() {
                    DeValue::Boolean(correct) => Some(AnswerKey::TrueFalse { correct: *correct }),
                    other => {
                        self.wrong_type("answer", "a boolean (true or false)", other, value.span());
                        None
                    }
                }
            }
            _ => {
                self.not_for(
                    kind,
                    table,
                    "choices",
                    "remove `choices`; list accepted answers in `accept`",
                );
                self.not_for(
                    kind,
                    table,
                    "answer",
                    "remove `answer`; list accepted answers in `accept`",
                );
                let Some(value) = table.get("accept") else {
                    self.error(span.clone(), format!("missing `accept` in {owner}"))
                        .hint("add `accept = [\"...\"]`, the accepted answers");
                    return None;
                };
                let accept = self.texts("accept", "accepted answer", value)?;
                if accept.is_empty() {
                    self.error(value.span(), "`accept` lists no accepted answer")
                        .hint("add at least one accepted answer");
                    return None;
                }
                Some(AnswerKey::Short { accept })
            }
        }
    }

    /// Reports `key` when a question of `kind` has it.
    fn not_for(&mut self, kind: &str, table: &DeTable<'_>, key: &str, help: &str) {
        if let Some((k, _)) = table.get_key_value(key) {
            self.error(k.span(), format!("a `{kind}` question takes no `{key}`"))
                .hint(help);
        }
    }

    fn choices(&mut self, kind: &str, value: &Value<'_>) -> Option<Vec<String>> {
        let (list, mut ok) = self.text_list("choices", "choice", value)?;
        let (min, max) = CHOICES_RANGE;
        if !(min..=max).contains(&list.len()) {
            self.error(
                value.span(),
                format!(
                    "a `{kind}` question needs {min} to {max} choices, found {}",
                    list.len()
                ),
            );
            return None;
        }
        let normalised: Vec<_> = list.iter().map(|(s, _)| to_nfc(s.trim())).collect();
        for (i, (_, span)) in list.iter().enumerate() {
            if let Some(first) = normalised[..i].iter().position(|c| *c == normalised[i]) {
                self.error(
                    span.clone(),
                    format!("choice {} repeats choice {}", i + 1, first + 1),
                )
                .hint("make every choice different (they are compared after NFC normalisation)");
                ok = false;
            }
        }
        ok.then(|| list.into_iter().map(|(s, _)| s).collect())
    }

    /// The 0-based correct indices of an `answer` written as 1-based integer(s).
    fn indices(&mut self, kind: &str, value: &Value<'_>, choices: usize) -> Option<Vec<usize>> {
        let items: Vec<&Value<'_>> = match value.get_ref() {
            DeValue::Integer(_) => vec![value],
            DeValue::Array(array) => array.iter().collect(),
            other => {
                let expected = if kind == "single" {
                    "an integer (the 1-based index of the correct choice)"
                } else {
                    "an array of 1-based choice indices"
                };
                self.wrong_type("answer", expected, other, value.span());
                return None;
            }
        };
        if items.is_empty() {
            self.error(value.span(), "`answer` lists no correct choice")
                .hint("list the 1-based indices of the correct choices, e.g. answer = [1, 3]");
            return None;
        }
        if kind == "single" && items.len() > 1 {
            self.error(
                value.span(),
                format!(
                    "a `single` question has exactly one correct answer, found {}",
                    items.len()
                ),
            )
            .hint("use kind = \"multiple\" or keep one answer");
            return None;
        }
        let mut out: Vec<usize> = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            let Some(n) = self.typed_integer("answer", item) else {
                ok = false;
                continue;
            };
            if n < 1 || n as u64 > choices as u64 {
                self.error(
                    item.span(),
                    format!("`answer` {n} is out of range: the question has {choices} choices"),
                )
                .hint(format!("answers are 1-based: use 1 to {choices}"));
                ok = false;
            } else if out.contains(&(n as usize - 1)) {
                self.error(item.span(), format!("`answer` lists choice {n} twice"));
                ok = false;
            } else {
                out.push(n as usize - 1);
            }
        }
        out.sort_unstable();
        ok.then_some(out)
    }

    // Typed access. Each reports its own problem and returns `None` on one.

    fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        span: &Span,
        owner: &str,
    ) -> Option<&'t Value<'i>> {
        let value = table.get(key);
        if value.is_none() {
            self.error(span.clone(), format!("missing `{key}` in {owner}"));
        }
        value
    }

    fn table<'t, 'i>(&mut self, key: &str, value: &'t Value<'i>) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            other => {
                self.wrong_type(key, "a table", other, value.span());
                None
            }
        }
    }

    fn array_of_tables<'t, 'i>(
        &mut self,
        key: &str,
        value: &'t Value<'i>,
    ) -> Option<&'t DeArray<'i>> {
        match value.get_ref() {
            DeValue::Array(array) => Some(array),
            other => {
                self.wrong_type(
                    key,
                    &format!("an array of tables ([[{key}]])"),
                    other,
                    value.span(),
                );
                None
            }
        }
    }

    fn string(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                self.wrong_type(key, "a string", other, value.span());
                None
            }
        }
    }

    fn ident(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        let id = self.string(key, value)?;
        if is_valid_id(&id) {
            return Some(id);
        }
        let diagnostic = self.error(
            value.span(),
            format!("`{key}` {} may only use a-z, 0-9 and -", quote(&id)),
        );
        if let Some(fixed) = slug(&id) {
            diagnostic.help = Some(format!("for example {}", quote(&fixed)));
        }
        None
    }

    /// A string shown to people: non-empty and NFC.
    fn text(&mut self, label: &str, value: &Value<'_>) -> Option<String> {
        let key = label.trim_matches('`');
        let text = self.string(key, value)?;
        self.check_text(&|| label.to_owned(), &text, value.span())
            .then_some(text)
    }

    /// Whether `text` is non-empty and NFC; `label` names it in messages (made only then).
    fn check_text(&mut self, label: &dyn Fn() -> String, text: &str, span: Span) -> bool {
        if text.trim().is_empty() {
            self.error(span, format!("{} is empty", label()));
            return false;
        }
        if let Some(fixed) = nfc_fix(text) {
            self.error(span, format!("{} is not in Unicode NFC", label()))
                .hint(format!("write it as {}", quote(&fixed)));
            return false;
        }
        true
    }

    /// An array of texts, each with its span; `item` names one entry in messages ("choice 2").
    /// `None` when the value is not an array of strings; the flag says whether every text is
    /// non-empty and NFC.
    fn text_list(
        &mut self,
        key: &str,
        item: &str,
        value: &Value<'_>,
    ) -> Option<(Vec<(String, Span)>, bool)> {
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, "an array of strings", value.get_ref(), value.span());
            return None;
        };
        let mut out = Vec::with_capacity(array.len());
        let mut fine = true;
        let mut typed = true;
        for (i, element) in array.iter().enumerate() {
            let label = || format!("{item} {}", i + 1);
            match element.get_ref() {
                DeValue::String(s) => {
                    fine &= self.check_text(&label, s, element.span());
                    out.push((s.to_string(), element.span()));
                }
                other => {
                    self.error(
                        element.span(),
                        format!("{} must be a string, not {}", label(), article(other)),
                    );
                    typed = false;
                }
            }
        }
        typed.then_some((out, fine))
    }

    /// Like [`Self::text_list`], but only the texts and only when all are fine.
    fn texts(&mut self, key: &str, item: &str, value: &Value<'_>) -> Option<Vec<String>> {
        let (list, fine) = self.text_list(key, item, value)?;
        fine.then(|| list.into_iter().map(|(s, _)| s).collect())
    }

    fn typed_integer(&mut self, key: &str, value: &Value<'_>) -> Option<i64> {
        match value.get_ref() {
            DeValue::Integer(n) => match i64::from_str_radix(n.as_str(), n.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(value.span(), format!("`{key}` is too large"));
                    None
                }
            },
            other => {
                self.wrong_type(key, "an integer", other, value.span());
                None
            }
        }
    }

    fn integer(&mut self, key: &str, value: &Value<'_>, min: i64, max: i64) -> Option<i64> {
        let n = self.typed_integer(key, value)?;
        if (min..=max).contains(&n) {
            Some(n)
        } else {
            self.error(
                value.span(),
                format!("`{key}` must be between {min} and {max}, not {n}"),
            );
            None
        }
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &DeValue<'_>, span: Span) {
        self.error(
            span,
            format!("`{key}` must be {expected}, not {}", article(found)),
        );
    }

    fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], owner: &str) {
        for key in table.keys() {
            let name = key.get_ref();
            if known.contains(&name.as_ref()) {
                continue;
            }
            let help = match nearest(name, known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("known keys: {}", known.join(", ")),
            };
            self.error(key.span(), format!("unknown key `{name}` in {owner}"))
                .hint(help);
        }
    }

    fn error(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = self.file.error(span, message);
        self.diagnostics.push(diagnostic);
        self.diagnostics.last_mut().expect("just pushed")
    }
}

/// What `[bank]` holds, each part `None` when it had an error.
struct Header {
    id: Option<String>,
    title: Option<String>,
    version: Option<String>,
    language: Option<String>,
    sources: Option<Vec<String>>,
    contest: Option<Option<ContestDefaults>>,
    quotas: Option<Vec<(String, u32, Span)>>,
    contest_questions: Option<(u32, Span)>,
}

/// Sets the help of a diagnostic already pushed.
trait Hint {
    fn hint(self, help: impl Into<String>);
}

impl Hint for &mut Diagnostic {
    fn hint(self, help: impl Into<String>) {
        self.help = Some(help.into());
    }
}

/// The known word nearest to `word`, if it is a plausible typo of it.
pub(crate) fn nearest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(distance, k)| *distance <= 2 && *distance < k.len().max(word.len()) / 2 + 1)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// `a string`, `an integer`, … for messages.
fn article(value: &DeValue<'_>) -> String {
    let name = value.type_str();
    let a = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {name}")
}
