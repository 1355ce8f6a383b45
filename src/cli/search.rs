//! `reponses search`: the records a query matches, one line each, for
//! scripts and for people who live in grep.
//!
//! The query is parsed before anything is loaded, so a typo costs nothing
//! on a large corpus. The corpus is streamed, never held
//! ([`crate::corpus::scan`]): each file is decoded, its raw text scanned for
//! the query's words ([`crate::search::raw`]), and only a file where every
//! word can occur is parsed and its records matched; only the matches are
//! kept. So a search reads the corpus about as fast as ripgrep does, and a
//! file whose text cannot match is not parsed: its structural errors are
//! left to `check` (a file that cannot be read or decoded is reported all
//! the same). The author's display name may be made from the header's
//! capitals ("DOSSUS Thomas" → "Thomas Dossus"), which the raw text does
//! not spell: a word the raw text lacks is tried on those names before the
//! file is rejected ([`crate::load::header_names`]), so that every path
//! (the reader's filter, its index, `search`, `search -l`) agrees. Highlights (and so folding with an offset map) are computed
//! only for the records printed. `-l` keeps no text at all: the parser
//! shows each paragraph to the words and drops it ([`crate::load::Probe`]).
//!
//! With a valid cache ([`crate::cache`]), a query of words and phrases is
//! answered from the mapped index's postings and the files' entries
//! ([`crate::cache::lookup`]): no record is decoded, the files are only
//! listed and stamped, and `-l` reads no file but those changed since the
//! cache (and those that failed to load, for their errors); the lines of
//! a plain search read the files with a match. A query the index cannot
//! answer alone (a filter, a term checked on the texts) decodes the
//! records' metadata and narrows the files the same way. Either way the
//! output is `--no-cache`'s, which `tests/cache_search.rs` holds.
//!
//! `-l` is meant to agree with `rg -l -S -F WORD` (smart case) and, for
//! lower-case ASCII words, with `rg -l -i -F WORD`, with these differences,
//! which come from searching records rather than bytes: accents and
//! ligatures are folded (`cameras` also finds `caméras`, `oeuvre` `œuvre`);
//! only the searched fields count, so the page's boilerplate (`publiée le`,
//! dates of the headers, `- page 787`, the constituency and group in the
//! header) is not searched; folders are searched for `.txt` files only; and
//! a document that fails to load cannot match. Binary files (a NUL byte)
//! are skipped, as ripgrep skips them: `check` reports them.

use std::io::{self, IsTerminal, Write};

use clap::ValueEnum;

use super::commands::report_errors;
use super::snippet::{WIDTH, snippet};
use super::{Outcome, Run};
use crate::corpus::{self, Corpus, Input};
use crate::export::records;
use crate::load::{Message, Texts};
use crate::model::{PartKind, Record};
use crate::search::{OneByOne, Query};
use crate::text::sanitize::visible;

/// When to colour matches, as grep and ripgrep spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is unset or empty.
    Auto,
    /// Even into a pipe or a file, and whatever NO_COLOR says.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour the output of this process.
    pub fn enabled(self) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        self.decide(std::io::stdout().is_terminal(), no_color)
    }

    /// The decision, given what the process sees: `--color always` wins
    /// over `NO_COLOR`, as an explicit flag should.
    pub fn decide(self, terminal: bool, no_color: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        }
    }
}

/// How `search` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SearchOptions {
    /// The language of the messages and of the words standing for what a
    /// record lacks ("sans ministère").
    pub lang: crate::i18n::Lang,
    /// `-l`: the paths of the files with a match, each once.
    pub files_with_matches: bool,
    /// Mark matches with escape sequences.
    pub color: bool,
    /// Lines, JSON records or CSV/TSV rows.
    pub format: super::SearchFormat,
    /// The order of the records; the files' when `None`.
    pub sort: Option<(crate::sort::Sort, bool)>,
}

