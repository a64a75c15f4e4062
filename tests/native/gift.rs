//! Moodle GIFT import and export: every GIFT feature the importer understands, the question
//! types it reports and skips, its errors, and the round trip bank → GIFT → bank.

use hocso::bank::{export_gift, import_gift, load_toml, AnswerKey, Bank, ContestDefaults};

use crate::bank::VALID;

/// Imports `gift`; the bank (if any) and its diagnostics as `line:col: severity: message`.
fn import(gift: &str) -> (Option<Bank>, Vec<String>) {
    let (bank, diagnostics) = import_gift("quiz.gift", gift);
    let lines = diagnostics
        .iter()
        .map(|d| format!("{}:{}: {:?}: {}", d.line, d.column, d.severity, d.message))
        .collect();
    (bank, lines)
}

/// The only question of `gift`, which must import with exactly the warnings `warnings`.
fn one(gift: &str, warnings: &[&str]) -> hocso::bank::Question {
    let (bank, diagnostics) = import(gift);
    let mut expected: Vec<String> = warnings.iter().map(|w| (*w).to_owned()).collect();
    expected.push(
        "1:1: Warning: 1 of 1 questions have no source; write it in the TOML before shipping"
            .into(),
    );
    if !gift.contains("####") {
        expected.push(
            "1:1: Warning: 1 of 1 questions have no explanation; write it in the TOML before shipping"
                .into(),
        );
    }
    expected.sort();
    let mut got = diagnostics;
    got.sort();
    assert_eq!(got, expected, "{gift}");
    let mut bank = bank.expect("imported");
    assert_eq!(bank.questions.len(), 1);
    bank.questions.remove(0)
}

fn single(choices: &[&str], correct: usize) -> AnswerKey {
    AnswerKey::Single {
        choices: choices.iter().map(|c| (*c).to_owned()).collect(),
        correct,
    }
}

#[test]
fn multiple_choice_with_title_and_general_feedback() {
    let q = one(
        "::Câu 1::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng ####Hà Nội là thủ đô.}",
        &[],
    );
    assert_eq!(q.id, "cau-1");
    assert_eq!(q.text, "Thủ đô của Việt Nam?");
    assert_eq!(q.answer, single(&["Hà Nội", "Huế", "Đà Nẵng"], 0));
    assert_eq!(q.explanation, "Hà Nội là thủ đô.");
    assert_eq!(
        (q.level, q.topic.as_str(), q.source.as_str()),
        (1, "chung", "")
    );
}

#[test]
fn untitled_questions_are_numbered_and_ids_stay_unique() {
    let (bank, _) = import("A? {=x ~y}\n\n::Dup::B? {=x ~y}\n\nC? {=x ~y}\n\n::dup::D? {=x ~y}\n");
    let ids: Vec<String> = bank
        .expect("imported")
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(ids, ["q-1", "dup", "q-3", "dup-2"]);
}

#[test]
fn answers_on_their_own_lines() {
    let q = one("Câu hỏi {\n  ~sai\n  =đúng\n  ~cũng sai\n}\n", &[]);
    assert_eq!(q.answer, single(&["sai", "đúng", "cũng sai"], 1));
}

#[test]
fn weighted_answers_make_a_multiple_question() {
    let q = one("Chọn hai: {~%50%a ~%50%b ~%-100%c ~d}", &[]);
    assert_eq!(
        q.answer,
        AnswerKey::Multiple {
            choices: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            correct: vec![0, 1],
        }
    );
    let q = one("Chọn: {~%33.33333%a ~%33.33333%b ~%33.33334%c}", &[]);
    assert!(matches!(q.answer, AnswerKey::Multiple { correct, .. } if correct == [0, 1, 2]));
}

#[test]
fn true_false_in_all_spellings() {
    for (block, correct) in [
        ("{T}", true),
        ("{TRUE}", true),
        ("{F}", false),
        ("{FALSE}", false),
        ("{ true }", true),
    ] {
        let q = one(&format!("Mặt trời mọc ở đằng đông. {block}"), &[]);
        assert_eq!(q.answer, AnswerKey::TrueFalse { correct }, "{block}");
    }
    let q = one(
        "Sai? {F#Sai rồi#Đúng vậy####Giải thích.}",
        &["1:6: Warning: answer feedback (`#`) is dropped: a bank has one explanation per question"],
    );
    assert_eq!(q.answer, AnswerKey::TrueFalse { correct: false });
    assert_eq!(q.explanation, "Giải thích.");
}

#[test]
fn short_answers() {
    let q = one("Viết tắt của Nghị quyết? {=NQ =nghị quyết}", &[]);
    assert_eq!(
        q.answer,
        AnswerKey::Short {
            accept: vec!["NQ".into(), "nghị quyết".into()]
        }
    );
}

