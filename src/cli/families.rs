//! `reponses families`: the families of reused answers
//! ([`crate::families`]), and what the other commands need of them. With
//! a cache, the fingerprints it keeps (one per record, taken when it was
//! written) give them without reading a file. Without, every record is
//! fingerprinted while its file is read, its texts dropped after, so that
//! `search`, `stats` and `families` hold no text of 100,000 files.
//!
//! Families are a property of the whole corpus: a query's other words and
//! filters are tested while the texts are there, its `family:` and
//! `reused:` filters once every record is fingerprinted and grouped.

use std::io::{self, Write};

use super::{Outcome, Run};
use crate::corpus::{self, Corpus, Input};
use crate::families::{self, Summary};
use crate::load::Texts;
use crate::model::Record;
use crate::search::{OneByOne, Query};

/// `families --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FamiliesFormat {
    #[default]
    Table,
    Csv,
    Json,
}

/// Every record of `input` with its family tagged and its texts dropped;
/// beside each, whether `query` (but its family filters) matched it,
/// tested with the texts. Returns the corpus, that mask and the families.
/// With `keep_texts`, the records the query matched keep their texts.
pub fn scan_tagged(
    input: &Input,
    today: chrono::NaiveDate,
    query: Option<&Query>,
    keep_texts: bool,
) -> (Corpus, Vec<bool>, Vec<Vec<u32>>) {
    let one_by_one = query.map(OneByOne::new);
    let (problems, files) = corpus::scan(input, today, &|_| true, Texts::Keep, |mut file| {
        let mut signatures = Vec::with_capacity(file.records.len());
        let mut kept = Vec::with_capacity(file.records.len());
        for record in &mut file.records {
            signatures.push(families::of_record(record));
            let keep = one_by_one.as_ref().is_none_or(|q| q.matches(record));
            kept.push(keep);
            if !(keep && keep_texts) {
                crate::cache::open::drop_texts(record);
            }
        }
        (file, signatures, kept)
    });
    let mut signatures = Vec::new();
    let mut kept = Vec::new();
    let files = files.into_iter().map(|(file, s, k)| {
        signatures.extend(s);
        kept.extend(k);
        file
    });
    let mut corpus = Corpus::from_files(problems, files.collect::<Vec<_>>());
    let families = families::tag(&mut corpus.records, &signatures);
    (corpus, kept, families)
}

/// The records of `input` that `query` keeps, families known: for `stats`
/// and `search` when it asks about families.
/// With `keep_texts`, the records kept keep their texts; without, and
/// with `use_cache`, a usable cache answers instead of the files.
pub fn matching(
    input: &Input,
    today: chrono::NaiveDate,
    query: &Query,
    keep_texts: bool,
    use_cache: bool,
) -> Corpus {
    let (rest, about) = query.parsed().split_families();
    let rest = Query::new(rest, today);
    let about = Query::new(about, today);
    if !keep_texts && let Some((mut corpus, index)) = cached_tagged(input, today, use_cache) {
        let fetch = |record: &Record| corpus::with_texts(input, record, today);
        let hits = index.filter_with(&corpus.records, &rest, Some(&fetch));
        let mut keep = vec![false; corpus.records.len()];
        for i in hits {
            keep[i] = true;
        }
        let mut at = 0;
        corpus.records.retain(|record| {
            at += 1;
            keep[at - 1] && about.matches(record)
        });
        return corpus;
    }
    let (mut corpus, kept, _) = scan_tagged(input, today, Some(&rest), keep_texts);
    let mut at = 0;
    corpus.records.retain(|record| {
        at += 1;
        kept[at - 1] && about.matches(record)
    });
    corpus
}

/// Every record of `input` from its cache, when there is a usable one
/// (and `use_cache`), tagged from the fingerprints the cache keeps, with
/// the cache's index.
fn cached_tagged(
    input: &Input,
    today: chrono::NaiveDate,
    use_cache: bool,
) -> Option<(Corpus, crate::search::Index)> {
    let opened = corpus::cached(input, today, use_cache)?;
    let mut corpus = opened.corpus;
    if opened.fingerprints.len() != corpus.records.len() {
        return None;
    }
    families::tag(&mut corpus.records, &opened.fingerprints);
    Some((corpus, opened.index))
}

