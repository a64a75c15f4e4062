//! GIFT text: escapes, unescaped search, format markers.

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
        if c == '\r' {
            // Carriage returns are line-ending noise; `escape` drops them too.
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            // Not even an escaped carriage return is kept.
            Some('\r') => out.push('\\'),
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

/// The byte offset of the first `pattern` at or after `from` that no `\` escapes.
pub fn find_unescaped(text: &str, pattern: &str, from: usize) -> Option<usize> {
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
pub enum Format {
    Plain,
    Html,
}

/// Takes a leading `[html]`, `[markdown]`, `[plain]` or `[moodle]` off `text`.
pub fn strip_format(text: &str) -> (&str, Format) {
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
pub fn convert(text: &str, format: Format) -> String {
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
