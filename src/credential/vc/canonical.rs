//! The fast path for reading a result: a credential written exactly as [`issue`] writes it,
//! in its RFC 8785 canonical form, is read in one pass over its text, without a tree.
//!
//! The reader follows the layout byte by byte: fixed text (member names, punctuation and the
//! values that never change) must match exactly, strings must hold no escape or control
//! character, numbers must be integers in canonical form below 10^15. Anything else, from a
//! space to a member in another order, is not an error here: the reader gives up and the
//! general reader ([`read_result_in`]) reads the text, which gives the same outcome for every
//! text this one accepts (see the tests) and the reasons for every text it does not.
//!
//! Canonical text needs no canonicalisation: the transformed document is the text around its
//! `proof` member and the proof configuration is the proof's text around its `proofValue`.
//!
//! [`issue`]: super::issue
//! [`read_result_in`]: super::read_result_in

use super::{BankRef, ParticipantInfo, PendingResult, QuizResult};
use crate::attempt::{Answer, AnswerRecord, ContestSettings, Quota};
use crate::credential::datetime::parse_timestamp;
use crate::credential::proof::read_canonical_proof;
use crate::credential::strict_json::string_stop;

/// Reads `text` if it is a result credential in the canonical layout [`issue`] writes, with
/// its proof and claims checked up to the signature; `None` if it is anything else.
///
/// [`issue`]: super::issue
pub(super) fn read_canonical(text: &str) -> Option<PendingResult> {
    let mut c = Cursor::new(text);
    c.fixed(CONTEXT_THEN_ANSWERS)?;
    let answers = c.list(answer)?;
    let digest = c.string_after(",\"bank\":{\"digest\":")?;
    let bank_id = c.string_after(",\"id\":")?;
    let version = c.string_after(",\"version\":")?;
    let subject_id = c.string_after("},\"id\":")?;
    let max_score = c.integer_after(",\"maxScore\":")?;
    let name = c.string_after(",\"participant\":{\"name\":")?;
    let unit = c.string_after(",\"unit\":")?;
    let prediction = c.integer_after("},\"prediction\":")?;
    let score = c.integer_after(",\"score\":")?;
    let seed = c.string_after(",\"seed\":")?;
    c.fixed(",\"settings\":")?;
    let settings = settings(&mut c)?;
    let started_at = parse_timestamp(c.string_after(",\"startedAt\":")?)?;
    let submitted_at = parse_timestamp(c.string_after(",\"submittedAt\":")?)?;
    let issuer = c.string_after("},\"issuer\":")?;

    // The proof: the document is hashed without it, its configuration without `proofValue`.
    let proof_member = c.at;
    c.fixed(",\"proof\":")?;
    let proof_start = c.at;
    let created = c.string_after(CONTEXT_THEN_CREATED)?;
    c.fixed(SUITE_THEN_PURPOSE)?;
    let value_member = c.at;
    let proof_value = c.string_after(",\"proofValue\":")?;
    let value_end = c.at;
    let verification_method = c.string_after(PROOF_TYPE_THEN_METHOD)?;
    c.fixed("}")?;
    let proof_end = c.at;

    let valid_from = parse_timestamp(c.string_after(TYPES_THEN_VALID_FROM)?)?;
    c.fixed("}")?;
    let document = c.end()?;

    let bytes = document.as_bytes();
    let proof = read_canonical_proof(
        [&bytes[..proof_member], &bytes[proof_end..]],
        [
            &bytes[proof_start..value_member],
            &bytes[value_end..proof_end],
        ],
        created,
        proof_value,
        verification_method,
    )
    .ok()?;
    // The issuer and the subject are the signer, spelled as the signer's `did:key` is.
    let signer = proof.signer().as_str();
    if issuer != signer || subject_id != signer {
        return None;
    }
    let result = QuizResult {
        participant: ParticipantInfo {
            name: name.to_owned(),
            unit: unit.to_owned(),
        },
        bank: BankRef {
            id: bank_id.to_owned(),
            version: version.to_owned(),
            digest: digest.to_owned(),
        },
        seed: seed.to_owned(),
        settings,
        answers,
        started_at,
        submitted_at,
        prediction,
        score: score.try_into().ok()?,
        max_score: max_score.try_into().ok()?,
    };
    Some(PendingResult {
        proof,
        claims: Ok((valid_from, result)),
    })
}

