//! `reponses compare ID1 ID2 [PATH…]`: two answers aligned sentence by
//! sentence ([`crate::compare`]), for scripts: marked lines or JSON.

use std::io::{self, Write};

use super::{Outcome, Run};
use crate::compare::{align, write_json, write_text};
use crate::corpus::Input;
use crate::i18n::fill;
use crate::model::PartKind;

/// `compare --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CompareFormat {
    #[default]
    Text,
    Json,
}

/// Prints the alignment of the answers of records `ids` on `out`; the
/// counts (text) and problems on `err`.
///
/// # Errors
/// Writing to `out` or `err` failed.
pub fn compare(
    ids: [&str; 2],
    input: &Input,
    format: CompareFormat,
    run: Run,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (lang, t) = (run.lang, run.lang.t());
    let (corpus, found) = super::families::find(input, run.today, &ids);
    super::commands::report_errors(&corpus, run, err)?;
    let where_ = match input {
        Input::Seeds => "seeds".to_owned(),
        Input::Paths(paths) => paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" "),
    };
    let mut texts = Vec::new();
    for (id, record) in ids.iter().zip(&found) {
        let Some(record) = record else {
            writeln!(err, "{}", fill(t.compare_not_found, &[id, &where_]))?;
            return Ok(Outcome::Error);
        };
        texts.push(
            PartKind::Answer
                .searched_text(record)
                .unwrap_or("")
                .to_owned(),
        );
    }
    let alignment = align(&texts[0], &texts[1], None);
    match format {
        CompareFormat::Json => write_json(out, ids, &texts[0], &texts[1], &alignment)?,
        CompareFormat::Text => {
            for (mark, (id, record)) in ["---", "+++"].iter().zip(ids.iter().zip(&found)) {
                let record = record.as_ref();
                let answer = record.and_then(|r| r.answer.as_ref());
                let ministry = answer
                    .and_then(|a| a.ministry.clone())
                    .unwrap_or_else(|| t.compare_no_answer.to_owned());
                let date = lang.maybe_date(answer.and_then(|a| a.date));
                let author = record
                    .and_then(|r| r.author.name.clone())
                    .unwrap_or_default();
                writeln!(out, "{mark} {id} · {ministry} · {date} · {author}")?;
            }
            write_text(out, &texts[0], &texts[1], &alignment)?;
            let c = alignment.counts();
            writeln!(
                err,
                "{}",
                fill(
                    t.compare_counts_cli,
                    &[
                        &c.shared.to_string(),
                        &c.changed.to_string(),
                        &c.only_left.to_string(),
                        ids[0],
                        &c.only_right.to_string(),
                        ids[1],
                    ],
                )
            )?;
        }
    }
    Ok(if corpus.failed_files > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
