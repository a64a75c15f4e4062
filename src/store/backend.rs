//! The key-value interface a storage medium offers, and the in-memory medium used natively and
//! as the browser's fallback when `localStorage` is missing or full.

use std::collections::BTreeMap;

/// Why a storage medium refused an operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackendError {
    /// The medium cannot be used at all (private mode, disabled by policy).
    #[error("storage is unavailable")]
    Unavailable,
    /// The medium is full.
    #[error("storage quota exceeded")]
    QuotaExceeded,
}

/// A string key-value medium such as the browser's `localStorage`.
pub trait Backend {
    /// The value stored under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    /// Removes `key`; removing a missing key is not an error.
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
}

/// A medium that keeps everything in memory for the life of the page (or the test).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
}

impl MemoryBackend {
    /// Every key and value held, in key order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.entries.remove(key);
        Ok(())
    }
}
