//! Handbook compiler and content linter: the document model it builds, and the exact
//! diagnostics for every kind of mistake (hostile HTML included).

use hocso::content::{compile, compile_handbook, Alignment, Block, Document, Inline, Run};

const FRONT: &str = "+++\nid = \"doc\"\ntitle = \"Tiêu đề\"\nsummary = \"Tóm tắt.\"\nsources = [\"Nguồn (01/01/2025)\"]\nupdated = \"2026-11-23\"\n+++\n";

/// Compiles `body` under a valid front matter (7 lines, so the body starts on line 8) as `doc.md`.
fn body(body: &str) -> (Option<Document>, Vec<String>) {
    let (document, diagnostics) = compile("doc.md", &format!("{FRONT}{body}"));
    (
        document,
        diagnostics.iter().map(ToString::to_string).collect(),
    )
}

fn text(s: &str) -> Inline {
    Inline::Text(Run {
        text: s.into(),
        ..Run::default()
    })
}

#[test]
fn markdown_becomes_the_document_model() {
    let (document, diagnostics) = body(
        "## Ban hành {#ban-hanh}\n\nNgày **22/12/2024**, *Bộ Chính trị* ban hành `57-NQ/TW`.\n\n\
         - một\n- [hai](#ban-hanh)\n\n3. ba\n\n> trích\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n",
    );
    assert_eq!(diagnostics, Vec::<String>::new());
    let document = document.expect("document");
    assert_eq!(document.id, "doc");
    assert_eq!(document.sources, vec!["Nguồn (01/01/2025)".to_owned()]);
    let expected = vec![
        Block::Heading {
            level: 2,
            anchor: "ban-hanh".into(),
            content: vec![text("Ban hành")],
        },
        Block::Paragraph {
            content: vec![
                text("Ngày "),
                Inline::Text(Run {
                    text: "22/12/2024".into(),
                    strong: true,
                    ..Run::default()
                }),
                text(", "),
                Inline::Text(Run {
                    text: "Bộ Chính trị".into(),
                    emphasis: true,
                    ..Run::default()
                }),
                text(" ban hành "),
                Inline::Text(Run {
                    text: "57-NQ/TW".into(),
                    code: true,
                    ..Run::default()
                }),
                text("."),
            ],
        },
        Block::List {
            start: None,
            items: vec![
                vec![Block::Paragraph {
                    content: vec![text("một")],
                }],
                vec![Block::Paragraph {
                    content: vec![Inline::Link {
                        href: "#ban-hanh".into(),
                        content: vec![Run {
                            text: "hai".into(),
                            ..Run::default()
                        }],
                    }],
                }],
            ],
        },
        Block::List {
            start: Some(3),
            items: vec![vec![Block::Paragraph {
                content: vec![text("ba")],
            }]],
        },
        Block::Quote {
            blocks: vec![Block::Paragraph {
                content: vec![text("trích")],
            }],
        },
        Block::Table {
            alignments: vec![Alignment::Left, Alignment::Right],
            header: vec![vec![text("a")], vec![text("b")]],
            rows: vec![vec![vec![text("1")], vec![text("2")]]],
        },
    ];
    assert_eq!(document.blocks, expected);
}

