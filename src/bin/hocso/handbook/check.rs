//! `hocso handbook check FILE|DIR...`: compiles the documents together, renders every diagnostic
//! on stderr, ends with a summary line and fails when any file has an error.

use super::compile;
use crate::io::{count, Failure};

/// Flags of `handbook check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Markdown files, or folders of them.
    #[arg(required = true)]
    inputs: Vec<String>,
}

/// Runs `handbook check`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let compiled = compile(&args.inputs)?;
    let failed = compiled
        .files
        .iter()
        .filter(|(_, _, found)| found.iter().any(|d| d.is_error()))
        .count();
    let errors = compiled
        .files
        .iter()
        .flat_map(|(_, _, found)| found)
        .filter(|d| d.is_error())
        .count();
    eprintln!(
        "checked {}: {} failed, {}",
        count(compiled.files.len(), "document"),
        failed,
        count(errors, "error")
    );
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::Problems)
    }
}
