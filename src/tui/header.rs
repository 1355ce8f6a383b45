//! The fixed lines over a reading pane's text: the JO reference (or the
//! status of a missing answer), then what only some records have: the
//! question's title, the answer's public sitting and transfer, each part's
//! errata.
//!
//! They wrap within the pane rather than being cut at its edge: a date,
//! a page number or the word "late" cut in half reads wrong. Lines break at
//! plain spaces only (the JO reference's "p. 787" and "84 days" hold
//! no-break spaces), so no date or flag is ever split; a word wider than
//! the pane ends with "…". The app counts the rows to lay the text out
//! under them ([`rows`]); the view draws them. Both call this module, so
//! they agree.

use std::ops::Range;

use chrono::NaiveDate;

use crate::i18n::{Lang, fill};
use crate::model::{PartKind, Record, Status};
use crate::text::sanitize::{char_width, visible};

/// How a piece of a header line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Title,
    Dim,
    Late,
    Warning,
}

/// One logical header line: its text (sanitised) and its styled pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    pub text: String,
    /// Byte ranges of `text` and their kind; the rest is `Plain`.
    pub pieces: Vec<(Range<usize>, Kind)>,
    /// The JO reference or status: what a one-row header shows.
    pub reference: bool,
}

impl HeaderLine {
    fn new(text: String, kind: Kind) -> HeaderLine {
        let len = text.len();
        HeaderLine {
            text,
            pieces: vec![(0..len, kind)],
            reference: false,
        }
    }

    fn push(&mut self, text: &str, kind: Kind) {
        let start = self.text.len();
        self.text.push_str(text);
        if kind != Kind::Plain {
            self.pieces.push((start..self.text.len(), kind));
        }
    }
}

/// The Journal officiel's edition: "JO Sénat", "JO AN", as printed.
fn journal(record: &Record) -> String {
    format!("JO {}", record.chamber.label())
}

/// A no-break space: "p. 787" and "84 days" stay on one row.
const NBSP: char = '\u{a0}';

/// The header of `part` of `record`, in reading order: the question's
/// title over its reference, the answer's reference first; errata last.
pub fn lines(record: &Record, part: PartKind, lang: Lang, today: NaiveDate) -> Vec<HeaderLine> {
    let t = lang.t();
    let page = |p: Option<u32>| p.map_or_else(String::new, |p| format!(" p.{NBSP}{p}"));
    let mut lines = Vec::new();
    match part {
        PartKind::Question => {
            let mut jo = format!(
                "{} {}{}",
                journal(record),
                lang.maybe_date(record.question.date),
                page(record.question.page)
            );
            if let Some(number) = &record.number {
                jo.push_str(&format!(" · n°{NBSP}{}", visible(number)));
                if let Some(legislature) = record.legislature {
                    jo.push_str(" · ");
                    jo.push_str(
                        &fill(t.legislature, &[&legislature.to_string()]).replace(' ', "\u{a0}"),
                    );
                }
            }
            if let Some(title) = &record.title {
                lines.push(HeaderLine::new(visible(title).into_owned(), Kind::Title));
            }
            let mut reference = HeaderLine::new(jo, Kind::Plain);
            reference.reference = true;
            lines.push(reference);
            if let Some(topic) = &record.topic {
                lines.push(HeaderLine::new(
                    fill(t.topic, &[&visible(topic)]),
                    Kind::Dim,
                ));
            }
            if record.question.in_session {
                lines.push(HeaderLine::new(t.asked_in_session.to_owned(), Kind::Dim));
            }
        }
        PartKind::Answer => {
            let mut reference = HeaderLine::new(String::new(), Kind::Plain);
            reference.reference = true;
            match &record.answer {
                Some(answer) => {
                    reference.push(
                        &format!(
                            "{} {}{}",
                            journal(record),
                            lang.maybe_date(answer.date),
                            page(answer.page)
                        ),
                        Kind::Plain,
                    );
                    if let Some(days) = record.delay_days {
                        let days =
                            lang.count(days.unsigned_abs() as usize, t.days_one, t.days_many);
                        reference.push(&format!(" · {}", days.replace(' ', "\u{a0}")), Kind::Plain);
                    }
                }
                None => {
                    let what = match record.status {
                        Status::Awaiting => t.status_awaiting.to_owned(),
                        Status::Lapsed => t.status_lapsed.to_owned(),
                        Status::Withdrawn => match &record.withdrawn_reason {
                            Some(reason) => fill(t.status_withdrawn_because, &[&visible(reason)]),
                            None => t.status_withdrawn.to_owned(),
                        },
                        Status::Answered => t.status_answered.to_owned(),
                    };
                    reference.push(&what, Kind::Plain);
                    if let (Some(asked), Status::Awaiting) = (record.question.date, record.status) {
                        let days = (today - asked).num_days().max(0) as usize;
                        let days = lang.count(days, t.days_one, t.days_many);
                        reference.push(&format!(" · {}", days.replace(' ', "\u{a0}")), Kind::Plain);
                    }
                }
            }
            if record.late == Some(true) {
                reference.push(" · ", Kind::Plain);
                reference.push(&t.late.replace(' ', "\u{a0}"), Kind::Late);
            }
            lines.push(reference);
            if let Some(session) = record.answer.as_ref().and_then(|a| a.session_date) {
                lines.push(HeaderLine::new(
                    fill(t.in_session, &[&lang.date(session)]),
                    Kind::Dim,
                ));
            }
            if let Some(to) = &record.transmitted_to {
                // Old pages name the ministry alone ("Équipement").
                let named = ["Ministère", "ministère", "Premier", "Secrétariat"]
                    .iter()
                    .any(|p| to.starts_with(p));
                let template = if named {
                    t.transmitted
                } else {
                    t.transmitted_old
                };
                lines.push(HeaderLine::new(fill(template, &[&visible(to)]), Kind::Dim));
            }
        }
    }
    for erratum in record.errata.iter().filter(|e| e.part == part) {
        let date = lang.maybe_date(erratum.date);
        let text = match erratum.page {
            Some(page) => fill(t.erratum_page, &[&date, &page.to_string()]),
            None => fill(t.erratum, &[&date]),
        };
        lines.push(HeaderLine::new(
            text.replace("p. ", "p.\u{a0}"),
            Kind::Warning,
        ));
    }
    lines
}

