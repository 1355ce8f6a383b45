//! The `reponses` binary: parses the command line and hands over to the
//! library. Wiring only.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use reponses::cli::{self, BestEffort, Cli, Command, Outcome};
use reponses::corpus::Input;
use reponses::i18n::{Lang, fill};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = chrono::Local::now().date_naive();
    // The language: --lang, then the configuration's, then the locale's.
    // The configuration's problems are said in that language: read again
    // in it when the file itself chose another.
    let first_lang = cli.lang.unwrap_or_else(Lang::from_env);
    let read = |lang| match reponses::config::default_path() {
        Some(path) => match reponses::config::load(&path, lang) {
            Ok(loaded) => (loaded, None),
            Err(e) => (None, Some((path, e.to_string()))),
        },
        None => (None, None),
    };
    let (mut loaded, mut unreadable) = read(first_lang);
    let lang = cli
        .lang
        .or(loaded.as_ref().and_then(|l| l.config.lang))
        .unwrap_or(first_lang);
    if lang != first_lang {
        (loaded, unreadable) = read(lang);
    }
    let config = loaded.as_ref().map(|l| &l.config);
    let run = cli::Run {
        today,
        lang,
        cache: !cli.no_cache,
    };
    let result = match cli.command {
        Some(Command::Parse { json: _, paths }) => {
            with_stdout(|out| cli::parse(&Input::from_paths(paths), run, out, &mut stderr()))
        }
        Some(Command::Check { paths }) => {
            with_stdout(|out| cli::check(&Input::from_paths(paths), run, out))
        }
        Some(Command::Search {
            files_with_matches,
            color,
            format,
            sort,
            query,
            paths,
        }) => {
            let options = cli::SearchOptions {
                files_with_matches,
                color: color.enabled(),
                lang,
                format,
                sort,
            };
            with_stdout(|out| {
                let input = Input::from_paths(paths);
                cli::search(&query, &input, run, options, out, &mut stderr())
            })
        }
        Some(Command::Stats {
            by,
            format,
            sort,
            args,
        }) => {
            let terminal = std::io::stdout().is_terminal();
            let format = format.unwrap_or(if terminal {
                cli::StatsFormat::Table
            } else {
                cli::StatsFormat::Csv
            });
            let options = cli::StatsOptions { by, format, sort };
            with_stdout(|out| cli::stats(&args, options, run, out, &mut stderr()))
        }
        Some(Command::Quote {
            text,
            sentences,
            format,
            paths,
        }) => with_stdout(|out| {
            let input = Input::from_paths(paths);
            let format = format.into();
            let templates = config.map(|c| c.templates.clone()).unwrap_or_default();
            warn_config(loaded.as_ref());
            let style = cli::QuoteStyle {
                sentences,
                format,
                templates: &templates,
            };
            cli::quote(&text, style, &input, run, out, &mut stderr())
        }),
        Some(Command::Compare {
            id1,
            id2,
            format,
            paths,
        }) => with_stdout(|out| {
            let input = Input::from_paths(paths);
            cli::compare([&id1, &id2], &input, format, run, out, &mut stderr())
        }),
        Some(Command::Families { min, format, paths }) => with_stdout(|out| {
            let input = Input::from_paths(paths);
            cli::families(&input, min, format, run, out, &mut stderr())
        }),
        Some(Command::Config { default, check }) => {
            with_stdout(|out| cli::config(default, check, lang, out, &mut stderr()))
        }
        Some(Command::Completions { shell }) => with_stdout(|out| {
            cli::completions(shell, out)?;
            Ok(Outcome::Success)
        }),
        Some(Command::Man) => with_stdout(|out| {
            cli::man(out)?;
            Ok(Outcome::Success)
        }),
        Some(Command::Cache { action }) => with_stdout(|out| {
            match action {
                cli::CacheAction::Info => reponses::cache::info::info(lang, out)?,
                cli::CacheAction::Clear => reponses::cache::info::clear(lang, out)?,
            }
            Ok(Outcome::Success)
        }),
        None => {
            let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
            if let Some(refusal) = cli::reader::refuse(&cli.paths, terminal, lang) {
                let _ = writeln!(std::io::stderr(), "{refusal}");
                return ExitCode::from(2);
            }
            let mut loaded = loaded.unwrap_or_default();
            if let Some((path, error)) = unreadable {
                loaded.path = path;
                loaded.problems.push(reponses::config::Problem {
                    line: 0,
                    col: 0,
                    message: error,
                });
            }
            reader(Input::from_paths(cli.paths), run, &loaded)
        }
    };
    match result {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // stderr may be a terminal that is gone: never panic on it.
            let message = fill(lang.t().cli_error, &[&format!("{e:#}")]);
            let _ = writeln!(std::io::stderr(), "{message}");
            ExitCode::from(2)
        }
    }
}

/// The reader, until the user quits or a signal ends it.
fn reader(
    input: Input,
    run: cli::Run,
    config: &reponses::config::Loaded,
) -> anyhow::Result<Outcome> {
    match reponses::tui::run(input, run.today, run.lang, run.cache, config) {
        Ok(reponses::tui::Exit::Quit) => Ok(Outcome::Success),
        // The shell's convention for a process ended by a signal.
        Ok(reponses::tui::Exit::Signal(n)) => {
            std::process::exit(128 + n);
        }
        Err(e) => Err(e),
    }
}

/// The configuration's problems, on stderr, for a command it changes.
fn warn_config(loaded: Option<&reponses::config::Loaded>) {
    for message in loaded.map(|l| l.messages()).unwrap_or_default() {
        let _ = writeln!(std::io::stderr(), "reponses: {message}");
    }
}

/// Where the commands' diagnostics go: see [`BestEffort`].
fn stderr() -> BestEffort<std::io::Stderr> {
    BestEffort(std::io::stderr())
}

/// Runs a command writing to a buffered stdout, flushed at the end.
fn with_stdout(
    command: impl FnOnce(&mut dyn Write) -> std::io::Result<Outcome>,
) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = command(&mut out)?;
    out.flush()?;
    Ok(outcome)
}

/// `reponses parse | head` closes the pipe early: not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
