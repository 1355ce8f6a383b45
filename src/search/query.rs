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
//! - `answer-after:D` and `answer-before:D` compare the answer's JO date
//!   the same way; `answered:yes|no` is the status being answered or not.
//! - `delay:>60`, `delay:<=30` (also `<`, `>=`, `=`, or a bare number)
//!   compare the days a question waited: an answered one's delay, an
//!   awaiting one's days so far, counted to the day the corpus was loaded
//!   with ([`crate::model::waited_days`]). A lapsed or withdrawn question,
//!   or one with an unknown date, has no delay and passes no delay filter.
//! - `number:05589` is the question number as printed, leading zeros
//!   aside: `number:5589` finds n° 05589, as a user expects; letters
//!   ignore case (`0827s` is `0827S`).
//! - `author:=`, `ministry:=`, `group:=` ask for the whole field: the
//!   display name, the ministry that must answer, the group, equal to the
//!   value once both are folded (case, accents and whitespace aside).
//!   `ministry:="Ministère de la culture"` is not "… de la culture et de la
//!   communication", and `ministry:=""` finds the records with no
//!   ministry. The statistics view filters to one of its rows so.
//! - A `-` before a word, a quoted phrase or a filter excludes what it
//!   would match: `cnil -caméras`, `-"cadre juridique"`, `-status:answered`
//!   (and `-delay:>60` keeps the records with no delay). Only a `-` that
//!   starts a word and is followed by a letter or a quote negates: a lone
//!   `-`, `-12`, `--` and `78-17` are words to find.
//! - `family:ID` keeps the answers of one family of reused answers (ID is
//!   its key, the id of its earliest answer, as `reponses families` and the
//!   reader's `=` give it); `reused:yes|no` the answers that belong to a
//!   family of two or more, or not. Both need the families computed over
//!   the records loaded ([`crate::families`]): before that, no record is
//!   in a family.
//! - A word is a filter when the part before its first `:` is made of
//!   letters; an unknown name there is an error rather than a silent search
//!   (a typo like `autor:` would otherwise find nothing and say nothing).
//!   A name of letters joined by hyphens is a filter when it is a known one
//!   (`answer-after:`) or starts like one (`answer-afer:` is a typo, an
//!   error); any other (`outre-mer:`) is a word. `10:30` is a plain word,
//!   and a quoted phrase never holds filters (`"http://x"`).
//!
//! Errors carry the 1-based column, in characters, of what is wrong, so the
//! search bar can point at it. The parser never panics, whatever it is given.

use chrono::NaiveDate;

use crate::model::{Chamber, Kind, Status};
use crate::text::fold::FoldOptions;

/// A query, parsed: the words and phrases that must all occur, those that
/// must not, and the filters that must all hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    pub terms: Vec<Term>,
    /// `-word`, `-"a phrase"`: none may occur. Apart from `terms`, so that
    /// what looks for words to find (a file's sieve, highlights) never
    /// takes them for some.
    pub excluded: Vec<Term>,
    pub filters: Vec<Filter>,
}

impl ParsedQuery {
    /// Whether the query holds neither term nor filter: it matches anything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.excluded.is_empty() && self.filters.is_empty()
    }

    /// Whether a filter asks about families (`family:`, `reused:`, or
    /// their negation): only known once every record is fingerprinted.
    pub fn needs_families(&self) -> bool {
        self.filters.iter().any(Filter::about_families)
    }

    /// The query without its family filters, and those filters alone: a
    /// command tests the first while it reads the texts, and the second
    /// once the families are known.
    pub fn split_families(&self) -> (ParsedQuery, ParsedQuery) {
        let (families, rest): (Vec<Filter>, Vec<Filter>) = self
            .filters
            .iter()
            .cloned()
            .partition(Filter::about_families);
        (
            ParsedQuery {
                filters: rest,
                ..self.clone()
            },
            ParsedQuery {
                filters: families,
                ..ParsedQuery::default()
            },
        )
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
            ..ParsedQuery::default()
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
    /// `author:=`: the display name is this one, folded; `""` for none.
    AuthorIs(String),
    /// `ministry:=`: the ministry that must answer (`ministry` in JSON) is
    /// this one, folded; `""` for none.
    MinistryIs(String),
    /// `group:=`: the group is this one, folded; `""` for none.
    GroupIs(String),
    Status(Status),
    /// `late:yes` / `late:no`; an unknown lateness matches neither.
    Late(bool),
    /// The question's date is after this day (strictly).
    After(NaiveDate),
    /// The question's date is before this day (strictly).
    Before(NaiveDate),
    /// `answered:yes` / `answered:no`: the status is answered, or not.
    Answered(bool),
    /// The answer's date is after this day (strictly); no answer, no date.
    AnswerAfter(NaiveDate),
    /// The answer's date is before this day (strictly).
    AnswerBefore(NaiveDate),
    /// The days waited compare so ([`crate::model::waited_days`]).
    Delay(Comparison),
    /// The question number, as typed: see [`significant`].
    Number(String),
    /// `chamber:an`, `chamber:senat`.
    Chamber(Chamber),
    /// `kind:written`, `kind:government`, `kind:oral`.
    Kind(Kind),
    /// `family:ID`: the answer belongs to the family of reused answers
    /// whose key is ID ([`crate::families`]).
    Family(String),
    /// `reused:yes|no`: the answer belongs to a family of two or more.
    Reused(bool),
    /// `-field:value`: the filter does not hold.
    Not(Box<Filter>),
}

