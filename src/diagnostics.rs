//! `path:line:col` diagnostics shared by every loader of authored input (banks, GIFT and Aiken
//! imports, content). A loader returns its value *and* every [`Diagnostic`] it found; the CLI
//! renders them the way `rustc` does (with `codespan-reporting`, native only) or as JSON.
//!
//! Lines and columns are 1-based; columns count Unicode scalar values, so a Vietnamese letter is
//! one column whatever its UTF-8 length. `span` is the byte range in the source.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be used until this is fixed.
    Error,
    /// The input was used, but something in it was skipped or looks wrong.
    Warning,
}

/// One problem in one file, located by line, column and byte span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column (in characters) of the span's start.
    pub column: usize,
    /// Byte range in the source.
    pub span: Range<usize>,
    /// Error or warning.
    pub severity: Severity,
    /// One line saying what is wrong, lower-case, no trailing period.
    pub message: String,
    /// How to fix it, when there is something more specific to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this is an error (rather than a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error: message`, the one-line form editors and CI logs understand.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// One source file with its line starts, which turns byte spans into [`Diagnostic`]s.
#[derive(Debug, Clone)]
pub struct SourceFile<'a> {
    name: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceFile<'a> {
    /// Indexes `text`, which the user knows as `name`.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            name,
            text,
            line_starts,
        }
    }

    /// The file's name.
    pub fn name(&self) -> &str {
        self.name
    }

    /// 1-based line and column of byte `offset` (clamped to the text and to a char boundary).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// An error at `span`.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Warning, span, message)
    }

    fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = self.line_column(span.start);
        Diagnostic {
            file: self.name.to_owned(),
            line,
            column,
            span,
            severity,
            message: message.into(),
            help: None,
        }
    }
}

/// Sorts diagnostics by position (file, then byte offset), errors before warnings at one place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.span.start, a.severity, &a.message).cmp(&(
            &b.file,
            b.span.start,
            b.severity,
            &b.message,
        ))
    });
}

/// Renders `diagnostics` about `source` (named `name`) as `rustc` does: the header, the source
/// line with a caret under the span, and the help. Plain text, no colour.
#[cfg(not(target_arch = "wasm32"))]
pub fn render(name: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, Config};

    let file = SimpleFile::new(name, source);
    let config = Config::default();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let start = diagnostic.span.start.min(source.len());
        let end = diagnostic.span.end.clamp(start, source.len());
        let mut report = Report::new(level)
            .with_message(&diagnostic.message)
            .with_label(Label::primary((), start..end));
        if let Some(help) = &diagnostic.help {
            report = report.with_note(format!("help: {help}"));
        }
        if term::emit_to_string(&mut out, &config, &file, &report).is_err() {
            // The span lies outside the file (it cannot, being clamped); fall back to one line.
            out.push_str(&format!("{diagnostic}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceFile::new("f", "ab\nđâu x\n\nz");
        let table = [
            (0, (1, 1)),
            (2, (1, 3)),
            (3, (2, 1)),
            (8, (2, 4)),
            (9, (2, 5)),
            (11, (3, 1)),
            (12, (4, 1)),
            (99, (4, 2)),
        ];
        for (offset, expected) in table {
            assert_eq!(file.line_column(offset), expected, "offset {offset}");
        }
    }

    #[test]
    fn offset_inside_a_character_points_at_its_start() {
        let file = SourceFile::new("f", "đ");
        assert_eq!(file.line_column(1), (1, 1));
    }

    #[test]
    fn display_is_path_line_column() {
        let d = SourceFile::new("a.toml", "x\ny").error(2..3, "bad thing");
        assert_eq!(d.to_string(), "a.toml:2:1: error: bad thing");
    }
}
