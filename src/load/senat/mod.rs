//! The senat.fr page text (../../shared/DOMAIN.md): lines classified by the
//! private grammar in [`lines`], assembled here into records.
//!
//! A file may hold several pages pasted one after another; each "Question
//! de" header starts a record. What lies between the end of one page (its
//! footer or last "- page N") and the next header is that next page's title
//! and number. A broken header costs its own document only: lines up to the
//! next header are skipped and the rest of the file still loads.

mod addressee;
mod derived;
mod draft;
mod lines;
mod names;

pub use derived::header_names;

use std::cell::Cell;

use chrono::NaiveDate;

use draft::{Draft, File, SPARE, Section, Spare};
use lines::{Expected, Header, Line, RawDate};

use super::message::{self, Message};
use super::{Diagnostic, Loaded, Severity, Texts};
use crate::model::{Answer, Erratum, Kind, Part, PartKind, Status};

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
            Message::EmptyDocument
        } else {
            Message::NoHeader
        };
        parser.diagnose(1, 1, Severity::Error, message);
    }
    parser.out
}

struct Parser<'s, 'p> {
    source: &'s str,
    today: NaiveDate,
    out: Loaded,
    current: Option<Draft<'p>>,
    /// Text lines before the first header (or after a broken one).
    preamble: Vec<(usize, String)>,
    preamble_number: Option<(String, Option<u32>, Kind)>,
    /// After a broken header: its document's lines are dropped.
    skipping: bool,
    headers: usize,
    /// Bytes of the file after the current line: a text cannot be longer,
    /// so it is reserved once (and shrunk at the end) instead of growing.
    rest: usize,
    texts: Texts<'p>,
    file: File<'p>,
}

