//! The reference printed after a quotation, in the form journalists and
//! researchers use (see ../shared/DOMAIN.md, "Citations"): who asked or
//! answered, where the text is in the Journal officiel.
//!
//! Every piece is optional in a record; a missing one is left out with its
//! punctuation, so a citation never reads "None", "n° ," or "()".
//!
//! Pieces come from the page's headers, which may hold anything: each is
//! cleaned before it is used ([`clean`]): no control character, escape
//! sequence or bidi control, its whitespace one space, its parentheses
//! and brackets balanced ("GEST(" would have given "(Rhône - GEST()").

use std::cell::Cell;

use chrono::NaiveDate;

use super::PartKind;
use crate::model::{Answer, Author, Chamber, Kind, Record};

/// The Journal officiel's edition for the record's chamber: "JO Sénat",
/// "JO AN".
pub(super) fn journal_name(record: &Record) -> &'static str {
    match record.chamber {
        Chamber::Senat => "JO Sénat",
        Chamber::An => "JO AN",
    }
}

/// The number as the citation prints it, "n° 5268": the Markdown form
/// links it to the record's page ([`super::Quote::link`]).
pub fn number_phrase(record: &Record) -> Option<String> {
    number(record).map(|number| format!("n° {number}"))
}

/// The citation of `part` of `record`.
pub fn citation(record: &Record, part: PartKind) -> String {
    citation_counted(record, part).0
}

/// [`citation`], and how many control characters and escape sequences
/// were taken out of its pieces.
pub fn citation_counted(record: &Record, part: PartKind) -> (String, usize) {
    let text = match part {
        PartKind::Question => question(record),
        PartKind::Answer => answer(record),
    };
    (text, REMOVED.take())
}

thread_local! {
    /// What [`clean`] took out since [`citation_counted`] last asked: the
    /// pieces are cleaned deep in the helpers below, one citation at a
    /// time on a thread.
    static REMOVED: Cell<usize> = const { Cell::new(0) };
}

/// "Question écrite n° 05589 de Mme Catherine Di Folco (Rhône - Les
/// Républicains), JO Sénat du 02/03/2023, p. 1402".
fn question(record: &Record) -> String {
    let mut out = String::from("Question");
    push_kind(&mut out, record);
    if let Some(author) = author(&record.author) {
        out.push_str(" de ");
        out.push_str(&author);
    }
    if let Some(affiliation) = affiliation(&record.author) {
        out.push_str(" (");
        out.push_str(&affiliation);
        out.push(')');
    }
    if let Some(journal) = journal(record, record.question.date, record.question.page) {
        out.push_str(", ");
        out.push_str(&journal);
    }
    out
}

/// "Réponse du Ministère de l'intérieur et des outre-mer à la question de
/// M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787".
fn answer(record: &Record) -> String {
    let Some(answer) = record.answer.as_ref() else {
        // Nothing to quote from: still say what was asked.
        let mut out = String::from("Réponse");
        push_target(&mut out, record);
        return out;
    };
    let Some(ministry) = present(answer.ministry.as_deref()) else {
        return in_session(record, answer);
    };
    let mut out = String::from("Réponse ");
    out.push_str(&ministry_phrase(&ministry));
    push_target(&mut out, record);
    if let Some(journal) = journal(record, answer.date, answer.page) {
        out.push_str(", ");
        out.push_str(&journal);
    }
    out
}

/// An oral question answered in the chamber: the date is the sitting's,
/// not a JO date, so it is not presented as one.
fn in_session(record: &Record, answer: &Answer) -> String {
    let mut out = String::from("Réponse en séance publique");
    if let Some(date) = answer.date {
        out.push_str(" du ");
        out.push_str(&day(date));
    }
    push_target(&mut out, record);
    if let Some(page) = answer.page {
        out.push_str(&format!(", p. {page}"));
    }
    out
}

/// "du Ministère de …", "du Premier ministre - …"; old pages name only the
/// portfolio ("Réponse du ministère : Relations avec le Parlement"), which
/// takes no article: it is kept whole in parentheses.
fn ministry_phrase(ministry: &str) -> String {
    let lower = ministry.to_lowercase();
    let institution = [
        "ministère",
        "premier ministre",
        "secrétariat",
        "haut-commissariat",
        "haut commissariat",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix));
    if institution {
        format!("du {ministry}")
    } else {
        format!("du ministère ({ministry})")
    }
}

