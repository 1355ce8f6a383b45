//! The script-facing commands: `parse --json` and `check`.

use std::io::{self, Write};

use super::{Outcome, Run};
use crate::corpus::{self, Corpus, Input};
use crate::i18n::fill;
use crate::load::{Severity, Texts};

/// `reponses parse --json`: the records as a JSON array on `out`, the
/// diagnostics on `err`.
///
/// # Errors
/// Writing to `out` or `err` failed (a closed pipe, say).
pub fn parse(
    input: &Input,
    run: Run,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let corpus = Corpus::load(input, run.today);
    for diagnostic in &corpus.diagnostics {
        writeln!(err, "{}", diagnostic.render(run.lang))?;
    }
    // `io::Error::from` keeps the kind of a failed write (a closed pipe
    // is a broken pipe, which ends the program quietly), where wrapping it
    // made every failure an error.
    serde_json::to_writer_pretty(&mut *out, &corpus.records).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(outcome(&corpus))
}

/// `reponses check`: every diagnostic, then a summary, on `out`.
///
/// # Errors
/// Writing to `out` failed.
///
/// Records are counted and dropped where they are parsed, on the worker
/// threads: checking 100,000 files holds their diagnostics only.
pub fn check(input: &Input, run: Run, out: &mut dyn Write) -> io::Result<Outcome> {
    let (lang, t) = (run.lang, run.lang.t());
    // With a cache, only the files changed since are parsed.
    let (records, corpus) = match corpus::cached(input, run.today, run.cache) {
        Some(opened) => (opened.corpus.records.len(), opened.corpus),
        None => {
            let (problems, files) =
                corpus::scan(input, run.today, &|_| true, Texts::Drop, |mut file| {
                    let records = file.records.len();
                    file.records = Vec::new();
                    (records, file)
                });
            let records = files.iter().map(|(count, _)| count).sum::<usize>();
            let corpus = Corpus::from_files(problems, files.into_iter().map(|(_, file)| file));
            (records, corpus)
        }
    };
    for diagnostic in &corpus.diagnostics {
        writeln!(out, "{}", diagnostic.render(lang))?;
    }
    let (errors, warnings) = corpus.counts();
    let summary = fill(
        t.check_summary,
        &[
            &lang.count(corpus.files, t.files_checked_one, t.files_checked_many),
            &lang.count(records, t.records_loaded_one, t.records_loaded_many),
            &lang.count(errors, t.errors_one, t.errors_many),
            &lang.count(warnings, t.warnings_one, t.warnings_many),
            &match corpus.failed_files {
                0 => t.check_clean.to_owned(),
                n => lang.count(n, t.files_with_errors_one, t.files_with_errors_many),
            },
        ],
    );
    writeln!(out, "{summary}")?;
    Ok(outcome(&corpus))
}

/// The errors of `corpus` on `err`, as `check` prints them; warnings are
/// left to `check`.
///
/// # Errors
/// Writing to `err` failed.
pub(super) fn report_errors(corpus: &Corpus, run: Run, err: &mut dyn Write) -> io::Result<()> {
    for diagnostic in &corpus.diagnostics {
        if diagnostic.severity == Severity::Error {
            writeln!(err, "{}", diagnostic.render(run.lang))?;
        }
    }
    Ok(())
}

fn outcome(corpus: &Corpus) -> Outcome {
    if corpus.failed_files == 0 {
        Outcome::Success
    } else {
        Outcome::Failure
    }
}

/// "1 file", "2 files".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
