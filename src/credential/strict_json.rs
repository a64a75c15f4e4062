//! A strict JSON reader: RFC 8259 via `serde_json`, plus rejection of duplicate member names
//! at any depth (serde_json keeps the last one, another reader may keep the first, so two
//! verifiers could see two different documents).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use thiserror::Error;

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
    /// A syntax error; the text is serde_json's description.
    #[error("{0}")]
    Syntax(String),
    /// The text ends in the middle of a value.
    #[error("unexpected end of text")]
    Eof,
    /// An object has two members with this name.
    #[error("duplicate member name {0:?}")]
    DuplicateMember(String),
}

/// Reads one JSON value from `text`, rejecting duplicate member names at any depth and
/// anything but whitespace after the value.
pub fn parse_strict(text: &str) -> Result<Value, JsonError> {
    let duplicate = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = StrictValue {
        duplicate: &duplicate,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    result.map_err(|error| {
        let kind = match duplicate.into_inner() {
            Some(name) => JsonErrorKind::DuplicateMember(name),
            None if error.is_eof() => JsonErrorKind::Eof,
            None => JsonErrorKind::Syntax(error_description(&error)),
        };
        JsonError {
            kind,
            line: error.line(),
            column: char_column(text, error.line(), error.column()),
        }
    })
}

/// Turns serde_json's byte column on a 1-based line into a 1-based character column
/// (serde_json says 0 when it stopped at the start of a line).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    text.split('\n')
        .nth(line.saturating_sub(1))
        .and_then(|line_text| line_text.get(..byte_column))
        .map_or(byte_column, |prefix| prefix.chars().count())
        .max(1)
}

/// serde_json's message without its " at line L column C" suffix.
fn error_description(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

#[derive(Clone, Copy)]
struct StrictValue<'a> {
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if members.contains_key(&name) {
                let message = format!("duplicate member name {name:?}");
                *self.duplicate.borrow_mut() = Some(name);
                return Err(de::Error::custom(message));
            }
            let value = map.next_value_seed(self)?;
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}
