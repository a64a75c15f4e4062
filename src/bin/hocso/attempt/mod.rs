//! `hocso attempt …`: commands about contest attempts.

mod replay;

use clap::Subcommand;

use crate::io::Failure;

/// Commands about contest attempts.
#[derive(Debug, Subcommand)]
pub enum AttemptCommand {
    /// Print the draw a seed gives: the questions and the order of their choices.
    Replay(replay::Args),
}

/// Runs an `attempt` subcommand.
pub fn run(command: AttemptCommand) -> Result<(), Failure> {
    match command {
        AttemptCommand::Replay(args) => replay::run(&args),
    }
}