#[test]
fn section_text_runs_to_the_next_heading_of_the_same_rank() {
    let (document, diagnostics) =
        body("## A {#a}\n\nmột **hai**\n\n### B {#b}\n\nba\n\n## C {#c}\n\nbốn\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let document = document.expect("document");
    assert_eq!(
        document.section_text("a").as_deref(),
        Some("A\nmột hai\nB\nba\n")
    );
    assert_eq!(document.section_text("b").as_deref(), Some("B\nba\n"));
    assert_eq!(document.section_text("c").as_deref(), Some("C\nbốn\n"));
    assert_eq!(document.section_text("d"), None);
    assert_eq!(document.anchors().collect::<Vec<_>>(), ["a", "b", "c"]);
}

#[test]
fn the_model_round_trips_through_json() {
    let (document, _) = body("## A {#a}\n\n**x** [y](https://example.org)\n");
    let document = document.expect("document");
    let json = serde_json::to_string(&document).expect("serialise");
    assert!(
        json.contains(r#"{"type":"text","text":"x","strong":true}"#),
        "{json}"
    );
    let back: Document = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, document);
}

#[test]
fn body_mistakes_are_reported_with_file_line_and_column() {
    let table: &[(&str, &[&str])] = &[
        (
            "<script>alert(1)</script>\n",
            &["doc.md:8:1: error: raw HTML is not allowed: `<script>alert(1)</script>`"],
        ),
        (
            "<img src=x onerror=alert(1)>\n",
            &["doc.md:8:1: error: raw HTML is not allowed: `<img src=x onerror=alert(1)>`"],
        ),
        (
            "## A {#a}\n\nchữ <img src=x onerror=alert(1)> chữ\n",
            &["doc.md:10:5: error: raw HTML is not allowed: `<img src=x onerror=alert(1)>`"],
        ),
        (
            "## A {#a}\n\n<!-- ghi chú -->\n",
            &["doc.md:10:1: error: raw HTML is not allowed: `<!-- ghi chú -->`"],
        ),
        ("## Không neo\n", &["doc.md:8:1: error: heading has no anchor"]),
        ("## A {#Ban_Hanh}\n", &["doc.md:8:1: error: heading anchor `Ban_Hanh` must match [a-z0-9-]+"]),
        (
            "## A {#a}\n\n## B {#a}\n",
            &["doc.md:10:1: error: duplicate anchor `a` (first used on line 8)"],
        ),
        (
            "## A {#a .lop}\n",
            &["doc.md:8:1: error: heading classes and attributes are not allowed, only `{#anchor}`"],
        ),
        (
            "## A {#a}\n\n[x](javascript:alert(1))\n",
            &["doc.md:10:1: error: link target `javascript:alert(1)` is not allowed"],
        ),
        ("## A {#a}\n\n[x](#b)\n", &["doc.md:10:1: error: link to unknown anchor `b`"]),
        ("## A {#a}\n\n![ảnh](x.png)\n", &["doc.md:10:1: error: unsupported Markdown: image"]),
        ("## A {#a}\n\n```\ncode\n```\n", &["doc.md:10:1: error: unsupported Markdown: code block"]),
        ("## A {#a}\n\n---\n", &["doc.md:10:1: error: unsupported Markdown: thematic break (---)"]),
        ("## A {#a}\n\nNghi\u{323} quyết\n", &["doc.md:10:4: error: text is not in Unicode NFC form"]),
    ];
    for (input, expected) in table {
        let (_, diagnostics) = body(input);
        assert_eq!(&diagnostics, expected, "input: {input:?}");
    }
}

#[test]
fn hostile_html_never_reaches_the_model() {
    let (document, diagnostics) = body(
        "## A {#a}\n\ntrước <script>alert(1)</script> sau\n\n<div onclick=\"x()\">khối</div>\n",
    );
    assert_eq!(diagnostics.len(), 3, "{diagnostics:?}");
    let json = serde_json::to_string(&document.expect("document")).expect("serialise");
    assert!(!json.contains('<'), "{json}");
}

#[test]
fn front_matter_mistakes_are_reported() {
    let table: &[(&str, &str, &[&str])] = &[
        (
            "doc.md",
            "## A {#a}\n",
            &["doc.md:1:1: error: missing front matter: the file must start with a `+++` line"],
        ),
        (
            "doc.md",
            "+++\nid = \"doc\"\n",
            &["doc.md:1:1: error: front matter is not closed: add a `+++` line after it"],
        ),
        (
            "doc.md",
            "+++\nid = \"doc\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"N\"]\nupdated = \"2026-11-23\"\nauthor = \"X\"\n+++\n",
            &["doc.md:7:1: error: unknown front-matter key `author`"],
        ),
        (
            "doc.md",
            "+++\nid = \"doc\"\ntitle = \"T\"\nsources = [\"N\"]\nupdated = \"2026-11-23\"\n+++\n",
            &["doc.md:1:1: error: missing front-matter key `summary`"],
        ),
        (
            "doc.md",
            "+++\nid = \"khac\"\ntitle = \"\"\nsummary = \"S\"\nsources = []\nupdated = \"23/11/2026\"\n+++\n",
            &[
                "doc.md:2:6: error: document id `khac` does not match the file name `doc.md`",
                "doc.md:3:9: error: front-matter key `title` must not be empty",
                "doc.md:5:11: error: front-matter key `sources` must be a non-empty array of non-empty strings",
                "doc.md:6:11: error: front-matter key `updated` must be a date written YYYY-MM-DD, not `23/11/2026`",
            ],
        ),
        (
            "doc.md",
            "+++\nid = \"doc\"\ntitle = 3\n+++\n",
            &[
                "doc.md:1:1: error: missing front-matter key `sources`",
                "doc.md:1:1: error: missing front-matter key `summary`",
                "doc.md:1:1: error: missing front-matter key `updated`",
                "doc.md:3:9: error: front-matter key `title` must be a string",
            ],
        ),
        ("doc.md", "+++\nid = \n+++\n", &["doc.md:2:6: error: invalid front matter: string values must be quoted, expected literal string"]),
    ];
    for (path, source, expected) in table {
        let (_, diagnostics) = compile(path, source);
        let rendered: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(&rendered, expected, "source: {source:?}");
    }
    assert!(compile("doc.md", "## A {#a}\n").0.is_none());
}

#[test]
fn handbook_links_and_ids_are_checked_across_documents() {
    let doc = |id: &str, body: &str| {
        (
            format!("{id}.md"),
            FRONT.replace("id = \"doc\"", &format!("id = \"{id}\"")) + body,
        )
    };
    let files = vec![
        doc("mot", "## A {#a}\n\n[x](hai#b) [y](hai#z) [z](ba)\n"),
        doc("hai", "## B {#b}\n"),
    ];
    let (documents, diagnostics) = compile_handbook(&files);
    let rendered: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        [
            "mot.md:10:12: error: link to unknown anchor `z` in document `hai`",
            "mot.md:10:23: error: link to unknown document `ba`",
        ]
    );
    assert_eq!(documents.len(), 2);

    let mut files = files;
    files[1] = (
        "khac/mot.md".into(),
        files[0].1.replace("[x](hai#b) [y](hai#z) [z](ba)", ""),
    );
    let (_, diagnostics) = compile_handbook(&files);
    let rendered: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        rendered.contains(
            &"khac/mot.md:2:6: error: duplicate document id `mot` (also used by mot.md)".to_owned()
        ),
        "{rendered:?}"
    );
}