/// `reponses search QUERY [PATH…]`: one line per matching record on `out`,
/// errors on `err`.
///
/// # Errors
/// Writing to `out` or `err` failed.
pub fn search(
    query: &str,
    input: &Input,
    run: Run,
    options: SearchOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let today = run.today;
    let query = match Query::parse(query, today) {
        Ok(query) => query,
        Err(e) => {
            let t = options.lang.t();
            writeln!(
                err,
                "{}",
                crate::i18n::fill(t.cli_bad_query, &[&e.render(options.lang)])
            )?;
            return Ok(Outcome::Error);
        }
    };
    if query.parsed().needs_families() {
        return with_families(&query, input, run, options, out, err);
    }
    // Lines are made where the records are parsed, so that only they are
    // kept: `-l` on 100,000 matching files holds 100,000 paths, no record.
    // Records are kept only to be sorted or written whole.
    let keep = !options.files_with_matches
        && (options.sort.is_some() || options.format != super::SearchFormat::Lines);
    // With a cache, the index says which records match; only their files
    // (and those that failed to load, for their errors) are read. A query
    // of words the mapped index answers alone decodes no record; any
    // other decodes them all, without their texts.
    let from_cache = match corpus::looked_up(input, &query, run.cache) {
        Some(lookup) => Some(narrow_lookup(lookup, options.files_with_matches)),
        None => corpus::cached(input, today, run.cache)
            .map(|opened| narrow(&opened, &query, input, today, options.files_with_matches)),
    };
    let (input, listing) = match &from_cache {
        Some(narrowed) => (&narrowed.input, narrowed.problems.clone()),
        None => (input, Vec::new()),
    };
    // Nothing to read (`-l` answered by the index, no file changed or
    // failed): the query is not even compiled for the files.
    let nothing = matches!(input, Input::Paths(paths) if paths.is_empty()) && from_cache.is_some();
    let (problems, files) = if nothing {
        (Vec::new(), Vec::new())
    } else {
        let one_by_one = OneByOne::new(&query);
        let raw = one_by_one.raw();
        // `-l` needs no text, only to know whether a record matches: the
        // parser shows each paragraph to the terms and keeps none.
        let texts = match one_by_one.probe() {
            Some(probe) if options.files_with_matches => Texts::Probe(probe),
            _ => Texts::Keep,
        };
        // With the probe, its sieve decides which files are parsed.
        let wanted = |text: &str| match (raw, texts) {
            (Some(raw), Texts::Keep) => raw.may_match(text),
            _ => true,
        };
        corpus::scan(input, today, &wanted, texts, |mut file| {
            let mut lines = Vec::new();
            let mut kept = Vec::new();
            for (i, record) in std::mem::take(&mut file.records).into_iter().enumerate() {
                if !one_by_one.matches_probed(&record, file.probed.get(i).copied()) {
                    continue;
                }
                if options.files_with_matches {
                    lines.push(record.source.clone());
                    break;
                }
                if keep {
                    kept.push(record);
                } else {
                    lines.push(self::line(&record, &query, options));
                }
            }
            file.records = kept;
            // Binary files are skipped, as ripgrep skips them: not documents,
            // their error is `check`'s to report, and the exit status says
            // whether something matched.
            file.diagnostics.retain(|d| d.message != Message::Binary);
            (file, lines)
        })
    };
    let (files, mut printed): (Vec<_>, Vec<Vec<String>>) = files.into_iter().unzip();
    let mut all_problems = listing;
    all_problems.extend(problems);
    let corpus = Corpus::from_files(all_problems, files);
    if let Some(narrowed) = from_cache.filter(|_| options.files_with_matches) {
        printed = vec![narrowed.files_with_matches(printed.into_iter().flatten())];
    }
    let found = printed.iter().any(|lines| !lines.is_empty()) || !corpus.records.is_empty();
    report_errors(
        &corpus,
        Run {
            lang: options.lang,
            ..run
        },
        err,
    )?;
    for line in printed.iter().flatten() {
        writeln!(out, "{line}")?;
    }
    if keep {
        print_records(&corpus.records, &query, options, today, out)?;
    }
    Ok(Outcome::of_search(found, corpus.failed_files))
}

