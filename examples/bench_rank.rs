//! Benchmark: `hocso rank` against bare Ed25519 verification, on the same cores.
//! Run through `scripts/bench rank`; prints `name=value` lines, `rank_vs_verify_ratio` last.
//!
//! 1. Simulates `BENCH_RESULTS` (default 100 000) signed results over the shipped bank into a
//!    temporary directory, in parallel, with the very code of `hocso simulate`.
//! 2. (a) Bare verification: every file's proof is read and its hash data computed
//!    beforehand (`hocso::credential::proof::verify_proof`), then only Ed25519 verification is
//!    timed, in parallel: the public key decoded from its 32 bytes (RFC 8032 5.1.7 step 1) and
//!    `verify_strict` of the signature over the hash data.
//! 3. (b) The rank pipeline of `hocso rank` end to end over the directory: walk, read, strict
//!    JSON, the whole `eddsa-jcs-2022` verification, regrading, ranking.
//! 4. (a) and (b) alternate for `BENCH_ROUNDS` rounds (default 3); each throughput is that of
//!    its fastest round, the one least disturbed by other work on the machine, and every round
//!    is printed, with each round's own ratio (verification over the rank round after it).
//!
//! 100 000 results take about 50 s on a 2-core machine (simulation 8–16 s, a round of bare
//! verification 2.4–2.7 s and of rank 3.3–3.5 s, the rest reading proofs); set `BENCH_RESULTS`
//! for a quicker run.
//!
//! The CLI modules are included by path so the benchmark measures the code the binary runs.

use std::fs;
use std::path::Path;
use std::time::Instant;

use ed25519_dalek::{Signature, VerifyingKey};
use hocso::bank::load_toml;
use hocso::credential::did_key::decode_base58btc;
use hocso::credential::proof::{hash, verify_proof};
use hocso::credential::strict_json::{parse_tree_noting_form, Arena, Json};
use hocso::rank::RankConfig;
use rayon::prelude::*;

// The benchmark uses only part of each included module.
#[allow(dead_code)]
#[path = "../src/bin/hocso/verify/check.rs"]
mod check;
#[path = "../src/bin/hocso/rank/files.rs"]
mod files;
#[allow(dead_code)]
#[path = "../src/bin/hocso/simulate/participants.rs"]
mod participants;
#[allow(dead_code)]
#[path = "../src/bin/hocso/rank/pipeline.rs"]
mod pipeline;

/// Where `pipeline` finds `check`, as in the binary.
mod verify {
    pub(crate) use super::check;
}

/// The allocator of the `hocso` binary, so the pipeline runs as it does there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use check::Banks;
use participants::Simulation;
use pipeline::rank_files;

