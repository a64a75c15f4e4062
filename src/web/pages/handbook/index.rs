//! The list of handbook documents.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::Page;
use crate::web::content::handbook;
use crate::web::routes::Route;

/// Every document, with its summary.
#[function_component(HandbookIndex)]
pub fn handbook_index() -> Html {
    let handbook = handbook();
    html! {
        <Page title={Route::Handbook.title()}>
            <p class="lead">{ Route::Handbook.summary() }</p>
            <ul class="entries" aria-label="Tài liệu">
                { for handbook.documents.iter().map(|doc| html! {
                    <li>
                        <Link<Route> to={Route::HandbookDocument { id: doc.id.clone() }} classes="entry">
                            <span class="entry-title">{ &doc.title }</span>
                            <span class="entry-summary">{ &doc.summary }</span>
                        </Link<Route>>
                    </li>
                }) }
            </ul>
        </Page>
    }
}
