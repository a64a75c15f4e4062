//! `hocso verify --bank B FILE...`: checks signed quiz results one by one (strict JSON, the
//! `eddsa-jcs-2022` signature, issuer = signer) and regrades each against its bank. Exit code 0
//! when every file is valid, 1 when any is invalid, 2 when a file cannot be read.

pub mod check;

use std::path::Path;

use serde_json::{json, Value};

use crate::bank::load;
use crate::io::{self, Failure, Format};
use check::{check_file, format_duration, Banks, Checked, Invalid};

/// Flags of `verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A bank (TOML) results are regraded against; repeat for several.
    #[arg(long, required = true)]
    bank: Vec<String>,
    /// The signed result files (JSON).
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `verify`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let banks = load_banks(&args.bank)?;
    let mut unreadable = 0;
    let mut invalid = 0;
    let mut out = String::new();
    let mut rows = Vec::new();
    for path in &args.files {
        let outcome = match check_file(Path::new(path), &banks) {
            Ok(outcome) => outcome,
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                unreadable += 1;
                continue;
            }
        };
        invalid += usize::from(outcome.is_err());
        match args.format {
            Format::Text => out.push_str(&format!("{path}: {}\n", describe(&outcome))),
            Format::Json => rows.push(row(path, &outcome)),
        }
    }
    if args.format == Format::Json {
        out = format!("{}\n", Value::Array(rows));
    }
    io::stdout(out.as_bytes())?;
    if unreadable > 0 {
        Err(Failure::Io(format!(
            "{} could not be read",
            io::count(unreadable, "file")
        )))
    } else if invalid > 0 {
        Err(Failure::Problems)
    } else {
        Ok(())
    }
}

/// Loads every bank; any bank with errors fails the command.
pub fn load_banks(paths: &[String]) -> Result<Banks, Failure> {
    let banks = paths
        .iter()
        .map(|path| load(path))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Banks::new(banks))
}

/// `hợp lệ — name (unit), score/max, duration` or `không hợp lệ — reason`.
fn describe(outcome: &Result<Checked, Invalid>) -> String {
    match outcome {
        Ok(Checked { verified, regraded }) => format!(
            "hợp lệ — {} ({}), {}/{}, {}",
            verified.result.participant.name,
            verified.result.participant.unit,
            regraded.score,
            regraded.max_score,
            format_duration(regraded.duration_ms)
        ),
        Err(invalid) => format!("không hợp lệ — {}", invalid.reason),
    }
}

/// The JSON report of one file.
fn row(path: &str, outcome: &Result<Checked, Invalid>) -> Value {
    match outcome {
        Ok(Checked { verified, regraded }) => json!({
            "path": path,
            "valid": true,
            "reason_code": null,
            "reason": null,
            "participant": verified.issuer.to_string(),
            "name": verified.result.participant.name,
            "unit": verified.result.participant.unit,
            "score": regraded.score,
            "max": regraded.max_score,
            "duration_ms": regraded.duration_ms,
        }),
        Err(invalid) => json!({
            "path": path,
            "valid": false,
            "reason_code": invalid.code,
            "reason": invalid.reason,
            "participant": null,
            "score": null,
            "max": null,
        }),
    }
}
