//! Markdown + TOML front matter → [`Document`], with every problem reported as a `file:line:col`
//! diagnostic (native only: pulldown-cmark, toml and unicode-normalization stay out of the wasm).
//!
//! The compiler is also the content linter: raw HTML (block or inline), headings without a
//! stable `{#anchor}`, duplicate anchors, text that is not NFC, unknown or missing front-matter
//! keys, unsafe link targets and Markdown the model cannot represent are all errors.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use super::model::{Alignment, Block, Document, Inline, Run};
use crate::diagnostics::{self, Diagnostic, SourceFile};

/// The front-matter keys a document must have, in the order the docs list them.
pub const FRONT_MATTER_KEYS: [&str; 5] = ["id", "title", "summary", "sources", "updated"];

/// Compiles one document. `path` names the file in diagnostics and its stem must equal the
/// document id. Returns the document when the front matter is usable (possibly alongside errors
/// in the body) and every diagnostic found; any diagnostic means the document must not ship.
pub fn compile(path: &str, source: &str) -> (Option<Document>, Vec<Diagnostic>) {
    let mut compiled = compile_one(path, source);
    diagnostics::sort(&mut compiled.diagnostics);
    (compiled.document, compiled.diagnostics)
}

/// Compiles a set of documents given as `(path, source)` pairs and checks what spans them:
/// document ids are unique and links to `document-id` / `document-id#anchor` resolve.
pub fn compile_handbook(files: &[(String, String)]) -> (Vec<Document>, Vec<Diagnostic>) {
    let compiled: Vec<(&str, &str, Compiled)> = files
        .iter()
        .map(|(path, source)| (path.as_str(), source.as_str(), compile_one(path, source)))
        .collect();
    let mut diagnostics = Vec::new();
    let mut by_id: HashMap<&str, (&str, &Document)> = HashMap::new();
    for (path, source, unit) in &compiled {
        diagnostics.extend(unit.diagnostics.iter().cloned());
        let Some(document) = &unit.document else {
            continue;
        };
        if let Some((first, _)) = by_id.get(document.id.as_str()) {
            let file = SourceFile::new(path, source);
            diagnostics.push(file.error(
                unit.id_span.clone(),
                format!(
                    "duplicate document id `{}` (also used by {first})",
                    document.id
                ),
            ));
        } else {
            by_id.insert(&document.id, (path, document));
        }
    }
    for (path, source, unit) in &compiled {
        let file = SourceFile::new(path, source);
        for (href, span) in &unit.document_links {
            let (id, anchor) = href.split_once('#').unwrap_or((href, ""));
            match by_id.get(id) {
                None => diagnostics
                    .push(file.error(span.clone(), format!("link to unknown document `{id}`"))),
                Some((_, target)) if !anchor.is_empty() && target.section(anchor).is_none() => {
                    diagnostics.push(file.error(
                        span.clone(),
                        format!("link to unknown anchor `{anchor}` in document `{id}`"),
                    ))
                }
                Some(_) => {}
            }
        }
    }
    let documents = compiled
        .into_iter()
        .filter_map(|(_, _, unit)| unit.document)
        .collect();
    (documents, diagnostics)
}

/// Whether `text` is a valid id or anchor: `[a-z0-9-]+`.
pub fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What compiling one file produced, with what the handbook-wide checks need.
struct Compiled {
    document: Option<Document>,
    diagnostics: Vec<Diagnostic>,
    /// Where the `id` value is written, for duplicate-id diagnostics.
    id_span: Range<usize>,
    /// Links to other documents (`id` or `id#anchor`) and where they are.
    document_links: Vec<(String, Range<usize>)>,
}

