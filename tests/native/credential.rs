//! Quiz result credentials: did:key, strict JSON, dateTimeStamp, sign → verify, and rejection
//! of every single-field tamper with its Vietnamese reason.

use ed25519_dalek::SigningKey;
use hocso::attempt::{Answer, AnswerRecord, ContestSettings};
use hocso::credential::datetime::{format_timestamp, is_datetime, parse_timestamp};
use hocso::credential::did_key::{decode_base58btc, encode_base58btc, DidKey, DidKeyError};
use hocso::credential::proof::{create_proof, ProofError};
use hocso::credential::strict_json::{parse_strict, JsonError, JsonErrorKind};
use hocso::credential::{
    issue, read_result, verify, BankRef, FormatProblem, ParticipantInfo, QuizResult, VerifyError,
};
use serde_json::{json, Value};

const NOW: i64 = 1_795_441_993_000; // 2026-11-23T13:53:13Z

fn key(byte: u8) -> SigningKey {
    SigningKey::from_bytes(&[byte; 32])
}

fn answer(question: &str, answer: Answer, at: i64) -> AnswerRecord {
    AnswerRecord {
        question: question.to_owned(),
        answer,
        at: at as u64,
    }
}

fn result() -> QuizResult {
    QuizResult {
        participant: ParticipantInfo {
            name: "Nguyễn Văn An".to_owned(),
            unit: "Chi bộ Khu phố 3".to_owned(),
        },
        bank: BankRef {
            id: "nq57".to_owned(),
            version: "1.0.0".to_owned(),
            digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".to_owned(),
        },
        seed: "18446744073709551615".to_owned(),
        settings: ContestSettings {
            questions: 3,
            quotas: Vec::new(),
            time_limit_ms: 600_000,
        },
        answers: vec![
            answer("q1", Answer::Choice(2), NOW - 50_000),
            answer("q7", Answer::Choices(vec![0, 3]), NOW - 30_000),
            answer("q9", Answer::Text("chuyển đổi số".to_owned()), NOW - 10_000),
        ],
        started_at: NOW - 60_500,
        submitted_at: NOW - 1_000,
        prediction: 1234,
        score: 2,
        max_score: 3,
    }
}

fn signed() -> Value {
    issue(&result(), &key(7), NOW).expect("issue")
}

fn text(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("serialise")
}

#[test]
fn did_key_formats_and_parses() {
    let did = DidKey::of(&key(7));
    let text = did.to_string();
    assert!(text.starts_with("did:key:z6Mk"), "{text}");
    assert_eq!(DidKey::parse(&text), Ok(did.clone()));
    assert_eq!(
        did.verification_method(),
        format!("{text}#{}", did.multikey())
    );
    assert_eq!(
        DidKey::parse_verification_method(&did.verification_method()),
        Ok(did)
    );
}

/// `did:key:` + multibase of the `ed25519-pub` codec and `key`.
fn with_codec(key: &[u8]) -> String {
    let bytes: Vec<u8> = [0xed, 0x01].iter().chain(key).copied().collect();
    format!("did:key:{}", encode_base58btc(&bytes))
}

/// 32 bytes that are not the encoding of a curve point.
fn not_a_point() -> [u8; 32] {
    (0u8..=255)
        .map(|byte| [byte; 32])
        .find(|bytes| ed25519_dalek::VerifyingKey::from_bytes(bytes).is_err())
        .expect("some constant byte string is off the curve")
}

