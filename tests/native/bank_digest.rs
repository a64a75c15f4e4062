//! The bank digest and the RFC 8785 canonical JSON it is computed over: the RFC's own examples,
//! stability across the TOML's field order, sensitivity to any change.

use hocso::bank::{canonical_json, digest, load_toml};

use crate::bank::{edited, VALID};

#[test]
fn rfc8785_main_example() {
    let input = r#"{
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
    }"#;
    assert_eq!(
        canonical_json(input).expect("valid JSON"),
        r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
    );
}

#[test]
fn rfc8785_keys_sort_by_utf16_code_units() {
    let input = r#"{
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\ud83d\ude00": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"
    }"#;
    let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\
        \"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\
        \"😀\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}";
    assert_eq!(canonical_json(input).expect("valid JSON"), expected);
}

/// RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text.
#[test]
fn rfc8785_numbers() {
    let table: &[(u64, &str)] = &[
        (0x0000000000000000, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ];
    for (bits, expected) in table {
        let input = format!("[{:?}]", f64::from_bits(*bits));
        let got = canonical_json(&input).expect("valid JSON");
        assert_eq!(got, format!("[{expected}]"), "{bits:#018x} from {input}");
    }
}

#[test]
fn integers_beyond_two_to_the_53_round_like_doubles() {
    let got = canonical_json("[9007199254740993, -9007199254740993, 18446744073709551615, 42]");
    assert_eq!(
        got.expect("valid JSON"),
        "[9007199254740992,-9007199254740992,18446744073709552000,42]"
    );
}

#[test]
fn invalid_json_is_an_error() {
    for input in ["", "{", "[1,]", "{\"a\" 1}", "\"\\ud800\""] {
        assert!(canonical_json(input).is_err(), "{input:?}");
    }
}

fn digest_of(text: &str) -> String {
    let (bank, diagnostics) = load_toml("b.toml", text);
    assert_eq!(diagnostics, vec![]);
    digest(&bank.expect("valid bank"))
}

#[test]
fn digest_is_pinned_hex_sha256_of_the_canonical_json() {
    // Recomputed independently (Python: tomllib, the model's JSON shape, json.dumps with sorted
    // keys and no spaces, hashlib.sha256); a change here changes every result's bank reference.
    let expected = "b33d1e6700c20d59242540ad7b7757fb20c5d128b09f23d56870cf9a8ed84bc2";
    assert_eq!(digest_of(VALID), expected);
}

#[test]
fn digest_is_stable_across_toml_field_order() {
    let reordered = edited(&[
        (
            "id = \"nq57\"\ntitle = \"Tìm hiểu Nghị quyết số 57-NQ/TW\"\nversion = \"1.0.0\"",
            "version = \"1.0.0\"\ntitle = \"Tìm hiểu Nghị quyết số 57-NQ/TW\"\nid = \"nq57\"",
        ),
        (
            "id = \"tq-001\"\ntopic = \"tong-quan\"\nlevel = 1\nkind = \"single\"",
            "kind = \"single\"\nlevel = 1\ntopic = \"tong-quan\"\nid = \"tq-001\"",
        ),
        (
            "questions = 3\ntime_limit_minutes = 15",
            "time_limit_minutes = 15\nquestions = 3",
        ),
    ]);
    assert_ne!(reordered, VALID);
    let topic_reordered = edited(&[(
        "[[topics]]\nid = \"giai-phap\"\ntitle = \"Nhiệm vụ và giải pháp\"\n",
        "[[topics]]\ntitle = \"Nhiệm vụ và giải pháp\"\nid = \"giai-phap\"\n",
    )]);
    assert_eq!(digest_of(&reordered), digest_of(VALID));
    assert_eq!(digest_of(&topic_reordered), digest_of(VALID));
}

#[test]
fn one_character_changed_changes_the_digest() {
    let base = digest_of(VALID);
    let changes: &[(&str, &str)] = &[
        ("ban hành vào ngày nào?", "ban hành vào ngày nào."),
        ("answer = 1\n", "answer = 2\n"),
        ("level = 3", "level = 2"),
        ("version = \"1.0.0\"", "version = \"1.0.1\""),
        ("\"chuyen doi so\"", "\"chuyen doi sô\""),
    ];
    for (from, to) in changes {
        assert_ne!(digest_of(&edited(&[(from, to)])), base, "{from:?} → {to:?}");
    }
}
