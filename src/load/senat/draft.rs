//! A record being assembled from the lines of its page, and what becomes
//! of its texts: kept, dropped, or shown to a search's probe paragraph by
//! paragraph ([`Texts`]). The parser decides what each line is; a
//! [`Draft`] holds what the lines said until the record is built.

use std::cell::Cell;
use std::ops::Range;

use chrono::NaiveDate;

use super::lines::{self, Header};
use super::{addressee, names, record_id};
use crate::load::Texts;
use crate::model::{self, Answer, Erratum, Kind, Part, Record, Status};

/// Which text the next lines belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Question,
    Answer,
}

/// A record being assembled.
pub(super) struct Draft<'p> {
    pub(super) line: usize,
    pub(super) title: Option<String>,
    pub(super) number: Option<String>,
    pub(super) legislature: Option<u32>,
    /// Written unless the number line says oral or to the Government.
    pub(super) kind: Kind,
    /// The header, read into an author only when the record is built.
    pub(super) header: Header<'p>,
    pub(super) question: Part,
    pub(super) answer: Option<Answer>,
    pub(super) transmitted_to: Option<String>,
    pub(super) awaited: Option<String>,
    pub(super) marker: Option<Status>,
    /// "La question a été retirée pour cause de …": the cause.
    pub(super) withdrawn_reason: Option<String>,
    pub(super) errata: Vec<Erratum>,
    pub(super) section: Section,
    /// After a footer or a closing "- page N": text that follows may be the
    /// next page's title.
    pub(super) closed: bool,
    /// The page's footer was seen: nothing after it is the page's text.
    pub(super) footer: bool,
    /// Non-empty paragraphs of the question, counted even when texts are
    /// not kept.
    pub(super) question_paragraphs: usize,
    /// What becomes of the texts.
    pub(super) texts: Texts<'p>,
    /// The file, for the probe.
    pub(super) file: File<'p>,
    /// With [`Texts::Probe`]: the terms found so far, the paragraphs shown
    /// to the probe (shown again once the record is complete), and
    /// whether the answer has had a paragraph (the "Réponse. -" marker is
    /// stripped from its first one, as when texts are kept).
    pub(super) found: u64,
    pub(super) paragraphs: Vec<Shown>,
    pub(super) answer_started: bool,
    /// The terms found in the answer, apart: a second answer header
    /// replaces the answer, and what its first one held is forgotten; with
    /// where the answer's paragraphs start in `paragraphs`.
    pub(super) answer_found: u64,
    pub(super) answer_from: usize,
    /// Text lines seen while `closed`, with their line numbers.
    pub(super) tail: Vec<(usize, String)>,
}

thread_local! {
    /// With [`Texts::Probe`], the buffers the thread's last record gave
    /// back, for its next record, in this file or the next: a search goes
    /// through millions of records and keeps none.
    pub(super) static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

/// Buffers of [`Texts::Probe`] a record fills and the next reuses.
#[derive(Default)]
pub(super) struct Spare {
    /// The question's opening, for the display name.
    pub(super) opening: String,
    pub(super) paragraphs: Vec<Shown>,
}

impl Spare {
    /// Gives the buffers back, emptied, with the room they grew to.
    fn give_back(mut opening: String, mut paragraphs: Vec<Shown>) {
        opening.clear();
        paragraphs.clear();
        SPARE.set(Spare {
            opening,
            paragraphs,
        });
    }
}

/// The file being parsed, as [`Texts::Probe`] needs it: its text, to say
/// where a paragraph lies in it, and what the probe's sieve kept of it.
#[derive(Clone, Copy)]
pub(super) struct File<'a> {
    pub(super) text: &'a str,
    pub(super) sieved: &'a [Cell<usize>],
}

/// A paragraph shown to the probe: where it lies in the file, or a copy
/// when it is not a slice of the file's text.
pub(super) enum Shown {
    Span(Range<usize>),
    Copy(String),
}

