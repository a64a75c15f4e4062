//! RFC 8785 (JCS): the examples of the RFC, and differential tests against the
//! `serde_json_canonicalizer` crate over random JSON.

use hocso::credential::strict_json::{parse_strict, parse_tree, parse_tree_noting_form, Arena};
use hocso::jcs::{canonicalize, canonicalize_tree, UnsafeNumber};
use proptest::prelude::*;
use serde_json::{json, Value};

fn jcs(value: &Value) -> String {
    String::from_utf8(canonicalize(value)).expect("jcs is utf-8")
}

#[test]
fn numbers_follow_ecmascript() {
    // RFC 8785 3.2.2.3 and appendix B.
    let table = [
        ("333333333.33333329", "333333333.3333333"),
        ("1E30", "1e+30"),
        ("4.50", "4.5"),
        ("2e-3", "0.002"),
        ("0.000000000000000000000000001", "1e-27"),
        ("-0", "0"),
        ("-0.0", "0"),
        ("9007199254740991", "9007199254740991"),
        ("9007199254740993", "9007199254740992"),
        ("-9007199254740993", "-9007199254740992"),
        ("18446744073709551615", "18446744073709552000"),
        ("1e21", "1e+21"),
        ("123456789012345680000", "123456789012345680000"),
    ];
    for (input, expected) in table {
        let value: Value = serde_json::from_str(input).expect("number");
        assert_eq!(jcs(&value), expected, "{input}");
    }
}

#[test]
fn strings_and_member_order_follow_the_rfc() {
    // RFC 8785 3.2.2.2: minimal escapes; 3.2.3: names sorted by UTF-16 code units.
    let value = json!({
        "\u{20ac}": "Euro Sign",
        "\r": "Carriage Return",
        "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\u{1f600}": "Emoji: Grinning Face",
        "\u{80}": "Control",
        "\u{f6}": "Latin Small Letter O With Diaeresis",
    });
    assert_eq!(
        jcs(&value),
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\
         \"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\",\
         \"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
    );
    assert_eq!(
        jcs(&json!([
            "\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f}\"\\/\u{7f}\u{2028}Việt"
        ])),
        "[\"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f\\\"\\\\/\u{7f}\u{2028}Việt\"]"
    );
    assert_eq!(
        jcs(&json!({"b": [true, false, null], "a": {}})),
        r#"{"a":{},"b":[true,false,null]}"#
    );
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53) + 1..(1i64 << 53)).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-zA-Zàáạảãâăđêôơư\u{1f600}\u{e000}\u{0}-\u{1f}\"\\\\]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                "[a-zÀ-ỹ\u{1f600}\u{e000}\u{ff61}\u{10000}-\u{10010}]{0,4}",
                inner,
                0..6
            )
            .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn matches_the_reference_implementation(value in arb_json()) {
        let reference = serde_json_canonicalizer::to_string(&value).expect("reference");
        prop_assert_eq!(jcs(&value), reference);
    }
}

proptest! {
    /// The strict reader's tree canonicalises like the reference, from compact or pretty text,
    /// and turns back into the very value that was written.
    #[test]
    fn trees_read_from_text_canonicalise_like_the_reference(value in arb_json()) {
        let reference = serde_json_canonicalizer::to_string(&value).expect("reference");
        for text in [
            serde_json::to_string(&value).expect("text"),
            serde_json::to_string_pretty(&value).expect("text"),
        ] {
            let arena = Arena::new();
            let (tree, already_canonical) =
                parse_tree_noting_form(&text, &arena).expect("strict json");
            let canonical = canonicalize_tree(&tree).expect("safe numbers");
            prop_assert_eq!(String::from_utf8(canonical).expect("utf-8"), reference.clone());
            // Text the reader vouches for as canonical is the canonical form, byte for byte,
            // and so is that text with any one member of an object cut out.
            if let Some(already_canonical) = already_canonical {
                prop_assert_eq!(already_canonical.text(), reference.as_str());
                for (index, (name, _)) in tree.as_object().unwrap_or_default().iter().enumerate() {
                    let mut without = value.as_object().expect("an object").clone();
                    without.remove(name.raw());
                    let cut = already_canonical.without_member(index).expect("a member").concat();
                    prop_assert_eq!(
                        String::from_utf8(cut).expect("utf-8"),
                        serde_json_canonicalizer::to_string(&without).expect("reference")
                    );
                }
            }
            prop_assert_eq!(parse_strict(&text).expect("strict json"), value.clone());
        }
    }
}

#[test]
fn trees_sort_members_and_decode_escapes() {
    let text = r#"{"b": 1, "\u0061b": [1.50, -0, 2e1], "a": "\u00e9\n"}"#;
    let arena = Arena::new();
    let canonical = canonicalize_tree(&parse_tree(text, &arena).unwrap()).unwrap();
    assert_eq!(
        String::from_utf8(canonical).unwrap(),
        "{\"a\":\"\u{e9}\\n\",\"ab\":[1.5,0,20],\"b\":1}"
    );
    let unsafe_integer = parse_tree("[9007199254740992]", &arena).unwrap();
    assert_eq!(
        canonicalize_tree(&unsafe_integer),
        Err(UnsafeNumber("9007199254740992".to_owned()))
    );
}

#[test]
fn the_reader_notes_text_that_is_already_canonical() {
    let canonical = |text: &str| {
        let arena = Arena::new();
        let (_, canonical) = parse_tree_noting_form(text, &arena).unwrap();
        canonical.map(|canonical| canonical.text().to_owned())
    };
    let text = r#"{"a":[1,"x",true,null,-5,0],"b":{"c":{}},"c":"Việt"}"#;
    assert_eq!(canonical(text).as_deref(), Some(text));
    assert_eq!(canonical(" [1]\n").as_deref(), Some("[1]"));
    for not_canonical in [
        r#"{"b":1,"a":2}"#,
        r#"{"a": 1}"#,
        "[1.5]",
        "[1e2]",
        "[-0]",
        "[1234567890123456]",
        r#"["\n"]"#,
        r#"{"é":1}"#,
    ] {
        assert_eq!(canonical(not_canonical), None, "{not_canonical}");
    }
}
