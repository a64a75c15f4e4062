//! The frame of every page: its heading and the browser tab's title.

use yew::prelude::*;

use crate::web::hooks::use_document_title;

/// Props of [`Page`].
#[derive(Debug, PartialEq, Properties)]
pub struct PageProps {
    /// The page's heading; the tab shows it followed by the app's name.
    pub title: AttrValue,
    /// The page's body.
    #[prop_or_default]
    pub children: Html,
}

/// A page with one `<h1>` and a matching document title.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    use_document_title(&props.title);
    html! {
        <article class="page">
            <h1>{ &props.title }</h1>
            { props.children.clone() }
        </article>
    }
}