fn compile_one(path: &str, source: &str) -> Compiled {
    let file = SourceFile::new(path, source);
    let mut diagnostics = check_nfc(&file, source);
    let mut unit = Compiled {
        document: None,
        diagnostics: Vec::new(),
        id_span: 0..0,
        document_links: Vec::new(),
    };
    let Some((front, front_start, body_start)) =
        split_front_matter(&file, source, &mut diagnostics)
    else {
        unit.diagnostics = diagnostics;
        return unit;
    };
    let meta = front_matter(&file, path, front, front_start, &mut diagnostics);
    let mut body = BodyBuilder::new(&file, body_start);
    body.run(&source[body_start..]);
    diagnostics.append(&mut body.diagnostics);
    for (anchor, span) in &body.local_links {
        if !body.anchors.contains_key(anchor.as_str()) {
            diagnostics
                .push(file.error(span.clone(), format!("link to unknown anchor `{anchor}`")));
        }
    }
    unit.document_links = std::mem::take(&mut body.document_links);
    let blocks = body.finish();
    if let Some(meta) = meta {
        unit.id_span = meta.id_span;
        unit.document = Some(Document {
            id: meta.id,
            title: meta.title,
            summary: meta.summary,
            sources: meta.sources,
            updated: meta.updated,
            blocks,
        });
    }
    unit.diagnostics = diagnostics;
    unit
}

/// Reports each line that is not NFC, at the first character that normalisation changes.
fn check_nfc(file: &SourceFile<'_>, source: &str) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        if !unicode_normalization::is_nfc(line) {
            let offset = line
                .char_indices()
                .zip(line.nfc())
                .find(|((_, original), normal)| original != normal)
                .map_or(0, |((index, _), _)| index);
            let start = line_start + offset;
            diagnostics.push(
                file.error(start..start + 1, "text is not in Unicode NFC form")
                    .with_help("save the file with composed characters (NFC)"),
            );
        }
        line_start += line.len();
    }
    diagnostics
}

/// Finds the `+++`-fenced front matter. Returns its text, its byte offset and where the body starts.
fn split_front_matter<'a>(
    file: &SourceFile<'_>,
    source: &'a str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(&'a str, usize, usize)> {
    let mut lines = source.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        diagnostics.push(
            file.error(
                0..0,
                "missing front matter: the file must start with a `+++` line",
            )
            .with_help("put the TOML front matter between two `+++` lines at the top"),
        );
        return None;
    }
    let front_start = source.find('\n').map_or(source.len(), |i| i + 1);
    let mut offset = front_start;
    for line in lines {
        if line.trim_end() == "+++" {
            return Some((
                &source[front_start..offset],
                front_start,
                offset + line.len(),
            ));
        }
        offset += line.len();
    }
    diagnostics.push(file.error(
        0..3,
        "front matter is not closed: add a `+++` line after it",
    ));
    None
}

struct Meta {
    id: String,
    id_span: Range<usize>,
    title: String,
    summary: String,
    sources: Vec<String>,
    updated: String,
}

