//! `hocso bank build FILE -o OUT.json`: validates a bank and writes `{"digest": …, "bank": …}`,
//! the compact JSON the web app loads. An invalid bank writes nothing and fails.

use hocso::bank::Built;

use super::load;
use crate::io::{self, Failure};

/// Flags of `bank build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bank file (TOML).
    file: String,
    /// Where to write the JSON; stdout when absent.
    #[arg(short, long)]
    output: Option<String>,
}

/// Runs `bank build`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let built = Built::new(load(&args.file)?);
    let json = serde_json::to_string(&built)
        .map_err(|e| Failure::Io(format!("cannot encode the bank: {e}")))?;
    io::write(args.output.as_deref(), json.as_bytes())
}
