//! The properties the fuzz targets (`fuzz/`) check, replayed over hand-picked hostile inputs:
//! never a panic, diagnostics inside the input, a valid bank survives TOML and GIFT round trips.
//! Inputs a fuzzer ever finds crashing belong in these tables.

use hocso::bank::{digest, export_gift, import_aiken, import_gift, load_toml, to_toml};
use hocso::diagnostics::render;

/// Inputs for the TOML loader.
const TOML: &[&str] = &[
    "",
    "\u{feff}",
    "[bank",
    "[[questions]]\n[[questions]]\n[[questions]]\n",
    "questions = 1\ntopics = \"x\"\nbank = []\n",
    "[bank]\nid = \"\u{0}\"\n",
    "[bank]\nid = 99999999999999999999999\n",
    "[bank.contest]\nquestions = -1\ntime_limit_minutes = 0x7fffffffffffffff\npass_percent = 1e300\n",
    "[bank.contest.quotas]\n\"\" = 1\n\"a b\" = 2\n",
    "[[topics]]\nid = [[[[[[[[[[]]]]]]]]]]\n",
    "[[questions]]\nkind = \"single\"\nchoices = []\nanswer = []\n",
    "[[questions]]\nkind = \"multiple\"\nchoices = [\"a\", \"a\", \"\u{301}\"]\nanswer = [-9223372036854775808]\n",
    "[[questions]]\nkind = \"short\"\naccept = [1, {x = 1}, \"\"]\n",
    "a = \"\\u0000\\r\\n\"\n\u{1F600} = 1\n",
];

/// Inputs for the GIFT importer.
const GIFT: &[&str] = &[
    "",
    "{",
    "}",
    "::",
    "::::{}",
    "\\",
    "{\\}",
    "$CATEGORY:",
    "$CATEGORY: /",
    "// @",
    "// @contest.quota",
    "// @contest.pass_percent 99999\nq {T}",
    "q {=}",
    "q {~%%a =b}",
    "q {~%%%}",
    "q {=a ->}",
    "q {####}",
    "q {T#}",
    "q\r\n{\r\n=a\r\n~b\r\n}\r\n",
    "::đ::[html]<<<>>&amp{=<b>x</b> ~y}",
    "q {=a\u{0}b ~\u{0}}",
    "q {=%50%a =%50%b}",
];

#[test]
fn toml_loader_survives_hostile_input() {
    for text in TOML {
        let (bank, diagnostics) = load_toml("f.toml", text);
        for d in &diagnostics {
            assert!(
                d.span.end <= text.len() && d.span.start <= d.span.end,
                "{text:?}: {d:?}"
            );
        }
        let _ = render("f.toml", text, &diagnostics);
        assert!(bank.is_none(), "{text:?}");
        assert!(!diagnostics.is_empty(), "{text:?}");
    }
}

#[test]
fn gift_and_aiken_importers_survive_hostile_input() {
    let mut imported = 0;
    for text in GIFT {
        let (bank, diagnostics) = import_gift("f.gift", text);
        for d in &diagnostics {
            assert!(
                d.span.end <= text.len() && d.span.start <= d.span.end,
                "{text:?}: {d:?}"
            );
        }
        if let Some(bank) = bank {
            imported += 1;
            let gift = export_gift(&bank);
            assert_eq!(
                import_gift("again.gift", &gift).0,
                Some(bank.clone()),
                "{gift}"
            );
            let toml = to_toml(&bank);
            assert_eq!(digest(&bank).len(), 64, "{toml}");
        }
        let (_, diagnostics) = import_aiken("f.txt", text);
        for d in &diagnostics {
            assert!(d.span.end <= text.len(), "{text:?}: {d:?}");
        }
    }
    assert!(
        imported >= 5,
        "only {imported} inputs made a bank; the round trip went unchecked"
    );
}
