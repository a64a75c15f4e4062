//! Typed records over a [`Backend`]: envelopes with a schema version, step-by-step migrations,
//! move-aside of anything unreadable, and an in-memory overlay when the medium fails.

use std::collections::BTreeSet;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use super::{corrupt_key, record_key, Backend, BackendError, MemoryBackend, Notice};

/// A piece of personal data saved under its own key.
pub trait Record: Serialize + DeserializeOwned + Default {
    /// The key name under the namespace, e.g. `settings`.
    const NAME: &'static str;
    /// The current schema version; bump it and extend [`Record::migrate`] on every change.
    const VERSION: u32;

    /// Upgrades `data` written under schema version `from` to version `from + 1`.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from schema version {from}"))
    }
}

/// How a record is written: the schema version and the data.
#[derive(Serialize, Deserialize)]
struct Envelope {
    v: u32,
    data: Value,
}

/// Loads and saves [`Record`]s, never losing what it cannot read.
///
/// Reads consult the in-memory overlay first: it holds whatever could not be written to the
/// medium, so the app keeps working (for the life of the page) when storage fails.
#[derive(Debug)]
pub struct Store<B> {
    backend: B,
    overlay: MemoryBackend,
    /// Keys whose unreadable value could not be copied aside: never written to the medium.
    pinned: BTreeSet<String>,
    notices: Vec<Notice>,
}

impl<B: Backend> Store<B> {
    /// A store over `backend`.
    pub fn new(backend: B) -> Self {
        Self {
            backend,
            overlay: MemoryBackend::default(),
            pinned: BTreeSet::new(),
            notices: Vec::new(),
        }
    }

    /// The record saved under `R::NAME`, migrated to the current schema, or the default when
    /// there is none. An unreadable value is moved aside (see [`corrupt_key`]) and reported.
    pub fn load<R: Record>(&mut self, now_ms: u64) -> R {
        let key = record_key(R::NAME);
        if let Ok(Some(raw)) = self.overlay.get(&key) {
            return decode::<R>(&raw).map(|(r, _)| r).unwrap_or_default();
        }
        let raw = match self.backend.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return R::default(),
            Err(error) => {
                self.notify(error.into());
                return R::default();
            }
        };
        match decode::<R>(&raw) {
            Ok((record, migrated)) => {
                if migrated {
                    self.save(&record);
                }
                record
            }
            Err(_) => {
                self.move_aside(&key, &raw, now_ms);
                R::default()
            }
        }
    }

    /// Saves `record`; when the medium refuses, keeps it in memory and reports why.
    pub fn save<R: Record>(&mut self, record: &R) {
        let key = record_key(R::NAME);
        let Ok(data) = serde_json::to_value(record) else {
            return;
        };
        let envelope = Envelope {
            v: R::VERSION,
            data,
        };
        let Ok(raw) = serde_json::to_string(&envelope) else {
            return;
        };
        if self.pinned.contains(&key) {
            let _ = self.overlay.set(&key, &raw);
            return;
        }
        match self.backend.set(&key, &raw) {
            Ok(()) => {
                let _ = self.overlay.remove(&key);
            }
            Err(error) => {
                let _ = self.overlay.set(&key, &raw);
                self.notify(error.into());
            }
        }
    }

    /// The notices raised since the last call, oldest first.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// The medium underneath.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Copies `raw` to a corrupt-key, then frees `key`. When the copy cannot be written the
    /// original stays where it is and the record lives in memory only, so nothing is lost.
    fn move_aside(&mut self, key: &str, raw: &str, now_ms: u64) {
        let aside_key = corrupt_key(key, now_ms);
        match self.backend.set(&aside_key, raw) {
            Ok(()) => {
                let _ = self.backend.remove(key);
                self.notify(Notice::MovedAside {
                    key: key.to_owned(),
                    aside_key,
                });
            }
            Err(error) => {
                self.pinned.insert(key.to_owned());
                self.notify(error.into());
            }
        }
    }

    fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }
}

impl From<BackendError> for Notice {
    fn from(error: BackendError) -> Self {
        match error {
            BackendError::Unavailable => Notice::Unavailable,
            BackendError::QuotaExceeded => Notice::QuotaExceeded,
        }
    }
}

/// Parses an envelope and migrates its data to `R::VERSION`; `true` when a migration ran.
fn decode<R: Record>(raw: &str) -> Result<(R, bool), String> {
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if envelope.v > R::VERSION {
        return Err(format!(
            "schema version {} is newer than this app's {}",
            envelope.v,
            R::VERSION
        ));
    }
    let mut data = envelope.data;
    for from in envelope.v..R::VERSION {
        data = R::migrate(from, data)?;
    }
    let record = serde_json::from_value(data).map_err(|e| e.to_string())?;
    Ok((record, envelope.v != R::VERSION))
}
