//! Draws a handbook document from the content model: every piece of text is a text node, never
//! HTML, so nothing in content can inject markup or script.

use yew::prelude::*;

use crate::content::{Alignment, Block, Document, Inline, Run};
use crate::web::components::HandbookLink;

/// Props of [`DocumentView`].
#[derive(Debug, PartialEq, Properties)]
pub struct DocumentViewProps {
    /// The document to draw.
    pub document: Document,
}

/// The body of a document: headings (with their anchors as ids), paragraphs, lists, quotes
/// and tables.
#[function_component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    let ctx = Ctx {
        doc_id: &props.document.id,
    };
    html! {
        <div class="document">{ blocks(&ctx, &props.document.blocks) }</div>
    }
}

/// What drawing needs besides the blocks.
struct Ctx<'a> {
    doc_id: &'a str,
}

fn blocks(ctx: &Ctx<'_>, blocks: &[Block]) -> Html {
    blocks.iter().map(|b| block(ctx, b)).collect()
}

fn block(ctx: &Ctx<'_>, block: &Block) -> Html {
    match block {
        Block::Heading {
            level,
            anchor,
            content,
        } => {
            // The page's title is the only <h1>: document headings start at <h2>.
            let tag = format!("h{}", (*level).clamp(2, 6));
            html! {
                <@{tag} id={anchor.clone()} tabindex="-1">{ inlines(ctx, content) }</@>
            }
        }
        Block::Paragraph { content } => html! { <p>{ inlines(ctx, content) }</p> },
        Block::List { start, items } => {
            let items: Html = items
                .iter()
                .map(|item| html! { <li>{ blocks(ctx, item) }</li> })
                .collect();
            match start {
                Some(start) => html! { <ol start={start.to_string()}>{ items }</ol> },
                None => html! { <ul>{ items }</ul> },
            }
        }
        Block::Quote { blocks: inner } => html! { <blockquote>{ blocks(ctx, inner) }</blockquote> },
        Block::Table {
            alignments,
            header,
            rows,
        } => {
            let class = |i: usize| match alignments.get(i) {
                Some(Alignment::Center) => Some("align-center"),
                Some(Alignment::Right) => Some("align-right"),
                _ => None,
            };
            html! {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Bảng">
                    <table>
                        <thead><tr>
                            { for header.iter().enumerate().map(|(i, cell)| html! {
                                <th scope="col" class={classes!(class(i))}>{ inlines(ctx, cell) }</th>
                            }) }
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>
                                    { for row.iter().enumerate().map(|(i, cell)| html! {
                                        <td class={classes!(class(i))}>{ inlines(ctx, cell) }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        }
    }
}

fn inlines(ctx: &Ctx<'_>, content: &[Inline]) -> Html {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text(r) => run(r),
            Inline::LineBreak => html! { <br /> },
            Inline::Link { href, content } => link(ctx, href, content.iter().map(run).collect()),
        })
        .collect()
}

fn run(run: &Run) -> Html {
    let mut node = html! { { run.text.clone() } };
    if run.code {
        node = html! { <code>{ node }</code> };
    }
    if run.emphasis {
        node = html! { <em>{ node }</em> };
    }
    if run.strong {
        node = html! { <strong>{ node }</strong> };
    }
    node
}

/// A link: within the document natively, elsewhere in the handbook through the router, outside
/// as a plain link.
fn link(ctx: &Ctx<'_>, href: &str, text: Html) -> Html {
    if href.contains(':') {
        return html! { <a href={href.to_owned()} rel="noopener noreferrer">{ text }</a> };
    }
    match href.split_once('#').unwrap_or((href, "")) {
        ("", anchor) => html! { <a href={format!("#{anchor}")}>{ text }</a> },
        (doc, anchor) if doc == ctx.doc_id && !anchor.is_empty() => {
            html! { <a href={format!("#{anchor}")}>{ text }</a> }
        }
        (doc, anchor) => html! {
            <HandbookLink doc={doc.to_owned()} anchor={anchor.to_owned()}>{ text }</HandbookLink>
        },
    }
}
