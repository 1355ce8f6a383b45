//! The query language of `/` and `reponses search` (../../shared/UX.md,
//! "Search semantics"), parsed into terms and filters.
//!
//! - Bare words must all occur (AND); `"quoted words"` is a phrase. Both are
//!   substring matches, like a browser's find: `camera` finds `caméras`.
//! - Each word, phrase or filter value decides its own sensitivity from its
//!   own letters ([`FoldOptions::smart`]): `CNIL` is case-sensitive, `cnil`
//!   is not, in the same query.
//! - `field:value` is a filter; the value may be a quoted phrase
//!   (`author:"di folco"`). Field names ignore case. Filters combine with
//!   AND, the same field twice included (`status:answered status:awaiting`
//!   finds nothing).
//! - `after:D` and `before:D` compare the question's JO date and are strict,
//!   as the words say: `after:2023-01-31` starts on 1 February and
//!   `before:2023-03-01` ends on 28 February. A record with no known date
//!   passes no date filter.
//! - A word is a filter when the part before its first `:` is made of
//!   letters; an unknown name there is an error rather than a silent search
//!   (a typo like `autor:` would otherwise find nothing and say nothing).
//!   `10:30` is a plain word, and a quoted phrase never holds filters
//!   (`"http://x"`).
//!
//! Errors carry the 1-based column, in characters, of what is wrong, so the
//! search bar can point at it. The parser never panics, whatever it is given.

use chrono::NaiveDate;

use crate::model::Status;
use crate::text::fold::FoldOptions;

/// A query, parsed: the words and phrases that must all occur, and the
/// filters that must all hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    pub terms: Vec<Term>,
    pub filters: Vec<Filter>,
}

impl ParsedQuery {
    /// Whether the query holds neither term nor filter: it matches anything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.filters.is_empty()
    }

    /// `text` taken literally as one phrase, never as query syntax: quotes,
    /// colons and `field:` prefixes in it are text to find. What `reponses
    /// quote --match` looks for. Empty when `text` is only whitespace.
    pub fn phrase(text: &str) -> ParsedQuery {
        let trimmed = text.trim();
        let terms = if trimmed.is_empty() {
            Vec::new()
        } else {
            let column = text[..text.len() - text.trim_start().len()].chars().count() + 1;
            vec![Term::new(trimmed, true, column)]
        };
        ParsedQuery {
            terms,
            filters: Vec::new(),
        }
    }
}

/// A word or phrase as typed, with the sensitivity its letters ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed, without the quotes and the whitespace around a phrase.
    pub text: String,
    pub phrase: bool,
    pub options: FoldOptions,
    /// 1-based character column of its first character in the query.
    pub column: usize,
}

impl Term {
    fn new(text: &str, phrase: bool, column: usize) -> Term {
        Term {
            text: text.to_owned(),
            phrase,
            options: FoldOptions::smart(text),
            column,
        }
    }
}

/// A `field:value` condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Occurs in the author's display, last or first name.
    Author(Term),
    /// Occurs in the ministry that must answer, the answering one or the one
    /// the question was transferred to.
    Ministry(Term),
    /// Occurs in the author's group.
    Group(Term),
    Status(Status),
    /// `late:yes` / `late:no`; an unknown lateness matches neither.
    Late(bool),
    /// The question's date is after this day (strictly).
    After(NaiveDate),
    /// The question's date is before this day (strictly).
    Before(NaiveDate),
}

mod error;

pub use error::{Problem, QueryError};

/// The filter names, in the order messages list them.
pub const FIELDS: [&str; 7] = [
    "author", "ministry", "group", "status", "late", "after", "before",
];

