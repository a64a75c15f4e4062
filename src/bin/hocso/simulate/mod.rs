//! `hocso simulate --bank B --count N -o DIR [--seed S]`: writes N signed results of simulated
//! participants (`000000.json`, …), so organisers can rehearse verify and rank before a contest.
//! The same bank, count and seed always give the same files.

pub mod participants;

use std::fs;
use std::path::Path;

use rayon::prelude::*;

use crate::bank::load;
use crate::io::{self, Failure};
use participants::Simulation;

/// Flags of `simulate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bank (TOML); its contest settings are used.
    #[arg(long)]
    bank: String,
    /// How many result files to write.
    #[arg(long)]
    count: u64,
    /// The directory to write them to (created if missing).
    #[arg(short = 'o', long = "out")]
    out: String,
    /// The seed of the simulation.
    #[arg(long, default_value_t = 0)]
    seed: u64,
}

/// Runs `simulate`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let bank = load(&args.bank)?;
    let simulation = Simulation::new(&bank, args.seed, args.count)
        .map_err(|e| Failure::Io(format!("{}: {e}", args.bank)))?;
    let dir = Path::new(&args.out);
    fs::create_dir_all(dir).map_err(|e| Failure::Io(format!("cannot create {}: {e}", args.out)))?;
    (0..args.count).into_par_iter().try_for_each(|index| {
        let path = dir.join(file_name(index));
        let text = simulation.file(index);
        fs::write(&path, text)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
    })?;
    let duplicates = (0..args.count)
        .filter(|&i| simulation.is_duplicate(i))
        .count();
    eprintln!(
        "wrote {} to {} ({} by a participant submitting a second time)",
        io::count(args.count as usize, "result"),
        args.out,
        duplicates
    );
    Ok(())
}

/// `000042.json`.
pub fn file_name(index: u64) -> String {
    format!("{index:06}.json")
}
