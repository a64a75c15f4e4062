//! `hocso json canonicalize [FILE]`: prints the RFC 8785 canonical form of a JSON document (stdin
//! when no file is given), byte for byte what the bank digest and signed results hash.

use clap::Subcommand;

use crate::io::{self, Failure};

/// JSON utilities.
#[derive(Debug, Subcommand)]
pub enum JsonCommand {
    /// Print the RFC 8785 (JCS) canonical form of a JSON document, with no trailing newline.
    Canonicalize {
        /// The JSON file; stdin when absent or `-`.
        file: Option<String>,
    },
}

/// Runs a `json` subcommand.
pub fn run(command: JsonCommand) -> Result<(), Failure> {
    let JsonCommand::Canonicalize { file } = command;
    let path = file.as_deref().unwrap_or("-");
    let text = io::read(path)?;
    match hocso::bank::canonical_json(&text) {
        Ok(canonical) => io::stdout(canonical.as_bytes()),
        Err(e) => {
            let name = if path == "-" { "<stdin>" } else { path };
            let message = e.to_string();
            // serde_json appends " at line L column C"; the location goes in front instead.
            let message = message.split(" at line ").next().unwrap_or_default();
            eprintln!("{name}:{}:{}: error: {message}", e.line(), e.column());
            Err(Failure::Problems)
        }
    }
}