#[test]
fn did_key_rejects_malformed_identifiers() {
    let did = DidKey::of(&key(7)).to_string();
    let other = DidKey::of(&key(8)).multikey().to_owned();
    let secret_multikey = hocso::credential::did_key::encode_secret_multikey(&key(7));
    let cases: Vec<(String, DidKeyError)> = vec![
        ("did:web:example.org".into(), DidKeyError::NotDidKey),
        (
            did.replace("did:key:z", "did:key:f"),
            DidKeyError::NotBase58Btc,
        ),
        ("did:key:z6Mk0OIl".into(), DidKeyError::BadBase58),
        (
            format!("did:key:{secret_multikey}"),
            DidKeyError::WrongCodec {
                expected: "ed25519-pub",
            },
        ),
        (with_codec(&[7; 33]), DidKeyError::WrongLength(33)),
        (with_codec(&[7]), DidKeyError::WrongLength(1)),
        (with_codec(&not_a_point()), DidKeyError::InvalidKey),
    ];
    for (input, expected) in cases {
        assert_eq!(DidKey::parse(&input), Err(expected), "{input}");
    }
    assert_eq!(
        DidKey::parse_verification_method(&did),
        Err(DidKeyError::MissingFragment)
    );
    assert_eq!(
        DidKey::parse_verification_method(&format!("{did}#{other}")),
        Err(DidKeyError::FragmentMismatch)
    );
}

