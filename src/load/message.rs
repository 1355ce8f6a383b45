//! What a diagnostic says, as data: the loader says which problem it met
//! and with what (a date, a count, what was expected), and the message is
//! written in the language of whoever reads it ([`Message::render`]):
//! `check` and the reader's errors view speak French or English, the same
//! problem in both.

use std::fmt;

use crate::i18n::{Lang, fill};

/// A problem the loader reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Message {
    /// A NUL byte: not a text document.
    Binary,
    /// The operating system's reason, as it gives it.
    CannotRead(String),
    NoSuchPath,
    NoTxtInFolder,
    /// A device, a FIFO or a socket.
    NotAFileOrFolder,
    EmptyDocument,
    NoHeader,
    /// A "Question de" header cut short: what was expected where it stops.
    BrokenHeader(Expected),
    /// A "Réponse … publiée le" header cut short; whether its document is
    /// skipped.
    BrokenAnswer(Expected, bool),
    SecondAnswer,
    SecondSession,
    SessionDate,
    ErratumUnread,
    /// A date well formed and not in the calendar: day, month, year.
    ImpossibleDate(u32, u32, i32),
    /// The answer's date, then the question's: the answer is dated first.
    AnswerBeforeQuestion(chrono::NaiveDate, chrono::NaiveDate),
    /// A line shaped like page furniture that is not any of it.
    Unplaced(Furniture),
    CutShort,
    /// Structure before any "Question de" header.
    BelongsAfterHeader,
    /// Text lines before a page's title: how many.
    BeforeTitle(usize),
    /// Lines after a page's footer: how many.
    AfterFooter(usize),
    NoText,
    /// A JSON document serde could not read: its reason.
    Json(String),
    /// A JSON document without a `question`.
    NotAQuestion,
    /// A JSON date that is neither `yyyy-mm-dd` nor `dd/mm/yyyy`.
    JsonDate(String),
    /// A closure code the Assemblée's data was not known to use.
    UnknownClosure(String),
    /// A zip archive that cannot be read: the reason.
    Zip(String),
    /// A zip entry that does not inflate: the reason.
    ZipEntry(String),
    /// A zip entry declaring or inflating to more than the limit: the
    /// limit in MB.
    ZipTooLarge(u64),
}

/// What a broken header lacked where it stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    NamesThenAffiliation,
    Names,
    ClosingParenthesis,
    PublishedOn,
    Date,
    EndOfLine,
    /// Nothing more precise: a complete header of its kind.
    Header,
    AnswerHeader,
}

/// What an unplaced line looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Furniture {
    PageLine,
    Footer,
}

impl Message {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let t = lang.t();
        match self {
            Message::Binary => t.diag_binary.to_owned(),
            Message::CannotRead(why) => fill(t.diag_cannot_read, &[why]),
            Message::NoSuchPath => t.diag_no_such_path.to_owned(),
            Message::NoTxtInFolder => t.diag_no_txt.to_owned(),
            Message::NotAFileOrFolder => t.diag_not_a_file.to_owned(),
            Message::EmptyDocument => fill(t.diag_empty, &[t.diag_header_grammar]),
            Message::NoHeader => fill(t.diag_no_header, &[t.diag_header_grammar]),
            Message::BrokenHeader(what) => fill(t.diag_broken_header, &[what.render(lang)]),
            Message::BrokenAnswer(what, skipped) => {
                let template = if *skipped {
                    t.diag_broken_answer_skipped
                } else {
                    t.diag_broken_answer
                };
                fill(template, &[what.render(lang)])
            }
            Message::SecondAnswer => t.diag_second_answer.to_owned(),
            Message::SecondSession => t.diag_second_session.to_owned(),
            Message::SessionDate => t.diag_session_date.to_owned(),
            Message::ErratumUnread => t.diag_erratum_unread.to_owned(),
            Message::ImpossibleDate(day, month, year) => fill(
                t.diag_impossible_date,
                &[&format!("{day:02}/{month:02}/{year:04}")],
            ),
            Message::AnswerBeforeQuestion(answered, asked) => fill(
                t.diag_answer_before_question,
                &[
                    &answered.format("%d/%m/%Y").to_string(),
                    &asked.format("%d/%m/%Y").to_string(),
                ],
            ),
            Message::Unplaced(what) => fill(
                t.diag_unplaced,
                &[match what {
                    Furniture::PageLine => t.diag_unplaced_page,
                    Furniture::Footer => t.diag_unplaced_footer,
                }],
            ),
            Message::CutShort => t.diag_cut_short.to_owned(),
            Message::BelongsAfterHeader => t.diag_belongs_after_header.to_owned(),
            Message::BeforeTitle(n) => {
                lang.count(*n, t.diag_before_title_one, t.diag_before_title_many)
            }
            Message::AfterFooter(n) => {
                lang.count(*n, t.diag_after_footer_one, t.diag_after_footer_many)
            }
            Message::NoText => t.diag_no_text.to_owned(),
            Message::Json(why) => fill(t.diag_json, &[why]),
            Message::NotAQuestion => t.diag_not_a_question.to_owned(),
            Message::JsonDate(date) => fill(t.diag_json_date, &[date]),
            Message::UnknownClosure(code) => fill(t.diag_unknown_closure, &[code]),
            Message::Zip(why) => fill(t.diag_zip, &[why]),
            Message::ZipEntry(why) => fill(t.diag_zip_entry, &[why]),
            Message::ZipTooLarge(mb) => fill(t.diag_zip_too_large, &[&mb.to_string()]),
        }
    }
}

impl Expected {
    fn render(self, lang: Lang) -> &'static str {
        let t = lang.t();
        match self {
            Expected::NamesThenAffiliation => t.expected_names_then_affiliation,
            Expected::Names => t.expected_names,
            Expected::ClosingParenthesis => t.expected_closing_parenthesis,
            Expected::PublishedOn => t.expected_published_on,
            Expected::Date => t.expected_date,
            Expected::EndOfLine => t.expected_end_of_line,
            Expected::Header => t.expected_header,
            Expected::AnswerHeader => t.expected_answer_header,
        }
    }
}

/// In English, as scripts and tests read it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
