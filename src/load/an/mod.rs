//! The Assemblée nationale's open data: one JSON document per question
//! (`{"question": {…}}`), as published; also a JSON array of them, or JSON
//! Lines. The document is read by serde ([`json`]); this module maps it to
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
mod names;

use std::cell::Cell;

use chrono::NaiveDate;
use serde_json::value::RawValue;

use super::message::Message;
use super::{Diagnostic, Loaded, Severity, Texts};
use crate::model::{
    self, Answer, Author, Chamber, Closure, EarlierAnswer, Kind, Part, Record, Status,
};
use json::{Document, InfoJo, OneOrMany, Question, Text, Texte};

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

/// How much of a question's HTML names its author, when the text is not
/// kept: "M. Jean-Paul Dupont de La Mothe attire l'attention de …".
const OPENING: usize = 300;

/// The chair's "La parole est à Mme …" in a raw debate extract, and what
/// follows, plain: the member who asks, without decoding the whole
/// extract.
fn debate_opening(raw: &RawValue) -> String {
    let literal = raw.get();
    let at = ["La parole est \\u00e0 ", "La parole est à "]
        .iter()
        .filter_map(|needle| literal.find(needle))
        .min();
    match at {
        // A needle starts with a letter: never inside an escape.
        Some(at) => {
            let from = format!("\"{}", &literal[at..]);
            html::to_text(&unescape_prefix(&from, OPENING))
        }
        None => String::new(),
    }
}

/// A raw JSON text as plain text, from about the first `cut` bytes of its
/// HTML (whole when `cut` is `usize::MAX`).
fn decode(raw: &RawValue, cut: usize) -> String {
    if cut == usize::MAX {
        let Ok(Some(html)) = serde_json::from_str::<Option<String>>(raw.get()) else {
            return String::new();
        };
        return html::to_text(&html);
    }
    html::to_text(&unescape_prefix(raw.get(), cut))
}

/// The start of a JSON string literal (serde has checked it), unescaped
/// until `cut` bytes are out: `check` reads an opening, not the whole text.
fn unescape_prefix(literal: &str, cut: usize) -> String {
    let Some(body) = literal.strip_prefix('"') else {
        return String::new();
    };
    let mut out = String::with_capacity(cut.min(body.len()) + 8);
    let mut rest = body;
    while out.len() < cut {
        let Some(at) = rest.find(['\\', '"']) else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('"') {
            break;
        }
        let (c, used) = match rest.as_bytes().get(1) {
            Some(b'n') => ('\n', 2),
            Some(b't') => ('\t', 2),
            Some(b'r') => ('\r', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'u') => unicode_escape(rest),
            Some(&other) => (char::from(other), 2),
            None => break,
        };
        out.push(c);
        rest = &rest[used.min(rest.len())..];
    }
    out
}

