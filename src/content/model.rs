//! The product's own document model for handbook documents and lessons. Markdown is compiled into
//! it natively (see `compile`); the app only deserialises it and draws it, so no HTML from content
//! ever reaches the page. Compiles for wasm32 (serde only).

use serde::{Deserialize, Serialize};

/// The compiled handbook the app loads (`hocso handbook build`): every document, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handbook {
    /// The documents.
    pub documents: Vec<Document>,
}

impl Handbook {
    /// The document with id `id`.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// One handbook document: its front matter and its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable identifier, `[a-z0-9-]+`, equal to the file name without `.md`.
    pub id: String,
    /// Title shown to readers.
    pub title: String,
    /// One or two sentences saying what the document covers.
    pub summary: String,
    /// The source texts the document draws on, each named by its title and date.
    pub sources: Vec<String>,
    /// Date of the last content change, `YYYY-MM-DD`.
    pub updated: String,
    /// The body.
    pub blocks: Vec<Block>,
}

/// A block of a document body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A heading; `anchor` is its stable id, used to link to and cite the section it opens.
    Heading {
        /// 1 to 6.
        level: u8,
        /// `[a-z0-9-]+`, unique in the document.
        anchor: String,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph {
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List {
        /// The first number of a numbered list; `None` for a bulleted list.
        start: Option<u64>,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote {
        /// What is quoted.
        blocks: Vec<Block>,
    },
    /// A table with one header row.
    Table {
        /// The alignment of each column.
        alignments: Vec<Alignment>,
        /// The header cells.
        header: Vec<Vec<Inline>>,
        /// The body rows, each a list of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    /// Not specified.
    None,
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// A piece of inline content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    /// A run of text with one style.
    Text(Run),
    /// A link; `href` is `https://…`, `http://…`, `mailto:…`, `#anchor`, `document-id` or
    /// `document-id#anchor` (checked when compiled).
    Link {
        /// Where it points.
        href: String,
        /// The linked text.
        content: Vec<Run>,
    },
    /// A hard line break.
    LineBreak,
}

/// A run of text and its style.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    /// The text, NFC.
    pub text: String,
    /// Bold (`**…**`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Italic (`*…*`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    /// Inline code (`` `…` ``).
    #[serde(default, skip_serializing_if = "is_false")]
    pub code: bool,
}

impl Document {
    /// The anchors of the document's headings, in order.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Heading { anchor, .. } => Some(anchor.as_str()),
            _ => None,
        })
    }

    /// The blocks of the section the heading `anchor` opens: the heading itself and everything
    /// up to the next heading of the same or a higher rank (so subsections are included).
    pub fn section(&self, anchor: &str) -> Option<&[Block]> {
        let start = self
            .blocks
            .iter()
            .position(|block| matches!(block, Block::Heading { anchor: a, .. } if a == anchor))?;
        let Block::Heading { level, .. } = &self.blocks[start] else {
            return None;
        };
        let end = self.blocks[start + 1..]
            .iter()
            .position(|block| matches!(block, Block::Heading { level: l, .. } if l <= level))
            .map_or(self.blocks.len(), |offset| start + 1 + offset);
        Some(&self.blocks[start..end])
    }

    /// The plain text of the section `anchor` opens (see [`Document::section`]), styles dropped,
    /// blocks separated by newlines and runs of white space collapsed to one space.
    pub fn section_text(&self, anchor: &str) -> Option<String> {
        let mut text = String::new();
        for block in self.section(anchor)? {
            block_text(block, &mut text);
        }
        Some(text)
    }
}

fn block_text(block: &Block, out: &mut String) {
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content } => line_text(content, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Quote { blocks } => blocks.iter().for_each(|b| block_text(b, out)),
        Block::Table { header, rows, .. } => {
            for row in std::iter::once(header).chain(rows) {
                for cell in row {
                    line_text(cell, out);
                }
            }
        }
    }
}

/// Appends the plain text of `content` as one line with collapsed white space.
fn line_text(content: &[Inline], out: &mut String) {
    let mut raw = String::new();
    for inline in content {
        match inline {
            Inline::Text(run) => raw.push_str(&run.text),
            Inline::Link { content, .. } => content.iter().for_each(|r| raw.push_str(&r.text)),
            Inline::LineBreak => raw.push(' '),
        }
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    out.push_str(&words.join(" "));
    out.push('\n');
}

fn is_false(value: &bool) -> bool {
    !*value
}