/// The fixed text from the start to the subject's `answers` value.
const CONTEXT_THEN_ANSWERS: &str =
    "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"credentialSubject\":{\"answers\":";

/// The fixed text from the proof's start to its `created` value.
const CONTEXT_THEN_CREATED: &str =
    "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"created\":";

/// The fixed text after `created`, up to the `proofValue` member.
const SUITE_THEN_PURPOSE: &str =
    ",\"cryptosuite\":\"eddsa-jcs-2022\",\"proofPurpose\":\"assertionMethod\"";

/// The fixed text after `proofValue`, up to the `verificationMethod` value.
const PROOF_TYPE_THEN_METHOD: &str = ",\"type\":\"DataIntegrityProof\",\"verificationMethod\":";

/// The fixed text after the proof, up to the `validFrom` value.
const TYPES_THEN_VALID_FROM: &str =
    ",\"type\":[\"VerifiableCredential\",\"QuizResultCredential\"],\"validFrom\":";

/// One answer record: `{"answer":…,"at":…,"question":…}`.
fn answer(c: &mut Cursor<'_>) -> Option<AnswerRecord> {
    c.fixed("{\"answer\":{\"")?;
    let answer = if c.eat("choice\":") {
        Answer::Choice(c.integer()?.try_into().ok()?)
    } else if c.eat("choices\":") {
        Answer::Choices(c.list(|c| c.integer()?.try_into().ok())?)
    } else {
        c.fixed("text\":")?;
        Answer::Text(c.string()?.to_owned())
    };
    let at = c.integer_after("},\"at\":")?;
    let question = c.string_after(",\"question\":")?.to_owned();
    c.fixed("}")?;
    Some(AnswerRecord {
        question,
        answer,
        at,
    })
}

/// The contest settings: `{"questions":…,"quotas":[…],"time_limit_ms":…}`, with `quotas`
/// left out when there are none.
fn settings(c: &mut Cursor<'_>) -> Option<ContestSettings> {
    let questions = c.integer_after("{\"questions\":")?.try_into().ok()?;
    let quotas = if c.eat(",\"quotas\":") {
        c.list(|c| {
            let count = c.integer_after("{\"count\":")?.try_into().ok()?;
            let topic = c.string_after(",\"topic\":")?.to_owned();
            c.fixed("}")?;
            Some(Quota { topic, count })
        })?
    } else {
        Vec::new()
    };
    let time_limit_ms = c.integer_after(",\"time_limit_ms\":")?;
    c.fixed("}")?;
    Some(ContestSettings {
        questions,
        quotas,
        time_limit_ms,
    })
}

