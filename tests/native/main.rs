//! The one native integration-test binary: each module tests one area of the core through its
//! public API (`cargo test --test native`).

mod bank;
mod bank_cli;
mod bank_digest;
mod bank_fuzz;
mod bank_fuzz_found;
mod bank_import;
mod contest;
mod gift;
mod grade;
mod store;
mod support;
