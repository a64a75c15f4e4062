//! A strict JSON reader: RFC 8259, plus rejection of duplicate member names at any depth (one
//! reader keeps the last, another the first, so two verifiers could see two different
//! documents) and of nesting deeper than [`MAX_DEPTH`].
//!
//! It reads into a [`Json`] tree that borrows from the text and lives in an [`Arena`]: strings
//! are kept as written between their quotes and numbers as their literal, and arrays and objects
//! are slices in the arena, so reading a document makes no allocation per node and dropping it
//! is freeing the arena. [`Json::to_value`] turns a tree into a `serde_json::Value` where owned
//! data is wanted.

use std::borrow::Cow;
use std::collections::HashSet;

use bumpalo::collections::Vec as ArenaVec;
pub use bumpalo::Bump as Arena;

use serde_json::{Map, Number, Value};
use thiserror::Error;

/// How deeply arrays and objects may nest (as in `serde_json`): deeper text is refused rather
/// than allowed to exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// Why a text is not strict JSON, with the 1-based line and column where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind} at line {line} column {column}")]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (not bytes) of that line.
    pub column: usize,
}

/// What is wrong with a JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JsonErrorKind {
    /// A syntax error, described in English.
    #[error("{0}")]
    Syntax(String),
    /// The text ends in the middle of a value.
    #[error("unexpected end of text")]
    Eof,
    /// An object has two members with this name.
    #[error("duplicate member name {0:?}")]
    DuplicateMember(String),
}

/// A JSON value borrowed from the text it was read from (and from the arena holding its
/// arrays and objects).
///
/// Its tag is a whole word (`repr(u64)`), and so is each field of [`JsonStr`]: the reader
/// returns each value through memory and its caller at once reads it back in words. A word
/// read over a byte just written cannot be forwarded from that store and waits for it; with a
/// byte tag, a quarter of the reader's profile samples fell on those reads back, and a
/// result's tree took 8 % longer to read.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u64)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (a valid RFC 8259 number whose value is finite).
    Number(&'a str),
    /// A string.
    String(JsonStr<'a>),
    /// An array.
    Array(&'a [Json<'a>]),
    /// An object's members in the order written (names are unique).
    Object(&'a [(JsonStr<'a>, Json<'a>)]),
}

/// A string as written between its quotes (valid escapes, no control characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonStr<'a> {
    raw: &'a str,
    written: Written,
}

/// How a string is written: as its plain value or with escapes. A whole word, for the reason
/// given on [`Json`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
enum Written {
    Plain,
    Escaped,
}

impl<'a> JsonStr<'a> {
    /// A string whose text needs no escapes (no quote, backslash or control character).
    pub(crate) const fn plain(text: &'a str) -> Self {
        JsonStr {
            raw: text,
            written: Written::Plain,
        }
    }

    /// The text between the quotes, escapes and all.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// Whether the string holds an escape (`\n`, `\u00e9`, …).
    pub fn is_escaped(&self) -> bool {
        self.written == Written::Escaped
    }

    /// The string's value, escapes decoded.
    pub fn value(&self) -> Cow<'a, str> {
        if self.is_escaped() {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    /// Whether the string's value is `text`.
    pub fn is(&self, text: &str) -> bool {
        if self.is_escaped() {
            unescape(self.raw) == text
        } else {
            self.raw == text
        }
    }
}

impl<'a> Json<'a> {
    /// The member `name` of an object (`None` for other values).
    pub fn get(&self, name: &str) -> Option<&Json<'a>> {
        member(self.as_object()?, name)
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&'a [(JsonStr<'a>, Json<'a>)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The value of a string.
    pub fn as_str(&self) -> Option<Cow<'a, str>> {
        match self {
            Json::String(text) => Some(text.value()),
            _ => None,
        }
    }

    /// Whether this is the string `text`.
    pub fn is_str(&self, text: &str) -> bool {
        matches!(self, Json::String(s) if s.is(text))
    }

