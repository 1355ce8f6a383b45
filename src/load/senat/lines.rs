//! The nom grammar of one line of a senat.fr page.
//!
//! A page is line-oriented: every structural element (the "Question de"
//! header, the question number, "- page N", "Réponse du … publiée le …", the
//! footer) sits alone on its line, and everything else is text. So the
//! grammar classifies lines, and [`super`] assembles them into records.
//!
//! Once a line has shown what it is ("Question de M…", "Réponse du … publiée
//! le"), the rest is parsed under `cut`: a header cut short is an error at
//! the place where it stops, with what was expected there, not a line of
//! text. Errors carry the remaining input, so their column is computed once,
//! at the boundary, from its length.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{char, digit1},
    combinator::{cut, eof, opt, rest},
    error::{ContextError, ErrorKind, ParseError, context},
    sequence::preceded,
};

/// A parse failure: where (the input left at that point) and what was
/// expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected<'a> {
    pub at: &'a str,
    pub what: &'static str,
}

impl<'a> ParseError<&'a str> for Expected<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        Expected {
            at: input,
            what: "",
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// Of two failed branches, the one that got further explains more.
    fn or(self, other: Self) -> Self {
        if other.at.len() < self.at.len() {
            other
        } else {
            self
        }
    }
}

impl<'a> ContextError<&'a str> for Expected<'a> {
    /// The innermost context is the most precise: keep it.
    fn add_context(_input: &'a str, what: &'static str, other: Self) -> Self {
        if other.what.is_empty() {
            Expected { what, ..other }
        } else {
            other
        }
    }
}

type Res<'a, O> = IResult<&'a str, O, Expected<'a>>;

/// A date as printed, `dd/mm/yyyy`, not yet checked against the calendar:
/// 31/02/2023 is well formed and impossible, and only the field is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawDate<'a> {
    pub day: u32,
    pub month: u32,
    pub year: i32,
    /// The date's text, to locate a warning.
    pub at: &'a str,
}

/// The "Question de …" header, split but not yet interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    pub civility: &'a str,
    /// Every word between the civility and the parenthesis.
    pub names: &'a str,
    /// Inside the parentheses: "Rhône - GEST".
    pub affiliation: &'a str,
    pub date: RawDate<'a>,
}

