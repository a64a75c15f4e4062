//! `hocso bank …`: the commands for question banks, one module each.

mod build;
mod check;
mod export;
mod import;
mod stats;

use clap::Subcommand;
use hocso::bank::{load_toml, Bank};

use crate::io::{self, Failure};

/// Commands for question banks.
#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Check bank files and report every problem with its file, line and column.
    Check(check::Args),
    /// Count a bank's questions by topic, level and kind.
    Stats(stats::Args),
    /// Validate a bank and write the JSON the app loads: {"digest": …, "bank": …}.
    Build(build::Args),
    /// Convert a Moodle GIFT or Aiken file into a TOML bank.
    Import(import::Args),
    /// Write a bank in another format (Moodle GIFT).
    Export(export::Args),
}

/// Runs a `bank` subcommand.
pub fn run(command: BankCommand) -> Result<(), Failure> {
    match command {
        BankCommand::Check(args) => check::run(&args),
        BankCommand::Stats(args) => stats::run(&args),
        BankCommand::Build(args) => build::run(&args),
        BankCommand::Import(args) => import::run(&args),
        BankCommand::Export(args) => export::run(&args),
    }
}

/// Loads the bank at `path`; its diagnostics go to stderr, and any error fails the command.
pub(crate) fn load(path: &str) -> Result<Bank, Failure> {
    let text = io::read(path)?;
    let (bank, found) = load_toml(path, &text);
    io::report(path, &text, &found);
    bank.ok_or(Failure::Problems)
}