    /// The same value as a `serde_json::Value` (integers that fit 64 bits stay integers, as
    /// `serde_json` reads them).
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(literal) => number_value(literal),
            Json::String(text) => Value::String(text.value().into_owned()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(name, value)| (name.value().into_owned(), value.to_value()))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

/// The member `name` of an object's members.
pub fn member<'t, 'a>(members: &'t [(JsonStr<'a>, Json<'a>)], name: &str) -> Option<&'t Json<'a>> {
    members
        .iter()
        .find(|(key, _)| key.is(name))
        .map(|(_, value)| value)
}

/// Reads one JSON value from `text` into an owned `serde_json::Value`, with the checks of
/// [`parse_tree`].
pub fn parse_strict(text: &str) -> Result<Value, JsonError> {
    let arena = Arena::new();
    parse_tree(text, &arena).map(|tree| tree.to_value())
}

/// Reads one JSON value from `text` into `arena`, rejecting duplicate member names at any
/// depth, nesting deeper than [`MAX_DEPTH`] and anything but whitespace after the value.
pub fn parse_tree<'a>(text: &'a str, arena: &'a Arena) -> Result<Json<'a>, JsonError> {
    parse_tree_noting_form(text, arena).map(|(value, _)| value)
}

/// [`parse_tree`], and the text of the value (without surrounding whitespace) if it is
/// already its own RFC 8785 canonical form. The check is conservative: no whitespace, members
/// in order with ASCII names, strings without escapes, numbers as integers under 10^15. The
/// app writes results this way, so verifying them needs no canonicalisation.
pub fn parse_tree_noting_form<'a>(
    text: &'a str,
    arena: &'a Arena,
) -> Result<(Json<'a>, Option<CanonicalText<'a>>), JsonError> {
    let mut reader = Reader {
        text,
        arena,
        at: 0,
        canonical: true,
        items: ArenaVec::with_capacity_in(64, arena),
        members: ArenaVec::with_capacity_in(64, arena),
        top_spans: ArenaVec::new_in(arena),
    };
    reader.skip_whitespace();
    let start = reader.at;
    reader.canonical = true;
    let parsed = reader.value(0).and_then(|value| {
        let end = reader.at;
        let canonical = reader.canonical;
        reader.skip_whitespace();
        if reader.at < text.len() {
            return Err(reader.syntax("trailing characters"));
        }
        let mut members = std::mem::replace(&mut reader.top_spans, ArenaVec::new_in(arena));
        for (from, to) in members.iter_mut() {
            (*from, *to) = (*from - start, *to - start);
        }
        let canonical = canonical.then(|| CanonicalText {
            text: &text[start..end],
            members: members.into_bump_slice(),
        });
        Ok((value, canonical))
    });
    parsed.map_err(|(kind, at)| position(text, kind, at))
}

/// A value's text that is already its own RFC 8785 canonical form (see
/// [`parse_tree_noting_form`]), with where each member of the value (when it is an object)
/// sits in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CanonicalText<'a> {
    text: &'a str,
    /// Byte range of each member, `"name":value`, in the order of the tree's members.
    members: &'a [(usize, usize)],
}

