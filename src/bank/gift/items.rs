//! Splits GIFT text into blank-line-separated items, taking comment lines out and keeping
//! directive comments, with a map back to source offsets for diagnostics.

use std::ops::Range;

use super::text::unescape;

/// One blank-line-separated item: its lines joined with `\n`, comment lines taken out (directive
/// comments kept apart), and where each joined line starts in the source.
pub struct Item {
    pub text: String,
    /// (offset in `text`, offset in the source) of each line.
    lines: Vec<(usize, usize)>,
    pub directives: Vec<Directive>,
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

    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        self.source_offset(range.start)..self.source_offset(range.end.max(range.start))
    }
}

/// `// @key value`, with the span of the whole comment.
#[derive(Debug, Clone)]
pub struct Directive {
    pub key: String,
    pub value: String,
    pub span: Range<usize>,
}

/// The items of `text`, in order.
pub fn items(text: &str) -> Vec<Item> {
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
