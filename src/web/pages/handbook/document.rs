//! One handbook document, opened at the section its address names (`/so-tay/doc#anchor`).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::{DocumentView, Page};
use crate::web::content::handbook;
use crate::web::pages::NotFound;
use crate::web::routes::Route;

/// Props of [`HandbookDocument`].
#[derive(Debug, PartialEq, Properties)]
pub struct HandbookDocumentProps {
    /// The document id.
    pub id: AttrValue,
}

/// The document, scrolled to the section of the address's `#anchor`.
#[function_component(HandbookDocument)]
pub fn handbook_document(props: &HandbookDocumentProps) -> Html {
    let handbook = handbook();
    use_effect_with(props.id.clone(), |_| focus_anchor());
    let Some(doc) = handbook.document(&props.id) else {
        return html! { <NotFound /> };
    };
    html! {
        <Page title={doc.title.clone()}>
            <p class="lead">{ &doc.summary }</p>
            <DocumentView document={doc.clone()} />
            <p class="hint">{ format!("Nguồn: {}. Cập nhật: {}.", doc.sources.join("; "), doc.updated) }</p>
            <p><Link<Route> to={Route::Handbook}>{ "Tất cả tài liệu trong sổ tay" }</Link<Route>></p>
        </Page>
    }
}

/// Scrolls to, and focuses, the heading the address's fragment names, if any.
fn focus_anchor() {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let Some(anchor) = hash.strip_prefix('#').filter(|a| !a.is_empty()) else {
        return;
    };
    if let Some(heading) = gloo::utils::document().get_element_by_id(anchor) {
        let heading = heading.unchecked_into::<HtmlElement>();
        heading.scroll_into_view();
        let _ = heading.focus();
    }
}
