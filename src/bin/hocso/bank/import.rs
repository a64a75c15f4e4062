//! `hocso bank import --from gift|aiken IN [-o OUT.toml]`: converts a Moodle GIFT or Aiken file
//! into a bank in the TOML authoring format. Skipped items are warnings on stderr; any error
//! writes nothing and fails.

use clap::ValueEnum;
use hocso::bank::{import_aiken, import_gift, to_toml};

use crate::io::{self, count, Failure};

/// Formats `bank import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum From {
    /// Moodle GIFT.
    Gift,
    /// Aiken.
    Aiken,
}

/// Flags of `bank import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input's format.
    #[arg(long, value_enum)]
    from: From,
    /// The GIFT or Aiken file; `-` for stdin.
    input: String,
    /// Where to write the TOML bank; stdout when absent.
    #[arg(short, long)]
    output: Option<String>,
}

/// Runs `bank import`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let text = io::read(&args.input)?;
    let (bank, found) = match args.from {
        From::Gift => import_gift(&args.input, &text),
        From::Aiken => import_aiken(&args.input, &text),
    };
    io::report(&args.input, &text, &found);
    let Some(bank) = bank else {
        let errors = found.iter().filter(|d| d.is_error()).count();
        eprintln!(
            "{}: nothing written, {}",
            args.input,
            count(errors, "error")
        );
        return Err(Failure::Problems);
    };
    io::write(args.output.as_deref(), to_toml(&bank).as_bytes())?;
    eprintln!(
        "imported {} into {} ({})",
        count(bank.questions.len(), "question"),
        args.output.as_deref().unwrap_or("stdout"),
        count(found.len(), "warning")
    );
    Ok(())
}
