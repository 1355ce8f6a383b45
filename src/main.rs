//! The `reponses` binary: parses the command line and hands over to the
//! library. Wiring only.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use reponses::cli::{self, Cli, Command, Outcome};
use reponses::corpus::Input;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = chrono::Local::now().date_naive();
    let result = match cli.command {
        Some(Command::Parse { json: _, paths }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            cli::parse(
                &Input::from_paths(paths),
                today,
                &mut out,
                &mut std::io::stderr(),
            )
            .and_then(|outcome| out.flush().map(|()| outcome))
            .map_err(anyhow::Error::from)
        }
        Some(Command::Check { paths }) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            cli::check(&Input::from_paths(paths), today, &mut out)
                .and_then(|outcome| out.flush().map(|()| outcome))
                .map_err(anyhow::Error::from)
        }
        None => match reponses::tui::run(Input::from_paths(cli.paths), today) {
            Ok(reponses::tui::Exit::Quit) => Ok(Outcome::Success),
            // The shell's convention for a process ended by a signal.
            Ok(reponses::tui::Exit::Signal(n)) => {
                return ExitCode::from(u8::try_from(128 + n).unwrap_or(1));
            }
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reponses: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `reponses parse | head` closes the pipe early: not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