impl Filter {
    /// `family:`, `reused:`, or one of them negated.
    pub fn about_families(&self) -> bool {
        match self {
            Filter::Family(_) | Filter::Reused(_) => true,
            Filter::Not(filter) => filter.about_families(),
            _ => false,
        }
    }
}

mod error;
mod values;

pub use error::{Problem, QueryError};
pub use values::{Comparison, Op, significant};

/// The filter names, in the order messages list them.
pub const FIELDS: [&str; 16] = [
    "author",
    "ministry",
    "group",
    "status",
    "late",
    "after",
    "before",
    "answered",
    "answer-after",
    "answer-before",
    "delay",
    "number",
    "chamber",
    "kind",
    "family",
    "reused",
];

/// The filters whose value `=` makes exact: the short text fields.
const EXACT: [&str; 3] = ["author", "ministry", "group"];

/// Parses a query.
///
/// # Errors
/// A [`QueryError`] for an unbalanced quote, an unknown filter, an empty
/// filter value, a status, lateness, delay or number that does not exist,
/// a malformed or impossible date.
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
        // A `-` then a letter or a quote: what follows is excluded.
        let negated = c == '-'
            && query[i + 1..]
                .chars()
                .next()
                .is_some_and(|next| next.is_alphabetic() || next == '"');
        let start = i + usize::from(negated);
        let terms = if negated {
            &mut parsed.excluded
        } else {
            &mut parsed.terms
        };
        if query[start..].starts_with('"') {
            let (inner, next) = quoted(query, start, column)?;
            let phrase = inner.trim();
            if !phrase.is_empty() {
                let at = start + 1 + (inner.len() - inner.trim_start().len());
                terms.push(Term::new(phrase, true, column(at)));
            }
            i = next;
            continue;
        }
        let end = query[start..]
            .find(|c: char| c.is_whitespace() || c == '"')
            .map_or(query.len(), |n| start + n);
        let word = &query[start..end];
        let (name, field) = match field_of(word) {
            Name::Word => {
                terms.push(Term::new(word, false, column(start)));
                i = end;
                continue;
            }
            Name::Unknown(name) => {
                return Err(QueryError {
                    column: column(start),
                    problem: Problem::UnknownFilter {
                        name: name.to_owned(),
                        word: word.to_owned(),
                    },
                });
            }
            Name::Field(name, field) => (name, field),
        };
        let mut value_start = start + name.len() + 1;
        let exact = EXACT.contains(&FIELDS[field]) && query[value_start..].starts_with('=');
        value_start += usize::from(exact);
        let quotes = value_start == end && query[end..].starts_with('"');
        let (value, value_at, next) = if quotes {
            let (inner, next) = quoted(query, end, column)?;
            let at = end + 1 + (inner.len() - inner.trim_start().len());
            (inner.trim(), at, next)
        } else {
            (&query[value_start..end], value_start, end)
        };
        // `ministry:=""` is a value: no ministry.
        if value.is_empty() && !(exact && quotes) {
            return Err(QueryError {
                column: column(start),
                problem: Problem::EmptyValue(field),
            });
        }
        let filter =
            values::filter(field, value, exact, column(value_at)).map_err(|(problem, at)| {
                QueryError {
                    column: column(value_at + at),
                    problem,
                }
            })?;
        parsed.filters.push(if negated {
            Filter::Not(Box::new(filter))
        } else {
            filter
        });
        i = next;
    }
    // A word typed twice is looked for once: pasted paragraphs repeat
    // "de", "la", "le" dozens of times.
    for terms in [&mut parsed.terms, &mut parsed.excluded] {
        let mut seen = std::collections::HashSet::new();
        terms.retain(|term| seen.insert((term.text.clone(), term.phrase)));
    }
    Ok(parsed)
}

/// The longest query [`parse`] takes, in bytes: 16 KB, a few pages of
/// pasted text. Each word costs a compiled pattern; a longer query is
/// refused at once rather than compiled for seconds.
pub const MAX_BYTES: usize = 16 * 1024;

/// What the part of a word before its first colon makes of it.
enum Name<'a> {
    /// No filter: a word to find.
    Word,
    /// A filter name that is no filter's.
    Unknown(&'a str),
    /// The name as typed, and its index in [`FIELDS`].
    Field(&'a str, usize),
}

/// Whether `word` is a filter, and which: see the module's documentation.
fn field_of(word: &str) -> Name<'_> {
    let Some((name, _)) = word.split_once(':') else {
        return Name::Word;
    };
    let known = FIELDS.iter().position(|f| f.eq_ignore_ascii_case(name));
    let mut segments = name.split('-');
    let letters = |segment: &str| !segment.is_empty() && segment.chars().all(char::is_alphabetic);
    if !segments.clone().all(letters) {
        return Name::Word;
    }
    match known {
        Some(field) => Name::Field(name, field),
        None if !name.contains('-') => Name::Unknown(name),
        None => {
            let first = segments.next().unwrap_or_default();
            let like_a_field = FIELDS.iter().any(|f| {
                f.split_once('-')
                    .is_some_and(|(head, _)| head.eq_ignore_ascii_case(first))
            });
            if like_a_field {
                Name::Unknown(name)
            } else {
                Name::Word
            }
        }
    }
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

#[cfg(test)]
mod tests;
