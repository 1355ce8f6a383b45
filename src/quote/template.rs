//! Citation templates from the user's configuration: a newsroom or a law
//! review has its own house style ("Rép. min. n° 5268, JOAN 12/03/2024,
//! p. 2041"), and the citation is what gets pasted.
//!
//! A template is text with named fields, `{author}`, `{date}`, …
//! ([`FIELDS`]). A part in `{[ … ]}` is optional: it is left out, with its
//! punctuation, when a field in it has no value, so a template never prints
//! "n° ," for a record without a number. `{{` and `}}` are braces.
//!
//! Field values are cleaned as the built-in citation cleans them; in a
//! Markdown template they are escaped, while the template's own text is
//! kept as written, so it may hold links: `[n° {number}]({url})`.

use super::PartKind;
use crate::i18n::{Lang, fill};
use crate::model::{Chamber, Kind, Record};

/// The fields a template may name, with what they hold.
pub const FIELDS: &[(&str, &str)] = &[
    ("kind", "écrite, orale, au Gouvernement"),
    ("number", "the question's number: 05589"),
    ("author", "civility and name: Mme Catherine Di Folco"),
    (
        "affiliation",
        "constituency and group: Rhône - Les Républicains",
    ),
    ("journal", "JO Sénat or JO AN"),
    (
        "date",
        "the part's date in the Journal officiel: 02/03/2023",
    ),
    ("page", "the part's page in the Journal officiel"),
    (
        "ministry",
        "the answering ministry (the one asked, for a question)",
    ),
    ("title", "the question's title"),
    ("legislature", "the legislature's number"),
    ("url", "the question's public page"),
];

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(&'static str),
    Optional(Vec<Piece>),
}

/// Why a template does not parse, and the byte offset in the template
/// where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub offset: usize,
    pub problem: TemplateProblem,
}

/// What is wrong in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    Nested,
    BraceNotClosed,
    UnknownField(String),
    BraceNotOpened,
    OptionalNotClosed,
}

impl TemplateError {
    /// The problem said in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.t();
        match &self.problem {
            TemplateProblem::Nested => t.tpl_nested.to_owned(),
            TemplateProblem::BraceNotClosed => t.tpl_brace_not_closed.to_owned(),
            TemplateProblem::UnknownField(name) => {
                let known: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
                fill(t.tpl_unknown_field, &[name, &known.join(", ")])
            }
            TemplateProblem::BraceNotOpened => t.tpl_brace_not_opened.to_owned(),
            TemplateProblem::OptionalNotClosed => t.tpl_optional_not_closed.to_owned(),
        }
    }
}

impl Template {
    /// Parses `source`.
    ///
    /// # Errors
    /// An unknown field, a brace or an optional part not closed, a nested
    /// optional part.
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        let mut stack: Vec<(usize, Vec<Piece>)> = vec![(0, Vec::new())];
        let mut text = String::new();
        let mut at = 0;
        let bytes = source.as_bytes();
        let flush = |text: &mut String, pieces: &mut Vec<Piece>| {
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(text)));
            }
        };
        while at < source.len() {
            let rest = &source[at..];
            if rest.starts_with("{{") || rest.starts_with("}}") {
                text.push(char::from(bytes[at]));
                at += 2;
            } else if rest.starts_with("{[") {
                if stack.len() > 1 {
                    return Err(error(at, TemplateProblem::Nested));
                }
                flush(&mut text, &mut stack.last_mut().expect("root").1);
                stack.push((at, Vec::new()));
                at += 2;
            } else if rest.starts_with("]}") && stack.len() > 1 {
                let (_, mut pieces) = stack.pop().expect("checked");
                flush(&mut text, &mut pieces);
                stack
                    .last_mut()
                    .expect("root")
                    .1
                    .push(Piece::Optional(pieces));
                at += 2;
            } else if rest.starts_with('{') {
                let Some(end) = rest.find('}') else {
                    return Err(error(at, TemplateProblem::BraceNotClosed));
                };
                let name = &rest[1..end];
                let Some(&(field, _)) = FIELDS.iter().find(|(f, _)| *f == name) else {
                    return Err(error(at, TemplateProblem::UnknownField(name.to_owned())));
                };
                flush(&mut text, &mut stack.last_mut().expect("root").1);
                stack.last_mut().expect("root").1.push(Piece::Field(field));
                at += end + 1;
            } else if rest.starts_with('}') {
                return Err(error(at, TemplateProblem::BraceNotOpened));
            } else {
                let c = rest.chars().next().expect("not at the end");
                text.push(c);
                at += c.len_utf8();
            }
        }
        if stack.len() > 1 {
            return Err(error(stack[1].0, TemplateProblem::OptionalNotClosed));
        }
        let (_, mut pieces) = stack.pop().expect("root");
        flush(&mut text, &mut pieces);
        Ok(Template { pieces })
    }

    /// The citation of `part` of `record`; `markdown` escapes the values.
    pub fn render(&self, record: &Record, part: PartKind, markdown: bool) -> String {
        let value = |field: &str| -> Option<String> {
            let value = field_value(record, part, field, markdown)?;
            Some(if markdown && field != "url" {
                super::markdown_inline(&value)
            } else {
                value
            })
        };
        let mut out = String::new();
        render_into(&self.pieces, &value, &mut out);
        // A missing value outside an optional part leaves its spaces.
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Renders `pieces`; false when a field had no value (the caller drops
/// an optional part then).
fn render_into(pieces: &[Piece], value: &dyn Fn(&str) -> Option<String>, out: &mut String) -> bool {
    let mut complete = true;
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(field) => match value(field) {
                Some(v) => out.push_str(&v),
                None => complete = false,
            },
            Piece::Optional(inner) => {
                let mut part = String::new();
                if render_into(inner, value, &mut part) {
                    out.push_str(&part);
                }
            }
        }
    }
    complete
}

