//! Quotations: a passage of a question or an answer with the reference that
//! lets a reader find it in the Journal officiel.
//!
//! The reader copies them to the clipboard and appends them to a quote
//! file; `reponses quote` prints them. All three need the same text, so it
//! is built here, without any terminal type. The passage keeps the
//! document's own characters (non-breaking spaces in "n° 78-17" or
//! "« augmentées »" are typography, not noise); only layout whitespace is
//! tidied, and paragraphs survive for formats that can show them.
//!
//! A quote never carries a control character, an escape sequence or a
//! bidi control, wherever it goes (terminal, clipboard, quote file): they
//! are taken out of the passage and the citation, and counted
//! ([`Quote::removed`]) so that the user is told.

mod citation;
pub mod template;

use std::ops::Range;

pub use citation::{citation, citation_counted, number_phrase};

pub use crate::model::PartKind;
use crate::model::Record;

/// A passage and its citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The passage: whitespace tidied, paragraphs separated by one blank
    /// line ("\n\n").
    pub text: String,
    /// "Question écrite n° … de …, JO Sénat du …, p. …" or "Réponse du …".
    pub citation: String,
    /// Control characters, escape sequences and bidi controls taken out of
    /// the passage and the citation.
    pub removed: usize,
    /// The citation's "n° 5268" and the question's public page: the
    /// Markdown form links one to the other. `None` without a page.
    pub link: Option<Link>,
    /// The Markdown citation of a configured template, used as it is.
    pub markdown_citation: Option<String>,
}

/// The citation templates of the configuration; `None` keeps the built-in
/// citation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    pub question: Option<template::Template>,
    pub answer: Option<template::Template>,
    pub question_markdown: Option<template::Template>,
    pub answer_markdown: Option<template::Template>,
}

/// A piece of the citation and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// How a quotation is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `« passage » — citation`, on one line.
    Text,
    /// A block quote, one `> ` line per paragraph, then the citation as its
    /// last line: `> — citation`.
    Markdown,
}

/// Quotes `text`, a passage of `part` of `record`, with the built-in
/// citation.
pub fn quote(record: &Record, part: PartKind, text: &str) -> Quote {
    quote_with(record, part, text, &Templates::default())
}

/// Quotes `text`, a passage of `part` of `record`, its citation from
/// `templates` where they give one.
pub fn quote_with(record: &Record, part: PartKind, text: &str, templates: &Templates) -> Quote {
    let (text, in_text) = crate::text::sanitize::strip_controls(text);
    let (text_template, markdown_template) = match part {
        PartKind::Question => (&templates.question, &templates.question_markdown),
        PartKind::Answer => (&templates.answer, &templates.answer_markdown),
    };
    let (mut citation, mut in_citation) = citation_counted(record, part);
    if let Some(template) = text_template {
        citation = template.render(record, part, false);
        in_citation = citation_counted(record, part).1;
    }
    let markdown_citation = markdown_template
        .as_ref()
        .map(|template| template.render(record, part, true));
    Quote {
        text: balance(tidy(&text)),
        citation,
        removed: in_text + in_citation,
        // A configured citation says itself where it links.
        link: if text_template.is_some() {
            None
        } else {
            link(record)
        },
        markdown_citation,
    }
}

/// Whether a Markdown link can hold `url` as it is.
fn plain_url(url: &str) -> bool {
    url.starts_with("https://")
        && url
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '\\'))
}

/// The record's page, linked from its number, when the URL is one a
/// Markdown link can hold as it is.
fn link(record: &Record) -> Option<Link> {
    let url = record.url.as_deref()?;
    if !plain_url(url) {
        return None;
    }
    Some(Link {
        text: number_phrase(record)?,
        url: url.to_owned(),
    })
}