#[test]
fn html_is_caught_wherever_it_hides() {
    let table: &[(&str, &str)] = &[
        (
            "- mục <b>đậm</b>\n",
            "doc.md:8:7: error: raw HTML is not allowed: `<b>`",
        ),
        (
            "> <iframe src=x></iframe>\n",
            "doc.md:8:3: error: raw HTML is not allowed: `<iframe src=x></iframe>`",
        ),
        (
            "| a |\n|---|\n| <svg onload=x()> |\n",
            "doc.md:10:3: error: raw HTML is not allowed: `<svg onload=x()>`",
        ),
        (
            "## A <span>b</span> {#a}\n",
            "doc.md:8:6: error: raw HTML is not allowed: `<span>`",
        ),
        (
            "[<i>x</i>](https://a.vn)\n",
            "doc.md:8:2: error: raw HTML is not allowed: `<i>`",
        ),
    ];
    for (input, first) in table {
        let (document, diagnostics) = body(input);
        assert_eq!(
            diagnostics.first().map(String::as_str),
            Some(*first),
            "input: {input:?}"
        );
        let json = serde_json::to_string(&document.expect("document")).expect("serialise");
        assert!(!json.contains('<'), "input: {input:?} gave {json}");
    }
}

#[test]
fn odd_inputs_are_diagnosed_not_panicked_on() {
    let inputs = [
        "",
        "+++",
        "+++\n+++\n",
        "+++\r\nid = \"doc\"\r\n+++\r\n",
        "\u{feff}+++\n+++\n",
        "+++\n[[x]]\n+++\n",
    ];
    for input in inputs {
        let (document, diagnostics) = compile("doc.md", input);
        assert!(document.is_none(), "input: {input:?}");
        assert!(!diagnostics.is_empty(), "input: {input:?}");
    }
}
