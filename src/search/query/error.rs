//! What is wrong with a query, as data: the parser says which problem and
//! where, and the message is written in the reader's language
//! ([`QueryError::message`]).

use std::fmt;

use super::{FIELDS, MAX_BYTES};
use crate::i18n::{Lang, fill};

/// What is wrong with a query, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// 1-based, in characters.
    pub column: usize,
    pub problem: Problem,
}

/// A query's problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Longer than [`MAX_BYTES`]: its length.
    TooLong(usize),
    /// `name:` is no filter; `word` is the whole word typed.
    UnknownFilter {
        name: String,
        word: String,
    },
    /// `field:` with nothing after it: the field's index in [`FIELDS`].
    EmptyValue(usize),
    Unbalanced,
    NoStatus(String),
    NoChamber(String),
    NoKind(String),
    BadLate(String),
    BadAnswered(String),
    BadReused(String),
    /// `delay:` with a value that is no comparison of days (`>x`, `>`).
    BadDelay(String),
    /// `number:` with a value that is no question number.
    BadNumber(String),
    MalformedDate(String),
    /// The date typed and its month.
    NoMonth(String, u32),
    /// The date typed, its year and month, and the days the month has.
    NoDay(String, String, u32),
}

impl QueryError {
    /// What is wrong, in `lang`, without the column.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.t();
        match &self.problem {
            Problem::TooLong(len) => fill(
                t.query_too_long,
                &[&lang.number(*len), &lang.number(MAX_BYTES)],
            ),
            Problem::UnknownFilter { name, word } => {
                fill(t.query_unknown_filter, &[name, &FIELDS.join(", "), word])
            }
            Problem::EmptyValue(field) => fill(
                t.query_empty_value,
                &[FIELDS[*field], expects(*field, lang)],
            ),
            Problem::Unbalanced => t.query_unbalanced.to_owned(),
            Problem::NoStatus(value) => fill(t.query_no_status, &[value, t.query_expects_status]),
            Problem::NoChamber(value) => {
                fill(t.query_no_chamber, &[value, t.query_expects_chamber])
            }
            Problem::NoKind(value) => fill(t.query_no_kind, &[value, t.query_expects_kind]),
            Problem::BadLate(value) => fill(t.query_bad_late, &[value, t.query_expects_yes_no]),
            Problem::BadAnswered(value) => {
                fill(t.query_bad_answered, &[value, t.query_expects_yes_no])
            }
            Problem::BadReused(value) => fill(t.query_bad_reused, &[value, t.query_expects_yes_no]),
            Problem::BadDelay(value) => fill(t.query_bad_delay, &[value, t.query_expects_delay]),
            Problem::BadNumber(value) => fill(t.query_bad_number, &[value, t.query_expects_number]),
            Problem::MalformedDate(value) => fill(t.query_malformed_date, &[value]),
            Problem::NoMonth(value, month) => fill(t.query_no_month, &[value, &month.to_string()]),
            Problem::NoDay(value, month, days) => {
                fill(t.query_no_day, &[value, month, &days.to_string()])
            }
        }
    }

    /// `column N: message`, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        fill(
            lang.t().query_error,
            &[&self.column.to_string(), &self.message(lang)],
        )
    }
}

/// What a field accepts, for messages.
fn expects(field: usize, lang: Lang) -> &'static str {
    let t = lang.t();
    match FIELDS[field] {
        "status" => t.query_expects_status,
        "chamber" => t.query_expects_chamber,
        "kind" => t.query_expects_kind,
        "late" | "answered" | "reused" => t.query_expects_yes_no,
        "after" | "before" | "answer-after" | "answer-before" => t.query_expects_date,
        "delay" => t.query_expects_delay,
        "number" => t.query_expects_number,
        _ => t.query_expects_text,
    }
}

/// In English, as scripts and tests read it.
impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for QueryError {}
