//! Browser tests (`wasm-bindgen-test` in headless Chromium) for what needs the DOM: the
//! `localStorage` adapter and components, mounted, acted on, and read back from the DOM.
#![cfg(target_arch = "wasm32")]

mod components;
mod storage;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::Element;

/// A fresh `<div>` attached to the document body, to mount a component into. Roots of earlier
/// tests are removed first, so element ids never collide.
pub fn mount_point() -> Element {
    let document = gloo::utils::document();
    let old = document
        .query_selector_all(".test-root")
        .expect("query roots");
    for i in 0..old.length() {
        if let Some(node) = old.item(i) {
            node.unchecked_into::<Element>().remove();
        }
    }
    let root = document.create_element("div").expect("create div");
    root.set_class_name("test-root");
    gloo::utils::body().append_child(&root).expect("append div");
    root
}

/// Lets Yew's scheduler run the pending renders.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}