#[test]
fn strict_json_reports_position_and_duplicates_at_any_depth() {
    let cases: &[(&str, JsonErrorKind, usize, usize)] = &[
        (
            r#"{"a": 1, "a": 2}"#,
            JsonErrorKind::DuplicateMember("a".into()),
            1,
            12,
        ),
        (
            "{\n  \"x\": [{\"tên\": 1,\n  \"tên\": 2}]\n}",
            JsonErrorKind::DuplicateMember("tên".into()),
            3,
            7,
        ),
        (
            "{\"a\": 1,}",
            JsonErrorKind::Syntax("trailing comma".into()),
            1,
            9,
        ),
        ("{\"a\": 1", JsonErrorKind::Eof, 1, 7),
        (
            "{} x",
            JsonErrorKind::Syntax("trailing characters".into()),
            1,
            4,
        ),
        (
            "{\"ý\": tru}",
            JsonErrorKind::Syntax("expected ident".into()),
            1,
            10,
        ),
        (
            r#"{"a": 1, "\u0061": 2}"#,
            JsonErrorKind::DuplicateMember("a".into()),
            1,
            17,
        ),
        (
            r#"["\ud800x"]"#,
            JsonErrorKind::Syntax("lone leading surrogate in hex escape".into()),
            1,
            9,
        ),
        (
            r#"["\q"]"#,
            JsonErrorKind::Syntax("invalid escape".into()),
            1,
            4,
        ),
        ("[01]", JsonErrorKind::Syntax("invalid number".into()), 1, 3),
        (
            "[1e400]",
            JsonErrorKind::Syntax("number out of range".into()),
            1,
            6,
        ),
        (
            "[\"a\tb\"]",
            JsonErrorKind::Syntax(
                "control character (\\u0000-\\u001F) found while parsing a string".into(),
            ),
            1,
            4,
        ),
        ("", JsonErrorKind::Eof, 1, 1),
    ];
    for (input, kind, line, column) in cases {
        let expected = JsonError {
            kind: kind.clone(),
            line: *line,
            column: *column,
        };
        assert_eq!(parse_strict(input), Err(expected), "{input}");
    }
    assert_eq!(
        parse_strict(r#"{"a": {"a": 1}, "b": [1, 2.5]}"#),
        Ok(json!({"a": {"a": 1}, "b": [1, 2.5]}))
    );
}

#[test]
fn timestamps_round_trip_and_reject_impossible_dates() {
    let table = [
        (0, "1970-01-01T00:00:00Z"),
        (NOW, "2026-11-23T13:53:13Z"),
        (NOW + 45, "2026-11-23T13:53:13.045Z"),
        (951_782_400_000, "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ];
    for (ms, text) in table {
        assert_eq!(format_timestamp(ms), text);
        assert_eq!(parse_timestamp(text), Some(ms), "{text}");
    }
    assert_eq!(parse_timestamp("2026-11-23T20:53:13+07:00"), Some(NOW));
    // Fractions shorter than milliseconds are padded, longer ones truncated.
    assert_eq!(parse_timestamp("2026-11-23T13:53:13.5Z"), Some(NOW + 500));
    assert_eq!(parse_timestamp("2026-11-23T13:53:13.04Z"), Some(NOW + 40));
    assert_eq!(parse_timestamp("2026-11-23T13:53:13.0459Z"), Some(NOW + 45));
    for bad in [
        "2026-11-23T13:53:13",
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-23T24:00:00Z",
        "2026-11-23 13:53:13Z",
        "2026-11-23T13:53:13.Z",
        "2026-11-23T13:53:13+15:00",
        "0000-01-01T00:00:00Z",
    ] {
        assert_eq!(parse_timestamp(bad), None, "{bad}");
    }
    assert!(is_datetime("2026-11-23T13:53:13"));
    assert!(!is_datetime("2026-11-23"));
}

#[test]
fn a_signed_result_verifies_and_returns_what_was_signed() {
    let credential = signed();
    assert_eq!(
        credential["@context"],
        json!(["https://www.w3.org/ns/credentials/v2"])
    );
    assert_eq!(
        credential["type"],
        json!(["VerifiableCredential", "QuizResultCredential"])
    );
    let did = DidKey::of(&key(7));
    assert_eq!(credential["issuer"], did.to_string());
    assert_eq!(credential["credentialSubject"]["id"], did.to_string());
    assert_eq!(
        credential["credentialSubject"]["startedAt"],
        "2026-11-23T13:52:12.500Z"
    );
    assert_eq!(credential["validFrom"], "2026-11-23T13:53:13Z");
    let proof = &credential["proof"];
    assert_eq!(proof["type"], "DataIntegrityProof");
    assert_eq!(proof["cryptosuite"], "eddsa-jcs-2022");
    assert_eq!(proof["proofPurpose"], "assertionMethod");
    assert_eq!(proof["verificationMethod"], did.verification_method());
    assert_eq!(proof["@context"], credential["@context"]);

    let verified = verify(&text(&credential)).expect("verifies");
    assert_eq!(verified.issuer, did);
    assert_eq!(verified.valid_from, NOW);
    assert_eq!(verified.result, result());
    // Member order and whitespace are not signed: compact JSON verifies too.
    assert!(verify(&credential.to_string()).is_ok());
}

/// Every path to a leaf (string, number, bool, null) of a JSON value.
fn leaves(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                path.push(name.clone());
                leaves(member, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(index.to_string());
                leaves(item, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn leaf_mut<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(value, |value, step| match value {
        Value::Array(items) => &mut items[step.parse::<usize>().expect("index")],
        other => &mut other[step.as_str()],
    })
}

/// A same-typed different value, so a tamper is not caught merely by its type.
fn changed(value: &Value) -> Value {
    match value {
        Value::String(text) => match text.pop_last_char() {
            Some((rest, last)) => {
                Value::String(format!("{rest}{}", if last == 'a' { 'b' } else { 'a' }))
            }
            None => Value::String("a".to_owned()),
        },
        Value::Number(number) => json!(number.as_u64().map_or(1, |n| n + 1)),
        Value::Bool(flag) => Value::Bool(!flag),
        _ => Value::from("null"),
    }
}

trait PopLastChar {
    fn pop_last_char(&self) -> Option<(&str, char)>;
}

impl PopLastChar for String {
    fn pop_last_char(&self) -> Option<(&str, char)> {
        let last = self.chars().last()?;
        Some((&self[..self.len() - last.len_utf8()], last))
    }
}

#[test]
fn every_single_leaf_tamper_is_rejected() {
    let credential = signed();
    let mut paths = Vec::new();
    leaves(&credential, &mut Vec::new(), &mut paths);
    assert!(paths.len() > 30, "walked only {} leaves", paths.len());
    for path in paths {
        let mut tampered = credential.clone();
        let leaf = leaf_mut(&mut tampered, &path);
        *leaf = changed(leaf);
        let outcome = verify(&text(&tampered)).map(|_| ()).map_err(|e| e.code());
        if path[0] == "credentialSubject" || path[0] == "validFrom" {
            // Well-formed content changed after signing: only the signature can tell.
            assert_eq!(outcome, Err("signature_invalid"), "tamper at {path:?}");
        } else {
            assert!(outcome.is_err(), "tamper at {path:?} accepted");
        }
    }
}

/// Reading leaves the signature for last: what `verify` checks after it (here a subject that no
/// longer reads) is held back, so the reason is still the signature; what it checks before it
/// (the JSON) is the reading's error; a signed file's claims come back once the signature holds.
#[test]
fn reading_holds_back_what_comes_after_the_signature() {
    let mut subject = signed();
    subject["credentialSubject"]["seed"] = json!(["not", "a", "seed"]);
    let pending = read_result(&text(&subject)).expect("reads up to the signature");
    assert_eq!(pending.verify().unwrap_err().code(), "signature_invalid");
    assert_eq!(read_result("{").unwrap_err().code(), "bad_json");
    let pending = read_result(&text(&signed())).expect("reads");
    assert_eq!(pending.verify().expect("verifies").result, result());
}

#[test]
fn every_removed_or_added_member_is_rejected() {
    let credential = signed();
    let mut paths = Vec::new();
    leaves(&credential, &mut Vec::new(), &mut paths);
    for path in paths {
        let (last, parent_path) = path.split_last().expect("non-empty path");
        let mut removed = credential.clone();
        match leaf_mut(&mut removed, parent_path) {
            Value::Object(members) => drop(members.remove(last)),
            Value::Array(items) => drop(items.remove(last.parse::<usize>().expect("index"))),
            _ => unreachable!("a parent is a container"),
        }
        assert!(
            verify(&text(&removed)).is_err(),
            "removal of {path:?} accepted"
        );
    }
    for parent in [
        &[][..],
        &["credentialSubject".to_owned()],
        &["proof".to_owned()],
    ] {
        let mut added = credential.clone();
        leaf_mut(&mut added, parent)["extra"] = json!("x");
        assert!(
            verify(&text(&added)).is_err(),
            "member added to {parent:?} accepted"
        );
    }
}

fn reason(credential: &Value) -> String {
    verify(&text(credential))
        .expect_err("must be rejected")
        .to_string()
}

#[test]
fn tampers_report_their_vietnamese_reason() {
    let mut answer = signed();
    answer["credentialSubject"]["answers"][0]["answer"]["choice"] = json!(1);
    assert_eq!(
        reason(&answer),
        "chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký"
    );

    let mut context = signed();
    context["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://example.org/x"
    ]);
    assert_eq!(
        reason(&context),
        "không đúng định dạng kết quả đã ký: @context phải đúng là [\"https://www.w3.org/ns/credentials/v2\"]"
    );
    let mut context = signed();
    context["@context"] = json!("https://www.w3.org/ns/credentials/v2");
    assert_eq!(reason(&context), "không đúng định dạng kết quả đã ký: @context phải đúng là [\"https://www.w3.org/ns/credentials/v2\"]");

    let mut suite = signed();
    suite["proof"]["cryptosuite"] = json!("eddsa-rdfc-2022");
    assert_eq!(
        reason(&suite),
        "kiểu chữ ký không được hỗ trợ: cryptosuite \"eddsa-rdfc-2022\" (cần \"eddsa-jcs-2022\")"
    );

    let mut types = signed();
    types["type"] = json!(["VerifiableCredential"]);
    assert_eq!(
        reason(&types),
        "không đúng định dạng kết quả đã ký: type phải gồm \"VerifiableCredential\" và \"QuizResultCredential\""
    );

    let mut no_proof = signed();
    no_proof.as_object_mut().expect("object").remove("proof");
    assert_eq!(
        reason(&no_proof),
        "không đúng định dạng kết quả đã ký: không có chữ ký (proof)"
    );

    let mut value = signed();
    value["proof"]["proofValue"] = json!("abc");
    assert_eq!(
        reason(&value),
        "chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký"
    );

    let mut purpose = signed();
    purpose["proof"]["proofPurpose"] = json!("authentication");
    assert_eq!(
        reason(&purpose),
        "chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký"
    );
}

/// Re-signs a credential after `edit`, with `signer`, keeping everything else.
fn resign(edit: impl FnOnce(&mut Value), signer: &SigningKey) -> Value {
    let mut credential = signed();
    let proof = credential
        .as_object_mut()
        .expect("object")
        .remove("proof")
        .expect("proof");
    edit(&mut credential);
    let mut options = proof.as_object().expect("proof object").clone();
    options.remove("proofValue");
    options.remove("@context");
    options.insert(
        "verificationMethod".to_owned(),
        json!(DidKey::of(signer).verification_method()),
    );
    let proof =
        create_proof(credential.as_object().expect("object"), &options, signer).expect("proof");
    credential["proof"] = Value::Object(proof);
    credential
}

#[test]
fn a_key_swap_is_rejected() {
    let other = key(8);
    let swapped = resign(|_| {}, &other);
    assert_eq!(
        reason(&swapped),
        format!(
            "người cấp ({}) không phải là khóa đã ký ({})",
            DidKey::of(&key(7)),
            DidKey::of(&other)
        )
    );
    // The verification method alone pointed at another key: the signature no longer matches.
    let mut pointed = signed();
    pointed["proof"]["verificationMethod"] = json!(DidKey::of(&other).verification_method());
    assert_eq!(
        reason(&pointed),
        "chữ ký không hợp lệ: tệp đã bị sửa sau khi ký hoặc không do khóa này ký"
    );
}

#[test]
fn properly_signed_but_malformed_results_are_rejected() {
    let signer = key(7);
    let purpose = resign(|_| {}, &signer);
    assert!(
        verify(&text(&purpose)).is_ok(),
        "re-signing itself keeps it valid"
    );

    let mut authentication = signed();
    let proof = authentication
        .as_object_mut()
        .expect("object")
        .remove("proof")
        .expect("proof");
    let mut options = proof.as_object().expect("proof").clone();
    options.remove("proofValue");
    options.insert("proofPurpose".to_owned(), json!("authentication"));
    let proof = create_proof(
        authentication.as_object().expect("object"),
        &options,
        &signer,
    )
    .expect("proof");
    authentication["proof"] = Value::Object(proof);
    assert_eq!(
        reason(&authentication),
        "không đúng định dạng kết quả đã ký: mục đích chữ ký (proofPurpose) phải là \"assertionMethod\""
    );

    let subject_id = resign(
        |c| c["credentialSubject"]["id"] = json!("did:example:1"),
        &signer,
    );
    assert_eq!(
        reason(&subject_id),
        "không đúng định dạng kết quả đã ký: credentialSubject không chứa kết quả bài thi hợp lệ: id phải là did:key của người cấp"
    );
    let valid_from = resign(|c| c["validFrom"] = json!("2026-11-23T13:53:13"), &signer);
    assert_eq!(
        reason(&valid_from),
        "không đúng định dạng kết quả đã ký: validFrom phải là thời điểm có múi giờ"
    );
    let score = resign(|c| c["credentialSubject"]["score"] = json!("3"), &signer);
    assert!(matches!(
        verify(&text(&score)),
        Err(VerifyError::UnknownFormat(FormatProblem::Subject(_)))
    ));
}

#[test]
fn unsafe_integers_cannot_be_signed() {
    let mut big = result();
    big.settings.time_limit_ms = 1 << 53;
    assert_eq!(
        issue(&big, &key(7), NOW),
        Err(ProofError::UnsafeNumber("9007199254740992".to_owned()))
    );
}

#[test]
fn bad_files_report_json_errors_in_vietnamese() {
    assert_eq!(
        verify("{\n  \"a\": 1,\n  \"a\": 2\n}").map_err(|e| e.to_string()),
        Err("tên thuộc tính \"a\" xuất hiện hai lần (dòng 3, cột 5); hai chương trình đọc có thể thấy hai nội dung khác nhau nên tệp bị từ chối".to_owned())
    );
    assert_eq!(
        verify("{\n  \"a\": 1 2\n}").map_err(|e| e.to_string()),
        Err("tệp không phải JSON hợp lệ (dòng 2, cột 10): expected `,` or `}`".to_owned())
    );
    assert_eq!(
        verify("[1, 2]").map_err(|e| e.to_string()),
        Err(
            "không đúng định dạng kết quả đã ký: nội dung không phải là một đối tượng JSON"
                .to_owned()
        )
    );
    // A duplicate inside a validly signed credential: rejected before anything else.
    let signed_text = text(&signed());
    let duplicated = signed_text.replacen("\"score\": 2,", "\"score\": 3,\n    \"score\": 2,", 1);
    assert_ne!(duplicated, signed_text);
    assert_eq!(
        verify(&duplicated).map_err(|e| e.code()),
        Err("duplicate_member")
    );
}

#[test]
fn proof_problems_have_their_own_vietnamese_reason() {
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 7] = [
        (
            |c| c["proof"] = json!([c["proof"].clone()]),
            "không đúng định dạng kết quả đã ký: chữ ký (proof) sai cấu trúc: có nhiều chữ ký (proof set), chưa được hỗ trợ",
        ),
        (
            |c| c["proof"] = json!("z123"),
            "không đúng định dạng kết quả đã ký: chữ ký (proof) sai cấu trúc: proof không phải là một đối tượng",
        ),
        (
            |c| drop(c["proof"].as_object_mut().map(|p| p.remove("proofValue"))),
            "không đúng định dạng kết quả đã ký: chữ ký (proof) sai cấu trúc: thiếu trường chuỗi \"proofValue\"",
        ),
        (
            |c| c["proof"]["created"] = json!("hôm qua"),
            "không đúng định dạng kết quả đã ký: chữ ký (proof) sai cấu trúc: created \"hôm qua\" không phải là thời điểm hợp lệ",
        ),
        (
            |c| c["credentialSubject"]["prediction"] = json!(9_007_199_254_740_993u64),
            "không đúng định dạng kết quả đã ký: số 9007199254740993 vượt quá phạm vi số nguyên an toàn của JSON (I-JSON)",
        ),
        (
            |c| c["proof"]["type"] = json!("Ed25519Signature2020"),
            "kiểu chữ ký không được hỗ trợ: type \"Ed25519Signature2020\" (cần \"DataIntegrityProof\")",
        ),
        (
            |c| c["proof"]["verificationMethod"] = json!("did:web:example.org#key-1"),
            "kiểu chữ ký không được hỗ trợ: khóa xác minh không phải là did:key Ed25519",
        ),
    ];
    for (edit, expected) in cases {
        let mut credential = signed();
        edit(&mut credential);
        assert_eq!(reason(&credential), expected);
    }
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        verify(&deep).map_err(|e| e.to_string()),
        Err("tệp không phải JSON hợp lệ (dòng 1, cột 129): recursion limit exceeded".to_owned())
    );
}

proptest::proptest! {
    #[test]
    fn base58_decoding_agrees_with_the_bs58_crate(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..80),
        zeros in 0usize..4,
        noise in "[1-9A-Za-z0OIl+]{0,12}",
    ) {
        let mut bytes = bytes;
        bytes.splice(0..0, std::iter::repeat_n(0, zeros));
        let text = encode_base58btc(&bytes);
        proptest::prop_assert_eq!(decode_base58btc(&text), Ok(bytes));
        let expected = bs58::decode(&noise).into_vec().map_err(|_| DidKeyError::BadBase58);
        proptest::prop_assert_eq!(decode_base58btc(&format!("z{noise}")), expected);
    }
}
