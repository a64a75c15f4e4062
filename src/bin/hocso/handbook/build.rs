//! `hocso handbook build FILE|DIR... -o OUT.json`: compiles the documents into
//! `{"documents": […]}`, the JSON the web app deserialises. Any error writes nothing and fails.

use hocso::content::Handbook;

use super::compile;
use crate::io::{self, Failure};

/// Flags of `handbook build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Markdown files, or folders of them.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Where to write the JSON; stdout when absent.
    #[arg(short, long)]
    output: Option<String>,
}

/// Runs `handbook build`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let compiled = compile(&args.inputs)?;
    if compiled.files.iter().any(|(_, _, found)| !found.is_empty()) {
        return Err(Failure::Problems);
    }
    let handbook = Handbook {
        documents: compiled.documents,
    };
    let json = serde_json::to_string(&handbook)
        .map_err(|e| Failure::Io(format!("cannot encode the handbook: {e}")))?;
    io::write(args.output.as_deref(), json.as_bytes())
}
