//! The Assemblée nationale's open data: one JSON document per question
//! (`{"question": {…}}`), as published; also a JSON array of them, or JSON
//! Lines. The document is read by serde ([`json`]); [`mapping`] maps it to
//! a [`Record`] as the senat.fr loader fills one, so that the list, search,
//! quotes, citations and statistics treat both chambers alike.
//!
//! The mapping (the README's table of JSON keys says it to users):
//! - `uid`, `type` (QE written, QG to the Government, QOSD oral), the
//!   number and legislature; the public page's URL is made from them;
//! - the title is the analyse, the topic the rubrique;
//! - the author is named by reference only: the name is read from the
//!   question's opening ([`names`]; for a QG, from "La parole est à …" in
//!   the debate); the group's short and full names;
//! - the question's and the answer's JO dates and pages; the last answer
//!   published is the answer, earlier ones are kept apart; the last
//!   attribution is the answering ministry; the minister asked is the
//!   addressee;
//! - texts are HTML fragments, made plain text ([`html`]); a QG's question
//!   and answer come together as one debate extract, kept as the answer,
//!   its question marked as asked in session;
//! - the status comes from the closure (`cloture`): REP_PUB answered, a
//!   label saying withdrawn or lapsed, none and no answer awaiting; any
//!   other code is answered if an answer exists, awaiting otherwise, with a
//!   warning naming the code.

mod html;
mod json;
mod mapping;
mod names;
mod raw;

use std::cell::Cell;

use chrono::NaiveDate;
use serde_json::value::RawValue;

use super::message::Message;
use super::{Diagnostic, Loaded, Severity, Texts};
use crate::model::Record;
use json::Document;

/// Whether `text` is JSON (a document, a list of them, JSON Lines): its
/// first character that is not whitespace opens an object or an array.
pub fn is_json(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .starts_with(['{', '['])
}

/// Parses the JSON of one file: every document in it.
pub fn parse(source: &str, text: &str, today: NaiveDate, texts: Texts<'_>) -> Loaded {
    let mut out = Loaded::default();
    for (line, col, document) in documents(text) {
        match document {
            Ok(raw) => read(source, line, raw, today, texts, &mut out),
            Err(e) => out.diagnostics.push(Diagnostic {
                path: source.to_owned(),
                line: line + e.line().saturating_sub(1),
                col: if e.line() <= 1 {
                    col + e.column().saturating_sub(1)
                } else {
                    e.column()
                },
                severity: Severity::Error,
                message: Message::Json(reason(&e)),
            }),
        }
    }
    out
}

/// Each document of `text` with the line and column it starts at: the
/// whole text, an array's items, or one per line (JSON Lines). A document
/// that is not valid JSON is an error where serde stopped; the others
/// still load.
fn documents(text: &str) -> Vec<(usize, usize, Result<&str, serde_json::Error>)> {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let position = |at: usize| {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    };
    if trimmed.starts_with('[') {
        return match serde_json::from_str::<Vec<&RawValue>>(text) {
            Ok(items) => items
                .into_iter()
                .map(|raw| {
                    let at = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                    let (line, col) = position(at);
                    (line, col, Ok(raw.get()))
                })
                .collect(),
            Err(e) => vec![(1, 1, Err(e))],
        };
    }
    // One line, as the Assemblée serves a document: nothing to split.
    if !trimmed.trim_end().contains('\n') {
        return vec![(1, 1, Ok(text))];
    }
    // JSON Lines: several lines, the first a whole document (a bad line
    // further on is an error of its own).
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let json_lines = lines.len() > 1
        && lines
            .first()
            .is_some_and(|(_, l)| serde_json::from_str::<&RawValue>(l).is_ok());
    // Each line, or the whole text, is read once, as a document: serde
    // says there where it is not valid (reading it first as a raw value to
    // check it doubled the time of `check`).
    if json_lines {
        return lines.into_iter().map(|(i, l)| (i + 1, 1, Ok(l))).collect();
    }
    vec![(1, 1, Ok(text))]
}

/// serde's reason, without the position it appends (the diagnostic says
/// where).
fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((reason, _)) => reason.to_owned(),
        None => text,
    }
}

/// Maps one document to a record, or says why not.
fn read(
    source: &str,
    line: usize,
    raw: &str,
    today: NaiveDate,
    texts: Texts<'_>,
    out: &mut Loaded,
) {
    let diagnose = |out: &mut Loaded, severity, message| {
        out.diagnostics.push(Diagnostic {
            path: source.to_owned(),
            line,
            col: 1,
            severity,
            message,
        });
    };
    let document: Document<'_> = match serde_json::from_str(raw) {
        Ok(document) => document,
        Err(e) => {
            out.diagnostics.push(Diagnostic {
                path: source.to_owned(),
                line: line + e.line().saturating_sub(1),
                col: e.column(),
                severity: Severity::Error,
                message: Message::Json(reason(&e)),
            });
            return;
        }
    };
    let Some(question) = document.question else {
        diagnose(out, Severity::Warning, Message::NotAQuestion);
        return;
    };
    let mut warnings = Vec::new();
    let record = mapping::map(source, line, question, today, texts, &mut warnings);
    for message in warnings {
        diagnose(out, Severity::Warning, message);
    }
    if let Texts::Probe(probe) = texts {
        out.probed.push(probe_record(probe, &record));
        let mut lean = record;
        lean.question.text = String::new();
        if let Some(answer) = lean.answer.as_mut() {
            answer.text = String::new();
        }
        out.records.push(lean);
        return;
    }
    out.records.push(record);
}

/// The terms `probe` finds in a record's texts. The probe's look at a
/// whole file cannot be given the JSON, whose texts are escaped
/// (`r\u00e9ponse`) and marked up: it is given the record's plain texts,
/// question then answer, instead.
fn probe_record(probe: &dyn super::Probe, record: &Record) -> u64 {
    let answer = record.answer.as_ref().map_or("", |a| a.text.as_str());
    let text = format!("{}\n\n{answer}", record.question.text);
    let Some(sieved) = probe.sieve(&text) else {
        return 0;
    };
    let sieved: Vec<Cell<usize>> = sieved.into_iter().map(Cell::new).collect();
    let mut found = 0;
    let mut at = 0;
    let mut spans = Vec::new();
    for paragraph in text.split("\n\n") {
        let span = at..at + paragraph.len();
        at = span.end + 2;
        if !paragraph.trim().is_empty() {
            found |= probe.paragraph(&sieved, &text, paragraph, Some(span.clone()), found);
            spans.push(span);
        }
    }
    let mut paragraphs = spans.iter().map(|span| &text[span.clone()]);
    found | probe.record(&sieved, &mut paragraphs, found)
}

#[cfg(test)]
mod tests;
