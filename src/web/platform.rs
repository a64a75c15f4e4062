//! What the app asks of the browser besides storage: the clock, crypto randomness, Unicode
//! normalisation and local date formatting.

use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A seed from the browser's cryptographic random generator.
pub fn random_seed() -> u64 {
    // Every browser that runs wasm has crypto.getRandomValues; the fallback keeps the draw
    // usable (though predictable) in one that somehow lacks it.
    random_bytes::<8>()
        .map(u64::from_le_bytes)
        .unwrap_or_else(|| (js_sys::Math::random() * u64::MAX as f64) as u64)
}

/// `text` in Unicode NFC, by the browser's `String.prototype.normalize` (the wasm carries no
/// Unicode tables).
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

/// A moment as local `HH:MM dd/mm/yyyy`.
pub fn date_time(ms: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:02}:{:02} {:02}/{:02}/{}",
        date.get_hours(),
        date.get_minutes(),
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year()
    )
}

/// `N` bytes from the browser's cryptographic random generator; `None` if it refuses.
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Offers `text` as a file called `name` for download (no network: a `blob:` URL).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Copies `text` to the clipboard; resolves when done.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await?;
    Ok(())
}
