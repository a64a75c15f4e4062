//! `hocso bank export --to gift FILE [-o OUT]`: writes a valid bank as Moodle GIFT, with `// @`
//! directive comments that let `bank import --from gift` restore it exactly.

use clap::ValueEnum;
use hocso::bank::export_gift;

use super::load;
use crate::io::{self, Failure};

/// Formats `bank export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum To {
    /// Moodle GIFT.
    Gift,
}

/// Flags of `bank export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The output format.
    #[arg(long, value_enum)]
    to: To,
    /// The bank file (TOML).
    file: String,
    /// Where to write; stdout when absent.
    #[arg(short, long)]
    output: Option<String>,
}

/// Runs `bank export`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let bank = load(&args.file)?;
    let To::Gift = args.to;
    io::write(args.output.as_deref(), export_gift(&bank).as_bytes())
}
