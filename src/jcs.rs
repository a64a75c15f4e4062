//! RFC 8785 JSON Canonicalization Scheme (JCS), written for speed: it is on the path of every
//! verification (the `serde_json_canonicalizer` crate, used as the reference in tests, is about
//! 15 times slower on our results). Two inputs: `serde_json` values (what is signed) and the
//! strict reader's borrowed trees (what is verified), whose unescaped strings are copied as
//! they are and whose numbers must be I-JSON safe integers or finite floats.
//!
//! Objects are written with members sorted by the UTF-16 code units of their names
//! (RFC 8785 3.2.3), strings with the minimal ECMAScript escapes (3.2.2.2) and numbers as
//! ECMAScript `Number.prototype.toString` would (3.2.2.3), through `ryu-js`.

use std::convert::Infallible;

use serde_json::{Map, Number, Value};

use crate::credential::strict_json::{Json, JsonStr};

/// The JCS canonical form of a JSON value.
pub fn canonicalize(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    write_value(value, &mut out);
    out
}

/// The JCS canonical form of a JSON object.
pub fn canonicalize_object(object: &Map<String, Value>) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    write_object(object, &mut out);
    out
}

fn write_value(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(number) => write_number(number, out),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            let Ok(()) = write_joined(b"[]", items, out, |item, out| {
                write_value(item, out);
                Ok::<_, Infallible>(())
            });
        }
        Value::Object(members) => write_object(members, out),
    }
}

fn write_object(members: &Map<String, Value>, out: &mut Vec<u8>) {
    // serde_json's map iterates in UTF-8 byte order, which is UTF-16 order unless a name has
    // a character outside the Basic Multilingual Plane (4-byte UTF-8, first byte >= 0xf0).
    if members.keys().any(|name| name.bytes().any(|b| b >= 0xf0)) {
        let mut entries: Vec<(&String, &Value)> = members.iter().collect();
        entries.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
        write_members(entries.into_iter(), out);
    } else {
        write_members(members.iter(), out);
    }
}

fn write_members<'a>(members: impl Iterator<Item = (&'a String, &'a Value)>, out: &mut Vec<u8>) {
    let Ok(()) = write_joined(b"{}", members, out, |(name, member), out| {
        write_string(name, out);
        out.push(b':');
        write_value(member, out);
        Ok::<_, Infallible>(())
    });
}

/// Writes `items` between the two `brackets`, separated by commas.
fn write_joined<T, E>(
    brackets: &[u8; 2],
    items: impl IntoIterator<Item = T>,
    out: &mut Vec<u8>,
    mut write_item: impl FnMut(T, &mut Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    out.push(brackets[0]);
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_item(item, out)?;
    }
    out.push(brackets[1]);
    Ok(())
}

fn write_number(number: &Number, out: &mut Vec<u8>) {
    const MAX_SAFE: u64 = (1 << 53) - 1;
    if let Some(n) = number.as_u64().filter(|n| *n <= MAX_SAFE) {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    } else if let Some(n) = number.as_i64().filter(|n| n.unsigned_abs() <= MAX_SAFE) {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    } else {
        // Finite: serde_json numbers are never NaN or infinite.
        let value = number.as_f64().unwrap_or_default();
        out.extend_from_slice(ryu_js::Buffer::new().format_finite(value).as_bytes());
    }
}