/// `\uXXXX`, or a surrogate pair of them, at the start of `s`: the
/// character and the bytes used; U+FFFD for a lone surrogate.
fn unicode_escape(s: &str) -> (char, usize) {
    let hex = |at: usize| {
        s.get(at..at + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let Some(first) = hex(2) else {
        return ('\u{fffd}', 2);
    };
    if (0xD800..0xDC00).contains(&first)
        && s.get(6..8) == Some("\\u")
        && let Some(second) = hex(8).filter(|s| (0xDC00..0xE000).contains(s))
    {
        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        return (char::from_u32(c).unwrap_or('\u{fffd}'), 12);
    }
    (char::from_u32(first).unwrap_or('\u{fffd}'), 6)
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
    let record = map(source, line, question, today, texts, &mut warnings);
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

/// The record a question makes.
fn map(
    source: &str,
    line: usize,
    q: Question<'_>,
    today: NaiveDate,
    texts: Texts<'_>,
    warnings: &mut Vec<Message>,
) -> Record {
    let text = |t: Option<Text>| {
        t.filter(|t| !t.0.trim().is_empty())
            .map(|t| t.0.into_owned())
    };
    let keep = !matches!(texts, Texts::Drop);
    let uid = text(q.uid);
    let kind = match q.kind.as_ref().map(Text::as_str) {
        Some("QG") => Kind::Government,
        Some("QOSD") | Some("QO") => Kind::Oral,
        _ => Kind::Written,
    };
    let (number, legislature) = q
        .identifiant
        .map(|i| (text(i.numero), text(i.legislature)))
        .unwrap_or_default();
    let legislature_number = legislature.as_deref().and_then(|l| l.trim().parse().ok());
    let (topic, title) = match q.indexation {
        Some(index) => (
            text(index.rubrique),
            index
                .analyses
                .and_then(|a| a.analyse)
                .and_then(|a| a.into_vec().into_iter().rev().find_map(|t| text(Some(t)))),
        ),
        None => (None, None),
    };
    let (group, group_name, reference) = match q.auteur {
        Some(auteur) => {
            let (group, group_name) = auteur
                .groupe
                .map(|g| (text(g.abrege), text(g.developpe)))
                .unwrap_or_default();
            (
                group,
                group_name,
                auteur.identite.and_then(|i| text(i.acteur_ref)),
            )
        }
        None => (None, None, None),
    };
    let addressed_to = q.min_int.and_then(|m| text(m.developpe).or(text(m.abrege)));
    let attributions = q
        .min_attribs
        .and_then(|m| m.min_attrib)
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let attributed = attributions.into_iter().rev().find_map(|a| {
        a.denomination
            .and_then(|d| text(d.developpe).or(text(d.abrege)))
    });
    let mut date_of = |info: Option<&InfoJo>| -> (Option<NaiveDate>, Option<u32>) {
        let Some(info) = info else {
            return (None, None);
        };
        let date = info.date_jo.as_ref().and_then(|d| {
            let parsed = parse_date(d.as_str());
            if parsed.is_none() && !d.as_str().trim().is_empty() {
                warnings.push(Message::JsonDate(d.0.to_string()));
            }
            parsed
        });
        let page = info
            .page_jo
            .as_ref()
            .and_then(|p| p.as_str().trim().parse().ok());
        (date, page)
    };
    let questions: Vec<Texte<'_>> = q
        .textes_question
        .and_then(|t| t.texte_question)
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let mut answers: Vec<Texte<'_>> = q
        .textes_reponse
        .and_then(|t| t.texte_reponse)
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let plain = |t: &Texte<'_>| -> String {
        match (keep, t.texte) {
            (true, Some(raw)) => decode(raw, usize::MAX),
            _ => String::new(),
        }
    };
    let opening = |t: Option<&Texte<'_>>, cut: usize| -> String {
        t.and_then(|t| t.texte)
            .map_or_else(String::new, |raw| decode(raw, cut))
    };
    let last_answer = answers.pop();
    let answer = last_answer.as_ref().map(|t| {
        let (date, page) = date_of(t.info_jo.as_ref());
        let earlier = answers
            .iter()
            .map(|e| {
                let (date, page) = date_of(e.info_jo.as_ref());
                EarlierAnswer {
                    date,
                    page,
                    text: plain(e),
                }
            })
            .collect();
        Answer {
            ministry: attributed.clone(),
            date,
            page,
            text: plain(t),
            earlier,
            ..Answer::default()
        }
    });
    let mut question = match questions.last() {
        Some(t) => {
            let (date, page) = date_of(t.info_jo.as_ref());
            Part {
                date,
                page,
                text: plain(t),
                ..Part::default()
            }
        }
        // A question to the Government: asked in the debate the answer
        // holds, on the day of that sitting.
        None => Part {
            date: answer.as_ref().and_then(|a| a.date),
            in_session: kind == Kind::Government,
            ..Part::default()
        },
    };
    question.text.shrink_to_fit();
    let in_debate = |extract: &str| {
        extract
            .split_once("La parole est à ")
            .map(|(_, rest)| names::author(rest))
            .unwrap_or_default()
    };
    let named = match (keep, question.text.trim().is_empty()) {
        (true, false) => names::author(&question.text),
        (true, true) => in_debate(answer.as_ref().map_or("", |a| a.text.as_str())),
        // Without the texts, still their openings, which name the author;
        // a debate names the member after its title and the chair's
        // words: the whole extract is read (questions to the Government
        // are few).
        (false, _) => {
            let asked = opening(questions.last(), OPENING);
            if asked.trim().is_empty() {
                let extract = last_answer.as_ref().and_then(|t| t.texte);
                in_debate(&extract.map_or_else(String::new, debate_opening))
            } else {
                names::author(&asked)
            }
        }
    };
    let author = Author {
        civility: named.civility,
        first_name: named.first_name,
        last_name: named.last_name,
        name: named.name,
        constituency: None,
        group,
        group_relation: None,
        group_name,
        reference,
    };
    // A debate's answer gives its page only in the closure's JO.
    let closure_page = q
        .cloture
        .as_ref()
        .and_then(|c| c.info_jo.as_ref())
        .filter(|info| {
            answer.as_ref().is_some_and(|a| {
                a.page.is_none()
                    && a.date.is_some()
                    && info.date_jo.as_ref().and_then(|d| parse_date(d.as_str())) == a.date
            })
        })
        .and_then(|info| info.page_jo.as_ref())
        .and_then(|p| p.as_str().trim().parse().ok());
    let mut answer = answer;
    if let (Some(answer), Some(page)) = (answer.as_mut(), closure_page) {
        answer.page = Some(page);
    }
    let closure = q.cloture.map(|c| Closure {
        code: text(c.code),
        label: text(c.label),
    });
    let status = status(closure.as_ref(), answer.is_some(), warnings);
    let ministry = answer
        .as_ref()
        .and_then(|a| a.ministry.clone())
        .or_else(|| attributed.clone())
        .or_else(|| addressed_to.clone());
    let answered = answer.as_ref().and_then(|a| a.date);
    // A question asked in session is answered there, the same day: its
    // delay is 0 days and it is on time, as the statistics count it (a
    // count of written questions alone filters `kind:written`).
    let delay_days = model::delay(question.date, answered);
    if let (Some(asked), Some(answered)) = (question.date, answered)
        && answered < asked
    {
        warnings.push(Message::AnswerBeforeQuestion(answered, asked));
    }
    let late = model::lateness(status, question.date, answered, today);
    // Made only from a legislature's number and a plain uid: the address
    // goes to a browser and into Markdown links.
    let url = match (legislature_number, &uid) {
        (Some(l), Some(u)) if u.bytes().all(|b| b.is_ascii_alphanumeric()) => Some(format!(
            "https://www.assemblee-nationale.fr/dyn/{l}/questions/{u}"
        )),
        _ => None,
    };
    Record {
        id: id(uid.as_deref(), source, line),
        source: source.to_owned(),
        line,
        chamber: Chamber::An,
        kind,
        url,
        title,
        topic,
        number,
        legislature: legislature_number,
        author,
        question,
        transmitted_to: None,
        // A withdrawn or lapsed question's answer, if the data has one,
        // is not shown as the Government's word.
        answer: answer.filter(|_| status == Status::Answered),
        errata: Vec::new(),
        status,
        closure,
        withdrawn_reason: None,
        ministry,
        addressed_to,
        delay_days,
        late,
        family: None,
    }
}

/// The status a closure says. Codes seen in the Assemblée's data:
/// REP_PUB ("Réponse publiée"); withdrawals and lapses carry labels such as
/// "Retrait", "Question retirée", "Caducité", "Fin de mandat",
/// "Changement de gouvernement".
fn status(closure: Option<&Closure>, answered: bool, warnings: &mut Vec<Message>) -> Status {
    let Some(closure) = closure else {
        return if answered {
            Status::Answered
        } else {
            Status::Awaiting
        };
    };
    let code = closure.code.as_deref().unwrap_or("");
    let label = closure.label.as_deref().unwrap_or("").to_lowercase();
    if code == "REP_PUB" {
        return if answered {
            Status::Answered
        } else {
            Status::Awaiting
        };
    }
    if label.contains("retrait") || label.contains("retiré") {
        return Status::Withdrawn;
    }
    // "caduque", "caducité".
    if [
        "caduq",
        "caduc",
        "fin de mandat",
        "changement de gouvernement",
    ]
    .iter()
    .any(|w| label.contains(w))
    {
        return Status::Lapsed;
    }
    warnings.push(Message::UnknownClosure(code.to_owned()));
    if answered {
        Status::Answered
    } else {
        Status::Awaiting
    }
}

/// `2025-03-25` or, in older legislatures, `25/03/2025`; a time after
/// either is ignored.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.get(..10)?;
    // `yyyy-mm-dd`, read at once: chrono's format parser was a twentieth
    // of `check`.
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b[4] == b'-' && b[7] == b'-' {
        let (year, month, date) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, date);
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%d/%m/%Y"))
        .ok()
}

/// Unique in a load and stable across runs: the Assemblée's uid, with a
/// short hash of where it was read (the same document may be in a folder
/// and in an archive).
fn id(uid: Option<&str>, source: &str, line: usize) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in source.bytes().chain([0]).chain(line.to_string().bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    match uid {
        Some(uid) => format!("{uid}-{hash:08x}"),
        None => format!("an-{hash:08x}"),
    }
}

#[cfg(test)]
mod tests;
