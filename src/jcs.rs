//! RFC 8785 JSON Canonicalization Scheme (JCS) for `serde_json` values, written for speed: it
//! is on the path of every verification (the `serde_json_canonicalizer` crate, used as the
//! reference in tests, is about 15 times slower on our results).
//!
//! Objects are written with members sorted by the UTF-16 code units of their names
//! (RFC 8785 3.2.3), strings with the minimal ECMAScript escapes (3.2.2.2) and numbers as
//! ECMAScript `Number.prototype.toString` would (3.2.2.3), through `ryu-js`.

use serde_json::{Map, Number, Value};

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
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_value(item, out);
            }
            out.push(b']');
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
    out.push(b'{');
    for (index, (name, member)) in members.enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_string(name, out);
        out.push(b':');
        write_value(member, out);
    }
    out.push(b'}');
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
