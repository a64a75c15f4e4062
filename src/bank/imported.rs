//! What the GIFT and Aiken importers share: a draft bank filled while parsing, then finished into
//! a [`Bank`] with ids, default topic, level and metadata, and the warnings that go with them.

use std::path::Path;

use super::ident::slug;
use super::{AnswerKey, Bank, ContestDefaults, Question, Topic};
use crate::diagnostics::{self, Diagnostic, SourceFile};

/// The topic of questions that come before any category.
pub const DEFAULT_TOPIC: (&str, &str) = ("chung", "Chung");

/// Bank metadata found in the input (GIFT directives); the rest is defaulted.
#[derive(Debug, Default)]
pub struct Meta {
    /// `@bank.id`; the file name slugged when absent.
    pub id: Option<String>,
    /// `@bank.title`; the file name when absent.
    pub title: Option<String>,
    /// `@bank.version`; `1.0.0` when absent.
    pub version: Option<String>,
    /// `@bank.language`; `vi` when absent.
    pub language: Option<String>,
    /// `@bank.source` lines.
    pub sources: Vec<String>,
    /// `@contest.*` lines.
    pub contest: Option<ContestDefaults>,
}

/// A bank being imported.
#[derive(Debug)]
pub struct Draft {
    /// The input file's name without its extension, for the default id and title.
    stem: String,
    /// Bank metadata found so far.
    pub meta: Meta,
    topics: Vec<Topic>,
    /// The questions parsed so far, in input order.
    pub questions: Vec<DraftQuestion>,
}

/// A question as parsed, before ids and defaults.
#[derive(Debug)]
pub struct DraftQuestion {
    /// Its title, which becomes its id (slugged).
    pub title: Option<String>,
    /// Its topic id; the default topic when `None`.
    pub topic: Option<String>,
    /// Its level; 1 when `None`.
    pub level: Option<u8>,
    /// The question text.
    pub text: String,
    /// Kind, choices and correct answer.
    pub answer: AnswerKey,
    /// The general feedback, if any.
    pub explanation: Option<String>,
    /// `@source`, if given.
    pub source: Option<String>,
    /// Where it is in the input.
    pub span: std::ops::Range<usize>,
}

impl Draft {
    /// An empty draft for the input at `path`.
    pub fn new(path: &str) -> Self {
        let stem = Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("bank")
            .to_owned();
        Self {
            stem,
            meta: Meta::default(),
            topics: Vec::new(),
            questions: Vec::new(),
        }
    }

    /// Declares topic `id` (the first title given wins).
    pub fn topic(&mut self, id: &str, title: &str) {
        if !self.topics.iter().any(|t| t.id == id) {
            self.topics.push(Topic {
                id: id.to_owned(),
                title: title.to_owned(),
            });
        }
    }
}

/// Turns the draft into a bank, adding the diagnostics of this last step; `None` when
/// `diagnostics` holds an error.
pub fn finish(
    file: &SourceFile<'_>,
    draft: Draft,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Bank> {
    let Draft {
        stem,
        meta,
        mut topics,
        questions,
    } = draft;
    if questions.is_empty() && !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(file.error(0..0, "no question found"));
    }
    if questions.iter().any(|q| q.topic.is_none()) {
        let (id, title) = DEFAULT_TOPIC;
        if !topics.iter().any(|t| t.id == id) {
            topics.insert(
                0,
                Topic {
                    id: id.into(),
                    title: title.into(),
                },
            );
        }
    }
    let mut ids: Vec<String> = Vec::with_capacity(questions.len());
    let mut out = Vec::with_capacity(questions.len());
    let (mut no_explanation, mut no_source) = (0, 0);
    for (n, q) in questions.into_iter().enumerate() {
        let base = q
            .title
            .as_deref()
            .and_then(slug)
            .unwrap_or_else(|| format!("q-{}", n + 1));
        let mut id = base.clone();
        let mut suffix = 2;
        while ids.contains(&id) {
            id = format!("{base}-{suffix}");
            suffix += 1;
        }
        ids.push(id.clone());
        let level = q.level.unwrap_or(1);
        if !(1..=3).contains(&level) {
            diagnostics.push(file.error(q.span.clone(), format!("level {level} is not 1, 2 or 3")));
        }
        no_explanation += usize::from(q.explanation.as_deref().is_none_or(str::is_empty));
        no_source += usize::from(q.source.is_none());
        out.push(Question {
            id,
            topic: q.topic.unwrap_or_else(|| DEFAULT_TOPIC.0.to_owned()),
            level,
            text: q.text,
            answer: q.answer,
            explanation: q.explanation.unwrap_or_default(),
            source: q.source.unwrap_or_default(),
        });
    }
    if no_explanation > 0 {
        diagnostics.push(file.warning(
            0..0,
            format!("{no_explanation} of {} questions have no explanation; write it in the TOML before shipping", out.len()),
        ));
    }
    if no_source > 0 {
        diagnostics.push(file.warning(
            0..0,
            format!(
                "{no_source} of {} questions have no source; write it in the TOML before shipping",
                out.len()
            ),
        ));
    }
    diagnostics::sort(diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let id = meta
        .id
        .or_else(|| slug(&stem))
        .unwrap_or_else(|| "bank".to_owned());
    Some(Bank {
        title: meta.title.unwrap_or_else(|| stem.clone()),
        id,
        version: meta.version.unwrap_or_else(|| "1.0.0".to_owned()),
        language: meta.language.unwrap_or_else(|| "vi".to_owned()),
        sources: meta.sources,
        contest: meta.contest,
        topics,
        questions: out,
    })
}
