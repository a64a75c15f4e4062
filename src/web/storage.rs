//! Browser storage: `localStorage` as a [`Backend`], and the app-wide handle to the [`Store`].

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomException;
use yew::Callback;

use crate::store::{Backend, BackendError, Notice, Record, Store};
use crate::web::platform::now_ms;

/// The browser's `localStorage`, or nothing when the browser refuses it (private mode, policy).
pub struct LocalStorage {
    storage: Option<web_sys::Storage>,
}

impl LocalStorage {
    /// Opens `window.localStorage`; touching it may throw, which counts as unavailable.
    pub fn open() -> Self {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Self { storage }
    }

    fn storage(&self) -> Result<&web_sys::Storage, BackendError> {
        self.storage.as_ref().ok_or(BackendError::Unavailable)
    }
}

impl Backend for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage()?
            .get_item(key)
            .map_err(|_| BackendError::Unavailable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.storage()?.remove_item(key).map_err(classify)
    }
}

/// Tells a full storage from one that refuses for any other reason.
fn classify(error: JsValue) -> BackendError {
    match error.dyn_into::<DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" => BackendError::QuotaExceeded,
        _ => BackendError::Unavailable,
    }
}

/// The app's one [`Store`], shared through a context; every operation hands the notices it
/// raised to `on_notice` so the learner sees them.
#[derive(Clone)]
pub struct StoreHandle {
    store: Rc<RefCell<Store<LocalStorage>>>,
    on_notice: Callback<Notice>,
}

impl StoreHandle {
    /// A handle over `store` reporting notices to `on_notice`.
    pub fn new(store: Store<LocalStorage>, on_notice: Callback<Notice>) -> Self {
        Self {
            store: Rc::new(RefCell::new(store)),
            on_notice,
        }
    }

    /// Loads the record `R` (see [`Store::load`]).
    pub fn load<R: Record>(&self) -> R {
        let record = self.store.borrow_mut().load(now_ms());
        self.flush_notices();
        record
    }

    /// Saves `record` (see [`Store::save`]).
    pub fn save<R: Record>(&self, record: &R) {
        self.store.borrow_mut().save(record);
        self.flush_notices();
    }

    fn flush_notices(&self) {
        let notices = self.store.borrow_mut().take_notices();
        for notice in notices {
            self.on_notice.emit(notice);
        }
    }
}

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}
