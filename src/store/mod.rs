//! Persistence logic, free of the browser: namespaced versioned keys, schema migrations,
//! move-aside of corrupted values, and a fallback to memory when storage is unavailable.
//!
//! The browser adapter (`web::storage`) only implements [`Backend`] over `localStorage`; every
//! decision about what to keep, migrate or move aside is made here and tested natively.

mod backend;
mod key;
mod notice;
mod record;

pub use backend::{Backend, BackendError, MemoryBackend};
pub use key::{corrupt_key, record_key, NAMESPACE};
pub use notice::Notice;
pub use record::{Record, Store};
