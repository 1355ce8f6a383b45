//! The command line: arguments → a command. Wiring only; the work is done
//! by [`crate::corpus`] and friends, and the reader by [`crate::tui`].
//!
//! Exit statuses follow grep: 0 when everything loaded (or something was
//! found), 1 when some files had errors (or nothing was found), 2 on usage
//! errors, which clap reports itself.

mod commands;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use commands::{check, parse, plural};

/// A terminal reader for French parliamentary written questions and the
/// ministers' answers.
///
/// With no command, opens the reader on PATHs (files, or folders searched
/// for .txt files); with no PATH, on the bundled seed documents.
#[derive(Debug, Parser)]
#[command(name = "reponses", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files and folders to open.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every record as a JSON array.
    Parse {
        /// JSON output (the only format, and the default).
        #[arg(long)]
        json: bool,
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// Print every diagnostic as path:line:col: severity: message, then a
    /// summary.
    Check {
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
}

/// How a command ended, as a process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything loaded, or something matched.
    Success,
    /// 1: some files had errors, or nothing matched.
    Failure,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Failure => 1,
        }
    }
}
