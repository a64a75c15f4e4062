//! Browser tests (`wasm-bindgen-test` in headless Chromium) for what needs the DOM: the
//! `localStorage` adapter and components, mounted, acted on, and read back from the DOM.
#![cfg(target_arch = "wasm32")]

mod components;
mod storage;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::time::Duration;

use web_sys::Element;

/// A fresh `<div>` attached to the document body, to mount a component into.
pub fn mount_point() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create div");
    gloo::utils::body().append_child(&root).expect("append div");
    root
}

/// Lets Yew's scheduler run the pending renders.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}