impl<'p> Parser<'_, 'p> {
    fn diagnose(&mut self, line: usize, col: usize, severity: Severity, message: Message) {
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
                kind,
            } => {
                // A number line opens the next page, like its title.
                self.take_tail_as_preamble();
                self.skipping = false;
                let legislature = legislature.and_then(|l| l.parse().ok());
                self.preamble_number = Some((number.to_owned(), legislature, kind));
            }
            Line::Blank => {}
            Line::Footer { .. } if self.skipping => {
                // The broken page ends here; what follows is the next one.
                self.skipping = false;
                self.preamble.clear();
            }
            _ if self.skipping => {}
            Line::Text(_) | Line::Unplaced(_)
                if lines::is_cut_footer(raw.trim_matches(lines::is_space))
                    && self.is_last_line() =>
            {
                self.cut_short(n, raw);
                self.close_with_footer();
            }
            Line::Text(text) => self.text(n, text),
            Line::Unplaced(what) => {
                let col = Self::col(raw, raw.trim_start_matches(lines::is_space));
                self.diagnose(n, col, Severity::Warning, Message::Unplaced(what));
            }
            Line::Erratum(erratum) if self.current.is_some() => self.erratum(n, raw, erratum),
            line => {
                let Some(draft) = self.current.as_mut() else {
                    let col = Self::col(raw, raw.trim_start_matches(lines::is_space));
                    self.diagnose(n, col, Severity::Warning, Message::BelongsAfterHeader);
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
                    Line::Withdrawn(reason) => {
                        draft.marker = Some(Status::Withdrawn);
                        draft.withdrawn_reason = reason.map(str::to_owned);
                        draft.closed = true;
                    }
                    Line::NotDigitised(notice) => draft.push_notice(notice),
                    Line::Answer { ministry, date } => self.answer(n, raw, ministry, date),
                    Line::Session(date) => self.session(n, raw, date),
                    Line::Footer { cut } => {
                        if cut && self.is_last_line() {
                            self.cut_short(n, raw);
                        }
                        self.close_with_footer();
                    }
                    Line::Header(_)
                    | Line::Number { .. }
                    | Line::Blank
                    | Line::Text(_)
                    | Line::Unplaced(_)
                    | Line::Erratum(_) => {
                        unreachable!("handled above")
                    }
                }
            }
        }
    }

    /// Whether the line being read is the file's last one with text.
    fn is_last_line(&self) -> bool {
        let text = self.file.text;
        text[text.len() - self.rest..].trim().is_empty()
    }

    /// A saved page that stops inside its footer ("Page mise à"): the
    /// fragment is not text, and the page may lack more than its footer.
    fn cut_short(&mut self, n: usize, raw: &str) {
        let col = Self::col(raw, raw.trim_start_matches(lines::is_space));
        self.diagnose(n, col, Severity::Warning, Message::CutShort);
    }

    fn close_with_footer(&mut self) {
        if let Some(draft) = self.current.as_mut() {
            draft.reopen();
            draft.closed = true;
            draft.footer = true;
        }
    }

    /// "Réponse du … publiée le …": the answer starts; a second one
    /// replaces the first, with a warning.
    fn answer(&mut self, n: usize, raw: &str, ministry: Option<&str>, date: Option<RawDate<'_>>) {
        let Some(draft) = self.current.as_mut() else {
            return;
        };
        if draft.answer.is_some() {
            // The probe forgets the first answer as the kept texts do:
            // `search -l` lists what `search` finds.
            draft.restart_answer();
            self.diagnose(n, 1, Severity::Warning, Message::SecondAnswer);
        }
        let at = date.as_ref().map(|d| d.at);
        let date = date.and_then(|d| self.date(n, raw, d));
        let asked = self.current.as_ref().and_then(|d| d.question.date);
        if let (Some(answered), Some(asked), Some(at)) = (date, asked, at)
            && answered < asked
        {
            let col = Self::col(raw, at);
            self.diagnose(
                n,
                col,
                Severity::Warning,
                Message::AnswerBeforeQuestion(answered, asked),
            );
        }
        self.start_answer(Answer {
            ministry: ministry.map(str::to_owned),
            date,
            ..Answer::default()
        });
    }

    fn start_answer(&mut self, answer: Answer) {
        let rest = self.rest;
        let keep = matches!(self.texts, Texts::Keep);
        let Some(draft) = self.current.as_mut() else {
            return;
        };
        draft.section = Section::Answer;
        draft.answer_from = draft.paragraphs.len();
        let answer = draft.answer.insert(answer);
        if keep {
            answer.text.reserve(rest.min(RESERVE_AT_MOST));
        }
    }

    /// "Réponse apportée en séance publique le …": under an answer header,
    /// the sitting the answer was given in (its date stays the JO's);
    /// alone, an oral answer, dated by the sitting.
    fn session(&mut self, n: usize, raw: &str, date: Result<RawDate<'_>, &str>) {
        let date = match date {
            Ok(date) => self.date(n, raw, date),
            Err(at) => {
                let col = Self::col(raw, at);
                self.diagnose(n, col, Severity::Warning, Message::SessionDate);
                None
            }
        };
        let Some(draft) = self.current.as_mut() else {
            return;
        };
        match draft.answer.as_mut() {
            Some(answer) if answer.session_date.is_none() => answer.session_date = date,
            Some(_) => self.diagnose(n, 1, Severity::Warning, Message::SecondSession),
            None => self.start_answer(Answer {
                date,
                session_date: date,
                ..Answer::default()
            }),
        }
    }

    /// "Erratum : JO du … p. …": a correction of the text above it, kept
    /// beside the texts, never in them.
    fn erratum(&mut self, n: usize, raw: &str, erratum: lines::Erratum<'_>) {
        let date = erratum.date.and_then(|d| self.date(n, raw, d));
        if let Some(at) = erratum.unread {
            let col = Self::col(raw, at);
            self.diagnose(n, col, Severity::Warning, Message::ErratumUnread);
        }
        let Some(draft) = self.current.as_mut() else {
            return;
        };
        let part = match draft.section {
            Section::Question => PartKind::Question,
            Section::Answer => PartKind::Answer,
        };
        draft.errata.push(Erratum {
            part,
            date,
            page: erratum.page.and_then(|p| p.parse().ok()),
        });
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
        let what = lines::expected(what).unwrap_or(message::Expected::Header);
        self.diagnose(n, col, Severity::Error, Message::BrokenHeader(what));
    }

    /// A broken answer header belongs to the document being read: that
    /// document is skipped whole, as for a broken "Question de" header,
    /// rather than kept as a question still awaiting its answer.
    fn broken_answer(&mut self, n: usize, col: usize, what: &str) {
        if self.skipping {
            // Its document is already skipped and reported.
            return;
        }
        let what = lines::expected(what).unwrap_or(message::Expected::AnswerHeader);
        let skipped = self.current.take().is_some();
        if skipped {
            self.skipping = true;
        }
        self.diagnose(
            n,
            col,
            Severity::Error,
            Message::BrokenAnswer(what, skipped),
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
        let (number, legislature, kind) = match self.preamble_number.take() {
            Some((number, legislature, kind)) => (Some(number), legislature, kind),
            None => (None, None, Kind::Written),
        };
        let date = self.date(n, raw, header.date);
        self.current = Some(Draft {
            line: n,
            title,
            number,
            legislature,
            kind,
            header,
            question: Part {
                date,
                text: match self.texts {
                    Texts::Probe(_) => spare.opening,
                    Texts::Keep | Texts::Drop => self.text_buffer(),
                },
                ..Part::default()
            },
            answer: None,
            transmitted_to: None,
            awaited: None,
            marker: None,
            withdrawn_reason: None,
            errata: Vec::new(),
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
            self.diagnose(*first, 1, Severity::Warning, Message::BeforeTitle(count));
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
                Message::ImpossibleDate(date.day, date.month, date.year),
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
            self.diagnose(line, 1, Severity::Warning, Message::AfterFooter(count));
        }
        let (record, has_text, found) = draft.into_record(self.source, self.today);
        if let Texts::Probe(_) = self.texts {
            self.out.probed.push(found);
        }
        if !has_text {
            self.diagnose(record.line, 1, Severity::Warning, Message::NoText);
        }
        // Most files hold one record: room for four would be wasted.
        if self.out.records.capacity() == 0 {
            self.out.records.reserve_exact(1);
        }
        self.out.records.push(record);
    }
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