impl<'a> CanonicalText<'a> {
    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The canonical text of the object without its member at `index` (in the order the tree
    /// lists them), which is the canonical form of the object without that member: removing
    /// a member leaves the others in order. It is given as the text before the member and the
    /// text after it, so it can be hashed without a copy. `None` if there is no such member.
    pub fn without_member(&self, index: usize) -> Option<[&'a [u8]; 2]> {
        let &(start, end) = self.members.get(index)?;
        // The member goes with the comma before it, or after it when it is the first.
        let (cut_start, cut_end) = if index > 0 {
            (start - 1, end)
        } else if self.members.len() > 1 {
            (start, end + 1)
        } else {
            (start, end)
        };
        let bytes = self.text.as_bytes();
        Some([&bytes[..cut_start], &bytes[cut_end..]])
    }
}

/// A failure and the byte offset it is reported at.
type Failure = (JsonErrorKind, usize);

struct Reader<'a> {
    text: &'a str,
    arena: &'a Arena,
    at: usize,
    /// Whether everything read so far is in canonical form (see [`parse_tree_noting_form`]).
    canonical: bool,
    /// Items of the arrays being read, innermost last, until each is moved to the arena.
    items: ArenaVec<'a, Json<'a>>,
    /// Members of the objects being read, likewise.
    members: ArenaVec<'a, (JsonStr<'a>, Json<'a>)>,
    /// Byte ranges of the members of the outermost object, for [`CanonicalText`].
    top_spans: ArenaVec<'a, (usize, usize)>,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips whitespace, which canonical text has none of: the common case is one test.
    #[inline]
    fn skip_whitespace(&mut self) {
        if let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.skip_some_whitespace();
        }
    }

    #[cold]
    fn skip_some_whitespace(&mut self) {
        let rest = &self.text.as_bytes()[self.at..];
        let skipped = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        self.at += skipped;
        self.canonical &= skipped == 0;
    }

    fn syntax(&self, message: &str) -> Failure {
        (JsonErrorKind::Syntax(message.to_owned()), self.at)
    }

    fn eof(&self) -> Failure {
        (JsonErrorKind::Eof, self.text.len().saturating_sub(1))
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, Failure> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.eof()),
            Some(b'{') => {
                self.enter(depth)?;
                self.object(depth + 1)
            }
            Some(b'[') => {
                self.enter(depth)?;
                self.array(depth + 1)
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true").map(|()| Json::Bool(true)),
            Some(b'f') => self.word("false").map(|()| Json::Bool(false)),
            Some(b'n') => self.word("null").map(|()| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(_) => Err(self.syntax("expected value")),
        }
    }

    /// Moves past the `[` or `{` of a value at `depth`, if one may nest there.
    fn enter(&mut self, depth: usize) -> Result<(), Failure> {
        if depth >= MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        self.at += 1;
        Ok(())
    }

    fn word(&mut self, word: &str) -> Result<(), Failure> {
        for expected in word.bytes() {
            match self.peek() {
                None => return Err(self.eof()),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.syntax("expected ident")),
            }
        }
        Ok(())
    }

    fn digits(&mut self) -> Result<usize, Failure> {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        match self.at - start {
            0 if self.peek().is_none() => Err(self.eof()),
            0 => Err(self.syntax("invalid number")),
            n => Ok(n),
        }
    }

    fn number(&mut self) -> Result<&'a str, Failure> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let integer_digits = self.digits()?;
        if leading_zero && integer_digits > 1 {
            self.at -= integer_digits - 1;
            return Err(self.syntax("invalid number"));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.digits()?;
            float = true;
        }
        let literal = &self.text[start..self.at];
        self.canonical &= !float && literal != "-0" && integer_digits < 16;
        // Integers past 64 bits are read as floating point, as `serde_json` does.
        let beyond_u64 = integer_digits > 19;
        if (float || beyond_u64) && !literal.parse::<f64>().is_ok_and(f64::is_finite) {
            self.at -= 1;
            return Err(self.syntax("number out of range"));
        }
        Ok(literal)
    }

    /// Reads a string (a member name or a value). Inlined into its two callers: reading a
    /// result's tree took 4.56 µs with a call per string, 4.25 µs without.
    #[inline(always)]
    fn string(&mut self) -> Result<JsonStr<'a>, Failure> {
        self.at += 1;
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut written = Written::Plain;
        loop {
            let Some(offset) = string_stop(&bytes[self.at..]) else {
                return Err(self.eof());
            };
            self.at += offset;
            match bytes[self.at] {
                b'"' => {
                    let raw = &self.text[start..self.at];
                    self.at += 1;
                    self.canonical &= written == Written::Plain;
                    return Ok(JsonStr { raw, written });
                }
                b'\\' => {
                    written = Written::Escaped;
                    self.escape()?;
                }
                _ => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
            }
        }
    }

    /// Checks the escape at `self.at` (a backslash) and moves past it.
    fn escape(&mut self) -> Result<(), Failure> {
        self.at += 1;
        match self.peek() {
            None => Err(self.eof()),
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.at += 1;
                Ok(())
            }
            Some(b'u') => {
                let unit = self.hex4()?;
                match unit {
                    0xd800..=0xdbff => {
                        if self.text.as_bytes()[self.at..].starts_with(b"\\u") {
                            self.at += 1;
                            if let 0xdc00..=0xdfff = self.hex4()? {
                                return Ok(());
                            }
                        }
                        Err(self.syntax("lone leading surrogate in hex escape"))
                    }
                    0xdc00..=0xdfff => Err(self.syntax("lone trailing surrogate in hex escape")),
                    _ => Ok(()),
                }
            }
            Some(_) => Err(self.syntax("invalid escape")),
        }
    }

    /// Reads `uXXXX` at `self.at` and returns the code unit.
    fn hex4(&mut self) -> Result<u32, Failure> {
        self.at += 1;
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.eof()),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.syntax("invalid escape"))?,
            };
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, Failure> {
        let mark = self.items.len();
        let read = self.items_from(depth);
        let items = self.arena.alloc_slice_copy(&self.items[mark..]);
        self.items.truncate(mark);
        read.map(|()| Json::Array(items))
    }

    /// Reads the items of an array after its `[` onto `self.items`.
    fn items_from(&mut self, depth: usize) -> Result<(), Failure> {
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            let item = self.value(depth)?;
            self.items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err(self.syntax("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return Err(self.eof()),
                Some(_) => return Err(self.syntax("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, Failure> {
        let mark = self.members.len();
        let read = self.members_from(depth, mark);
        let members = self.arena.alloc_slice_copy(&self.members[mark..]);
        self.members.truncate(mark);
        read.map(|()| Json::Object(members))
    }

    /// Reads the members of an object after its `{` onto `self.members` (above `mark`).
    fn members_from(&mut self, depth: usize, mark: usize) -> Result<(), Failure> {
        // Past a few members, names are checked against a set rather than one by one.
        let mut names: Option<HashSet<Cow<'a, str>>> = None;
        let mut ascending = true;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            let start = self.at;
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.eof()),
                Some(b'}') if self.members.len() > mark => {
                    return Err(self.syntax("trailing comma"))
                }
                Some(_) => return Err(self.syntax("key must be a string")),
            }
            let name = self.string()?;
            let seen = &self.members[mark..];
            // While names come unescaped and in ascending order, a new one is distinct from
            // all before it, and needs no search.
            ascending &= !name.is_escaped()
                && seen
                    .last()
                    .is_none_or(|(previous, _)| precedes(previous.raw, name.raw));
            self.canonical &= ascending && name.raw.is_ascii();
            let duplicate = match &mut names {
                _ if ascending => false,
                Some(names) => !names.insert(name.value()),
                None => seen.iter().any(|(seen, _)| same_name(seen, &name)),
            };
            if duplicate {
                let kind = JsonErrorKind::DuplicateMember(name.value().into_owned());
                return Err((kind, self.at - 1));
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.eof()),
                Some(_) => return Err(self.syntax("expected `:`")),
            }
            let value = self.value(depth)?;
            self.members.push((name, value));
            if depth == 1 {
                self.top_spans.push((start, self.at));
            }
            let count = self.members.len() - mark;
            if !ascending && names.is_none() && count >= 16 {
                names = Some(
                    self.members[mark..]
                        .iter()
                        .map(|(name, _)| name.value())
                        .collect(),
                );
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return Err(self.eof()),
                Some(_) => return Err(self.syntax("expected `,` or `}`")),
            }
        }
    }
}

