//! The senat.fr page text (../../shared/DOMAIN.md): lines classified by the
//! private grammar in [`lines`], assembled here into records.
//!
//! A file may hold several pages pasted one after another; each "Question
//! de" header starts a record. What lies between the end of one page (its
//! footer or last "- page N") and the next header is that next page's title
//! and number. A broken header costs its own document only: lines up to the
//! next header are skipped and the rest of the file still loads.

mod derived;
mod lines;
mod names;

pub use derived::header_names;

use std::cell::Cell;
use std::ops::Range;

use chrono::NaiveDate;

use lines::{Expected, Header, Line, RawDate};

use super::{Diagnostic, Loaded, Severity, Texts};
use crate::model::{self, Answer, Part, Record, Status};

/// The most a text's buffer reserves at once. Under the allocator's mmap
/// threshold (128 KB): a file of 200,000 documents reserved 1 MB for each
/// text, each its own mapping even once shrunk, and the process ran out of
/// mappings (65,530) and aborted. Longer texts grow by doubling.
const RESERVE_AT_MOST: usize = 64 << 10;

/// Parses the decoded text of one file.
///
/// [`Texts::Drop`] checks the document without keeping its texts (the
/// records come back with empty texts and title-cased names, and the same
/// diagnostics): what `check` needs, at a fraction of the memory traffic.
/// [`Texts::Probe`] drops them too, after the probe has seen them; a file
/// its sieve rejects is not parsed.
pub fn parse(source: &str, text: &str, today: NaiveDate, texts: Texts<'_>) -> Loaded {
    let mut sieved = match texts {
        Texts::Probe(probe) => match probe.sieve(text) {
            Some(sieved) => sieved,
            None => return Loaded::default(),
        },
        Texts::Keep | Texts::Drop => Vec::new(),
    };
    let mut parser = Parser {
        source,
        today,
        out: Loaded::default(),
        current: None,
        preamble: Vec::new(),
        preamble_number: None,
        skipping: false,
        headers: 0,
        rest: 0,
        texts,
        file: File {
            text,
            sieved: Cell::from_mut(sieved.as_mut_slice()).as_slice_of_cells(),
        },
    };
    // memchr's vectorised search: splitting lines is a third of a parse
    // with the standard library's.
    let mut start = 0;
    let mut number = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        number += 1;
        parser.rest = text.len() - end;
        parser.line(number, &text[start..end]);
        start = end + 1;
    }
    parser.finish_record();
    if parser.headers == 0 {
        let message = if text.chars().all(char::is_whitespace) {
            "empty document: expected a \"Question de M./Mme NAME First name (constituency - \
             group) publiée le dd/mm/yyyy\" header"
        } else {
            "no \"Question de M./Mme NAME First name (constituency - group) publiée le \
             dd/mm/yyyy\" header found: not a senat.fr question page"
        };
        parser.diagnose(1, 1, Severity::Error, message.to_owned());
    }
    parser.out
}

/// Which text the next lines belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Question,
    Answer,
}

/// A record being assembled.
struct Draft<'p> {
    line: usize,
    title: Option<String>,
    number: Option<String>,
    legislature: Option<u32>,
    /// The header, read into an author only when the record is built.
    header: Header<'p>,
    question: Part,
    answer: Option<Answer>,
    transmitted_to: Option<String>,
    awaited: Option<String>,
    marker: Option<Status>,
    section: Section,
    /// After a footer or a closing "- page N": text that follows may be the
    /// next page's title.
    closed: bool,
    /// The page's footer was seen: nothing after it is the page's text.
    footer: bool,
    /// Non-empty paragraphs of the question, counted even when texts are
    /// not kept.
    question_paragraphs: usize,
    /// What becomes of the texts.
    texts: Texts<'p>,
    /// The file, for the probe.
    file: File<'p>,
    /// With [`Texts::Probe`]: the terms found so far, the paragraphs shown
    /// to the probe (shown again once the record is complete), and
    /// whether the answer has had a paragraph (the "Réponse. -" marker is
    /// stripped from its first one, as when texts are kept).
    found: u64,
    paragraphs: Vec<Shown>,
    answer_started: bool,
    /// The terms found in the answer, apart: a second answer header
    /// replaces the answer, and what its first one held is forgotten; with
    /// where the answer's paragraphs start in `paragraphs`.
    answer_found: u64,
    answer_from: usize,
    /// Text lines seen while `closed`, with their line numbers.
    tail: Vec<(usize, String)>,
}

