//! `reponses stats [QUERY] [PATH…]`: the palmarès of the records a query
//! keeps ([`crate::stats`]), as an aligned table for people, CSV or JSON
//! for scripts (their keys fixed, the same in both languages), Markdown
//! for a report.
//!
//! With a cache, its index answers the query and the fingerprints it
//! keeps give the families of reused answers (the "reused answers"
//! column). Without, the corpus is streamed ([`crate::corpus::scan`]):
//! each file's records are matched where they are parsed and
//! fingerprinted, their texts dropped.

use std::io::{self, Write};
use std::path::PathBuf;

use super::commands::report_errors;
use super::{Outcome, Run, StatsBy, StatsFormat, StatsSort};
use crate::corpus::Input;
use crate::i18n::{Lang, fill};
use crate::search::Query;
use crate::stats::{self, GroupBy, Row, RowOrder, Table, cells};

/// How `stats` groups, orders and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsOptions {
    pub by: StatsBy,
    pub format: StatsFormat,
    pub sort: StatsSort,
}

/// `reponses stats`: the table on `out`, files that failed to load on
/// `err`. `args` are the optional query, then the paths: a first
/// argument naming a file or folder that exists is a path.
///
/// # Errors
/// Writing to `out` or `err` failed.
pub fn stats(
    args: &[String],
    options: StatsOptions,
    run: Run,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let (lang, t) = (run.lang, run.lang.t());
    let (query, paths) = match args.split_first() {
        Some((first, rest)) if !std::path::Path::new(first).exists() => (first.as_str(), rest),
        _ => ("", args),
    };
    let query = match Query::parse(query, run.today) {
        Ok(query) => query,
        Err(e) => {
            writeln!(err, "{}", fill(t.cli_bad_query, &[&e.render(lang)]))?;
            return Ok(Outcome::Error);
        }
    };
    let input = Input::from_paths(paths.iter().map(PathBuf::from).collect());
    // The reused answers are counted over families of the whole corpus,
    // which need every text: the files are read, the cache not used.
    let corpus = super::families::matching(&input, run.today, &query, false, run.cache);
    report_errors(&corpus, run, err)?;
    let table = stats::compute(
        &corpus.records,
        group_by(options.by),
        order(options.sort),
        run.today,
    );
    match options.format {
        StatsFormat::Table => write_table(&table, lang, out)?,
        StatsFormat::Markdown => write_markdown(&table, lang, out)?,
        StatsFormat::Csv => write_csv(&table, out)?,
        StatsFormat::Json => {
            let rows: Vec<&Row> = table.rows.iter().chain([&table.total]).collect();
            serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    if table.undated > 0 && matches!(options.format, StatsFormat::Table | StatsFormat::Markdown) {
        let undated = lang.count(table.undated, t.stats_undated_one, t.stats_undated_many);
        writeln!(out, "{undated}")?;
    }
    Ok(if corpus.failed_files == 0 {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}

fn group_by(by: StatsBy) -> GroupBy {
    match by {
        StatsBy::Ministry => GroupBy::Ministry,
        StatsBy::Group => GroupBy::Group,
        StatsBy::Author => GroupBy::Author,
        StatsBy::Year => GroupBy::Year,
        StatsBy::Month => GroupBy::Month,
        StatsBy::Chamber => GroupBy::Chamber,
    }
}

fn order(sort: StatsSort) -> RowOrder {
    match sort {
        StatsSort::Questions => RowOrder::Questions,
        StatsSort::Answered => RowOrder::Answered,
        StatsSort::OnTime => RowOrder::OnTime,
        StatsSort::Delay => RowOrder::Delay,
        StatsSort::Awaiting => RowOrder::Awaiting,
        StatsSort::Name => RowOrder::Name,
    }
}

/// The JSON keys, as CSV's header.
const KEYS: [&str; 13] = [
    "group",
    "questions",
    "answered",
    "answered_on_time",
    "delay_median",
    "delay_mean",
    "delay_p90",
    "awaiting",
    "awaiting_late",
    "oldest_awaiting_days",
    "lapsed",
    "withdrawn",
    "reused",
];

fn write_csv(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(KEYS)?;
    let number = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    let whole = |v: Option<i64>| v.map_or_else(String::new, |v| v.to_string());
    for row in table.rows.iter().chain([&table.total]) {
        writer.write_record([
            row.group.clone().unwrap_or_default(),
            row.questions.to_string(),
            row.answered.to_string(),
            row.answered_on_time.to_string(),
            number(row.delay_median),
            number(row.delay_mean),
            whole(row.delay_p90),
            row.awaiting.to_string(),
            row.awaiting_late.to_string(),
            whole(row.oldest_awaiting_days),
            row.lapsed.to_string(),
            row.withdrawn.to_string(),
            row.reused.to_string(),
        ])?;
    }
    writer.flush()
}

fn write_table(table: &Table, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let (header, rows) = cells(table, lang);
    let width = |i: usize| {
        rows.iter()
            .chain([&header])
            .map(|r| crate::text::sanitize::str_width(&r[i]))
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: &[String]| -> String {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(crate::text::sanitize::str_width(cell));
            let cell = crate::text::sanitize::visible(cell);
            if i == 0 {
                text.push_str(&cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(&cell);
            }
        }
        text.trim_end().to_owned()
    };
    writeln!(out, "{}", line(&header))?;
    for (i, row) in rows.iter().enumerate() {
        if i + 1 == rows.len() {
            let rule: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            writeln!(out, "{}", "─".repeat(rule))?;
        }
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

fn write_markdown(table: &Table, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let (header, rows) = cells(table, lang);
    let escape = |cell: &str| crate::text::sanitize::visible(cell).replace('|', "\\|");
    writeln!(
        out,
        "| {} |",
        header
            .iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    let align: Vec<&str> = (0..header.len())
        .map(|i| if i == 0 { "---" } else { "---:" })
        .collect();
    writeln!(out, "| {} |", align.join(" | "))?;
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                let c = escape(c);
                if i + 1 == rows.len() {
                    format!("**{c}**")
                } else {
                    c
                }
            })
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