/// What one line of a page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    /// "Question écrite n° 05589 - 16e législature".
    Number {
        number: &'a str,
        legislature: Option<&'a str>,
    },
    Header(Header<'a>),
    /// "- page 5538".
    Page(&'a str),
    /// "Transmise au Ministère de …".
    Transmitted(&'a str),
    /// "En attente de réponse du Ministère de ….".
    Awaiting(&'a str),
    Lapsed,
    Withdrawn,
    /// "Réponse du … publiée le …", or an oral answer "Réponse apportée en
    /// séance publique le …" (no ministry).
    Answer {
        ministry: Option<&'a str>,
        date: Option<RawDate<'a>>,
    },
    /// "Page mise à jour le [date]": the end of a page.
    Footer,
    Text(&'a str),
}

/// Classifies one line (without its `\n`).
///
/// # Errors
/// A line that starts like a header or an answer header and does not
/// finish like one.
pub fn line(input: &str) -> Result<Line<'_>, Expected<'_>> {
    let trimmed = input.trim_matches(is_space);
    if trimmed.is_empty() {
        return Ok(Line::Blank);
    }
    // Most lines are paragraphs; structural lines start with one of these
    // words, so the others need no grammar.
    const STARTS: [&str; 9] = [
        "Question",
        "Réponse",
        "Transmise",
        "En attente",
        "Page mise",
        "La question",
        "Cette question",
        "-",
        "–",
    ];
    if !STARTS.iter().any(|start| trimmed.starts_with(start)) {
        return Ok(Line::Text(trimmed));
    }
    let parsed = alt((
        header,
        number,
        page,
        answer,
        prefixed(&["Transmise au ", "Transmise à la ", "Transmise à l'"])
            .map(|m| Line::Transmitted(strip_period(m))),
        prefixed(&[
            "En attente de réponse du ",
            "En attente de réponse de la ",
            "En attente de réponse de l'",
            "En attente de réponse des ",
        ])
        .map(|m| Line::Awaiting(strip_period(m))),
        footer,
        lapsed,
        withdrawn,
    ))
    .parse(trimmed);
    match parsed {
        Ok((_, line)) => Ok(line),
        Err(nom::Err::Failure(e)) => Err(e),
        Err(_) => Ok(Line::Text(trimmed)),
    }
}

/// Spaces as people paste them: plain, tab, non-breaking and thin
/// non-breaking; and the byte-order mark, which `cat a.txt b.txt` leaves at
/// the start of the second page when both were saved with one.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{feff}')
}

/// One or more spaces, as [`is_space`] knows them: a copy from a web page
/// has no-break spaces after "M.", before dates and page numbers.
fn space1(i: &str) -> Res<'_, &str> {
    nom::bytes::complete::take_while1(is_space).parse(i)
}

/// Any number of spaces, as [`is_space`] knows them.
fn space0(i: &str) -> Res<'_, &str> {
    nom::bytes::complete::take_while(is_space).parse(i)
}

fn header(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = (tag("Question"), space1, tag("de"), space1).parse(i)?;
    let (i, civility) = alt((tag("Mme"), tag("Mlle"), tag("MM."), tag("M."))).parse(i)?;
    let (i, _) = space1.parse(i)?;
    // From here on this is a header, whole or broken.
    let (i, names) = cut(context(
        "the last and first names, then \" (constituency - group)\"",
        until(" ("),
    ))
    .parse(i)?;
    if names.trim().is_empty() {
        return Err(nom::Err::Failure(Expected {
            at: i,
            what: "the author's last and first names",
        }));
    }
    let (i, _) = tag(" (").parse(i)?;
    let (i, affiliation) = cut(context(
        "\")\" closing \"(constituency - group\"",
        until_last(")"),
    ))
    .parse(i)?;
    let (i, _) = tag(")").parse(i)?;
    let (i, _) = cut(context(
        "\" publiée le dd/mm/yyyy\"",
        (space1, tag("publiée le")),
    ))
    .parse(i)?;
    let (i, date) = cut(context("a date dd/mm/yyyy", preceded(space1, date))).parse(i)?;
    let (i, _) = cut(context("the end of the line after the date", (space0, eof))).parse(i)?;
    Ok((
        i,
        Line::Header(Header {
            civility,
            names: names.trim(),
            affiliation,
            date,
        }),
    ))
}

fn number(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = tag("Question ").parse(i)?;
    let Some(at) = find_short(i, " n") else {
        return Err(nom::Err::Error(Expected { at: i, what: "" }));
    };
    let i = &i[at..];
    let (i, _) = (tag(" n°"), nom::bytes::complete::take_while(is_space)).parse(i)?;
    let (i, number) =
        nom::bytes::complete::take_while1(|c: char| c.is_ascii_alphanumeric()).parse(i)?;
    let (i, legislature) = opt(preceded(
        (space1, alt((tag("-"), tag("–"))), space1),
        (
            digit1,
            alt((tag("ème"), tag("e"))),
            space1,
            tag("législature"),
        )
            .map(|(n, ..)| n),
    ))
    .parse(i)?;
    let (i, _) = (space0, eof).parse(i)?;
    Ok((
        i,
        Line::Number {
            number,
            legislature,
        },
    ))
}

fn page(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = (alt((tag("-"), tag("–"))), space0, tag("page"), space1).parse(i)?;
    let (i, n) = digit1.parse(i)?;
    let (i, _) = (space0, eof).parse(i)?;
    Ok((i, Line::Page(n)))
}

fn answer(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = tag("Réponse ").parse(i)?;
    if let Ok((i, _)) = tag::<_, _, Expected<'_>>("apportée en séance publique le ").parse(i) {
        let (i, date) = cut(date).parse(i)?;
        return Ok((
            i,
            Line::Answer {
                ministry: None,
                date: Some(date),
            },
        ));
    }
    let (i, _) = alt((tag("du "), tag("de la "), tag("de l'"), tag("des "))).parse(i)?;
    // An answer header is recognised by its " publiée le" (text lines that
    // start with "Réponse du" exist); its date may be missing.
    let Some(at) = rfind_short(i, " publiée le") else {
        return Err(nom::Err::Error(Expected { at: i, what: "" }));
    };
    let ministry = i[..at].trim();
    let ministry = ministry
        .strip_prefix("ministère :")
        .or_else(|| ministry.strip_prefix("Ministère :"))
        .map_or(ministry, str::trim);
    let after = &i[at + " publiée le".len()..];
    let date = if after.trim_matches(is_space).is_empty() {
        None
    } else {
        let (after, _) = space1.parse(after)?;
        let (_, date) = cut(date).parse(after)?;
        Some(date)
    };
    Ok((
        "",
        Line::Answer {
            ministry: (!ministry.is_empty()).then_some(ministry),
            date,
        },
    ))
}