struct Parser<'s, 'p> {
    source: &'s str,
    today: NaiveDate,
    out: Loaded,
    current: Option<Draft<'p>>,
    /// Text lines before the first header (or after a broken one).
    preamble: Vec<(usize, String)>,
    preamble_number: Option<(String, Option<u32>)>,
    /// After a broken header: its document's lines are dropped.
    skipping: bool,
    headers: usize,
    /// Bytes of the file after the current line: a text cannot be longer,
    /// so it is reserved once (and shrunk at the end) instead of growing.
    rest: usize,
    texts: Texts<'p>,
    file: File<'p>,
}

thread_local! {
    /// With [`Texts::Probe`], the buffers the thread's last record gave
    /// back, for its next record, in this file or the next: a search goes
    /// through millions of records and keeps none.
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

/// Buffers of [`Texts::Probe`] a record fills and the next reuses.
#[derive(Default)]
struct Spare {
    /// The question's opening, for the display name.
    opening: String,
    paragraphs: Vec<Shown>,
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
struct File<'a> {
    text: &'a str,
    sieved: &'a [Cell<usize>],
}

/// A paragraph shown to the probe: where it lies in the file, or a copy
/// when it is not a slice of the file's text.
enum Shown {
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

impl<'p> Parser<'_, 'p> {
    fn diagnose(&mut self, line: usize, col: usize, severity: Severity, message: String) {
        self.out.diagnostics.push(Diagnostic {
            path: self.source.to_owned(),
            line,
            col,
            severity,
            message,
        });
    }

    /// The 1-based column of `at`, a suffix of `raw`.
    fn col(raw: &str, at: &str) -> usize {
        let offset = raw.len().saturating_sub(at.len());
        raw.get(..offset).map_or(1, |s| s.chars().count() + 1)
    }

    /// A text's buffer: as long as what is left of the file (it cannot be
    /// longer) when texts are kept, nothing otherwise.
    fn text_buffer(&self) -> String {
        if let Texts::Keep = self.texts {
            String::with_capacity(self.rest.min(RESERVE_AT_MOST))
        } else {
            String::new()
        }
    }

    fn line(&mut self, n: usize, raw: &'p str) {
        let line = match lines::line(raw) {
            Ok(line) => line,
            Err(Expected { at, what }) => {
                let col = Self::col(raw, at);
                if raw
                    .trim_start_matches(lines::is_space)
                    .starts_with("Réponse")
                {
                    self.broken_answer(n, col, what);
                } else {
                    self.broken_header(n, col, what);
                }
                return;
            }
        };
        match line {
            Line::Header(header) => self.header(n, raw, header),
            Line::Number {
                number,
                legislature,
            } => {
                // A number line opens the next page, like its title.
                self.take_tail_as_preamble();
                self.skipping = false;
                self.preamble_number =
                    Some((number.to_owned(), legislature.and_then(|l| l.parse().ok())));
            }
            Line::Blank => {}
            Line::Footer if self.skipping => {
                // The broken page ends here; what follows is the next one.
                self.skipping = false;
                self.preamble.clear();
            }
            _ if self.skipping => {}
            Line::Text(text) => self.text(n, text),
            line => {
                let Some(draft) = self.current.as_mut() else {
                    let col = Self::col(raw, raw.trim_start_matches(lines::is_space));
                    self.diagnose(
                        n,
                        col,
                        Severity::Warning,
                        "ignored: this line belongs after a \"Question de\" header".to_owned(),
                    );
                    return;
                };
                draft.reopen();
                match line {
                    Line::Page(page) => {
                        let page = page.parse::<u32>().ok();
                        match draft.section {
                            Section::Question if draft.question.page.is_none() => {
                                draft.question.page = page;
                            }
                            Section::Answer => {
                                if let Some(answer) = draft.answer.as_mut() {
                                    answer.page = page;
                                }
                            }
                            Section::Question => {}
                        }
                        draft.closed = true;
                    }
                    Line::Transmitted(ministry) => draft.transmitted_to = Some(ministry.to_owned()),
                    Line::Awaiting(ministry) => {
                        draft.awaited = Some(ministry.to_owned());
                        draft.marker = Some(Status::Awaiting);
                        draft.closed = true;
                    }
                    Line::Lapsed => {
                        draft.marker = Some(Status::Lapsed);
                        draft.closed = true;
                    }
                    Line::Withdrawn => {
                        draft.marker = Some(Status::Withdrawn);
                        draft.closed = true;
                    }
                    Line::Answer { ministry, date } => {
                        if draft.answer.is_some() {
                            // The probe forgets the first answer as the
                            // kept texts do: `search -l` lists what
                            // `search` finds.
                            draft.restart_answer();
                            self.diagnose(
                                n,
                                1,
                                Severity::Warning,
                                "a second \"Réponse\" header in this document: it replaces the \
                                 answer above it"
                                    .to_owned(),
                            );
                        }
                        let date = date.and_then(|d| self.date(n, raw, d));
                        let draft = self.current.as_mut().expect("checked above");
                        draft.section = Section::Answer;
                        draft.answer_from = draft.paragraphs.len();
                        draft.answer = Some(Answer {
                            ministry: ministry.map(str::to_owned),
                            date,
                            page: None,
                            text: String::new(),
                        });
                        if let Texts::Keep = self.texts
                            && let Some(answer) = draft.answer.as_mut()
                        {
                            answer.text.reserve(self.rest.min(RESERVE_AT_MOST));
                        }
                    }
                    Line::Footer => {
                        draft.closed = true;
                        draft.footer = true;
                    }
                    Line::Header(_) | Line::Number { .. } | Line::Blank | Line::Text(_) => {
                        unreachable!("handled above")
                    }
                }
            }
        }
    }

    fn text(&mut self, n: usize, text: &str) {
        match self.current.as_mut() {
            Some(draft) if draft.closed => draft.tail.push((n, text.to_owned())),
            Some(draft) => draft.push_text(text),
            None => self.preamble.push((n, text.to_owned())),
        }
    }

    /// Text after a closed page is the next page's title.
    fn take_tail_as_preamble(&mut self) {
        if let Some(draft) = self.current.as_mut()
            && draft.closed
        {
            self.preamble.append(&mut draft.tail);
        }
    }

    fn broken_header(&mut self, n: usize, col: usize, what: &str) {
        self.headers += 1;
        self.finish_record();
        self.preamble.clear();
        self.preamble_number = None;
        self.skipping = true;
        let what = if what.is_empty() {
            "a complete header"
        } else {
            what
        };
        self.diagnose(
            n,
            col,
            Severity::Error,
            format!("broken \"Question de\" header: expected {what}; this document is skipped"),
        );
    }

    /// A broken answer header belongs to the document being read: that
    /// document is skipped whole, as for a broken "Question de" header,
    /// rather than kept as a question still awaiting its answer.
    fn broken_answer(&mut self, n: usize, col: usize, what: &str) {
        if self.skipping {
            // Its document is already skipped and reported.
            return;
        }
        let what = if what.is_empty() {
            "a complete answer header"
        } else {
            what
        };
        let consequence = if self.current.take().is_some() {
            self.skipping = true;
            "; this document is skipped"
        } else {
            ""
        };
        self.diagnose(
            n,
            col,
            Severity::Error,
            format!("broken \"Réponse\" header: expected {what}{consequence}"),
        );
    }

    fn header(&mut self, n: usize, raw: &str, header: Header<'p>) {
        self.headers += 1;
        self.take_tail_as_preamble();
        self.finish_record();
        self.skipping = false;
        let title = self.title_from_preamble();
        let spare = match self.texts {
            Texts::Probe(_) => SPARE.take(),
            Texts::Keep | Texts::Drop => Spare::default(),
        };
        let (number, legislature) = self.preamble_number.take().unzip();
        let date = self.date(n, raw, header.date);
        self.current = Some(Draft {
            line: n,
            title,
            number,
            legislature: legislature.flatten(),
            header,
            question: Part {
                date,
                page: None,
                text: match self.texts {
                    Texts::Probe(_) => spare.opening,
                    Texts::Keep | Texts::Drop => self.text_buffer(),
                },
            },
            answer: None,
            transmitted_to: None,
            awaited: None,
            marker: None,
            section: Section::Question,
            closed: false,
            footer: false,
            question_paragraphs: 0,
            texts: self.texts,
            file: self.file,
            found: 0,
            paragraphs: spare.paragraphs,
            answer_started: false,
            answer_found: 0,
            answer_from: 0,
            tail: Vec::new(),
        });
    }

    /// The last line of text before a header is its title; more lines than
    /// that are not part of any page and are reported.
    fn title_from_preamble(&mut self) -> Option<String> {
        let mut preamble = std::mem::take(&mut self.preamble);
        let title = preamble.pop().map(|(_, t)| t);
        if let Some((first, _)) = preamble.first() {
            let count = preamble.len();
            self.diagnose(
                *first,
                1,
                Severity::Warning,
                format!(
                    "ignored {count} line{} of text before the title and the \"Question de\" header",
                    if count == 1 { "" } else { "s" }
                ),
            );
        }
        title
    }

    /// Checks a printed date against the calendar; an impossible one is a
    /// warning and a missing field.
    fn date(&mut self, n: usize, raw: &str, date: RawDate<'_>) -> Option<NaiveDate> {
        let checked = NaiveDate::from_ymd_opt(date.year, date.month, date.day);
        if checked.is_none() {
            let col = Self::col(raw, date.at);
            self.diagnose(
                n,
                col,
                Severity::Warning,
                format!(
                    "impossible date {:02}/{:02}/{:04}; the field is left empty",
                    date.day, date.month, date.year
                ),
            );
        }
        checked
    }

    fn finish_record(&mut self) {
        let Some(mut draft) = self.current.take() else {
            return;
        };
        // What follows a footer with no page after it is the site's own
        // furniture ("Sénat - 15 rue de Vaugirard…"), not the answer.
        if draft.footer
            && draft.closed
            && let Some(&(line, _)) = draft.tail.first()
        {
            let count = draft.tail.len();
            draft.tail.clear();
            self.diagnose(
                line,
                1,
                Severity::Warning,
                format!(
                    "ignored {count} line{} after the page footer",
                    if count == 1 { "" } else { "s" }
                ),
            );
        }
        let (record, has_text, found) = draft.into_record(self.source, self.today);
        if let Texts::Probe(_) = self.texts {
            self.out.probed.push(found);
        }
        if !has_text {
            self.diagnose(
                record.line,
                1,
                Severity::Warning,
                "the question has no text".to_owned(),
            );
        }
        // Most files hold one record: room for four would be wasted.
        if self.out.records.capacity() == 0 {
            self.out.records.reserve_exact(1);
        }
        self.out.records.push(record);
    }
}

/// How much of the question the display name is looked for in
/// ([`names::refine_display_name`]): 200 characters, at most 800 bytes.
const NAME_WINDOW: usize = 800;

impl Draft<'_> {
    /// A new answer header: with [`Texts::Probe`], the answer so far is
    /// forgotten, as [`Parser::line`] replaces it when texts are kept.
    fn restart_answer(&mut self) {
        self.answer_found = 0;
        self.answer_started = false;
        self.paragraphs.truncate(self.answer_from);
    }

    /// A structural line after text that looked like trailing: that text
    /// was part of the body after all.
    fn reopen(&mut self) {
        let tail = std::mem::take(&mut self.tail);
        for (_, text) in tail {
            self.push_text(&text);
        }
        self.closed = false;
    }

    fn push_text(&mut self, text: &str) {
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

    /// The record, whether its question has any text, and the terms the
    /// probe found in its texts; with [`Texts::Probe`], the buffers go back
    /// to [`SPARE`].
    fn into_record(mut self, source: &str, today: NaiveDate) -> (Record, bool, u64) {
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
        let ministry = self
            .answer
            .as_ref()
            .and_then(|a| a.ministry.clone())
            .or_else(|| self.awaited.clone())
            .or_else(|| self.transmitted_to.clone());
        let answered = self.answer.as_ref().and_then(|a| a.date);
        let delay_days = match (self.question.date, answered) {
            (Some(asked), Some(answered)) => Some(model::delay_days(asked, answered)),
            _ => None,
        };
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
            title: self.title,
            number: self.number,
            legislature: self.legislature,
            author,
            question: self.question,
            transmitted_to: self.transmitted_to,
            answer: self.answer,
            status,
            ministry,
            delay_days,
            late,
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
        id: String::new(),
        source: source.to_owned(),
        line,
        title: None,
        number: None,
        legislature: None,
        author: model::Author::default(),
        question: Part::default(),
        transmitted_to: None,
        answer: None,
        status: Status::Awaiting,
        ministry: None,
        delay_days: None,
        late: None,
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

/// A stable id: FNV-1a (64 bits) of the source path and the header's line,
/// unique in a load since a header has one line in one file. FNV, not the
/// standard hasher, whose output may change between Rust releases.
fn record_id(source: &str, line: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in source.bytes().chain([0]).chain(line.to_string().bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests;