/// A search whose query asks about families (`family:`, `reused:`): every
/// file is read and every answer fingerprinted, since whether a record is
/// in a family depends on all the others; the rest of the query is tested
/// while the texts are there. Printed as the other searches print.
fn with_families(
    query: &Query,
    input: &Input,
    run: Run,
    options: SearchOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let texts = !options.files_with_matches;
    // Lines and records need their texts, which the cache does not hold:
    // the files are read.
    let mut corpus = super::families::matching(input, run.today, query, texts, false);
    corpus.diagnostics.retain(|d| d.message != Message::Binary);
    report_errors(
        &corpus,
        Run {
            lang: options.lang,
            ..run
        },
        err,
    )?;
    let records = &corpus.records;
    if options.files_with_matches {
        let mut last: Option<&str> = None;
        for record in records {
            if last != Some(record.source.as_str()) {
                writeln!(out, "{}", record.source)?;
                last = Some(&record.source);
            }
        }
    } else {
        print_records(records, query, options, run.today, out)?;
    }
    Ok(Outcome::of_search(
        !corpus.records.is_empty(),
        corpus.failed_files,
    ))
}

/// `records` in the order and format asked for.
fn print_records(
    records: &[Record],
    query: &Query,
    options: SearchOptions,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> io::Result<()> {
    let order = match options.sort {
        Some((sort, reversed)) => crate::sort::order(records, sort, reversed, today),
        None => (0..records.len()).collect(),
    };
    let sorted = order.iter().map(|&i| &records[i]);
    match options.format {
        super::SearchFormat::Lines => {
            for record in sorted {
                writeln!(out, "{}", self::line(record, query, options))?;
            }
        }
        super::SearchFormat::Json => {
            let sorted: Vec<&Record> = sorted.collect();
            serde_json::to_writer_pretty(&mut *out, &sorted).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        super::SearchFormat::Csv => records::write(sorted, records::Separator::Comma, out)?,
        super::SearchFormat::Tsv => records::write(sorted, records::Separator::Tab, out)?,
    }
    Ok(())
}

/// What a search with a cache reads: the files of the records the index
/// says match (for `-l`, none: the index gave the paths), and those that
/// failed to load, so that their errors are reported as a search without
/// a cache would report them (when their text could match).
struct Narrowed {
    input: Input,
    /// The problems met listing the paths.
    problems: Vec<crate::load::Diagnostic>,
    /// Every listed source, in order: the order `-l` prints in.
    order: Vec<String>,
    /// For each, whether the index says it has a match.
    hit: Vec<bool>,
}

impl Narrowed {
    /// `-l`'s lines: the files the index says have a match and those the
    /// files read say have one (changed since the cache), each once, in
    /// listing order.
    fn files_with_matches(self, read: impl Iterator<Item = String>) -> Vec<String> {
        let read: std::collections::HashSet<String> = read.collect();
        let mut lines: Vec<String> = Vec::new();
        for (source, hit) in self.order.into_iter().zip(self.hit) {
            if (hit || read.contains(&source)) && lines.last() != Some(&source) {
                lines.push(source);
            }
        }
        lines
    }
}

/// [`narrow`] from a [`crate::cache::Lookup`]: the files the index says
/// have a match, those that failed to load, and those changed or new
/// since the cache, which only reading can tell about.
fn narrow_lookup(lookup: crate::cache::Lookup, files_only: bool) -> Narrowed {
    let mut hit = Vec::with_capacity(lookup.listed.len());
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for (unit, reused) in lookup.listed.iter().zip(&lookup.reused) {
        let read = match reused {
            Some(i) => {
                hit.push(lookup.hits[*i]);
                (lookup.hits[*i] && !files_only) || lookup.failed[*i]
            }
            None => {
                hit.push(false);
                true
            }
        };
        // An archive's entry is searched again with its whole archive.
        if read {
            let path = unit.path();
            if paths.last() != Some(&path) {
                paths.push(path);
            }
        }
    }
    paths.dedup();
    Narrowed {
        input: Input::Paths(paths),
        problems: lookup.problems,
        order: lookup.listed.into_iter().map(|u| u.source).collect(),
        hit,
    }
}

fn narrow(
    opened: &crate::cache::Opened,
    query: &Query,
    input: &Input,
    today: chrono::NaiveDate,
    files_only: bool,
) -> Narrowed {
    use std::collections::HashSet;
    let records = &opened.corpus.records;
    let fetch = |record: &Record| corpus::with_texts(input, record, today);
    let hits = opened.index.filter_with(records, query, Some(&fetch));
    let mut lines: Vec<String> = Vec::new();
    for &i in &hits {
        if lines.last() != Some(&records[i].source) {
            lines.push(records[i].source.clone());
        }
    }
    let mut wanted: HashSet<&str> = opened
        .corpus
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == crate::load::Severity::Error
                && d.message != Message::Binary
                && !opened.problems.contains(d)
        })
        .map(|d| d.path.as_str())
        .collect();
    if !files_only {
        wanted.extend(lines.iter().map(String::as_str));
    }
    // An archive's entry is searched again with its whole archive.
    let mut paths: Vec<std::path::PathBuf> = opened
        .listed
        .iter()
        .filter(|unit| wanted.contains(unit.source.as_str()))
        .map(|unit| unit.path.clone())
        .collect();
    paths.dedup();
    let lines: HashSet<&str> = lines.iter().map(String::as_str).collect();
    let order: Vec<String> = opened.listed.iter().map(|u| u.source.clone()).collect();
    Narrowed {
        input: Input::Paths(paths),
        problems: opened.problems.clone(),
        hit: order.iter().map(|s| lines.contains(s.as_str())).collect(),
        order,
    }
}

