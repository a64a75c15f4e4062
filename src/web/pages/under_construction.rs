//! The honest placeholder of a route whose feature has not landed yet.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::Page;
use crate::web::routes::Route;

/// Props of [`UnderConstruction`].
#[derive(Debug, PartialEq, Properties)]
pub struct UnderConstructionProps {
    /// The route whose page is not ready.
    pub route: Route,
}

/// Says what the page will offer and that it is being built.
#[function_component(UnderConstruction)]
pub fn under_construction(props: &UnderConstructionProps) -> Html {
    html! {
        <Page title={props.route.title()}>
            <p class="lead">{ props.route.summary() }</p>
            <p class="status-badge">{ "Tính năng này đang xây dựng." }</p>
            <p><Link<Route> to={Route::Home}>{ "Về trang chủ" }</Link<Route>></p>
        </Page>
    }
}
