//! `hocso bank stats FILE`: counts of a valid bank's questions by topic, level and kind.

use std::collections::BTreeMap;
use std::fmt::Write;

use hocso::bank::Stats;

use super::load;
use crate::io::{self, Failure, Format};

/// Flags of `bank stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bank file (TOML).
    file: String,
    /// `text` for people, `json` for `{"questions": N, "topics": …, "levels": …, "kinds": …}`.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `bank stats`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let stats = Stats::of(&load(&args.file)?);
    let out = match args.format {
        Format::Json => {
            let json = serde_json::to_string(&stats)
                .map_err(|e| Failure::Io(format!("cannot encode the stats: {e}")))?;
            format!("{json}\n")
        }
        Format::Text => {
            let mut out = format!("questions: {}\n", stats.questions);
            section(&mut out, "topics", &stats.topics);
            section(&mut out, "levels", &stats.levels);
            section(&mut out, "kinds", &stats.kinds);
            out
        }
    };
    io::stdout(out.as_bytes())
}

fn section(out: &mut String, title: &str, counts: &BTreeMap<String, usize>) {
    let _ = writeln!(out, "{title}:");
    for (name, n) in counts {
        let _ = writeln!(out, "  {name}: {n}");
    }
}
