//! Browser tests (`wasm-bindgen-test` in headless Chromium) for what needs the DOM.
#![cfg(target_arch = "wasm32")]
