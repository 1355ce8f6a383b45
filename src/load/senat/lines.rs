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

use super::message::{self, Furniture};
use crate::model::Kind;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::{char, digit1},
    combinator::{cut, eof, opt},
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

/// What the grammar's `context`s say a broken header lacks, as the
/// diagnostic names it: `None` for nothing more precise than a whole
/// header.
pub fn expected(what: &str) -> Option<message::Expected> {
    use message::Expected as E;
    Some(match what {
        NAMES_THEN_AFFILIATION => E::NamesThenAffiliation,
        NAMES => E::Names,
        CLOSING_PARENTHESIS => E::ClosingParenthesis,
        PUBLISHED_ON => E::PublishedOn,
        DATE => E::Date,
        END_OF_LINE => E::EndOfLine,
        _ => return None,
    })
}

const NAMES_THEN_AFFILIATION: &str = "the names, then the affiliation";
const NAMES: &str = "the names";
const CLOSING_PARENTHESIS: &str = "the closing parenthesis";
const PUBLISHED_ON: &str = "\"publiée le\"";
const DATE: &str = "a date";
const END_OF_LINE: &str = "the end of the line";

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
    /// "Question écrite n° 05589 - 16e législature" (also "orale", "d'actualité
    /// au gouvernement").
    Number {
        number: &'a str,
        legislature: Option<&'a str>,
        kind: Kind,
    },
    Header(Header<'a>),
    /// "- page 5538".
    Page(&'a str),
    /// "Transmise au Ministère de …", "Transmise au ministère : Équipement".
    Transmitted(&'a str),
    /// "En attente de réponse du Ministère de ….".
    Awaiting(&'a str),
    Lapsed,
    /// "La question a été retirée pour cause de décès.": the reason, if
    /// the line gives one.
    Withdrawn(Option<&'a str>),
    /// "Réponse du … publiée le …".
    Answer {
        ministry: Option<&'a str>,
        date: Option<RawDate<'a>>,
    },
    /// "Réponse apportée en séance publique le dd/mm/yyyy": under an
    /// answer header, the sitting where it was given; alone, an oral
    /// answer. A date that cannot be read is where reading stopped.
    Session(Result<RawDate<'a>, &'a str>),
    /// "Erratum : JO du 04/10/1984 p.2231".
    Erratum(Erratum<'a>),
    /// "Le texte de cette question n'est pas disponible en format
    /// numérique.": the notice, trimmed.
    NotDigitised(&'a str),
    /// "Page mise à jour le [date]": the end of a page; `cut` when it
    /// stops short of its "le" or inside its date.
    Footer {
        cut: bool,
    },
    /// A line shaped like page furniture that is not any of it ("- page"
    /// without a number, "Page mise …"): what it looks like.
    Unplaced(Furniture),
    Text(&'a str),
}

/// An erratum line, read as far as it could be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erratum<'a> {
    pub date: Option<RawDate<'a>>,
    pub page: Option<&'a str>,
    /// Where the line stopped making sense, if it did.
    pub unread: Option<&'a str>,
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
    const STARTS: [&str; 12] = [
        "Question",
        "Réponse",
        "Transmise",
        "En attente",
        "Page mise",
        "La question",
        "Cette question",
        "Erratum",
        "Errata",
        "Le texte de cette",
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
        session,
        answer,
        prefixed(&["Transmise au ", "Transmise à la ", "Transmise à l'"])
            .map(|m| Line::Transmitted(old_layout_ministry(strip_period(m)))),
        prefixed(&[
            "En attente de réponse du ",
            "En attente de réponse de la ",
            "En attente de réponse de l'",
            "En attente de réponse des ",
        ])
        .map(|m| Line::Awaiting(old_layout_ministry(strip_period(m)))),
        footer,
        lapsed,
        withdrawn,
        erratum,
        not_digitised,
    ))
    .parse(trimmed);
    match parsed {
        Ok((_, line)) => Ok(line),
        Err(nom::Err::Failure(e)) => Err(e),
        Err(_) => Ok(unplaced(trimmed).map_or(Line::Text(trimmed), Line::Unplaced)),
    }
}

/// What a line that is not page furniture but looks like it resembles: a
/// "- page" with no number after it, a "Page mise …" that is not the
/// footer. A bullet ("- pages web", "- page d'accueil") is text.
fn unplaced(line: &str) -> Option<Furniture> {
    let page = ["- page", "– page", "-page", "–page"]
        .iter()
        .find_map(|p| line.strip_prefix(p));
    if let Some(rest) = page {
        let rest = rest.trim_start_matches(is_space);
        if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(Furniture::PageLine);
        }
    }
    line.starts_with("Page mise").then_some(Furniture::Footer)
}

/// Whether `line` (trimmed) is a beginning of the footer cut short
/// ("Page mise à", "Page mi"): a saved page that stops in its last line.
pub fn is_cut_footer(line: &str) -> bool {
    const FOOTER: &str = "Page mise à jour le";
    !line.is_empty() && line.len() < FOOTER.len() && FOOTER.starts_with(line)
}

/// The old layout names a ministry after "ministère :" ("Réponse du
/// ministère : Santé", "Transmise au ministère : Équipement"): the name.
fn old_layout_ministry(ministry: &str) -> &str {
    ["ministère :", "Ministère :", "ministère:", "Ministère:"]
        .iter()
        .find_map(|p| ministry.strip_prefix(p))
        .map_or(ministry, |m| m.trim_matches(is_space))
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
    let (i, names) = cut(context(NAMES_THEN_AFFILIATION, until(" ("))).parse(i)?;
    if names.trim().is_empty() {
        return Err(nom::Err::Failure(Expected { at: i, what: NAMES }));
    }
    let (i, _) = tag(" (").parse(i)?;
    let (i, affiliation) = cut(context(CLOSING_PARENTHESIS, until_last(")"))).parse(i)?;
    let (i, _) = tag(")").parse(i)?;
    let (i, _) = cut(context(PUBLISHED_ON, (space1, tag("publiée le")))).parse(i)?;
    let (i, date) = cut(context(DATE, preceded(space1, date))).parse(i)?;
    let (i, _) = cut(context(END_OF_LINE, (space0, eof))).parse(i)?;
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
    // "écrite", "orale (sans débat)", "d'actualité au gouvernement".
    let kind = match &i[..at] {
        k if k.starts_with("orale") => Kind::Oral,
        k if k.contains("actualité") || k.contains("gouvernement") => Kind::Government,
        _ => Kind::Written,
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
            kind,
        },
    ))
}

fn page(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = (alt((tag("-"), tag("–"))), space0, tag("page"), space1).parse(i)?;
    let (i, n) = digit1.parse(i)?;
    let (i, _) = (space0, eof).parse(i)?;
    Ok((i, Line::Page(n)))
}

/// "Réponse apportée en séance publique le dd/mm/yyyy". An unreadable
/// date costs the field, not the document: the sitting is a detail of the
/// answer, which the JO date dates.
fn session(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = (tag("Réponse"), space1, tag("apportée en séance publique")).parse(i)?;
    let after = (space1, tag("le"), space1).parse(i);
    let Ok((i, _)) = after else {
        return Ok(("", Line::Session(Err(i.trim_start_matches(is_space)))));
    };
    match (date, space0, opt(char('.')), space0, eof).parse(i) {
        Ok((i, (date, ..))) => Ok((i, Line::Session(Ok(date)))),
        Err(_) => Ok(("", Line::Session(Err(i)))),
    }
}

/// "Erratum : JO du 04/10/1984 p.2231" (also "p. 4319", "page 4319", a
/// comma before the page, a final period). Read as far as it goes: the
/// line is never text, whatever follows "Erratum".
fn erratum(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = (alt((tag("Erratum"), tag("Errata"))), space0).parse(i)?;
    // "Erratum :" or "Erratum JO du" says what the line is; "Errata
    // corrige" is a sentence.
    let (i, colon) = opt(char(':')).parse(i)?;
    if colon.is_none() && !i.starts_with("JO du") {
        return Err(nom::Err::Error(Expected { at: i, what: "" }));
    }
    let (i, _) = space0.parse(i)?;
    let mut erratum = Erratum {
        date: None,
        page: None,
        unread: None,
    };
    let Ok((i, _)) = (tag::<_, _, Expected<'_>>("JO du"), space1).parse(i) else {
        erratum.unread = Some(i);
        return Ok(("", Line::Erratum(erratum)));
    };
    let Ok((i, found)) = date(i) else {
        erratum.unread = Some(i);
        return Ok(("", Line::Erratum(erratum)));
    };
    erratum.date = Some(found);
    let page = (
        space0,
        opt(char(',')),
        space0,
        alt((tag("page"), tag("p."), tag("p"))),
        space0,
        digit1,
    )
        .map(|(.., n)| n);
    let (i, page) = opt(page).parse(i)?;
    erratum.page = page;
    let (i, _) = (space0, opt(char('.')), space0).parse(i)?;
    if !i.is_empty() {
        erratum.unread = Some(i);
    }
    Ok(("", Line::Erratum(erratum)))
}

/// "Le texte de cette question n'est pas disponible en format numérique."
/// (or "de cette réponse"), with a straight or a typographic apostrophe.
fn not_digitised(i: &str) -> Res<'_, Line<'_>> {
    let whole = i;
    let (i, _) = (
        tag("Le texte de cette"),
        space1,
        alt((tag("question"), tag("réponse"))),
        space1,
        alt((tag("n'est"), tag("n\u{2019}est"))),
        space1,
        tag("pas disponible en format numérique"),
        space0,
        opt(char('.')),
        space0,
        eof,
    )
        .parse(i)?;
    Ok((i, Line::NotDigitised(whole)))
}

fn answer(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = tag("Réponse ").parse(i)?;
    let (i, _) = alt((tag("du "), tag("de la "), tag("de l'"), tag("des "))).parse(i)?;
    // An answer header is recognised by its " publiée le" (text lines that
    // start with "Réponse du" exist); its date may be missing.
    let Some(at) = rfind_short(i, " publiée le") else {
        return Err(nom::Err::Error(Expected { at: i, what: "" }));
    };
    let ministry = old_layout_ministry(i[..at].trim());
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

/// "Page mise à jour le [date]"; a page saved without its date's "le"
/// ("Page mise à jour") ends it all the same.
fn footer(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = tag("Page mise à jour").parse(i)?;
    let rest = i.trim_matches(is_space);
    let cut = match rest.strip_prefix("le") {
        None => rest.is_empty() || rest == "l",
        Some(date) => {
            let date = date.trim_matches(is_space);
            !date.is_empty()
                && date.len() < "dd/mm/yyyy".len()
                && date.chars().all(|c| c.is_ascii_digit() || c == '/')
        }
    };
    Ok(("", Line::Footer { cut }))
}

fn lapsed(i: &str) -> Res<'_, Line<'_>> {
    alt((tag("La question est caduque"), tag("Question caduque")))
        .map(|_| Line::Lapsed)
        .parse(i)
}

/// "La question a été retirée pour cause de décès.": the reason is what
/// follows "pour cause de"; a date ("retirée le 01/02/2023") is none.
fn withdrawn(i: &str) -> Res<'_, Line<'_>> {
    let (i, _) = alt((
        tag("La question a été retirée"),
        tag("Cette question a été retirée"),
        tag("La question est retirée"),
        tag("Question retirée"),
    ))
    .parse(i)?;
    let rest = i.trim_matches(is_space);
    let reason = ["pour cause de ", "pour cause d'", "pour cause d\u{2019}"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .map(strip_period)
        .filter(|r| !r.is_empty());
    Ok(("", Line::Withdrawn(reason)))
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
        Err(_) => Err(nom::Err::Error(Expected { at: i, what: DATE })),
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