/// `reponses families [PATH…] --min N --format table|csv|json`.
///
/// # Errors
/// Writing to `out` or `err` failed.
pub fn families(
    input: &Input,
    min: usize,
    format: FamiliesFormat,
    run: Run,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (corpus, found) = match cached_tagged(input, run.today, run.cache) {
        Some((corpus, _)) => {
            let found = families_of(&corpus.records);
            (corpus, found)
        }
        None => {
            let (corpus, _, found) = scan_tagged(input, run.today, None, false);
            (corpus, found)
        }
    };
    super::commands::report_errors(&corpus, run, err)?;
    let mut summaries: Vec<Summary> = found
        .iter()
        .filter(|f| f.len() >= min.max(2))
        .map(|family| {
            // The texts were dropped: the earliest answer is read again
            // for its sentence.
            let sentence = family
                .first()
                .and_then(|&i| corpus.records.get(i as usize))
                .and_then(|r| corpus::with_texts(input, r, run.today))
                .map(|r| families::representative(&r))
                .unwrap_or_default();
            families::summary(&corpus.records, family, sentence)
        })
        .collect();
    summaries.sort_by(|a, b| b.size.cmp(&a.size).then(a.first.cmp(&b.first)));
    match format {
        FamiliesFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summaries).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        FamiliesFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            writer.write_record([
                "key", "size", "ministry", "first", "last", "authors", "sentence",
            ])?;
            for s in &summaries {
                writer.write_record([
                    s.key.clone(),
                    s.size.to_string(),
                    s.ministry.clone().unwrap_or_default(),
                    s.first.map(|d| d.to_string()).unwrap_or_default(),
                    s.last.map(|d| d.to_string()).unwrap_or_default(),
                    s.authors.to_string(),
                    s.sentence.clone(),
                ])?;
            }
            writer.flush()?;
        }
        FamiliesFormat::Table => write_table(&summaries, run.lang, out)?,
    }
    let outcome = if corpus.failed_files > 0 || summaries.is_empty() {
        Outcome::Failure
    } else {
        Outcome::Success
    };
    Ok(outcome)
}

fn write_table(
    summaries: &[Summary],
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::text::sanitize::str_width;
    let t = lang.t();
    let date = |d: Option<chrono::NaiveDate>| lang.maybe_date(d);
    let header = [
        t.families_size,
        t.stats_ministry,
        t.families_first,
        t.families_last,
        t.families_authors,
        t.families_key,
        t.families_sentence,
    ]
    .map(str::to_owned);
    let rows: Vec<[String; 7]> = summaries
        .iter()
        .map(|s| {
            [
                lang.number(s.size),
                crate::tui::view::short_ministry(s.ministry.as_deref().unwrap_or("—")),
                date(s.first),
                date(s.last),
                lang.number(s.authors),
                s.key.clone(),
                crate::tui::view::fit(&s.sentence, 70),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..7)
        .map(|i| {
            rows.iter()
                .map(|r| str_width(&r[i]))
                .chain([str_width(&header[i])])
                .max()
                .unwrap_or(0)
                .min(if i == 1 { 30 } else { 80 })
        })
        .collect();
    let line = |cells: &[String; 7]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let cell = crate::tui::view::fit(cell, widths[i]);
            let pad = widths[i].saturating_sub(str_width(&cell));
            if i > 0 {
                text.push_str("  ");
            }
            if i == 0 || i == 4 {
                text.push_str(&" ".repeat(pad));
                text.push_str(&cell);
            } else {
                text.push_str(&cell);
                text.push_str(&" ".repeat(pad));
            }
        }
        text.trim_end().to_owned()
    };
    writeln!(out, "{}", line(&header))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

/// Records of `input` with the ids asked, with their texts, in the order
/// asked; `None` for an id not found.
pub fn find(
    input: &Input,
    today: chrono::NaiveDate,
    ids: &[&str],
) -> (Corpus, Vec<Option<Record>>) {
    let (problems, files) = corpus::scan(input, today, &|_| true, Texts::Keep, |mut file| {
        file.records.retain(|r| ids.contains(&r.id.as_str()));
        file
    });
    let corpus = Corpus::from_files(problems, files);
    let found = ids
        .iter()
        .map(|id| corpus.records.iter().find(|r| r.id == *id).cloned())
        .collect();
    (corpus, found)
}

/// The families of records already tagged, each by answer date (as
/// [`families::apply`] gives them).
fn families_of(records: &[Record]) -> Vec<Vec<u32>> {
    let mut by_key: std::collections::HashMap<&str, Vec<u32>> = std::collections::HashMap::new();
    for (i, record) in records.iter().enumerate() {
        if let Some(tag) = &record.family {
            by_key.entry(&tag.key).or_default().push(i as u32);
        }
    }
    let mut found: Vec<Vec<u32>> = by_key.into_values().collect();
    for family in &mut found {
        family.sort_by_key(|&i| {
            let date = records[i as usize].answer.as_ref().and_then(|a| a.date);
            (date.is_none(), date, i)
        });
    }
    found.sort_by_key(|f| f.first().copied());
    found
}
