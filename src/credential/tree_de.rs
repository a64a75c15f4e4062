//! Typed values straight from the strict reader's [`Json`] tree, through serde: a verified
//! credential's subject becomes a `QuizResult` without another pass over text. Errors are
//! serde's own messages ("missing field `seed`", "invalid type: …").

use serde::de::value::{Error, MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

use super::strict_json::{Json, JsonStr};

/// Reads a `T` from an object's members, leaving out the member `skip`.
pub fn from_members<'t, 'de: 't, T: Deserialize<'de>>(
    members: &'t [(JsonStr<'de>, Json<'de>)],
    skip: &str,
) -> Result<T, Error> {
    T::deserialize(MapDeserializer::new(
        members
            .iter()
            .filter(|(name, _)| !name.is(skip))
            .map(|(name, value)| (Name(*name), Tree(value))),
    ))
}

/// A tree node as a serde deserializer.
#[derive(Clone, Copy)]
struct Tree<'t, 'de>(&'t Json<'de>);

/// A member name as a serde deserializer.
#[derive(Clone, Copy)]
struct Name<'de>(JsonStr<'de>);

impl<'t, 'de> IntoDeserializer<'de, Error> for Tree<'t, 'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> IntoDeserializer<'de, Error> for Name<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

fn visit_str<'de, V: Visitor<'de>>(text: JsonStr<'de>, visitor: V) -> Result<V::Value, Error> {
    if text.is_escaped() {
        visitor.visit_string(text.value().into_owned())
    } else {
        visitor.visit_borrowed_str(text.raw())
    }
}

impl<'de> de::Deserializer<'de> for Name<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visit_str(self.0, visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'t, 'de> de::Deserializer<'de> for Tree<'t, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(*b),
            Json::Number(literal) => {
                if let Ok(n) = literal.parse::<u64>() {
                    visitor.visit_u64(n)
                } else if let Ok(n) = literal.parse::<i64>() {
                    visitor.visit_i64(n)
                } else {
                    // The reader only keeps literals of finite values.
                    visitor.visit_f64(literal.parse().unwrap_or_default())
                }
            }
            Json::String(text) => visit_str(*text, visitor),
            Json::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter().map(Tree));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Json::Object(members) => {
                let mut map = MapDeserializer::new(
                    members
                        .iter()
                        .map(|(name, value)| (Name(*name), Tree(value))),
                );
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// Externally tagged enums: a unit variant is a string, any other a one-member object.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Json::String(text) => visitor.visit_enum(text.value().into_deserializer()),
            Json::Object(members) if members.len() == 1 => {
                visitor.visit_enum(MapAccessDeserializer::new(MapDeserializer::new(
                    members
                        .iter()
                        .map(|(name, value)| (Name(*name), Tree(value))),
                )))
            }
            _ => Err(de::Error::invalid_type(
                de::Unexpected::Other("a value other than a string or a one-member object"),
                &"an enum variant",
            )),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}
