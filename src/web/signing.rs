//! Signing on this device: the learner's key (made on first need from the browser's crypto
//! RNG, kept through the store) and the signed result of a finished attempt.

use ed25519_dalek::SigningKey;
use serde_json::Value;

use crate::attempt::{Attempt, Phase};
use crate::bank::Bank;
use crate::credential::{issue, key_from_random, quiz_result, KeyRecord};
use crate::web::platform::random_bytes;
use crate::web::storage::StoreHandle;

/// The device's key, made and saved on first need. A saved key that cannot be read is never
/// replaced silently: the learner is told instead.
pub fn device_key(store: &StoreHandle) -> Result<SigningKey, &'static str> {
    match store.load::<KeyRecord>().key() {
        Some(Ok(key)) => Ok(key),
        Some(Err(_)) => Err("Khóa ký số lưu trên máy này bị hỏng nên không ký được kết quả."),
        None => {
            let bytes = random_bytes::<32>()
                .ok_or("Trình duyệt không tạo được số ngẫu nhiên an toàn để làm khóa ký số.")?;
            let key = key_from_random(bytes);
            store.save(&KeyRecord::of(&key));
            Ok(key)
        }
    }
}

/// The signed credential of a submitted attempt, dated at its submission so the same file
/// comes out every time.
pub fn signed_result(
    store: &StoreHandle,
    attempt: &Attempt,
    bank: &Bank,
) -> Result<Value, &'static str> {
    let Phase::Submitted { submitted_at, .. } = attempt.phase() else {
        return Err("Bài làm chưa nộp nên chưa có kết quả để ký.");
    };
    let result = quiz_result(attempt, bank).ok_or("Không lập được kết quả của bài làm này.")?;
    let key = device_key(store)?;
    issue(&result, &key, submitted_at as i64).map_err(|_| "Không ký được kết quả.")
}