/// Where the first byte that ends a string's plain run is (a quote, a backslash or a control
/// character), looking at eight bytes at a time: most of a result file is string text.
pub(crate) fn string_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // The high bit of each byte of `word` below `n` (for n <= 0x80); only the lowest flagged
    // byte is sure to be one, and it is the first such byte, which is all that is asked.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let flagged = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if flagged != 0 {
            return Some(at + flagged.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|&b| ends_plain_run(b))
        .map(|offset| at + offset)
}

/// A quote, a backslash or a control character: what ends a run of plain string text.
fn ends_plain_run(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// Whether `a` sorts before `b` byte by byte (for ASCII names, the order RFC 8785 sorts in). Names
/// are short, so comparing in a loop beats calling `memcmp`.
fn precedes(a: &str, b: &str) -> bool {
    for (x, y) in a.bytes().zip(b.bytes()) {
        if x != y {
            return x < y;
        }
    }
    a.len() < b.len()
}

fn same_name(a: &JsonStr<'_>, b: &JsonStr<'_>) -> bool {
    if !a.is_escaped() && !b.is_escaped() {
        a.raw == b.raw
    } else {
        a.value() == b.value()
    }
}

/// The value of a string checked by the reader (valid escapes, paired surrogates).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(slash) = rest.find('\\') {
        out.push_str(&rest[..slash]);
        let escape = &rest[slash + 1..];
        let (decoded, used) = match escape.as_bytes()[0] {
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            b'n' => ('\n', 1),
            b'r' => ('\r', 1),
            b't' => ('\t', 1),
            b'u' => {
                let unit = |at: usize| u32::from_str_radix(&escape[at..at + 4], 16).unwrap_or(0);
                let high = unit(1);
                if (0xd800..0xdc00).contains(&high) {
                    let low = unit(7);
                    let code = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
                    (char::from_u32(code).unwrap_or('\u{fffd}'), 11)
                } else {
                    (char::from_u32(high).unwrap_or('\u{fffd}'), 5)
                }
            }
            other => (char::from(other), 1),
        };
        out.push(decoded);
        rest = &escape[used..];
    }
    out.push_str(rest);
    out
}

/// The `serde_json::Value` of a number literal checked by the reader.
fn number_value(literal: &str) -> Value {
    if let Ok(n) = literal.parse::<u64>() {
        Value::from(n)
    } else if let Ok(n) = literal.parse::<i64>() {
        Value::from(n)
    } else {
        literal
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::Null, Value::Number)
    }
}

/// The error with the 1-based line and character column of byte offset `at`.
fn position(text: &str, kind: JsonErrorKind, at: usize) -> JsonError {
    let before = &text[..floor_char_boundary(text, at)];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    JsonError {
        kind,
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::string_stop;

    proptest! {
        /// Eight bytes at a time find what a byte-by-byte scan finds, over bytes biased
        /// towards quotes, backslashes, control characters and high bytes.
        #[test]
        fn string_stop_finds_the_first_stopping_byte(
            bytes in prop::collection::vec(
                prop_oneof![
                    Just(b'"'), Just(b'\\'), 0u8..0x20, 0x20u8..0x80, 0x80u8..=0xff,
                    Just(0x22 ^ 0x80), Just(0x5c ^ 0x80),
                ],
                0..40,
            )
        ) {
            let expected = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            prop_assert_eq!(string_stop(&bytes), expected);
        }
    }
}
