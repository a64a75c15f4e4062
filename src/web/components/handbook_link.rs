//! A link to a section of the handbook (`/so-tay/doc#anchor`) that stays inside the app.

use web_sys::MouseEvent;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::routes::Route;

/// Props of [`HandbookLink`].
#[derive(Debug, PartialEq, Properties)]
pub struct HandbookLinkProps {
    /// The document id.
    pub doc: AttrValue,
    /// The section anchor; empty for the top of the document.
    #[prop_or_default]
    pub anchor: AttrValue,
    /// The link's text.
    pub children: Html,
}

/// An `<a href="/so-tay/doc#anchor">` that the router follows without reloading the app; the
/// document page then scrolls to the section.
#[function_component(HandbookLink)]
pub fn handbook_link(props: &HandbookLinkProps) -> Html {
    let navigator = use_navigator();
    let path = handbook_path(&props.doc, &props.anchor);
    let onclick = navigator.map(|navigator| {
        let (doc, path) = (props.doc.to_string(), path.clone());
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            navigator.push(&Route::HandbookDocument { id: doc.clone() });
            // The router knows no fragments: put it back in the address for the page to find.
            let _ = gloo::utils::history().replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&path),
            );
        })
    });
    html! { <a href={path} {onclick}>{ props.children.clone() }</a> }
}

/// The address of a handbook document, at `anchor` when not empty.
pub fn handbook_path(doc: &str, anchor: &str) -> String {
    if anchor.is_empty() {
        format!("/so-tay/{doc}")
    } else {
        format!("/so-tay/{doc}#{anchor}")
    }
}
