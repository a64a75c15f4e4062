//! The one native integration-test binary: each module tests one area of the core through its
//! public API (`cargo test --test native`).
mod credential;
mod credential_jcs;
mod credential_vectors;
mod rank;
mod store;