/// Parses and checks the front matter; `None` when it cannot give every key.
fn front_matter(
    file: &SourceFile<'_>,
    path: &str,
    text: &str,
    base: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Meta> {
    let table: BTreeMap<Spanned<String>, Spanned<toml::Value>> = match toml::from_str(text) {
        Ok(table) => table,
        Err(error) => {
            let span = error
                .span()
                .map_or(base..base, |s| base + s.start..base + s.end);
            let message = error.message().trim_end_matches('\n').to_owned();
            diagnostics.push(file.error(span, format!("invalid front matter: {message}")));
            return None;
        }
    };
    let shift = |span: Range<usize>| base + span.start..base + span.end;
    for key in table.keys() {
        if !FRONT_MATTER_KEYS.contains(&key.get_ref().as_str()) {
            diagnostics.push(
                file.error(
                    shift(key.span()),
                    format!("unknown front-matter key `{}`", key.get_ref()),
                )
                .with_help(format!("the keys are {}", FRONT_MATTER_KEYS.join(", "))),
            );
        }
    }
    let lookup = |name: &str| {
        table
            .iter()
            .find(|(k, _)| k.get_ref() == name)
            .map(|(_, v)| v)
    };
    let string = |name: &str,
                  diagnostics: &mut Vec<Diagnostic>|
     -> Option<(String, Range<usize>)> {
        let Some(value) = lookup(name) else {
            diagnostics.push(file.error(0..3, format!("missing front-matter key `{name}`")));
            return None;
        };
        let span = shift(value.span());
        match value.get_ref() {
            toml::Value::String(s) if !s.trim().is_empty() => Some((s.clone(), span)),
            toml::Value::String(_) => {
                diagnostics
                    .push(file.error(span, format!("front-matter key `{name}` must not be empty")));
                None
            }
            _ => {
                diagnostics
                    .push(file.error(span, format!("front-matter key `{name}` must be a string")));
                None
            }
        }
    };
    let id = string("id", diagnostics);
    let title = string("title", diagnostics);
    let summary = string("summary", diagnostics);
    let updated = string("updated", diagnostics);
    let sources = front_matter_sources(
        file,
        lookup("sources").map(|v| (v.get_ref(), shift(v.span()))),
        diagnostics,
    );

    if let Some((id, span)) = &id {
        let stem = path
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(path)
            .trim_end_matches(".md");
        if !is_identifier(id) {
            diagnostics.push(file.error(
                span.clone(),
                format!("document id `{id}` must match [a-z0-9-]+"),
            ));
        } else if id != stem {
            diagnostics.push(file.error(
                span.clone(),
                format!("document id `{id}` does not match the file name `{stem}.md`"),
            ));
        }
    }
    if let Some((updated, span)) = &updated {
        if !is_date(updated) {
            diagnostics.push(file.error(
                span.clone(),
                format!(
                    "front-matter key `updated` must be a date written YYYY-MM-DD, not `{updated}`"
                ),
            ));
        }
    }
    let ((id, id_span), (title, _), (summary, _), (updated, _), sources) =
        (id?, title?, summary?, updated?, sources?);
    Some(Meta {
        id,
        id_span,
        title,
        summary,
        sources,
        updated,
    })
}

fn front_matter_sources(
    file: &SourceFile<'_>,
    value: Option<(&toml::Value, Range<usize>)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let Some((value, span)) = value else {
        diagnostics.push(file.error(0..3, "missing front-matter key `sources`"));
        return None;
    };
    let strings: Option<Vec<String>> = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|item| {
                item.as_str()
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_owned)
            })
            .collect()
    });
    match strings {
        Some(list) if !list.is_empty() => Some(list),
        _ => {
            diagnostics.push(file.error(
                span,
                "front-matter key `sources` must be a non-empty array of non-empty strings",
            ));
            None
        }
    }
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// A container being built while walking the Markdown events.
enum Frame {
    Root(Vec<Block>),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A list item: its blocks, and loose inline text of a tight item not yet put in a paragraph.
    Item {
        blocks: Vec<Block>,
        inlines: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    Heading {
        level: u8,
        anchor: String,
        content: Vec<Inline>,
    },
    Table {
        alignments: Vec<Alignment>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Row(Vec<Vec<Inline>>),
    Cell(Vec<Inline>),
    Link {
        href: String,
        content: Vec<Run>,
    },
    /// Emphasis or strong: the style is tracked by counters, the frame keeps nesting balanced.
    Style,
    /// Content of an unsupported construct (already reported), dropped.
    Skip,
}

struct BodyBuilder<'f> {
    file: &'f SourceFile<'f>,
    base: usize,
    stack: Vec<Frame>,
    strong: usize,
    emphasis: usize,
    diagnostics: Vec<Diagnostic>,
    /// Anchor → the line of the heading that first used it.
    anchors: HashMap<String, usize>,
    local_links: Vec<(String, Range<usize>)>,
    document_links: Vec<(String, Range<usize>)>,
}

impl<'f> BodyBuilder<'f> {
    fn new(file: &'f SourceFile<'f>, base: usize) -> Self {
        Self {
            file,
            base,
            stack: vec![Frame::Root(Vec::new())],
            strong: 0,
            emphasis: 0,
            diagnostics: Vec::new(),
            anchors: HashMap::new(),
            local_links: Vec::new(),
            document_links: Vec::new(),
        }
    }