fn write_string(text: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0c => b"\\f",
            b'\r' => b"\\r",
            0x00..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..index]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(byte >> 4)]);
            out.push(HEX[usize::from(byte & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        start = index + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A number outside the I-JSON range of exact integers (±(2^53 − 1)), written as an integer:
/// JCS implementations canonicalise it differently, so it is refused rather than signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeNumber(pub String);

/// The JCS canonical form of an object read by the strict reader, given as its members (the
/// caller may leave some out or replace them).
pub fn canonicalize_members(
    members: &[(&JsonStr<'_>, &Json<'_>)],
) -> Result<Vec<u8>, UnsafeNumber> {
    let mut out = Vec::with_capacity(4096);
    write_tree_object(members.iter().copied(), &mut out)?;
    Ok(out)
}

/// The JCS canonical form of a value read by the strict reader.
pub fn canonicalize_tree(value: &Json<'_>) -> Result<Vec<u8>, UnsafeNumber> {
    let mut out = Vec::new();
    write_tree(value, &mut out)?;
    Ok(out)
}

fn write_tree(value: &Json<'_>, out: &mut Vec<u8>) -> Result<(), UnsafeNumber> {
    match value {
        Json::Null => out.extend_from_slice(b"null"),
        Json::Bool(true) => out.extend_from_slice(b"true"),
        Json::Bool(false) => out.extend_from_slice(b"false"),
        Json::Number(literal) => write_literal(literal, out)?,
        Json::String(text) => write_tree_string(text, out),
        Json::Array(items) => write_joined(b"[]", items.iter(), out, write_tree)?,
        Json::Object(members) => {
            write_tree_object(members.iter().map(|(name, value)| (name, value)), out)?;
        }
    }
    Ok(())
}

/// Writes an object's members, sorted first unless they already are (as in most files).
fn write_tree_object<'t, 'a: 't>(
    members: impl Iterator<Item = (&'t JsonStr<'a>, &'t Json<'a>)> + Clone,
    out: &mut Vec<u8>,
) -> Result<(), UnsafeNumber> {
    let in_order = members
        .clone()
        .zip(members.clone().skip(1))
        .all(|((a, _), (b, _))| name_order(a, b).is_lt());
    let write_member = |(name, value): (&JsonStr<'_>, &Json<'_>), out: &mut Vec<u8>| {
        write_tree_string(name, out);
        out.push(b':');
        write_tree(value, out)
    };
    if in_order {
        write_joined(b"{}", members, out, write_member)
    } else {
        let mut sorted: Vec<_> = members.collect();
        sorted.sort_by(|a, b| name_order(a.0, b.0));
        write_joined(b"{}", sorted, out, write_member)
    }
}

/// RFC 8785 3.2.3: names in the order of their UTF-16 code units, which is UTF-8 byte order
/// unless a name has a character outside the Basic Multilingual Plane.
fn name_order(a: &JsonStr<'_>, b: &JsonStr<'_>) -> std::cmp::Ordering {
    if !a.is_escaped() && !b.is_escaped() && a.raw().is_ascii() && b.raw().is_ascii() {
        return a.raw().cmp(b.raw());
    }
    let (a, b) = (a.value(), b.value());
    let supplementary = |text: &str| text.bytes().any(|byte| byte >= 0xf0);
    if supplementary(&a) || supplementary(&b) {
        a.encode_utf16().cmp(b.encode_utf16())
    } else {
        a.cmp(&b)
    }
}

fn write_tree_string(text: &JsonStr<'_>, out: &mut Vec<u8>) {
    if text.is_escaped() {
        write_string(&text.value(), out);
    } else {
        // Without escapes the text between the quotes has no quote, backslash or control
        // character: it is already in canonical form.
        out.push(b'"');
        out.extend_from_slice(text.raw().as_bytes());
        out.push(b'"');
    }
}

/// A number literal as ECMAScript writes its value; integers must be I-JSON safe.
fn write_literal(literal: &str, out: &mut Vec<u8>) -> Result<(), UnsafeNumber> {
    const MAX_SAFE: u64 = (1 << 53) - 1;
    let integer = !literal.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if integer {
        let magnitude = literal.trim_start_matches('-');
        match magnitude.parse::<u64>() {
            Ok(n) if n <= MAX_SAFE => {
                if literal.starts_with('-') && n > 0 {
                    out.push(b'-');
                }
                out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
                Ok(())
            }
            _ => Err(UnsafeNumber(literal.to_owned())),
        }
    } else {
        // The reader only keeps literals of finite values.
        let value: f64 = literal.parse().unwrap_or_default();
        out.extend_from_slice(ryu_js::Buffer::new().format_finite(value).as_bytes());
        Ok(())
    }
}
