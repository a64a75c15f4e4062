//! Throughput of result verification, for `scripts/bench`: bare Ed25519 verification of the
//! signatures (public key from its 32 bytes, then the signature over the precomputed hash
//! data: what any verifier must do per result) versus full credential verification (strict
//! JSON, shape, did:key, JCS, SHA-256, Ed25519, subject) of the same signed results, on one
//! core. Prints `name=value` lines.
//!
//! `cargo run --release --example bench_verify [COUNT]` (default 20000 results, 1 core).

use std::hint::black_box;
use std::time::Instant;

use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use hocso::credential::did_key::decode_base58btc;
use hocso::credential::proof::{configure, hash, transform};
use hocso::credential::{issue, verify, BankRef, ParticipantInfo, QuizResult};
use serde_json::{json, Value};

const NOW: i64 = 1_795_441_993_000;

fn main() {
    let count: usize = match std::env::args().nth(1).map(|arg| arg.parse()) {
        None => 20_000,
        Some(Ok(count)) if count > 0 => count,
        Some(_) => {
            eprintln!("usage: bench_verify [COUNT > 0]");
            std::process::exit(2);
        }
    };
    let texts: Vec<String> = (0..count).map(signed_result).collect();
    let bare: Vec<([u8; 64], Signature, [u8; 32])> = texts.iter().map(|t| prepared(t)).collect();

    let start = Instant::now();
    for (hash_data, signature, key_bytes) in &bare {
        let key = VerifyingKey::from_bytes(key_bytes).expect("a valid key");
        assert!(black_box(key.verify_strict(hash_data, signature)).is_ok());
    }
    let bare_per_s = count as f64 / start.elapsed().as_secs_f64();

    let start = Instant::now();
    for text in &texts {
        assert!(black_box(verify(text)).is_ok());
    }
    let full_per_s = count as f64 / start.elapsed().as_secs_f64();

    println!("results={count}");
    println!("ed25519_verify_per_s={bare_per_s:.0}");
    println!("credential_verify_per_s={full_per_s:.0}");
    println!("credential_vs_ed25519_ratio={:.3}", full_per_s / bare_per_s);
}

/// A realistic signed result (30 answers) of participant `i` with their own key.
fn signed_result(i: usize) -> String {
    let mut secret = [0u8; 32];
    secret[..8].copy_from_slice(&(i as u64).to_le_bytes());
    let key = SigningKey::from_bytes(&secret);
    let answers = (0..30)
        .map(|q| json!({"question": format!("q{q:03}"), "answer": {"choice": (i + q) % 4}, "at": NOW + q as i64 * 20_000}))
        .collect();
    let result = QuizResult {
        participant: ParticipantInfo {
            name: format!("Người dự thi số {i}"),
            unit: "Chi bộ Khu phố 3, phường Bến Nghé".to_owned(),
        },
        bank: BankRef {
            id: "nq57".to_owned(),
            version: "1.0.0".to_owned(),
            digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".to_owned(),
        },
        seed: (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15).to_string(),
        settings: json!({"questions": 30, "time_limit_s": 1800}),
        answers,
        started_at: NOW,
        submitted_at: NOW + 700_000,
        prediction: i as u64 % 500,
        score: (i % 31) as u32,
        max_score: 30,
    };
    match issue(&result, &key, NOW + 700_000) {
        Ok(credential) => credential.to_string(),
        Err(error) => panic!("issue: {error}"),
    }
}

/// The hash data, signature and key of a signed result, computed outside the timing.
fn prepared(text: &str) -> ([u8; 64], Signature, [u8; 32]) {
    let Ok(Value::Object(mut document)) = serde_json::from_str::<Value>(text) else {
        panic!("a signed result is a json object");
    };
    let Some(Value::Object(mut options)) = document.remove("proof") else {
        panic!("a signed result has a proof");
    };
    let proof_value = options
        .remove("proofValue")
        .and_then(|v| v.as_str().map(str::to_owned));
    let bytes = decode_base58btc(&proof_value.unwrap_or_default()).expect("base58");
    let signature = Signature::from_slice(&bytes).expect("64 bytes");
    let key = hocso::credential::proof::verification_method(&options).expect("did:key");
    let hash_data = hash(
        &transform(&document, &options).expect("transform"),
        &configure(&options).expect("configure"),
    );
    (hash_data, signature, key.verifying_key().to_bytes())
}