    fn run(&mut self, body: &str) {
        let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            let span = self.base + range.start..self.base + range.end;
            self.event(event, span);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        match self.stack.swap_remove(0) {
            Frame::Root(blocks) => blocks,
            _ => Vec::new(),
        }
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = self.file.error(span, message);
        self.diagnostics.push(diagnostic);
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn event(&mut self, event: Event<'_>, span: Range<usize>) {
        if let Event::Html(html) | Event::InlineHtml(html) = &event {
            // Point at the first line of the HTML only, and quote at most 60 characters of it.
            let first_line = html.lines().next().unwrap_or("").trim_end();
            let span = span.start..span.start + first_line.len();
            let snippet: String = first_line.trim_start().chars().take(60).collect();
            let diagnostic = self.error(span, format!("raw HTML is not allowed: `{snippet}`"));
            diagnostic.help = Some("write Markdown; no HTML from content reaches the page".into());
            return;
        }
        if matches!(self.stack.last(), Some(Frame::Skip)) {
            match event {
                Event::Start(_) => self.stack.push(Frame::Skip),
                Event::End(_) => {
                    self.stack.pop();
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push_text(&text, false),
            Event::Code(text) => self.push_text(&text, true),
            Event::SoftBreak => self.push_text(" ", false),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => {
                self.error(span, "unsupported Markdown: thematic break (---)");
            }
            other => {
                self.error(
                    span,
                    format!("unsupported Markdown: {}", event_name(&other)),
                );
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Range<usize>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Paragraph(Vec::new()),
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                if !classes.is_empty() || !attrs.is_empty() {
                    self.error(
                        span.clone(),
                        "heading classes and attributes are not allowed, only `{#anchor}`",
                    );
                }
                let anchor = id.map(|id| id.to_string()).unwrap_or_default();
                self.check_anchor(&anchor, span);
                Frame::Heading {
                    level: heading_level(level),
                    anchor,
                    content: Vec::new(),
                }
            }
            Tag::BlockQuote(None) => Frame::Quote(Vec::new()),
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
            },
            Tag::Item => Frame::Item {
                blocks: Vec::new(),
                inlines: Vec::new(),
            },
            Tag::Table(alignments) => Frame::Table {
                alignments: alignments.into_iter().map(alignment).collect(),
                header: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead | Tag::TableRow => Frame::Row(Vec::new()),
            Tag::TableCell => Frame::Cell(Vec::new()),
            Tag::Emphasis => {
                self.emphasis += 1;
                Frame::Style
            }
            Tag::Strong => {
                self.strong += 1;
                Frame::Style
            }
            Tag::Link { dest_url, .. } => {
                self.check_link(&dest_url, span);
                Frame::Link {
                    href: dest_url.to_string(),
                    content: Vec::new(),
                }
            }
            // Its `Html` events are reported one by one; the block itself adds nothing.
            Tag::HtmlBlock => Frame::Skip,
            other => {
                self.error(span, format!("unsupported Markdown: {}", tag_name(&other)));
                Frame::Skip
            }
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match (tag, frame) {
            (_, Frame::Paragraph(content)) => self.push_block(Block::Paragraph { content }),
            (
                _,
                Frame::Heading {
                    level,
                    anchor,
                    content,
                },
            ) => self.push_block(Block::Heading {
                level,
                anchor,
                content,
            }),
            (_, Frame::Quote(blocks)) => self.push_block(Block::Quote { blocks }),
            (_, Frame::List { start, items }) => self.push_block(Block::List { start, items }),
            (
                _,
                Frame::Item {
                    mut blocks,
                    inlines,
                },
            ) => {
                if !inlines.is_empty() {
                    blocks.push(Block::Paragraph { content: inlines });
                }
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            (
                _,
                Frame::Table {
                    alignments,
                    header,
                    rows,
                },
            ) => self.push_block(Block::Table {
                alignments,
                header,
                rows,
            }),
            (tag, Frame::Row(cells)) => {
                if let Some(Frame::Table { header, rows, .. }) = self.stack.last_mut() {
                    if tag == TagEnd::TableHead {
                        *header = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            (_, Frame::Cell(content)) => {
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(content);
                }
            }
            (_, Frame::Link { href, content }) => self.push_inline(Inline::Link { href, content }),
            (TagEnd::Strong, Frame::Style) => self.strong = self.strong.saturating_sub(1),
            (_, Frame::Style) => self.emphasis = self.emphasis.saturating_sub(1),
            (_, frame @ (Frame::Root(_) | Frame::Skip)) => self.stack.push(frame),
        }
    }

    fn push_text(&mut self, text: &str, code: bool) {
        let run = Run {
            text: text.to_owned(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            code,
        };
        if let Some(Frame::Link { content, .. }) = self
            .stack
            .iter_mut()
            .rev()
            .find(|f| !matches!(f, Frame::Style))
        {
            content.push(run);
            return;
        }
        self.push_inline(Inline::Text(run));
    }

    fn push_inline(&mut self, inline: Inline) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Style => continue,
                Frame::Paragraph(content)
                | Frame::Heading { content, .. }
                | Frame::Cell(content)
                | Frame::Item {
                    inlines: content, ..
                } => {
                    merge_inline(content, inline);
                    return;
                }
                Frame::Link { content, .. } => {
                    if let Inline::Text(run) = inline {
                        content.push(run);
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Root(blocks) | Frame::Quote(blocks)) => blocks.push(block),
            Some(Frame::Item { blocks, inlines }) => {
                if !inlines.is_empty() {
                    blocks.push(Block::Paragraph {
                        content: std::mem::take(inlines),
                    });
                }
                blocks.push(block);
            }
            _ => {}
        }
    }

    fn check_anchor(&mut self, anchor: &str, span: Range<usize>) {
        if anchor.is_empty() {
            self.error(span, "heading has no anchor").help =
                Some("end the heading with a stable id such as `{#ban-hanh}`".into());
        } else if !is_identifier(anchor) {
            self.error(
                span,
                format!("heading anchor `{anchor}` must match [a-z0-9-]+"),
            );
        } else {
            let (line, _) = self.file.line_column(span.start);
            if let Some(first) = self.anchors.get(anchor).copied() {
                self.error(
                    span,
                    format!("duplicate anchor `{anchor}` (first used on line {first})"),
                );
            } else {
                self.anchors.insert(anchor.to_owned(), line);
            }
        }
    }

    fn check_link(&mut self, href: &str, span: Range<usize>) {
        if let Some(anchor) = href.strip_prefix('#') {
            self.local_links.push((anchor.to_owned(), span));
            return;
        }
        if ["https://", "http://", "mailto:"]
            .iter()
            .any(|p| href.starts_with(p))
        {
            return;
        }
        let (id, anchor) = href.split_once('#').unwrap_or((href, "a"));
        if is_identifier(id) && is_identifier(anchor) {
            self.document_links.push((href.to_owned(), span));
            return;
        }
        self.error(span, format!("link target `{href}` is not allowed"))
            .help =
            Some("link to https://…, mailto:…, #anchor, document-id or document-id#anchor".into());
    }
}

/// Appends `inline`, joining it to the previous run when both are text of the same style.
fn merge_inline(content: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(last)), Inline::Text(run)) = (content.last_mut(), &inline) {
        if (last.strong, last.emphasis, last.code) == (run.strong, run.emphasis, run.code) {
            last.text.push_str(&run.text);
            return;
        }
    }
    content.push(inline);
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn alignment(alignment: pulldown_cmark::Alignment) -> Alignment {
    match alignment {
        pulldown_cmark::Alignment::None => Alignment::None,
        pulldown_cmark::Alignment::Left => Alignment::Left,
        pulldown_cmark::Alignment::Center => Alignment::Center,
        pulldown_cmark::Alignment::Right => Alignment::Right,
    }
}

fn tag_name(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::CodeBlock(_) => "code block",
        Tag::Image { .. } => "image",
        Tag::BlockQuote(Some(_)) => "block quote with a kind (> [!NOTE])",
        Tag::FootnoteDefinition(_) => "footnote",
        _ => "this construct",
    }
}

fn event_name(event: &Event<'_>) -> &'static str {
    match event {
        Event::FootnoteReference(_) => "footnote reference",
        Event::TaskListMarker(_) => "task list marker",
        Event::InlineMath(_) | Event::DisplayMath(_) => "math",
        _ => "this construct",
    }
}
