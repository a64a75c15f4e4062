//! `hocso`: the command-line tool of Học số for content authors and contest organisers.
//!
//! Each subcommand lives in its own module; `main` parses the flags, dispatches, and maps the
//! outcome to an exit code: 0 success, 1 the input has problems (reported on stderr), 2 usage or
//! I/O error.

mod attempt;
mod bank;
mod handbook;
mod io;
mod json;
mod rank;
mod simulate;
mod verify;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use io::Failure;

/// mimalloc: `rank` and `verify` allocate for every file on every core, where the system
/// allocator's locks and consolidation cost more than the JSON they hold.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Học số: author question banks, verify and rank contest results.
#[derive(Debug, Parser)]
#[command(name = "hocso", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Replay contest draws.
    #[command(subcommand)]
    Attempt(attempt::AttemptCommand),
    /// Check, build, convert and count question banks.
    #[command(subcommand)]
    Bank(bank::BankCommand),
    /// Lint and compile handbook documents.
    #[command(subcommand)]
    Handbook(handbook::HandbookCommand),
    /// JSON utilities for integrators.
    #[command(subcommand)]
    Json(json::JsonCommand),
    /// Rank contest results: verify, regrade, one entry per participant, ordered.
    Rank(rank::Args),
    /// Generate signed results of simulated participants, to rehearse a contest pipeline.
    Simulate(simulate::Args),
    /// Verify signed results and regrade them against their bank.
    Verify(verify::Args),
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Attempt(command) => attempt::run(command),
        Command::Bank(command) => bank::run(command),
        Command::Handbook(command) => handbook::run(command),
        Command::Json(command) => json::run(command),
        Command::Rank(args) => rank::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Verify(args) => verify::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems) => ExitCode::from(1),
        Err(Failure::Io(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
