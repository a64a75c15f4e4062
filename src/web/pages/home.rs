//! The home page: what Học số offers, one card per entry.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::Page;
use crate::web::routes::Route;

/// The home page.
#[function_component(Home)]
pub fn home() -> Html {
    html! {
        <Page title={Route::Home.title()}>
            <p class="lead">{ Route::Home.summary() }</p>
            <nav aria-label="Các mục chính">
                <ul class="entries">
                    { for Route::ENTRIES.iter().map(|route| html! {
                        <li>
                            <Link<Route> to={route.clone()} classes="entry">
                                <span class="entry-title">{ route.title() }</span>
                                <span class="entry-summary">{ route.summary() }</span>
                            </Link<Route>>
                        </li>
                    }) }
                </ul>
            </nav>
        </Page>
    }
}
