//! The page for addresses the app does not know.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::Page;
use crate::web::routes::Route;

/// The 404 page.
#[function_component(NotFound)]
pub fn not_found() -> Html {
    html! {
        <Page title={Route::NotFound.title()}>
            <p>{ "Địa chỉ bạn mở không có trong Học số. Có thể đường dẫn bị gõ sai hoặc đã cũ." }</p>
            <p><Link<Route> to={Route::Home}>{ "Về trang chủ" }</Link<Route>></p>
        </Page>
    }
}