impl File<'_> {
    /// Where `part` lies in the file's text, if it is a slice of it.
    fn span(&self, part: &str) -> Option<Range<usize>> {
        let start = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        (start <= self.text.len() && part.len() <= self.text.len() - start)
            .then(|| start..start + part.len())
    }
}

/// How much of the question the display name is looked for in
/// ([`names::refine_display_name`]): 200 characters, at most 800 bytes.
const NAME_WINDOW: usize = 800;

impl Draft<'_> {
    /// A new answer header: with [`Texts::Probe`], the answer so far is
    /// forgotten, as the parser replaces it when texts are kept.
    pub(super) fn restart_answer(&mut self) {
        self.answer_found = 0;
        self.answer_started = false;
        self.paragraphs.truncate(self.answer_from);
    }

    /// A structural line after text that looked like trailing: that text
    /// was part of the body after all.
    pub(super) fn reopen(&mut self) {
        let tail = std::mem::take(&mut self.tail);
        for (_, text) in tail {
            self.push_text(&text);
        }
        self.closed = false;
    }

    pub(super) fn push_text(&mut self, text: &str) {
        if !self.tail.is_empty() {
            self.reopen();
        }
        if self.section == Section::Question && !text.is_empty() {
            self.question_paragraphs += 1;
        }
        match self.texts {
            Texts::Keep => {}
            Texts::Drop => return,
            Texts::Probe(probe) => {
                let text = match self.section {
                    Section::Answer if !self.answer_started => strip_answer_marker(text),
                    _ => text,
                };
                if text.is_empty() {
                    return;
                }
                let span = self.file.span(text);
                let found = probe.paragraph(
                    self.file.sieved,
                    self.file.text,
                    text,
                    span.clone(),
                    self.found | self.answer_found,
                );
                match self.section {
                    Section::Question => self.found |= found,
                    Section::Answer => self.answer_found |= found,
                }
                self.paragraphs.push(match span {
                    Some(span) => Shown::Span(span),
                    None => Shown::Copy(text.to_owned()),
                });
                match self.section {
                    Section::Answer => self.answer_started = true,
                    Section::Question if self.question.text.len() < NAME_WINDOW => {
                        let room = NAME_WINDOW - self.question.text.len();
                        let opening = &text[..crate::text::floor_boundary(text, room)];
                        push_paragraph(&mut self.question.text, opening);
                    }
                    Section::Question => {}
                }
                return;
            }
        }
        match self.section {
            Section::Question => push_paragraph(&mut self.question.text, text),
            Section::Answer => {
                if let Some(answer) = self.answer.as_mut() {
                    let text = if answer.text.is_empty() {
                        strip_answer_marker(text)
                    } else {
                        text
                    };
                    push_paragraph(&mut answer.text, text);
                }
            }
        }
    }

    /// "Le texte de cette question n'est pas disponible en format
    /// numérique.": the part's text is that notice, shown as such, never
    /// searched: the probe does not see it.
    pub(super) fn push_notice(&mut self, notice: &str) {
        if !self.tail.is_empty() {
            self.reopen();
        }
        match self.section {
            Section::Question => {
                self.question_paragraphs += 1;
                self.question.digitised = false;
                if let Texts::Keep = self.texts {
                    push_paragraph(&mut self.question.text, notice);
                }
            }
            Section::Answer => {
                if let Some(answer) = self.answer.as_mut() {
                    answer.digitised = false;
                    if let Texts::Keep = self.texts {
                        push_paragraph(&mut answer.text, notice);
                    }
                }
            }
        }
    }

    /// The record, whether its question has any text, and the terms the
    /// probe found in its texts; with [`Texts::Probe`], the buffers go back
    /// to [`SPARE`].
    pub(super) fn into_record(mut self, source: &str, today: NaiveDate) -> (Record, bool, u64) {
        // Text after the last closing line that no next page claimed is the
        // end of the body.
        self.closed = false;
        let tail = std::mem::take(&mut self.tail);
        for (_, text) in tail {
            self.push_text(&text);
        }
        if let Texts::Probe(probe) = self.texts {
            self.found |= self.answer_found;
            let file = self.file.text;
            let mut paragraphs = self.paragraphs.iter().map(|shown| match shown {
                Shown::Span(span) => &file[span.clone()],
                Shown::Copy(copy) => copy.as_str(),
            });
            self.found |= probe.record(self.file.sieved, &mut paragraphs, self.found);
            if probe.settles(self.found) {
                Spare::give_back(
                    std::mem::take(&mut self.question.text),
                    std::mem::take(&mut self.paragraphs),
                );
                return (
                    settled(source, self.line),
                    self.question_paragraphs > 0,
                    self.found,
                );
            }
        }
        // Texts grew by doubling; a corpus keeps them for the whole session,
        // so give back the slack (a third of the memory, on average).
        self.question.text.shrink_to_fit();
        if let Some(answer) = self.answer.as_mut() {
            answer.text.shrink_to_fit();
        }
        let status = if self.answer.is_some() {
            Status::Answered
        } else {
            self.marker.unwrap_or(Status::Awaiting)
        };
        // The opening names the addressee; texts never digitised have none
        // (and `check` keeps no text to look in).
        let addressed_to = match self.texts {
            Texts::Keep | Texts::Probe(_) if self.question.digitised => {
                addressee::addressee(&self.question.text).map(str::to_owned)
            }
            _ => None,
        };
        let ministry = self
            .answer
            .as_ref()
            .and_then(|a| a.ministry.clone())
            .or_else(|| self.awaited.clone())
            .or_else(|| self.transmitted_to.clone())
            .or_else(|| addressed_to.clone());
        let answered = self.answer.as_ref().and_then(|a| a.date);
        let delay_days = model::delay(self.question.date, answered);
        let late = model::lateness(status, self.question.date, answered, today);
        let mut author = names::author(&self.header);
        match self.texts {
            Texts::Keep => names::refine_display_name(&mut author, &self.question.text),
            Texts::Probe(_) => {
                // Only its opening was kept, for the name.
                names::refine_display_name(&mut author, &self.question.text);
                Spare::give_back(
                    std::mem::take(&mut self.question.text),
                    std::mem::take(&mut self.paragraphs),
                );
            }
            Texts::Drop => {}
        }
        let record = Record {
            id: record_id(source, self.line),
            source: source.to_owned(),
            line: self.line,
            kind: self.kind,
            title: self.title,
            number: self.number,
            legislature: self.legislature,
            author,
            question: self.question,
            transmitted_to: self.transmitted_to,
            answer: self.answer,
            errata: self.errata,
            status,
            withdrawn_reason: self
                .withdrawn_reason
                .filter(|_| status == Status::Withdrawn),
            ministry,
            addressed_to,
            delay_days,
            late,
            ..Record::default()
        };
        (record, self.question_paragraphs > 0, self.found)
    }
}

/// A record the probe settled from its texts ([`super::Probe::settles`]):
/// only where it is, since nothing else of it will be looked at. Building
/// the rest (the author's names, the ministries, the id) was a fifth of
/// `search -l`'s time.
fn settled(source: &str, line: usize) -> Record {
    Record {
        source: source.to_owned(),
        line,
        ..Record::default()
    }
}

/// Appends a paragraph, one blank line after the previous one. Texts are
/// built in place: a corpus of 100,000 pages has millions of paragraphs.
fn push_paragraph(text: &mut String, paragraph: &str) {
    if paragraph.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(paragraph);
}

/// Old pages open the answer with a typographic "Réponse. -".
fn strip_answer_marker(text: &str) -> &str {
    for marker in ["Réponse. -", "Réponse. –", "Réponse.-", "Réponse. —"] {
        if let Some(rest) = text.strip_prefix(marker) {
            return rest.trim_start_matches(lines::is_space);
        }
    }
    text
}
