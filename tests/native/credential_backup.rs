//! Key backup and restore: round trip, and a clear error for each wrong or corrupted file.

use ed25519_dalek::SigningKey;
use hocso::credential::backup::{backup, restore, RestoreError};
use serde_json::{json, Value};

fn file() -> Value {
    file_of(&[3; 32])
}

#[test]
fn a_backup_restores_the_same_key() {
    let key = SigningKey::from_bytes(&[3; 32]);
    let saved = file();
    assert_eq!(saved["type"], "HocSoKeyBackup");
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["created"], "1970-01-01T00:00:00Z");
    assert!(saved["id"]
        .as_str()
        .is_some_and(|id| id.starts_with("did:key:z6Mk")));
    let restored = restore(&saved.to_string()).expect("restores");
    assert_eq!(restored.to_bytes(), key.to_bytes());
}

#[test]
fn wrong_or_corrupted_files_are_refused_with_a_reason() {
    let other = file_of(&[4; 32]);
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|f| f["type"] = json!("Khác")),
            "đây không phải là tệp sao lưu khóa của Học số",
        ),
        (
            Box::new(|f| f["version"] = json!(2)),
            "đây không phải là tệp sao lưu khóa của Học số",
        ),
        (
            Box::new(|f| f["extra"] = json!(1)),
            "đây không phải là tệp sao lưu khóa của Học số",
        ),
        (
            Box::new(|f| drop(f.as_object_mut().map(|o| o.remove("secretKeyMultibase")))),
            "đây không phải là tệp sao lưu khóa của Học số",
        ),
        (
            Box::new(|f| f["secretKeyMultibase"] = json!("z3u2xx0")),
            "khóa bí mật trong tệp bị hỏng",
        ),
        (
            Box::new(move |f| f["secretKeyMultibase"] = other["secretKeyMultibase"].clone()),
            "khóa công khai trong tệp không khớp với khóa bí mật: tệp đã bị sửa hoặc hỏng",
        ),
        (
            Box::new(|f| {
                f["id"] = json!("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")
            }),
            "khóa công khai trong tệp không khớp với khóa bí mật: tệp đã bị sửa hoặc hỏng",
        ),
    ];
    for (edit, expected) in cases {
        let mut saved = file();
        edit(&mut saved);
        assert_eq!(
            restore(&saved.to_string())
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Err(expected.to_owned())
        );
    }
    assert_eq!(
        restore("{\"type\": 1,\n \"type\": 2}").map(|_| ()),
        Err(RestoreError::BadJson { line: 2, column: 7 })
    );
    assert_eq!(
        restore("").map(|_| ()),
        Err(RestoreError::BadJson { line: 1, column: 1 })
    );
}

fn file_of(secret: &[u8; 32]) -> Value {
    serde_json::to_value(backup(&SigningKey::from_bytes(secret), 0)).expect("serialise")
}
