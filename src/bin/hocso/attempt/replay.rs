//! `hocso attempt replay --bank B --seed S`: replays a draw off the browser, so anyone holding
//! the bank can check which questions an attempt got and in which order.

use hocso::attempt::{ContestSettings, Draw};
use hocso::bank::digest;
use serde_json::json;

use crate::bank::load;
use crate::io::{self, Failure, Format};

/// Flags of `attempt replay`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bank file (TOML).
    #[arg(long)]
    bank: String,
    /// The attempt's seed.
    #[arg(long)]
    seed: u64,
    /// Questions per attempt, instead of the bank's contest default (every question when the
    /// bank has no `[bank.contest]`).
    #[arg(long)]
    questions: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Runs `attempt replay`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let bank = load(&args.bank)?;
    let mut settings = ContestSettings::for_bank(&bank);
    if let Some(questions) = args.questions {
        settings.questions = questions;
    }
    let draw = Draw::from_bank(&bank, args.seed, &settings)
        .map_err(|e| Failure::Io(format!("cannot draw from {}: {e}", args.bank)))?;
    let digest = digest(&bank);
    let out = match args.format {
        Format::Json => {
            let questions: Vec<_> = draw
                .questions()
                .iter()
                .map(|q| json!({ "id": q.id, "choice_order": q.choice_order }))
                .collect();
            let doc = json!({
                "bank": bank.id,
                "version": bank.version,
                "digest": digest,
                "seed": args.seed.to_string(),
                "questions": questions,
            });
            format!("{doc}\n")
        }
        Format::Text => {
            let mut out = format!(
                "bank {} {} (digest {digest}), seed {}: {} questions, {} minutes\n",
                bank.id,
                bank.version,
                args.seed,
                draw.len(),
                settings.time_limit_ms / 60_000
            );
            for (i, q) in draw.questions().iter().enumerate() {
                let order: Vec<String> = q.choice_order.iter().map(usize::to_string).collect();
                out.push_str(&format!(
                    "{:>3}. {:<12} choices [{}]\n",
                    i + 1,
                    q.id,
                    order.join(", ")
                ));
            }
            out
        }
    };
    io::write(None, out.as_bytes())
}