fn error(offset: usize, problem: TemplateProblem) -> TemplateError {
    TemplateError { offset, problem }
}

/// The value of `field` for `part` of `record`, cleaned; `None` when the
/// record does not say.
fn field_value(record: &Record, part: PartKind, field: &str, markdown: bool) -> Option<String> {
    use super::citation::{affiliation, author, day, present};
    let answer = record.answer.as_ref();
    let (date, page) = match part {
        PartKind::Question => (record.question.date, record.question.page),
        PartKind::Answer => (answer?.date, answer?.page),
    };
    match field {
        "kind" => Some(
            match record.kind {
                Kind::Government if record.chamber == Chamber::Senat => {
                    "d'actualité au Gouvernement"
                }
                Kind::Government => "au Gouvernement",
                Kind::Oral => "orale",
                Kind::Written
                    if record
                        .number
                        .as_deref()
                        .is_some_and(|n| n.ends_with(['S', 's'])) =>
                {
                    "orale"
                }
                Kind::Written => "écrite",
            }
            .to_owned(),
        ),
        "number" => present(record.number.as_deref()),
        "author" => author(&record.author),
        "affiliation" => affiliation(&record.author),
        "journal" => Some(super::citation::journal_name(record).to_owned()),
        "date" => date.map(day),
        "page" => page.map(|p| p.to_string()),
        "ministry" => match part {
            PartKind::Answer => present(answer.and_then(|a| a.ministry.as_deref()))
                .or_else(|| present(record.ministry.as_deref())),
            PartKind::Question => present(record.addressed_to.as_deref())
                .or_else(|| present(record.ministry.as_deref())),
        },
        "title" => present(record.title.as_deref()),
        "legislature" => record.legislature.map(|l| l.to_string()),
        "url" => {
            let url = record.url.as_deref()?;
            // In Markdown, only an address a link can hold as it is.
            (!markdown || super::plain_url(url)).then(|| url.to_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_unbalanced_braces_are_located() {
        let e = Template::parse("Rép. {auteur}").unwrap_err();
        assert_eq!(e.offset, "Rép. ".len());
        let message = e.message(Lang::En);
        assert!(
            message.starts_with("unknown field {auteur} (known: kind, "),
            "{message}"
        );
        assert!(
            e.message(Lang::Fr)
                .starts_with("champ inconnu {auteur} (connus : kind, "),
            "{}",
            e.message(Lang::Fr)
        );
        assert_eq!(Template::parse("a {date").unwrap_err().offset, 2);
        assert_eq!(Template::parse("a } b").unwrap_err().offset, 2);
        assert_eq!(Template::parse("x {[ n° {number}").unwrap_err().offset, 2);
        assert!(Template::parse("{[ a {[ b ]} ]}").is_err());
        assert!(Template::parse("{{literal}} {[, p. {page}]}").is_ok());
    }
}
