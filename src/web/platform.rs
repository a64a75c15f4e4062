//! What the app asks of the browser besides storage: the clock, crypto randomness, Unicode
//! normalisation and local date formatting.

use wasm_bindgen::JsValue;

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A seed from the browser's cryptographic random generator.
pub fn random_seed() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok());
    if filled.is_none() {
        // Every browser that runs wasm has crypto.getRandomValues; this keeps the draw usable
        // (though predictable) in one that somehow lacks it.
        bytes = (js_sys::Math::random() * u64::MAX as f64).to_le_bytes();
    }
    u64::from_le_bytes(bytes)
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
