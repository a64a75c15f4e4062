//! `hocso rank --bank B DIR_OR_FILES... [--keep earliest|best] [--deadline T]
//! [--format csv|json|table] [-o OUT]`: verifies and regrades every result in parallel, ranks
//! them by the contest rules (design notes, "Contest ranking"), prints a summary on stderr and
//! writes the ranking. Invalid or unreadable files never stop the run: each is reported on
//! stderr with its path and reason, and counted. Exit code 0 once the ranking is written.

mod files;
pub mod pipeline;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use hocso::credential::datetime::{format_timestamp, parse_timestamp};
use hocso::rank::{Keep, RankConfig, Row};
use serde_json::{json, Value};

use crate::io::{self, Failure};
use crate::verify::check::format_duration;
use crate::verify::load_banks;
use pipeline::{rank_files, Outcome, Problem};

/// Flags of `rank`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A bank (TOML) results are regraded against; repeat for several.
    #[arg(long, required = true)]
    bank: Vec<String>,
    /// Result files, or directories searched (recursively) for `*.json` files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Which submission of a participant counts.
    #[arg(long, value_enum, default_value_t = KeepArg::Earliest)]
    keep: KeepArg,
    /// Submissions after this time (RFC 3339, e.g. 2026-11-23T17:00:00+07:00) are dropped.
    #[arg(long, value_parser = parse_deadline)]
    deadline: Option<i64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RankFormat::Table)]
    format: RankFormat,
    /// Write the ranking to this file instead of stdout.
    #[arg(short = 'o', long = "out")]
    out: Option<String>,
}

/// `--keep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KeepArg {
    /// The earliest valid submission.
    Earliest,
    /// The submission that ranks best.
    Best,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RankFormat {
    /// Comma-separated values with a header line.
    Csv,
    /// One JSON document.
    Json,
    /// Aligned columns, for people.
    Table,
}

/// Runs `rank`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let banks = load_banks(&args.bank)?;
    let config = RankConfig {
        keep: match args.keep {
            KeepArg::Earliest => Keep::Earliest,
            KeepArg::Best => Keep::Best,
        },
        deadline: args.deadline,
    };
    let outcome = rank_files(&args.inputs, &banks, config, report);
    eprint!("{}", summary(&outcome));
    let text = match args.format {
        RankFormat::Csv => csv(&outcome),
        RankFormat::Json => format!("{:#}\n", json_document(&outcome)),
        RankFormat::Table => table(&outcome),
    };
    io::write(args.out.as_deref(), text.as_bytes())
}

fn parse_deadline(text: &str) -> Result<i64, String> {
    parse_timestamp(text).ok_or_else(|| {
        format!("{text:?} is not an RFC 3339 time with a zone (e.g. 2026-11-23T17:00:00+07:00)")
    })
}

/// One stderr line per file left out.
fn report(path: &Path, problem: &Problem) {
    match problem {
        Problem::Invalid(invalid) => eprintln!(
            "{}: không hợp lệ [{}] — {}",
            path.display(),
            invalid.code,
            invalid.reason
        ),
        Problem::Unreadable(e) => eprintln!("{}: cannot read: {e}", path.display()),
    }
}

/// The summary printed on stderr.
fn summary(outcome: &Outcome) -> String {
    let Outcome {
        ranking, summary, ..
    } = outcome;
    let invalid: u64 = summary.invalid.values().sum();
    let reasons: Vec<String> = summary
        .invalid
        .iter()
        .map(|(code, n)| format!("{code} {n}"))
        .collect();
    let tied: Vec<&Row> = ranking.rows.iter().filter(|row| row.tied).collect();
    let groups = tied
        .iter()
        .enumerate()
        .filter(|(i, row)| *i == 0 || tied[i - 1].rank != row.rank)
        .count();
    let mut out = String::new();
    let _ = writeln!(out, "files read: {}", summary.files);
    let _ = writeln!(out, "valid: {}", summary.valid);
    if reasons.is_empty() {
        let _ = writeln!(out, "invalid: {invalid}");
    } else {
        let _ = writeln!(out, "invalid: {invalid} ({})", reasons.join(", "));
    }
    let _ = writeln!(out, "unreadable: {}", summary.unreadable);
    let _ = writeln!(out, "duplicates dropped: {}", ranking.duplicates.len());
    let _ = writeln!(out, "after the deadline: {}", ranking.late.len());
    let _ = writeln!(
        out,
        "ranked: {} (full score: {})",
        ranking.rows.len(),
        ranking.full_scores
    );
    let _ = writeln!(out, "ties: {groups} (entries in a tie: {})", tied.len());
    out
}

/// The columns of one row, as text.
fn fields(row: &Row) -> [String; 12] {
    let entry = &row.entry;
    [
        row.rank.to_string(),
        row.tied.to_string(),
        entry.name.clone(),
        entry.unit.clone(),
        entry.participant.clone(),
        entry.score.to_string(),
        entry.max_score.to_string(),
        row.prediction_error.to_string(),
        entry.duration_ms.to_string(),
        format_duration(entry.duration_ms),
        format_timestamp(entry.submitted_at),
        entry.source.clone(),
    ]
}

const HEADER: [&str; 12] = [
    "rank",
    "tied",
    "name",
    "unit",
    "did_key",
    "score",
    "max_score",
    "prediction_error",
    "duration_ms",
    "duration",
    "submitted",
    "file",
];

fn csv(outcome: &Outcome) -> String {
    let mut out = format!("{}\n", HEADER.join(","));
    for row in &outcome.ranking.rows {
        let line: Vec<String> = fields(row).iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// RFC 4180 quoting when needed.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn json_document(outcome: &Outcome) -> Value {
    let rows: Vec<Value> = outcome
        .ranking
        .rows
        .iter()
        .map(|row| {
            let entry = &row.entry;
            json!({
                "rank": row.rank,
                "tied": row.tied,
                "name": entry.name,
                "unit": entry.unit,
                "did_key": entry.participant,
                "score": entry.score,
                "max_score": entry.max_score,
                "prediction": entry.prediction,
                "prediction_error": row.prediction_error,
                "duration_ms": entry.duration_ms,
                "submitted": format_timestamp(entry.submitted_at),
                "file": entry.source,
            })
        })
        .collect();
    json!({
        "full_scores": outcome.ranking.full_scores,
        "ranking": rows,
        "duplicates": outcome.ranking.duplicates.iter().map(|e| &e.source).collect::<Vec<_>>(),
        "late": outcome.ranking.late.iter().map(|e| &e.source).collect::<Vec<_>>(),
    })
}

/// Aligned columns (tied ranks marked `=`), without the duration in ms.
fn table(outcome: &Outcome) -> String {
    let columns = [0, 2, 3, 4, 5, 7, 9, 10, 11];
    let mut lines: Vec<Vec<String>> = vec![columns.iter().map(|&c| HEADER[c].to_owned()).collect()];
    for row in &outcome.ranking.rows {
        let mut all = fields(row);
        all[0] = format!("{}{}", all[0], if row.tied { "=" } else { "" });
        all[5] = format!("{}/{}", all[5], all[6]);
        lines.push(columns.iter().map(|&c| all[c].clone()).collect());
    }
    let widths: Vec<usize> = (0..columns.len())
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in lines {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{cell:<width$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