/// The rows `line` takes at `width` columns: byte ranges of its text,
/// broken at plain spaces (left out of both rows); a word wider than the
/// row is cut, and [`row_text`] ends it with "…".
pub fn rows(line: &HeaderLine, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let text = &line.text;
    let mut rows = Vec::new();
    let mut start: Option<usize> = None;
    let (mut used, mut end) = (0, 0);
    for (at, word) in words(text) {
        let w: usize = word.chars().map(char_width).sum();
        if let Some(s) = start {
            if used + 1 + w <= width {
                used += 1 + w;
                end = at + word.len();
                continue;
            }
            rows.push(s..end);
        }
        start = Some(at);
        used = w;
        end = at + word.len();
    }
    if let Some(s) = start {
        rows.push(s..end);
    }
    rows
}

/// The words of `text` between plain spaces, with where they start.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// How many rows the header of `part` takes at `width`.
pub fn height(
    record: &Record,
    part: PartKind,
    lang: Lang,
    today: NaiveDate,
    width: usize,
) -> usize {
    lines(record, part, lang, today)
        .iter()
        .map(|line| rows(line, width).len())
        .sum()
}

/// Whether a row wider than `width` (a single long word) must be cut.
pub fn overflows(text: &str, width: usize) -> bool {
    text.chars().map(char_width).sum::<usize>() > width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> HeaderLine {
        HeaderLine::new(text.to_owned(), Kind::Plain)
    }

    #[test]
    fn rows_break_at_plain_spaces_only() {
        let l = line("JO Sénat 16/02/2023 p.\u{a0}1188 · 70\u{a0}days · late");
        let shown: Vec<&str> = rows(&l, 30).into_iter().map(|r| &l.text[r]).collect();
        assert_eq!(
            shown,
            ["JO Sénat 16/02/2023 p.\u{a0}1188 ·", "70\u{a0}days · late"]
        );
        let shown: Vec<&str> = rows(&l, 12).into_iter().map(|r| &l.text[r]).collect();
        assert_eq!(
            shown,
            [
                "JO Sénat",
                "16/02/2023",
                "p.\u{a0}1188 ·",
                "70\u{a0}days ·",
                "late"
            ]
        );
        // Every row fits, or is one word too wide to.
        for width in 1..60 {
            for r in rows(&l, width) {
                let row = &l.text[r];
                assert!(
                    !overflows(row, width) || !row.contains(' '),
                    "{width}: {row:?}"
                );
            }
        }
        assert_eq!(rows(&line(""), 10), Vec::<Range<usize>>::new());
    }
}