/// " à la question écrite n° 05589 de Mme Catherine Di Folco", or as much
/// of it as is known.
fn push_target(out: &mut String, record: &Record) {
    let author = author(&record.author);
    if author.is_none() && number(record).is_none() {
        return;
    }
    out.push_str(" à la question");
    push_kind(out, record);
    if let Some(author) = author {
        out.push_str(" de ");
        out.push_str(&author);
    }
}

/// " écrite n° 05589", " orale n° 0827S" (senat.fr numbers oral
/// questions with a final S), " au Gouvernement n° 10" (the Sénat's are
/// "d'actualité au Gouvernement"). Nothing when the
/// record gives no number.
fn push_kind(out: &mut String, record: &Record) {
    if let Some(number) = number_phrase(record) {
        let kind = match record.kind {
            Kind::Government if record.chamber == Chamber::Senat => "d'actualité au Gouvernement",
            Kind::Government => "au Gouvernement",
            Kind::Oral => "orale",
            Kind::Written if number.ends_with(['S', 's']) => "orale",
            Kind::Written => "écrite",
        };
        out.push_str(&format!(" {kind} {number}"));
    }
}

fn number(record: &Record) -> Option<String> {
    present(record.number.as_deref())
}

/// "M. Thomas Dossus": the display name, else the header's names as given.
pub(super) fn author(author: &Author) -> Option<String> {
    let name = match present(author.name.as_deref()) {
        Some(name) => name,
        None => {
            let parts: Vec<String> = [author.first_name.as_deref(), author.last_name.as_deref()]
                .into_iter()
                .filter_map(present)
                .collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(" ")
        }
    };
    Some(match present(author.civility.as_deref()) {
        Some(civility) => format!("{civility} {name}"),
        None => name,
    })
}

/// "Rhône - Les Républicains". The group is printed without its -A/-R
/// suffix: the suffix is senat.fr's notation for how a senator sits with
/// the group, not part of the group's name.
pub(super) fn affiliation(author: &Author) -> Option<String> {
    let parts: Vec<String> = [author.constituency.as_deref(), author.group.as_deref()]
        .into_iter()
        .filter_map(present)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" - "))
}

/// "JO Sénat du 02/02/2023, p. 787", "JO Sénat, p. 787", "JO Sénat du
/// 02/02/2023" (or "JO AN …"); nothing when neither is known.
fn journal(record: &Record, date: Option<NaiveDate>, page: Option<u32>) -> Option<String> {
    let name = journal_name(record);
    match (date, page) {
        (Some(date), Some(page)) => Some(format!("{name} du {}, p. {page}", day(date))),
        (Some(date), None) => Some(format!("{name} du {}", day(date))),
        (None, Some(page)) => Some(format!("{name}, p. {page}")),
        (None, None) => None,
    }
}

pub(super) fn day(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// A value that says something, cleaned ([`clean`]): not absent, not
/// blank.
pub(super) fn present(value: Option<&str>) -> Option<String> {
    Some(clean(value?)).filter(|v| !v.is_empty())
}

/// A piece of a citation as it can be printed: without control
/// characters, escape sequences or bidi controls (counted in [`REMOVED`]),
/// each run of whitespace one space, trimmed, and without a parenthesis
/// or bracket that is not closed or not opened.
fn clean(value: &str) -> String {
    let (value, removed) = crate::text::sanitize::strip_controls(value);
    REMOVED.set(REMOVED.get() + removed);
    let words: Vec<&str> = value.split_whitespace().collect();
    balanced(&words.join(" "))
}

/// `text` without the parentheses and brackets that have no partner.
fn balanced(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '[' => open.push(i),
            ')' | ']' => {
                let partner = if c == ')' { '(' } else { '[' };
                match open.last() {
                    Some(&o) if chars[o] == partner => {
                        open.pop();
                    }
                    _ => keep[i] = false,
                }
            }
            _ => {}
        }
    }
    for o in open {
        keep[o] = false;
    }
    let kept: String = chars
        .iter()
        .zip(&keep)
        .filter_map(|(&c, &k)| k.then_some(c))
        .collect();
    // A mark taken out from between two spaces leaves them side by side.
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}
