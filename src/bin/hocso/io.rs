//! What every command shares: the failure kinds behind the exit codes, reading inputs, writing
//! outputs (a closed stdout pipe is not an error) and reporting diagnostics on stderr.

use std::fs;
use std::io::{self, Read, Write};

use clap::ValueEnum;
use hocso::diagnostics::{self, Diagnostic};

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The input has problems, already reported on stderr (exit code 1).
    Problems,
    /// A usage or I/O error (exit code 2), with its message.
    Io(String),
}

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON document on stdout, for machines.
    Json,
}

/// The text of `path`, or of stdin when `path` is `-`.
pub fn read(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Io(format!("cannot read stdin: {e}")))?;
        bytes
    } else {
        fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure::Io(format!(
            "{path} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Writes `bytes` to `path`, or to stdout when `path` is `None`.
pub fn write(path: Option<&str>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(path) => {
            fs::write(path, bytes).map_err(|e| Failure::Io(format!("cannot write {path}: {e}")))
        }
        None => stdout(bytes),
    }
}

/// Writes `bytes` to stdout; a reader that went away (closed pipe) is not an error.
pub fn stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::Io(format!("cannot write to stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// Renders the diagnostics about `source` (named `name`) on stderr.
pub fn report(name: &str, source: &str, found: &[Diagnostic]) {
    if !found.is_empty() {
        eprint!("{}", diagnostics::render(name, source, found));
    }
}

/// `1 error`, `2 warnings`, …
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