fn footer(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = tag("Page mise à jour le").parse(i)?;
    let (i, _) = rest.parse(i)?;
    Ok((i, Line::Footer))
}

fn lapsed(i: &str) -> Res<'_, Line<'_>> {
    alt((tag("La question est caduque"), tag("Question caduque")))
        .map(|_| Line::Lapsed)
        .parse(i)
}

fn withdrawn(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = alt((
        tag("La question a été retirée"),
        tag("Cette question a été retirée"),
        tag("La question est retirée"),
        tag("Question retirée"),
    ))
    .parse(i)?;
    Ok((i, Line::Withdrawn))
}

/// `dd/mm/yyyy`, structurally only. A failure points at the date's start:
/// "10/11" is a date cut short, not a date followed by nothing.
fn date(i: &str) -> Res<'_, RawDate<'_>> {
    let two = || take_while_m_n(1, 2, |c: char| c.is_ascii_digit());
    let parsed: Res<'_, _> = (
        two(),
        char('/'),
        two(),
        char('/'),
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
    )
        .parse(i);
    match parsed {
        Ok((rest, (d, _, m, _, y))) => Ok((
            rest,
            RawDate {
                day: d.parse().unwrap_or(0),
                month: m.parse().unwrap_or(0),
                year: y.parse().unwrap_or(0),
                at: i,
            },
        )),
        Err(_) => Err(nom::Err::Error(Expected {
            at: i,
            what: "a date dd/mm/yyyy",
        })),
    }
}

/// Lines that start with one of `prefixes`: the rest of the line.
fn prefixed<'p>(
    prefixes: &'p [&'p str],
) -> impl Parser<&'p str, Output = &'p str, Error = Expected<'p>> + 'p {
    move |i: &'p str| {
        for p in prefixes {
            if let Some(rest) = i.strip_prefix(p) {
                return Ok(("", rest.trim()));
            }
        }
        Err(nom::Err::Error(Expected { at: i, what: "" }))
    }
}

/// Everything up to the first `delimiter`; a failure points at the end of
/// the line, where the delimiter was missed.
fn until<'a>(delimiter: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| match find_short(i, delimiter) {
        Some(at) => Ok((&i[at..], &i[..at])),
        None => Err(nom::Err::Error(Expected {
            at: &i[i.len()..],
            what: "",
        })),
    }
}

/// Everything up to the last `delimiter`.
fn until_last<'a>(delimiter: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| match rfind_short(i, delimiter) {
        Some(at) => Ok((&i[at..], &i[..at])),
        None => Err(nom::Err::Error(Expected {
            at: &i[i.len()..],
            what: "",
        })),
    }
}

/// Where `needle` (not empty) first occurs in `haystack`. For the short
/// delimiters of a header line, looked for in one line, setting up a
/// general substring search (the standard library's Two-Way, `memmem`)
/// costs more than the search itself; this is `memchr` on the first byte.
pub(super) fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let (bytes, (first, rest)) = (haystack.as_bytes(), needle.as_bytes().split_first()?);
    memchr::memchr_iter(*first, bytes).find(|&at| bytes[at + 1..].starts_with(rest))
}

/// Where `needle` (not empty) last occurs in `haystack`; see
/// [`find_short`].
pub(super) fn rfind_short(haystack: &str, needle: &str) -> Option<usize> {
    let (bytes, (first, rest)) = (haystack.as_bytes(), needle.as_bytes().split_first()?);
    memchr::memrchr_iter(*first, bytes).find(|&at| bytes[at + 1..].starts_with(rest))
}

fn strip_period(s: &str) -> &str {
    s.trim_end_matches(['.', ' ']).trim()
}

#[cfg(test)]
mod tests;
