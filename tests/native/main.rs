//! The one native integration-test binary: each module tests one area of the core through its
//! public API (`cargo test --test native`). Native only: it reads files and runs the CLI.
#![cfg(not(target_arch = "wasm32"))]

mod attempt_draw;
mod attempt_reference;
mod bank;
mod bank_cli;
mod bank_digest;
mod bank_fuzz;
mod bank_fuzz_found;
mod bank_import;
mod cli_results;
mod compiled;
mod content;
mod content_audit;
mod content_cli;
mod contest;
mod credential;
mod credential_backup;
mod credential_jcs;
mod credential_vectors;
mod gift;
mod grade;
mod rank;
mod regrade;
mod store;
mod support;
