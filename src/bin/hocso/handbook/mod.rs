//! `hocso handbook …`: lint and compile handbook documents (Markdown with TOML front matter).

mod build;
mod check;

use std::fs;
use std::path::Path;

use clap::Subcommand;
use hocso::content::compile_handbook;
use hocso::diagnostics::Diagnostic;

use crate::io::{self, Failure};

/// Commands for handbook documents.
#[derive(Debug, Subcommand)]
pub enum HandbookCommand {
    /// Lint documents and report every problem with its file, line and column.
    Check(check::Args),
    /// Compile documents into the JSON the app loads: {"documents": […]}.
    Build(build::Args),
}

/// Runs a `handbook` subcommand.
pub fn run(command: HandbookCommand) -> Result<(), Failure> {
    match command {
        HandbookCommand::Check(args) => check::run(&args),
        HandbookCommand::Build(args) => build::run(&args),
    }
}

/// What compiling the inputs gave: the documents, and for each file its diagnostics.
struct Compiled {
    documents: Vec<hocso::content::Document>,
    files: Vec<(String, String, Vec<Diagnostic>)>,
}

/// Reads the `.md` files named by `inputs` (files, or folders whose `*.md` are taken in name
/// order), compiles them together and renders each file's diagnostics on stderr.
fn compile(inputs: &[String]) -> Result<Compiled, Failure> {
    let mut sources = Vec::new();
    for input in inputs {
        if Path::new(input).is_dir() {
            let entries = fs::read_dir(input)
                .map_err(|e| Failure::Io(format!("cannot read folder {input}: {e}")))?;
            let mut names: Vec<String> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
                .map(|path| path.to_string_lossy().into_owned())
                .collect();
            names.sort();
            for name in names {
                let text = io::read(&name)?;
                sources.push((name, text));
            }
        } else {
            sources.push((input.clone(), io::read(input)?));
        }
    }
    if sources.is_empty() {
        return Err(Failure::Io("no .md files found".into()));
    }
    let (documents, diagnostics) = compile_handbook(&sources);
    let files = sources
        .into_iter()
        .map(|(name, text)| {
            let own: Vec<Diagnostic> = diagnostics
                .iter()
                .filter(|d| d.file == name)
                .cloned()
                .collect();
            io::report(&name, &text, &own);
            (name, text, own)
        })
        .collect();
    Ok(Compiled { documents, files })
}
