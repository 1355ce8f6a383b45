//! `reponses quote --match TEXT`: the sentence where a passage occurs,
//! with the citation that lets a reader find it in the Journal officiel.
//!
//! TEXT is found the way the search finds a phrase (smart case and accents,
//! any whitespace for any whitespace), but literally ([`Query::phrase`]):
//! people paste passages, and a pasted passage may hold quotes or a colon.
//! Each record is tested ([`search::scan`]); the match itself must be in a question or
//! an answer text, since only those can be quoted.

use std::io::{self, Write};
use std::ops::Range;

use clap::ValueEnum;

use super::commands::report_errors;
use super::{Outcome, Run};
use crate::corpus::{Corpus, Input};
use crate::i18n::fill;
use crate::model::Record;
use crate::quote::{self, Format, PartKind};
use crate::search::{self, Query};
use crate::text::sentence::{locate, sentences};

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    Text,
    Markdown,
}

impl From<QuoteFormat> for Format {
    fn from(format: QuoteFormat) -> Format {
        match format {
            QuoteFormat::Text => Format::Text,
            QuoteFormat::Markdown => Format::Markdown,
        }
    }
}

/// Where TEXT was found.
struct Found<'a> {
    record: &'a Record,
    part: PartKind,
    text: &'a str,
    at: Range<usize>,
}

/// How `quote` writes: how many sentences, in which format, with which
/// citation templates.
#[derive(Debug, Clone, Copy)]
pub struct QuoteStyle<'a> {
    pub sentences: usize,
    pub format: Format,
    pub templates: &'a crate::quote::Templates,
}

/// `reponses quote`: the quotation on `out`; what was not found, what else
/// matched and files that failed to load on `err`.
///
/// # Errors
/// Writing to `out` or `err` failed.
pub fn quote(
    text: &str,
    style: QuoteStyle<'_>,
    input: &Input,
    run: Run,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (lang, t) = (run.lang, run.lang.t());
    let QuoteStyle {
        sentences: sentence_count,
        format,
        templates,
    } = style;
    if text.len() > crate::search::query::MAX_BYTES {
        let problem = crate::search::QueryError {
            column: 1,
            problem: crate::search::query::Problem::TooLong(text.len()),
        };
        writeln!(
            err,
            "{}",
            fill(t.cli_match_too_long, &[&problem.message(lang)])
        )?;
        return Ok(Outcome::Error);
    }
    let query = Query::phrase(text);
    if query.is_empty() {
        writeln!(err, "{}", fill(t.cli_match_empty, &[&format!("{text:?}")]))?;
        return Ok(Outcome::Error);
    }
    let corpus = Corpus::load(input, run.today);
    report_errors(&corpus, run, err)?;
    let mut found = search::scan(&corpus.records, &query)
        .into_iter()
        .filter_map(|i| first_match(&corpus.records[i], &query));
    let Some(first) = found.next() else {
        let records = lang.count(corpus.records.len(), t.records_one, t.records_many);
        writeln!(
            err,
            "{}",
            fill(t.cli_not_found, &[&format!("{text:?}"), &records])
        )?;
        return Ok(Outcome::of_search(false, corpus.failed_files));
    };
    let others = found.count();
    let bounds = sentences(first.text);
    let passage = passage(&bounds, &first.at, sentence_count).unwrap_or(first.at.clone());
    let quotation = quote::quote_with(first.record, first.part, &first.text[passage], templates);
    writeln!(out, "{}", quotation.render(format))?;
    if quotation.removed > 0 {
        let removed = lang.count(quotation.removed, t.removed_one, t.removed_many);
        writeln!(err, "{}", fill(t.cli_error, &[&removed]))?;
    }
    if others > 0 {
        let at = format!("{}:{}", first.record.source, first.record.line);
        let template = if others == 1 {
            t.cli_others_one
        } else {
            t.cli_others_many
        };
        writeln!(err, "{}", fill(template, &[&at, &lang.number(others)]))?;
    }
    Ok(Outcome::of_search(true, corpus.failed_files))
}

/// The first match in `record`'s question, else in its answer.
fn first_match<'a>(record: &'a Record, query: &Query) -> Option<Found<'a>> {
    [PartKind::Question, PartKind::Answer]
        .into_iter()
        .find_map(|part| {
            let text = part.searched_text(record)?;
            let at = query.highlights(text).into_iter().next()?;
            Some(Found {
                record,
                part,
                text,
                at,
            })
        })
}

/// `count` sentences from the one holding the start of `at`, more if `at`
/// runs on past them.
fn passage(bounds: &[Range<usize>], at: &Range<usize>, count: usize) -> Option<Range<usize>> {
    let first = locate(bounds, at.start)?;
    let last = locate(bounds, at.end.saturating_sub(1)).unwrap_or(first);
    let count = count.max(last.saturating_sub(first) + 1);
    quote::select(bounds, first, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passage_covers_the_whole_match() {
        let text = "Un. Deux trois. Quatre. Cinq.";
        let bounds = sentences(text);
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        let quoted = |s, n| passage(&bounds, &at(s), n).map(|r| &text[r]);
        assert_eq!(quoted("trois", 1), Some("Deux trois."));
        assert_eq!(quoted("trois", 2), Some("Deux trois. Quatre."));
        assert_eq!(quoted("trois. Quatre", 1), Some("Deux trois. Quatre."));
        assert_eq!(quoted("Cinq", 5), Some("Cinq."));
    }
}
