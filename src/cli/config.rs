//! `reponses config`: where the configuration is, a commented default
//! one, and the check of a file, with the messages the reader would give.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::config;
use crate::i18n::{Lang, fill};

/// Runs `reponses config [--default | --check [FILE]]`: `check` is
/// `Some(None)` for `--check` alone (the default file).
///
/// # Errors
/// Writing to `out` or `err` failed.
pub fn config(
    default: bool,
    check: Option<Option<PathBuf>>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let t = lang.t();
    if default {
        out.write_all(config::default_config().as_bytes())?;
        return Ok(Outcome::Success);
    }
    let named = check.as_ref().and_then(Option::as_deref);
    let path = named.map(Path::to_owned).or_else(config::default_path);
    let Some(path) = path else {
        writeln!(err, "{}", t.config_no_home)?;
        return Ok(Outcome::Failure);
    };
    if check.is_none() {
        let state = if path.exists() {
            t.config_exists
        } else {
            t.config_missing
        };
        writeln!(out, "{}", fill(state, &[&path.display().to_string()]))?;
        return Ok(Outcome::Success);
    }
    check_file(&path, named.is_some(), lang, out, err)
}

/// `--check`: the file's problems on stderr, or that it is right.
fn check_file(
    path: &Path,
    named: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let t = lang.t();
    let shown = path.display().to_string();
    match config::load(path, lang) {
        // No configuration file is a right one: the defaults apply. A
        // file named on the command line must exist.
        Ok(None) if named => {
            writeln!(err, "{}", fill(t.config_not_found, &[&shown]))?;
            Ok(Outcome::Failure)
        }
        Ok(None) => {
            writeln!(out, "{}", fill(t.config_missing, &[&shown]))?;
            Ok(Outcome::Success)
        }
        Err(e) => {
            writeln!(
                err,
                "{}",
                fill(t.config_unreadable, &[&shown, &e.to_string()])
            )?;
            Ok(Outcome::Failure)
        }
        Ok(Some(loaded)) if loaded.problems.is_empty() => {
            writeln!(out, "{}", fill(t.config_ok, &[&shown]))?;
            Ok(Outcome::Success)
        }
        Ok(Some(loaded)) => {
            for message in loaded.messages() {
                writeln!(err, "{message}")?;
            }
            Ok(Outcome::Failure)
        }
    }
}