/// Where the reader is in the text (the value's text, without the whitespace around it).
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor {
            text: text.trim_matches(is_json_whitespace),
            at: 0,
        }
    }

    fn rest(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.at..]
    }

    /// Moves past `fixed` if the text goes on with it.
    fn eat(&mut self, fixed: &str) -> bool {
        let found = self.rest().starts_with(fixed.as_bytes());
        if found {
            self.at += fixed.len();
        }
        found
    }

    /// Moves past `fixed`, which the text must go on with.
    fn fixed(&mut self, fixed: &str) -> Option<()> {
        self.eat(fixed).then_some(())
    }

    /// [`Cursor::string`] after `fixed`.
    fn string_after(&mut self, fixed: &str) -> Option<&'a str> {
        self.fixed(fixed)?;
        self.string()
    }

    /// [`Cursor::integer`] after `fixed`.
    fn integer_after(&mut self, fixed: &str) -> Option<u64> {
        self.fixed(fixed)?;
        self.integer()
    }

    /// A string without escapes or control characters: its text between the quotes.
    fn string(&mut self) -> Option<&'a str> {
        self.fixed("\"")?;
        let start = self.at;
        let length = string_stop(self.rest())?;
        self.at += length;
        self.fixed("\"")?;
        // Both ends are ASCII quotes, so the slice falls on character boundaries.
        Some(&self.text[start..start + length])
    }

    /// An integer written as RFC 8785 writes it (no sign, no leading zero) below 10^15, the
    /// numbers that need no canonicalisation.
    fn integer(&mut self) -> Option<u64> {
        let digits = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let literal = &self.rest()[..digits];
        if digits == 0 || digits > 15 || (digits > 1 && literal[0] == b'0') {
            return None;
        }
        self.at += digits;
        Some(
            literal
                .iter()
                .fold(0, |n, digit| n * 10 + u64::from(digit - b'0')),
        )
    }

    /// Items read by `item`, separated by commas, between `[` and `]`.
    fn list<T>(&mut self, item: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.fixed("[")?;
        let mut items = Vec::new();
        if self.eat("]") {
            return Some(items);
        }
        loop {
            items.push(item(self)?);
            if self.eat("]") {
                return Some(items);
            }
            self.fixed(",")?;
        }
    }

    /// The text read, if it was all of it.
    fn end(&self) -> Option<&'a str> {
        (self.at == self.text.len()).then_some(self.text)
    }
}