/// Closes what a passage leaves open: a selection that stops inside a
/// quotation (« sauf à ce que … with its » in the next sentence) ends with
/// ` […] »`, one » per guillemet left open, and one that starts inside one
/// opens with `« […] `; so a pasted quote is always balanced, and says
/// where it was cut.
fn balance(text: String) -> String {
    let (mut open, mut unopened) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '«' => open += 1,
            '»' if open > 0 => open -= 1,
            '»' => unopened += 1,
            _ => {}
        }
    }
    if open == 0 && unopened == 0 {
        return text;
    }
    let mut out = "« […] ".repeat(unopened);
    out.push_str(&text);
    if open > 0 {
        out.push_str(" […]");
        out.push_str(&" »".repeat(open));
    }
    out
}

/// The byte range covering `count` sentences from sentence `first`, as
/// given by [`crate::text::sentence::sentences`]. A count running past the
/// end stops at the last sentence; `None` when `first` is past the end or
/// `count` is zero.
pub fn select(sentences: &[Range<usize>], first: usize, count: usize) -> Option<Range<usize>> {
    if count == 0 {
        return None;
    }
    let start = sentences.get(first)?.start;
    let last = first.saturating_add(count - 1).min(sentences.len() - 1);
    Some(start..sentences[last].end)
}

impl Quote {
    /// The quotation in `format`, without a final line break.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => {
                let text = self.paragraphs().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    format!("« » — {}", self.citation)
                } else {
                    format!("« {text} » — {}", self.citation)
                }
            }
            Format::Markdown => {
                let mut lines: Vec<String> = Vec::new();
                for paragraph in self.paragraphs() {
                    if !lines.is_empty() {
                        lines.push(">".to_owned());
                    }
                    lines.push(format!("> {}", markdown_line(paragraph)));
                }
                if !lines.is_empty() {
                    lines.push(">".to_owned());
                }
                let mut citation = markdown_inline(&self.citation);
                if let Some(configured) = &self.markdown_citation {
                    citation = configured.clone();
                } else if let Some(link) = &self.link {
                    let text = markdown_inline(&link.text);
                    if let Some(at) = citation.find(&text) {
                        let linked = format!("[{text}]({})", link.url);
                        citation.replace_range(at..at + text.len(), &linked);
                    }
                }
                lines.push(format!("> — {citation}"));
                lines.join("\n")
            }
        }
    }

    fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split("\n\n").filter(|p| !p.is_empty())
    }
}

/// The passage as it will be quoted.
///
/// Within a paragraph, each run of whitespace becomes one character: a
/// space if the run holds a line break (a hand-wrapped line) or no
/// non-breaking space, else the run's first non-breaking space (U+00A0 or
/// U+202F), which the text chose on purpose ("n°\u{a0}78-17", "4,2\u{202f}%").
/// Paragraphs (split by blank lines) are kept, trimmed, one blank line
/// apart. Control characters are gone already
/// ([`crate::text::sanitize::strip_controls`]); one left would become
/// U+FFFD.
fn tidy(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
        .iter()
        .map(|p| collapse(p.trim()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One paragraph with its whitespace runs collapsed; see [`tidy`].
fn collapse(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut run: Option<(bool, Option<char>)> = None; // (line break seen, first NBSP)
    for c in paragraph.chars() {
        if c.is_whitespace() {
            let (breaks, nbsp) = run.get_or_insert((false, None));
            *breaks |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
            if nbsp.is_none() && matches!(c, '\u{a0}' | '\u{202f}') {
                *nbsp = Some(c);
            }
            continue;
        }
        if let Some((breaks, nbsp)) = run.take() {
            out.push(if breaks { ' ' } else { nbsp.unwrap_or(' ') });
        }
        out.push(if c.is_control() { '\u{fffd}' } else { c });
    }
    out
}

/// A paragraph as a Markdown line: inline markup escaped, and a line start
/// that Markdown would read as a heading, list or quote escaped too.
fn markdown_line(paragraph: &str) -> String {
    let escaped = markdown_inline(paragraph);
    let digits = escaped.len()
        - escaped
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let rest = &escaped[digits..];
    let list_number = digits > 0 && (rest.starts_with(". ") || rest.starts_with(") "));
    if list_number {
        return format!("{}\\{}", &escaped[..digits], rest);
    }
    if escaped.starts_with(['#', '>', '=', '+', '-']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// Escapes the characters Markdown reads as inline markup.
fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