#[test]
fn answer_feedback_is_dropped_with_a_warning() {
    let q = one(
        "Hỏi? {\n=đúng#Chính xác\n~sai#Chưa đúng\n}",
        &["1:6: Warning: answer feedback (`#`) is dropped: a bank has one explanation per question"],
    );
    assert_eq!(q.answer, single(&["đúng", "sai"], 0));
}

#[test]
fn escapes() {
    let q = one(
        "::a\\:b::Tỉ lệ 1\\:2, a \\= b, \\~ \\# \\{x\\} \\\\ dòng\\nmới {=x\\=y ~\\~z ####1\\#2}",
        &[],
    );
    assert_eq!(q.id, "a-b");
    assert_eq!(q.text, "Tỉ lệ 1:2, a = b, ~ # {x} \\ dòng\nmới");
    assert_eq!(q.answer, single(&["x=y", "~z"], 0));
    assert_eq!(q.explanation, "1#2");
}

#[test]
fn text_formats() {
    let q = one(
        "[html]<p>Đây là <b>in đậm</b> &amp; &lt;ok&gt;</p> {T}",
        &[],
    );
    assert_eq!(q.text, "Đây là in đậm & <ok>");
    let q = one("::t::[markdown]Chữ *nghiêng* {T}", &[]);
    assert_eq!(q.text, "Chữ *nghiêng*");
    let q = one("[plain]<b> giữ nguyên {T}", &[]);
    assert_eq!(q.text, "<b> giữ nguyên");
}

#[test]
fn answer_block_in_the_middle_leaves_a_blank() {
    let q = one(
        "Bác Hồ đọc {=Tuyên ngôn Độc lập ~Lời kêu gọi} năm 1945.",
        &[],
    );
    assert_eq!(q.text, "Bác Hồ đọc _____ năm 1945.");
}

#[test]
fn categories_become_topics_and_comments_are_ignored() {
    let gift = "// Ngân hàng câu hỏi\n\
                Không có chủ đề? {T}\n\
                \n\
                $CATEGORY: $course$/top/Lịch sử Đảng\n\
                \n\
                // một chú thích\n\
                ::a::Năm thành lập Đảng? {=1930 ~1945}\n\
                \n\
                $CATEGORY: Nghị quyết 57-NQ//TW\n\
                \n\
                ::b::Hỏi? {T}\n\
                \n\
                $CATEGORY: $course$/top/Lịch sử Đảng\n\
                \n\
                ::c::Hỏi nữa? {F}\n";
    let (bank, _) = import(gift);
    let bank = bank.expect("imported");
    let topics: Vec<(&str, &str)> = bank
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str()))
        .collect();
    assert_eq!(
        topics,
        [
            ("chung", "Chung"),
            ("lich-su-dang", "Lịch sử Đảng"),
            ("nghi-quyet-57-nq-tw", "Nghị quyết 57-NQ/TW")
        ]
    );
    let by_topic: Vec<(&str, &str)> = bank
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.topic.as_str()))
        .collect();
    assert_eq!(
        by_topic,
        [
            ("q-1", "chung"),
            ("a", "lich-su-dang"),
            ("b", "nghi-quyet-57-nq-tw"),
            ("c", "lich-su-dang")
        ]
    );
    assert_eq!(bank.id, "quiz");
    assert_eq!(bank.language, "vi");
}

#[test]
fn unsupported_types_are_reported_with_their_line_and_skipped() {
    let gift = "::ok::Giữ lại? {T}\n\
                \n\
                ::so::Bao nhiêu? {#3:0.5}\n\
                \n\
                ::ghep::Ghép cặp. {\n=a -> 1\n=b -> 2\n}\n\
                \n\
                ::luan::Viết cảm nghĩ. {}\n\
                \n\
                Chỉ là một đoạn mô tả.\n";
    let (bank, diagnostics) = import(gift);
    assert_eq!(
        diagnostics,
        [
            "1:1: Warning: 1 of 1 questions have no explanation; write it in the TOML before shipping",
            "1:1: Warning: 1 of 1 questions have no source; write it in the TOML before shipping",
            "3:18: Warning: numeric questions cannot be held by a bank; skipped",
            "5:19: Warning: matching questions cannot be held by a bank; skipped",
            "10:24: Warning: essay questions cannot be held by a bank; skipped",
            "12:1: Warning: a description (no answer block `{…}`) is not a question; skipped",
        ]
    );
    let ids: Vec<String> = bank
        .expect("imported")
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(ids, ["ok"]);
}