fn main() {
    let count: u64 = std::env::var("BENCH_RESULTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3);
    let path = "quizzes/nq57.toml";
    let text = fs::read_to_string(path).expect("read the shipped bank");
    let bank = load_toml(path, &text).0.expect("the shipped bank is valid");
    let dir = std::env::temp_dir().join(format!("hocso-bench-rank-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("create the results directory");

    let started = Instant::now();
    let simulation = Simulation::new(&bank, 2026, count).expect("the bank has contest settings");
    (0..count).into_par_iter().for_each(|index| {
        let text = simulation.file(index);
        fs::write(dir.join(format!("{index:06}.json")), text).expect("write a result");
    });
    let simulate_s = started.elapsed().as_secs_f64();

    // (a) Bare Ed25519: hash data prepared untimed, only the signature checks timed.
    let prepared: Vec<_> = (0..count)
        .into_par_iter()
        .map(|index| prepare(&dir.join(format!("{index:06}.json"))))
        .collect();
    let verify = || {
        let verified = prepared
            .par_iter()
            .filter(|(key, hash_data, signature)| {
                VerifyingKey::from_bytes(key)
                    .and_then(|key| key.verify_strict(hash_data, signature))
                    .is_ok()
            })
            .count();
        assert_eq!(verified as u64, count, "every simulated signature verifies");
    };

    // (b) The rank pipeline end to end.
    let banks = Banks::new([bank.clone()]);
    let rank = || {
        let outcome = rank_files(
            std::slice::from_ref(&dir),
            &banks,
            RankConfig::default(),
            |path, problem| panic!("{}: {problem:?}", path.display()),
        );
        assert_eq!(
            outcome.summary.valid, count,
            "every simulated result is valid"
        );
        outcome
    };

    // Rounds alternate (a) and (b), so both see the same machine; the fastest round of each
    // is the one least disturbed by anything else running.
    let mut verify_rounds = Vec::new();
    let mut rank_rounds = Vec::new();
    let mut outcome = None;
    for _ in 0..rounds {
        let started = Instant::now();
        verify();
        verify_rounds.push(started.elapsed().as_secs_f64());
        // The previous round's ranking is freed before the clock starts, not inside the round.
        drop(outcome.take());
        let started = Instant::now();
        let ranked = rank();
        rank_rounds.push(started.elapsed().as_secs_f64());
        outcome = Some(ranked);
    }
    let outcome = outcome.expect("at least one round");
    fs::remove_dir_all(&dir).expect("remove the results directory");
    let verify_s = verify_rounds.iter().copied().fold(f64::INFINITY, f64::min);
    let rank_s = rank_rounds.iter().copied().fold(f64::INFINITY, f64::min);

    let verify_per_s = count as f64 / verify_s;
    let rank_per_s = count as f64 / rank_s;
    println!("results={count}");
    println!("threads={}", rayon::current_num_threads());
    println!("ranked={}", outcome.ranking.rows.len());
    println!("duplicates={}", outcome.ranking.duplicates.len());
    println!("full_scores={}", outcome.ranking.full_scores);
    println!("simulate_s={simulate_s:.1}");
    println!("rounds={rounds}");
    // Each round's own ratio: its verification time over the rank time right after it. The
    // spread shows how much the machine's other work moved the figures.
    let paired_ratios = verify_rounds
        .iter()
        .zip(&rank_rounds)
        .map(|(verify, rank)| verify / rank);
    println!("verify_s_rounds={}", listed(&verify_rounds, 2));
    println!("rank_s_rounds={}", listed(&rank_rounds, 2));
    println!("paired_ratio_rounds={}", listed(paired_ratios, 3));
    println!("verify_s={verify_s:.3}");
    println!("rank_s={rank_s:.3}");
    println!("verify_per_s={verify_per_s:.0}");
    println!("rank_per_s={rank_per_s:.0}");
    println!("rank_vs_verify_ratio={:.3}", rank_per_s / verify_per_s);
}

/// Per-round figures with `decimals` decimals, as `1.23,1.25,1.31`.
fn listed(
    values: impl IntoIterator<Item = impl std::borrow::Borrow<f64>>,
    decimals: usize,
) -> String {
    let values: Vec<String> = values
        .into_iter()
        .map(|value| format!("{:.decimals$}", value.borrow()))
        .collect();
    values.join(",")
}

/// The signer's public key bytes, the hash data (eddsa-jcs-2022 3.3.4) and the signature of one
/// file: the three inputs of Ed25519 verification (RFC 8032 5.1.7, whose first step decodes the
/// public key, so decoding it is timed with the check).
fn prepare(path: &Path) -> ([u8; 32], [u8; 64], Signature) {
    let text = fs::read_to_string(path).expect("read a result");
    let arena = Arena::new();
    let (document, canonical) = parse_tree_noting_form(&text, &arena).expect("strict json");
    let members = document.as_object().expect("a json object");
    let verified = verify_proof(members, canonical).expect("the proof verifies");
    let proof_value = document
        .get("proof")
        .and_then(|proof| proof.get("proofValue"))
        .and_then(Json::as_str)
        .expect("a proofValue");
    let bytes = decode_base58btc(&proof_value).expect("base58-btc proofValue");
    let signature = Signature::from_slice(&bytes).expect("a 64-byte signature");
    let hash_data = hash(&verified.canonical_document, &verified.canonical_config);
    (
        verified.signer.verifying_key().to_bytes(),
        hash_data,
        signature,
    )
}
