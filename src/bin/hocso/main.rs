//! `hocso`: the command-line tool of Học số for content authors and contest organisers.
//!
//! Each subcommand lives in its own module; `main` parses the flags, dispatches, and maps the
//! outcome to an exit code: 0 success, 1 the input has problems (reported on stderr), 2 usage or
//! I/O error.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Học số: author question banks, verify and rank contest results.
#[derive(Debug, Parser)]
#[command(name = "hocso", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {}

// Until the first subcommand lands the command enum is empty, so matching on it is unreachable.
#[allow(unreachable_code)]
fn main() -> ExitCode {
    match Cli::parse().command {}
}