/// `path:line: author — ministry — snippet`.
fn line(record: &Record, query: &Query, options: SearchOptions) -> String {
    let t = options.lang.t();
    format!(
        "{}:{}: {} — {} — {}",
        record.source,
        record.line,
        visible(&author(record, t.cli_unknown_author)),
        visible(record.ministry.as_deref().unwrap_or(t.cli_no_ministry)),
        excerpt(record, query, options.color)
    )
}

/// The display name; else the header's names; else `unknown`.
fn author(record: &Record, unknown: &str) -> String {
    let author = &record.author;
    if let Some(name) = author.name.as_deref() {
        return name.to_owned();
    }
    let names: Vec<&str> = [author.first_name.as_deref(), author.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if names.is_empty() {
        unknown.to_owned()
    } else {
        names.join(" ")
    }
}

/// Context around the first match in reading order: title, question,
/// answer. With no match there (only filters, or a word found in the author
/// or ministry), the start of the question.
fn excerpt(record: &Record, query: &Query, color: bool) -> String {
    let fields = [
        record.title.as_deref(),
        PartKind::Question.searched_text(record),
        PartKind::Answer.searched_text(record),
    ];
    for text in fields.into_iter().flatten() {
        let marks = query.highlights(text);
        if !marks.is_empty() {
            return snippet(text, &marks, WIDTH, color);
        }
    }
    snippet(&record.question.text, &[], WIDTH, color)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_choice() {
        use ColorChoice::{Always, Auto, Never};
        assert!(Auto.decide(true, false));
        assert!(!Auto.decide(true, true));
        assert!(!Auto.decide(false, false));
        assert!(Always.decide(false, true));
        assert!(!Never.decide(true, false));
    }

    #[test]
    fn exit_status_follows_ripgrep() {
        assert_eq!(Outcome::of_search(true, 0), Outcome::Success);
        assert_eq!(Outcome::of_search(false, 0), Outcome::Failure);
        assert_eq!(Outcome::of_search(true, 1), Outcome::Error);
        assert_eq!(Outcome::of_search(false, 2), Outcome::Error);
    }
}