#[test]
fn malformed_gift_is_an_error_and_gives_no_bank() {
    let cases: &[(&str, &str)] = &[
        (
            "Hỏi? {=a ~b\n",
            "1:6: Error: the answer block `{` is not closed",
        ),
        (
            "::t Hỏi? {=a ~b}",
            "1:1: Error: the title `::` is not closed",
        ),
        (
            "Hỏi? {~a ~b}",
            "1:6: Error: no correct answer: mark it with `=` or a positive weight like `~%50%`",
        ),
        (
            "Hỏi? {=a =b ~c}",
            "1:6: Error: several `=` answers: mark the correct ones with weights like `~%50%`",
        ),
        (
            "Hỏi? {~%x%a =b}",
            "1:6: Error: `%x%` is not a weight in percent",
        ),
        (
            "Hỏi? {~%50a =b}",
            "1:6: Error: a weight `%…%` is not closed",
        ),
        (
            "Hỏi? {a =b}",
            "1:6: Error: an answer must start with `=` (correct) or `~` (wrong)",
        ),
        (
            "// @level nhiều\nHỏi? {T}",
            "1:1: Error: `@level` needs 1, 2 or 3, not \"nhiều\"",
        ),
        (
            "// @level 7\nHỏi? {T}",
            "2:1: Error: level 7 is not 1, 2 or 3",
        ),
        (
            "// @contest.questions x\nHỏi? {T}",
            "1:1: Error: `@contest.questions` needs a whole number, not \"x\"",
        ),
        ("// chỉ có chú thích\n", "1:1: Error: no question found"),
    ];
    for (gift, expected) in cases {
        let (bank, diagnostics) = import(gift);
        assert!(bank.is_none(), "{gift}");
        assert!(
            diagnostics.contains(&(*expected).to_owned()),
            "{gift}: {diagnostics:#?}"
        );
    }
}

#[test]
fn unknown_and_dangling_directives_are_warnings() {
    let (bank, diagnostics) = import("// @colour red\nHỏi? {T}\n\n// @level 2\n");
    assert!(bank.is_some());
    assert!(diagnostics.contains(&"1:1: Warning: unknown directive `@colour`; ignored".to_owned()));
    assert!(diagnostics.contains(
        &"4:1: Warning: directives at the end of the file apply to no question".to_owned()
    ));
}

fn valid() -> Bank {
    load_toml("valid.toml", VALID).0.expect("valid bank")
}

#[test]
fn round_trip_bank_to_gift_to_bank_is_identical() {
    let bank = valid();
    let (back, diagnostics) = import_gift("other-name.gift", &export_gift(&bank));
    assert_eq!(diagnostics, vec![]);
    assert_eq!(back, Some(bank));
}

#[test]
fn round_trip_keeps_special_characters_topic_order_and_unused_topics() {
    let mut bank = valid();
    bank.contest = Some(ContestDefaults {
        questions: 2,
        time_limit_minutes: 5,
        pass_percent: 80,
        tie_break: None,
        quotas: Default::default(),
    });
    bank.sources = vec!["a\\b".into(), "dòng\nhai".into()];
    bank.topics.reverse();
    bank.topics[0].title = "Giải pháp: 57-NQ/TW // {mới}/".into();
    bank.topics.push(hocso::bank::Topic {
        id: "du-phong".into(),
        title: "Dự phòng".into(),
    });
    bank.questions[0].text = "Ký tự ~ = # { } : \\ và\ndòng mới, \\n thật".into();
    bank.questions[0].explanation = "#### không phải phản hồi".into();
    bank.questions[1].answer = AnswerKey::Multiple {
        choices: (1..=7)
            .map(|i| format!("lựa chọn {i} = ~{i} -> {i}"))
            .collect(),
        correct: vec![0, 3, 6],
    };
    bank.questions[0].answer = AnswerKey::Single {
        choices: vec!["%50% là nửa".into(), "% khác".into()],
        correct: 1,
    };
    bank.questions[2].text = "[html]<b> là chữ, không phải định dạng".into();
    bank.questions[3].answer = AnswerKey::Short {
        accept: vec!["a=b".into(), "c#d".into(), "%100%".into()],
    };
    let gift = export_gift(&bank);
    let (back, diagnostics) = import_gift("x.gift", &gift);
    assert_eq!(diagnostics, vec![], "{gift}");
    assert_eq!(back, Some(bank), "{gift}");
}

#[test]
fn export_is_plain_gift_moodle_reads() {
    let gift = export_gift(&valid());
    for expected in [
        "// @bank.id nq57\n",
        "// @topic tong-quan\n$CATEGORY: Tổng quan về Nghị quyết 57\n",
        "// @level 1\n// @source nq57-tong-quan#ban-hanh\n::tq-001::Nghị quyết số 57-NQ/TW được Bộ Chính trị ban hành vào ngày nào? {\n=22/12/2024\n~22/12/2023\n",
        "~%33.33333%Khoa học, công nghệ\n~%-100%Du lịch\n",
        "::gp-001::Nghị quyết 57 coi khoa học, công nghệ là đột phá quan trọng hàng đầu. {\nTRUE\n####",
        "{\n=chuyển đổi số\n=chuyen doi so\n####Trụ cột thứ ba là chuyển đổi số quốc gia.\n}\n",
    ] {
        assert!(gift.contains(expected), "missing {expected:?} in\n{gift}");
    }
}
