//! `hocso bank check FILE...`: loads every file, renders each diagnostic on stderr (or prints
//! them all as JSON), ends with a summary line, and fails when any file has an error.

use hocso::bank::{digest, load_toml};
use hocso::diagnostics::Diagnostic;
use serde::Serialize;

use crate::io::{self, count, Failure, Format};

/// Flags of `bank check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bank files (TOML).
    #[arg(required = true)]
    files: Vec<String>,
    /// `text`: diagnostics rendered on stderr; `json`: a report on stdout.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The `--format json` report of one file.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    /// The bank's digest when it has no error.
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

/// Runs `bank check`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let mut reports = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let text = io::read(path)?;
        let (bank, diagnostics) = load_toml(path, &text);
        if args.format == Format::Text {
            io::report(path, &text, &diagnostics);
        }
        reports.push(FileReport {
            file: path.clone(),
            digest: bank.as_ref().map(digest),
            diagnostics,
        });
    }
    let all = || reports.iter().flat_map(|r| &r.diagnostics);
    let errors = all().filter(|d| d.is_error()).count();
    let warnings = all().count() - errors;
    let failed = reports.iter().filter(|r| r.digest.is_none()).count();
    match args.format {
        Format::Text => eprintln!(
            "checked {}: {} failed, {}, {}",
            count(reports.len(), "file"),
            failed,
            count(errors, "error"),
            count(warnings, "warning")
        ),
        Format::Json => {
            let json = serde_json::to_string(&reports)
                .map_err(|e| Failure::Io(format!("cannot encode the report: {e}")))?;
            io::stdout(format!("{json}\n").as_bytes())?;
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::Problems)
    }
}
