//! The `localStorage` adapter under the core's store: envelopes land in the real browser
//! storage, and unreadable values are moved aside there.

use hocso::prefs::{Preferences, TextSize};
use hocso::store::{Backend, Notice, Store};
use hocso::web::storage::LocalStorage;
use wasm_bindgen_test::wasm_bindgen_test;

fn local_storage() -> web_sys::Storage {
    gloo::utils::window()
        .local_storage()
        .expect("localStorage access")
        .expect("localStorage present")
}

#[wasm_bindgen_test]
fn records_round_trip_through_local_storage() {
    local_storage().clear().unwrap();
    let mut store = Store::new(LocalStorage::open());
    let prefs = Preferences {
        text_size: TextSize::Large,
    };
    store.save(&prefs);
    assert_eq!(
        local_storage()
            .get_item("hocso:v1:prefs")
            .unwrap()
            .as_deref(),
        Some(r#"{"v":1,"data":{"text_size":"large"}}"#)
    );
    let mut reopened = Store::new(LocalStorage::open());
    assert_eq!(reopened.load::<Preferences>(5), prefs);
    assert!(reopened.take_notices().is_empty());
}

#[wasm_bindgen_test]
fn unreadable_value_is_moved_aside_in_local_storage() {
    local_storage().clear().unwrap();
    local_storage().set_item("hocso:v1:prefs", "{oops").unwrap();
    let mut store = Store::new(LocalStorage::open());
    assert_eq!(store.load::<Preferences>(42), Preferences::default());
    assert_eq!(
        local_storage()
            .get_item("hocso:corrupt:hocso:v1:prefs:42")
            .unwrap()
            .as_deref(),
        Some("{oops")
    );
    assert_eq!(local_storage().get_item("hocso:v1:prefs").unwrap(), None);
    assert!(matches!(
        store.take_notices().as_slice(),
        [Notice::MovedAside { .. }]
    ));
}

#[wasm_bindgen_test]
fn backend_reads_what_the_browser_holds() {
    local_storage().clear().unwrap();
    let mut backend = LocalStorage::open();
    backend.set("hocso:v1:x", "1").unwrap();
    assert_eq!(backend.get("hocso:v1:x").unwrap().as_deref(), Some("1"));
    backend.remove("hocso:v1:x").unwrap();
    assert_eq!(backend.get("hocso:v1:x").unwrap(), None);
}
