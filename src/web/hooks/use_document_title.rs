//! Keeps the browser tab's title in step with the page shown.

use yew::prelude::*;

/// The document title for a page called `page`: the page first, then the app's name.
pub fn document_title(page: &str) -> String {
    if page == "Học số" {
        page.to_owned()
    } else {
        format!("{page} · Học số")
    }
}

/// Owns `document.title` while the calling page is shown.
#[hook]
pub fn use_document_title(page: &str) {
    use_effect_with(document_title(page), |title| {
        gloo::utils::document().set_title(title);
    });
}
