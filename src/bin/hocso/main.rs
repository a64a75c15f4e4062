//! `hocso`: the command-line tool of Học số for content authors and contest organisers.

use std::process::ExitCode;

use clap::Parser;

/// Học số: author question banks, verify and rank contest results.
#[derive(Debug, Parser)]
#[command(name = "hocso", version, about)]
struct Cli {}

fn main() -> ExitCode {
    let _cli = Cli::parse();
    ExitCode::SUCCESS
}