/// Parses a query.
///
/// # Errors
/// A [`QueryError`] for an unbalanced quote, an unknown filter, an empty
/// filter value, a status or lateness that does not exist, a malformed or
/// impossible date.
pub fn parse(query: &str) -> Result<ParsedQuery, QueryError> {
    if query.len() > MAX_BYTES {
        let at = crate::text::floor_boundary(query, MAX_BYTES);
        return Err(QueryError {
            column: query[..at].chars().count() + 1,
            problem: Problem::TooLong(query.len()),
        });
    }
    let mut parsed = ParsedQuery::default();
    // Columns are counted from the last one asked for, not from the start:
    // a query of thousands of words is parsed in one pass.
    let counted = std::cell::Cell::new((0, 0));
    let column = |byte: usize| {
        let (from, chars) = counted.get();
        let chars = if byte >= from {
            chars + query[from..byte].chars().count()
        } else {
            query[..byte].chars().count()
        };
        counted.set((byte, chars));
        chars + 1
    };
    let mut i = 0;
    while let Some(c) = query[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c == '"' {
            let (inner, next) = quoted(query, i, column)?;
            let phrase = inner.trim();
            if !phrase.is_empty() {
                let start = i + 1 + (inner.len() - inner.trim_start().len());
                parsed.terms.push(Term::new(phrase, true, column(start)));
            }
            i = next;
            continue;
        }
        let end = query[i..]
            .find(|c: char| c.is_whitespace() || c == '"')
            .map_or(query.len(), |n| i + n);
        let word = &query[i..end];
        let Some(name) = filter_name(word) else {
            parsed.terms.push(Term::new(word, false, column(i)));
            i = end;
            continue;
        };
        let Some(field) = FIELDS.iter().position(|f| f.eq_ignore_ascii_case(name)) else {
            return Err(QueryError {
                column: column(i),
                problem: Problem::UnknownFilter {
                    name: name.to_owned(),
                    word: word.to_owned(),
                },
            });
        };
        let value_start = i + name.len() + 1;
        let (value, value_at, next) = if value_start == end && query[end..].starts_with('"') {
            let (inner, next) = quoted(query, end, column)?;
            (inner.trim(), end + 1, next)
        } else {
            (&query[value_start..end], value_start, end)
        };
        if value.is_empty() {
            return Err(QueryError {
                column: column(i),
                problem: Problem::EmptyValue(field),
            });
        }
        let filter = make_filter(field, value, column(value_at)).map_err(|problem| QueryError {
            column: column(value_at),
            problem,
        })?;
        parsed.filters.push(filter);
        i = next;
    }
    // A word typed twice is looked for once: pasted paragraphs repeat
    // "de", "la", "le" dozens of times.
    let mut seen = std::collections::HashSet::new();
    parsed
        .terms
        .retain(|term| seen.insert((term.text.clone(), term.phrase)));
    Ok(parsed)
}

/// The longest query [`parse`] takes, in bytes: 16 KB, a few pages of
/// pasted text. Each word costs a compiled pattern; a longer query is
/// refused at once rather than compiled for seconds.
pub const MAX_BYTES: usize = 16 * 1024;

/// The message for a query of `len` bytes, over [`MAX_BYTES`].
/// The field name of a `name:value` word: letters before its first colon.
fn filter_name(word: &str) -> Option<&str> {
    let (name, _) = word.split_once(':')?;
    (!name.is_empty() && name.chars().all(char::is_alphabetic)).then_some(name)
}

/// The text between the quote at byte `open` and the next quote, and the
/// byte after the closing quote.
fn quoted(
    query: &str,
    open: usize,
    column: impl Fn(usize) -> usize,
) -> Result<(&str, usize), QueryError> {
    let start = open + 1;
    match query[start..].find('"') {
        Some(n) => Ok((&query[start..start + n], start + n + 1)),
        None => Err(QueryError {
            column: column(open),
            problem: Problem::Unbalanced,
        }),
    }
}

fn make_filter(field: usize, value: &str, column: usize) -> Result<Filter, Problem> {
    let name = FIELDS[field];
    Ok(match name {
        "author" => Filter::Author(Term::new(value, false, column)),
        "ministry" => Filter::Ministry(Term::new(value, false, column)),
        "group" => Filter::Group(Term::new(value, false, column)),
        "status" => Filter::Status(
            Status::ALL
                .into_iter()
                .find(|s| s.as_str().eq_ignore_ascii_case(value))
                .ok_or_else(|| Problem::NoStatus(value.to_owned()))?,
        ),
        "late" => match value.to_ascii_lowercase().as_str() {
            "yes" => Filter::Late(true),
            "no" => Filter::Late(false),
            _ => return Err(Problem::BadLate(value.to_owned())),
        },
        "after" => Filter::After(date(value)?),
        _ => Filter::Before(date(value)?),
    })
}

/// A `YYYY-MM-DD` day that exists.
fn date(value: &str) -> Result<NaiveDate, Problem> {
    let bytes = value.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let number =
        |range: std::ops::Range<usize>| value.get(range).and_then(|s| s.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day), true) =
        (number(0..4), number(5..7), number(8..10), shape)
    else {
        return Err(Problem::MalformedDate(value.to_owned()));
    };
    let year = i32::try_from(year).map_err(|_| Problem::MalformedDate(value.to_owned()))?;
    if !(1..=12).contains(&month) {
        return Err(Problem::NoMonth(value.to_owned(), month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
            .and_then(|next| next.pred_opt())
            .map_or(31, |last| chrono::Datelike::day(&last));
        Problem::NoDay(value.to_owned(), format!("{year}-{month:02}"), days)
    })
}

#[cfg(test)]
mod tests;
