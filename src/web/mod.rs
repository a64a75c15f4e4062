//! The Yew single-page app (feature `web`): the only code that touches the browser.
//!
//! Pages draw; the logic they need lives in the core and is tested natively. Browser storage
//! reaches the core through [`storage::LocalStorage`], an implementation of
//! [`crate::store::Backend`].

mod app;
pub mod components;
pub mod content;
pub mod hooks;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod signing;
pub mod storage;

pub use app::App;

/// Mounts the app on the page's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
