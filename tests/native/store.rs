//! Persistence: versioned envelopes, migrations, move-aside of corrupted values, and the
//! in-memory fallback when the medium refuses.

use hocso::prefs::{Preferences, TextSize};
use hocso::store::{Backend, BackendError, MemoryBackend, Notice, Record, Store};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const NOW: u64 = 1_763_900_000_000;

/// A record at schema 3 whose history renamed a field (v1→v2) and added one (v2→v3).
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Progress {
    done: Vec<String>,
    streak: u32,
}

impl Record for Progress {
    const NAME: &'static str = "progress";
    const VERSION: u32 = 3;

    fn migrate(from: u32, mut data: Value) -> Result<Value, String> {
        match from {
            1 => {
                let finished = data["finished"].take();
                Ok(json!({ "done": finished }))
            }
            2 => {
                data["streak"] = json!(0);
                Ok(data)
            }
            _ => Err(format!("unknown version {from}")),
        }
    }
}

/// A medium that refuses the way a full or disabled `localStorage` does: reads fail with
/// `reads`; writes to keys starting with `writes.0` fail with `writes.1`.
#[derive(Default)]
struct Refusing {
    inner: MemoryBackend,
    reads: Option<BackendError>,
    writes: Option<(&'static str, BackendError)>,
}

impl Backend for Refusing {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match &self.reads {
            Some(e) => Err(e.clone()),
            None => self.inner.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match &self.writes {
            Some((prefix, e)) if key.starts_with(prefix) => Err(e.clone()),
            _ => self.inner.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.inner.remove(key)
    }
}

fn store_with(key: &str, raw: &str) -> Store<MemoryBackend> {
    let mut backend = MemoryBackend::default();
    backend.set(key, raw).unwrap();
    Store::new(backend)
}

#[test]
fn missing_record_is_default_without_notice() {
    let mut store = Store::new(MemoryBackend::default());
    assert_eq!(store.load::<Preferences>(NOW), Preferences::default());
    assert!(store.take_notices().is_empty());
}

#[test]
fn saved_record_round_trips_in_an_envelope() {
    let mut store = Store::new(MemoryBackend::default());
    let prefs = Preferences {
        text_size: TextSize::ExtraLarge,
    };
    store.save(&prefs);
    assert_eq!(
        store.backend().get("hocso:v1:prefs").unwrap().as_deref(),
        Some(r#"{"v":1,"data":{"text_size":"extra_large"}}"#)
    );
    assert_eq!(store.load::<Preferences>(NOW), prefs);
}

#[test]
fn old_schemas_migrate_step_by_step_and_are_rewritten() {
    let cases = [
        (r#"{"v":1,"data":{"finished":["a","b"]}}"#, vec!["a", "b"]),
        (r#"{"v":2,"data":{"done":["c"]}}"#, vec!["c"]),
        (r#"{"v":3,"data":{"done":[],"streak":0}}"#, vec![]),
    ];
    for (raw, done) in cases {
        let mut store = store_with("hocso:v1:progress", raw);
        let progress = store.load::<Progress>(NOW);
        assert_eq!(progress.done, done, "{raw}");
        assert_eq!(progress.streak, 0);
        let rewritten = store.backend().get("hocso:v1:progress").unwrap().unwrap();
        assert!(rewritten.starts_with(r#"{"v":3,"#), "{rewritten}");
        assert!(store.take_notices().is_empty());
    }
}

#[test]
fn unreadable_values_are_moved_aside_never_deleted() {
    let cases = [
        "not json at all",
        r#"{"v":1,"data":{"text_size":"huge"}}"#,
        r#"{"v":9,"data":{"text_size":"large"}}"#,
        r#"{"data":{"text_size":"large"}}"#,
        r#"{"v":1,"data":{"text_size":"large","extra":1}}"#,
    ];
    for raw in cases {
        let mut store = store_with("hocso:v1:prefs", raw);
        assert_eq!(
            store.load::<Preferences>(NOW),
            Preferences::default(),
            "{raw}"
        );
        let aside = "hocso:corrupt:hocso:v1:prefs:1763900000000";
        assert_eq!(store.backend().get(aside).unwrap().as_deref(), Some(raw));
        assert_eq!(store.backend().get("hocso:v1:prefs").unwrap(), None);
        assert_eq!(
            store.take_notices(),
            vec![Notice::MovedAside {
                key: "hocso:v1:prefs".into(),
                aside_key: aside.into()
            }]
        );
    }
}

#[test]
fn failed_migration_moves_the_value_aside() {
    let raw = r#"{"v":0,"data":{}}"#;
    let mut store = store_with("hocso:v1:progress", raw);
    assert_eq!(store.load::<Progress>(NOW), Progress::default());
    assert!(matches!(
        store.take_notices().as_slice(),
        [Notice::MovedAside { .. }]
    ));
}

#[test]
fn unavailable_storage_keeps_working_in_memory() {
    let mut store = Store::new(Refusing {
        reads: Some(BackendError::Unavailable),
        writes: Some(("", BackendError::Unavailable)),
        ..Refusing::default()
    });
    assert_eq!(store.load::<Preferences>(NOW), Preferences::default());
    let large = Preferences {
        text_size: TextSize::Large,
    };
    store.save(&large);
    store.save(&large);
    assert_eq!(store.load::<Preferences>(NOW), large);
    assert_eq!(store.take_notices(), vec![Notice::Unavailable]);
}

#[test]
fn full_storage_keeps_the_latest_change_in_memory() {
    let mut backend = Refusing::default();
    backend
        .inner
        .set("hocso:v1:prefs", r#"{"v":1,"data":{"text_size":"large"}}"#)
        .unwrap();
    backend.writes = Some(("", BackendError::QuotaExceeded));
    let mut store = Store::new(backend);
    let xl = Preferences {
        text_size: TextSize::ExtraLarge,
    };
    store.save(&xl);
    assert_eq!(store.load::<Preferences>(NOW), xl);
    assert_eq!(store.take_notices(), vec![Notice::QuotaExceeded]);
}

#[test]
fn corrupt_value_that_cannot_be_copied_aside_is_never_overwritten() {
    let mut backend = Refusing::default();
    backend.inner.set("hocso:v1:prefs", "garbage").unwrap();
    backend.writes = Some(("hocso:corrupt:", BackendError::QuotaExceeded));
    let mut store = Store::new(backend);
    assert_eq!(store.load::<Preferences>(NOW), Preferences::default());
    // The medium accepts writes to the record's key, yet the unreadable original stays untouched.
    let large = Preferences {
        text_size: TextSize::Large,
    };
    store.save(&large);
    assert_eq!(store.load::<Preferences>(NOW), large);
    assert_eq!(
        store.backend().get("hocso:v1:prefs").unwrap().as_deref(),
        Some("garbage")
    );
    assert_eq!(store.take_notices(), vec![Notice::QuotaExceeded]);
}

#[test]
fn notices_speak_vietnamese() {
    let moved = Notice::MovedAside {
        key: "hocso:v1:prefs".into(),
        aside_key: "hocso:corrupt:hocso:v1:prefs:1".into(),
    };
    assert!(moved.message().contains("hocso:corrupt:hocso:v1:prefs:1"));
    assert!(Notice::Unavailable.message().contains("ẩn danh"));
    assert!(Notice::QuotaExceeded.message().contains("đầy"));
}