/// JSON's whitespace (RFC 8259), which may surround the value.
fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;
    use serde_json::Value;

    use super::read_canonical;
    use crate::attempt::{Answer, AnswerRecord, ContestSettings, Quota};
    use crate::credential::strict_json::Arena;
    use crate::credential::vc::{
        issue, read_result, read_tree, BankRef, ParticipantInfo, PendingResult, QuizResult,
        VerifyError,
    };

    const NOW: i64 = 1_795_401_580_469;

    fn record(question: &str, answer: Answer, seconds_ago: i64) -> AnswerRecord {
        AnswerRecord {
            question: question.to_owned(),
            answer,
            at: (NOW - seconds_ago * 1000) as u64,
        }
    }

    fn result(name: &str, answers: Vec<AnswerRecord>, quotas: Vec<Quota>) -> QuizResult {
        QuizResult {
            participant: ParticipantInfo {
                name: name.to_owned(),
                unit: "Chi bộ Khu phố 3".to_owned(),
            },
            bank: BankRef {
                id: "nq57".to_owned(),
                version: "1.0.0".to_owned(),
                digest: "2e2fc521de5de716768959d66e254327b7f22f9fc884e41cb9186c0d7d619259"
                    .to_owned(),
            },
            seed: "18446744073709551615".to_owned(),
            settings: ContestSettings {
                questions: answers.len(),
                quotas,
                time_limit_ms: 900_000,
            },
            answers,
            started_at: NOW - 600_000,
            submitted_at: NOW - 1_000,
            prediction: 999_999_999_999_999,
            score: 2,
            max_score: 4,
        }
    }

    /// A result with every kind of answer and settings with quotas.
    fn full() -> QuizResult {
        result(
            "Nguyễn Văn An",
            vec![
                record("tk-006", Answer::Choice(0), 500),
                record("tc-009", Answer::Choices(vec![1, 3]), 400),
                record("tn-008", Answer::Text("chuyển đổi số".to_owned()), 300),
                record("sk-012", Answer::Choices(Vec::new()), 200),
            ],
            vec![
                Quota {
                    topic: "tong-quan".to_owned(),
                    count: 2,
                },
                Quota {
                    topic: "the-che".to_owned(),
                    count: 1,
                },
            ],
        )
    }

    /// The credential as the app exports it (compact `serde_json`, members sorted).
    fn exported(result: &QuizResult) -> Value {
        issue(result, &SigningKey::from_bytes(&[7; 32]), NOW).expect("issue")
    }

    fn by_tree(text: &str) -> Result<PendingResult, VerifyError> {
        read_tree(text, &Arena::new())
    }

    #[test]
    fn what_the_app_writes_is_read_in_one_pass_as_the_tree_reader_reads_it() {
        let results = [
            full(),
            result("Lò Thị Hà", Vec::new(), Vec::new()),
            result("", vec![record("q", Answer::Choice(7), 1)], Vec::new()),
        ];
        for result in results {
            let text = exported(&result).to_string();
            let fast = read_canonical(&text).expect("the one-pass reader reads it");
            assert_eq!(Ok(fast.clone()), by_tree(&text), "{text}");
            assert_eq!(fast.clone().verify().map(|v| v.result), Ok(result));
            // Whitespace around the value is not part of it.
            assert_eq!(read_canonical(&format!("\n\t {text}\r\n")), Some(fast));
        }
    }

    #[test]
    fn other_layouts_are_left_to_the_tree_reader() {
        let credential = exported(&full());
        let text = credential.to_string();
        let pretty = serde_json::to_string_pretty(&credential).expect("serialise");
        let edited = |from: &str, to: &str| {
            assert!(text.contains(from), "{from}");
            text.replacen(from, to, 1)
        };
        let others = [
            pretty,
            edited(r#""maxScore":4"#, r#""maxScore":04"#),
            edited(r#""maxScore":4"#, r#""maxScore":4.0"#),
            edited(r#""maxScore":4"#, r#""maxScore":-4"#),
            edited(
                r#""prediction":999999999999999"#,
                r#""prediction":9999999999999999"#,
            ),
            edited(r#""unit":"Chi bộ"#, r#""unit":"Chi b\u1ed9"#),
            edited(r#""seed":"#, r#""extra":1,"seed":"#),
            edited(
                r#"["VerifiableCredential","QuizResultCredential"]"#,
                r#"["QuizResultCredential","VerifiableCredential"]"#,
            ),
        ];
        for other in others {
            assert_eq!(read_canonical(&other), None, "{other}");
        }
        // Names the app must escape still verify, through the tree reader.
        let quoted = result("Lê \"Bé\"\tHai", Vec::new(), Vec::new());
        let text = exported(&quoted).to_string();
        assert_eq!(read_canonical(&text), None);
        let verified = read_result(&text).and_then(PendingResult::verify);
        assert_eq!(verified.map(|v| v.result), Ok(quoted));
    }

    /// Every one-byte edit of an exported result (each ASCII byte replaced, removed, or given
    /// a byte before it) that the one-pass reader still reads, it reads as the tree reader does.
    #[test]
    fn every_one_byte_edit_it_reads_is_read_as_the_tree_reader_reads_it() {
        const BYTES: &[u8] = b"07a Z\"\\,:}]{[-.e";
        let text = exported(&full()).to_string();
        let mut read = 0;
        for (at, byte) in text.bytes().enumerate().filter(|(_, b)| b.is_ascii()) {
            let other = BYTES[at % BYTES.len()];
            let edits = [
                Some(other).filter(|&other| other != byte),
                None,
                Some(BYTES[(at + 1) % BYTES.len()]),
            ];
            for (kind, edit) in edits.into_iter().enumerate() {
                let mut bytes = text.clone().into_bytes();
                match (kind, edit) {
                    (0, Some(other)) => bytes[at] = other,
                    (1, _) => drop(bytes.remove(at)),
                    (2, Some(other)) => bytes.insert(at, other),
                    _ => continue,
                }
                let edited = String::from_utf8(bytes).expect("ASCII edits keep UTF-8");
                if let Some(fast) = read_canonical(&edited) {
                    read += 1;
                    assert_eq!(Ok(fast), by_tree(&edited), "{edited}");
                }
            }
        }
        // Edits inside strings and numbers keep the layout: the comparison above ran.
        assert!(read > 300, "only {read} edits were read in one pass");
    }
}
