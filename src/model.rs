//! The records a reader works with: a parliamentary question, its author, the
//! answer if any, and what follows from their dates (delay, lateness).
//!
//! These types are the public face of the crate: `reponses parse --json`
//! serialises them as they are, and scripts rely on the key names, so renaming
//! a field here is a breaking change. Unknown values are `None` (JSON `null`)
//! rather than empty strings, so a script can tell "absent" from "empty".

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// One question with its answer, as published in the Journal officiel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Unique within a load and stable across runs for the same files.
    pub id: String,
    /// The path of the file it came from, as the user gave it.
    pub source: String,
    /// 1-based line of the "Question de" header in `source` (of the
    /// document, for the Assemblée's JSON).
    pub line: usize,
    /// Which assembly the question was asked in.
    pub chamber: Chamber,
    /// Written, to the Government in session, or oral.
    pub kind: Kind,
    /// The question's public page, when known (the Assemblée's).
    pub url: Option<String>,
    pub title: Option<String>,
    /// The Assemblée's subject heading (its "rubrique"); `None` for
    /// senat.fr pages, which have none.
    pub topic: Option<String>,
    /// The question number as printed ("05589"): numbers restart each
    /// legislature and keep their leading zeros.
    pub number: Option<String>,
    pub legislature: Option<u32>,
    pub author: Author,
    pub question: Part,
    /// The ministry the question was transferred to ("Transmise au …").
    pub transmitted_to: Option<String>,
    pub answer: Option<Answer>,
    /// Corrections the JO published later ("Erratum : JO du … p. …"), in
    /// the order the page lists them; never part of a text.
    pub errata: Vec<Erratum>,
    pub status: Status,
    /// The Assemblée's closure of the question, as it gives it.
    pub closure: Option<Closure>,
    /// Why a withdrawn question was withdrawn, as the page says it
    /// ("décès", "fin de mandat"); `None` when it does not say.
    pub withdrawn_reason: Option<String>,
    /// Who must answer: the answering, transferred-to or awaited ministry;
    /// failing those, the addressee the question's opening names.
    pub ministry: Option<String>,
    /// The member of the Government the question's opening addresses, as
    /// written ("ministre des armées", "Premier ministre").
    pub addressed_to: Option<String>,
    /// Days from the question's JO date to the answer's JO date.
    pub delay_days: Option<i64>,
    /// Whether the two-calendar-months deadline was missed; see [`lateness`].
    pub late: Option<bool>,
    /// The family of near-identical answers this record's answer belongs
    /// to, once [`crate::families`] has grouped the records loaded; never
    /// serialised (it depends on the other records, not on the file).
    #[serde(skip)]
    pub family: Option<FamilyTag>,
}

/// A record's place among answers a ministry gave again
/// ([`crate::families`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyTag {
    /// The family's identifier: the id of its earliest answer.
    pub key: std::sync::Arc<str>,
    /// How many records it holds (two or more).
    pub size: u32,
}

/// A record of nothing yet: a base for loaders and tests to fill.
impl Default for Record {
    fn default() -> Record {
        Record {
            id: String::new(),
            source: String::new(),
            line: 1,
            chamber: Chamber::default(),
            kind: Kind::default(),
            url: None,
            title: None,
            topic: None,
            number: None,
            legislature: None,
            author: Author::default(),
            question: Part::default(),
            transmitted_to: None,
            answer: None,
            errata: Vec::new(),
            status: Status::Awaiting,
            closure: None,
            withdrawn_reason: None,
            ministry: None,
            addressed_to: None,
            delay_days: None,
            late: None,
            family: None,
        }
    }
}

/// Who asked the question, as the header names them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// "M." or "Mme".
    pub civility: Option<String>,
    /// As in the header, in capitals ("DI FOLCO").
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    /// Display form in proper case ("Catherine Di Folco").
    pub name: Option<String>,
    pub constituency: Option<String>,
    /// The group without its -A/-R suffix (the Assemblée's short form).
    pub group: Option<String>,
    pub group_relation: Option<GroupRelation>,
    /// The group's name in full, when the source gives it ("Ensemble pour
    /// la République").
    pub group_name: Option<String>,
    /// The Assemblée's reference of the member ("PA721764").
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

/// How a senator belongs to a group: the suffixes -A and -R of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupRelation {
    Member,
    /// "-A": apparenté.
    Affiliated,
    /// "-R": rattaché.
    Attached,
}

/// The question as published: its JO date and page, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub date: Option<NaiveDate>,
    pub page: Option<u32>,
    /// Paragraphs separated by one blank line.
    pub text: String,
    /// `false` when the page says the text was never digitised (before
    /// 1986): `text` is then that notice, not the author's words.
    pub digitised: bool,
    /// A question to the Government asked in a public sitting: its words
    /// are in the debate the answer holds, and `text` is empty.
    pub in_session: bool,
}

impl Default for Part {
    fn default() -> Part {
        Part {
            date: None,
            page: None,
            text: String::new(),
            digitised: true,
            in_session: false,
        }
    }
}

/// The minister's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub ministry: Option<String>,
    /// The JO date of the answer, from which delays are counted.
    pub date: Option<NaiveDate>,
    /// When the answer was given in a public sitting ("Réponse apportée en
    /// séance publique le …"), the sitting's date.
    pub session_date: Option<NaiveDate>,
    pub page: Option<u32>,
    pub text: String,
    /// `false` when the page says the answer was never digitised: `text`
    /// is then that notice, not the minister's words.
    pub digitised: bool,
    /// Answers published before this one, which it replaced (the
    /// Assemblée publishes some questions' answers more than once).
    pub earlier: Vec<EarlierAnswer>,
}

/// An answer a later one replaced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierAnswer {
    pub date: Option<NaiveDate>,
    pub page: Option<u32>,
    pub text: String,
}

/// Which assembly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Chamber {
    #[default]
    Senat,
    /// The Assemblée nationale.
    An,
}

impl Chamber {
    pub const ALL: [Chamber; 2] = [Chamber::Senat, Chamber::An];

    /// How the list and the statistics name it: "Sénat", "AN" (the
    /// Journal officiel's own abbreviation, the same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            Chamber::Senat => "Sénat",
            Chamber::An => "AN",
        }
    }

    /// The word in JSON and queries: "senat", "an".
    pub fn as_str(self) -> &'static str {
        match self {
            Chamber::Senat => "senat",
            Chamber::An => "an",
        }
    }
}

/// What kind of question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A written question (QE).
    #[default]
    Written,
    /// A question to the Government, asked and answered in session (QG).
    Government,
    /// An oral question (QOSD, "Question orale").
    Oral,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Written, Kind::Government, Kind::Oral];

    /// The word in JSON and queries.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Written => "written",
            Kind::Government => "government",
            Kind::Oral => "oral",
        }
    }
}

/// How the Assemblée closed a question: its code ("REP_PUB") and label
/// ("Réponse publiée").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub code: Option<String>,
    pub label: Option<String>,
}

impl Default for Answer {
    fn default() -> Answer {
        Answer {
            ministry: None,
            date: None,
            session_date: None,
            page: None,
            text: String::new(),
            digitised: true,
            earlier: Vec::new(),
        }
    }
}

/// A correction published in a later JO, about the question or the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erratum {
    pub part: PartKind,
    /// The JO issue holding the correction; `None` when unreadable.
    pub date: Option<NaiveDate>,
    pub page: Option<u32>,
}

/// The two texts of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    Question,
    Answer,
}

impl PartKind {
    /// The text of this part of `record`, as shown; `None` for an
    /// unanswered question.
    pub fn text(self, record: &Record) -> Option<&str> {
        match self {
            PartKind::Question => Some(&record.question.text),
            PartKind::Answer => record.answer.as_ref().map(|a| a.text.as_str()),
        }
    }

    /// Whether this part of `record` is the author's or the minister's
    /// words: `false` for a notice that the text was never digitised.
    pub fn digitised(self, record: &Record) -> bool {
        match self {
            PartKind::Question => record.question.digitised,
            PartKind::Answer => record.answer.as_ref().is_none_or(|a| a.digitised),
        }
    }

    /// The text searches and quotes look in: [`PartKind::text`], or
    /// nothing for a text never digitised (its notice is not the words
    /// anybody said).
    pub fn searched_text(self, record: &Record) -> Option<&str> {
        self.text(record).filter(|_| self.digitised(record))
    }
}

/// What names a ministry among others: "Ministère de l'intérieur et des
/// outre-mer" → "intérieur et des outre-mer"; what every ministry's name
/// shares ("Ministère de la ") is left out, for lists and their order.
pub fn ministry_name(ministry: &str) -> &str {
    [
        "Ministère de l'",
        "Ministère de la ",
        "Ministère des ",
        "Ministère du ",
        "Ministère de ",
        "Ministère délégué ",
        "Ministère ",
        "ministère de l'",
        "ministère de la ",
        "ministère des ",
        "ministère du ",
        "ministère de ",
        "ministre de l'",
        "ministre de la ",
        "ministre des ",
        "ministre du ",
        "ministre de ",
    ]
    .iter()
    .find_map(|p| ministry.strip_prefix(p))
    .unwrap_or(ministry)
}

/// Where a question stands. Transfer to another ministry is orthogonal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Answered,
    /// En attente de réponse.
    Awaiting,
    /// Caduque: unanswered at the end of a legislature or a Government.
    Lapsed,
    /// Retirée by its author.
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Answered,
        Status::Awaiting,
        Status::Lapsed,
        Status::Withdrawn,
    ];

    /// The English word used in JSON, queries and the list.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Awaiting => "awaiting",
            Status::Lapsed => "lapsed",
            Status::Withdrawn => "withdrawn",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The last day a minister may publish an answer: the same day two calendar
/// months after the question's JO publication (Senate rule art. 75,
/// Assemblée rule art. 135). A day that does not exist in the target month
/// (31/12 + 2 months) falls back to that month's last day.
pub fn deadline(asked: NaiveDate) -> Option<NaiveDate> {
    asked.checked_add_months(Months::new(2))
}

/// Days from the question's JO date to the answer's.
pub fn delay_days(asked: NaiveDate, answered: NaiveDate) -> i64 {
    (answered - asked).num_days()
}

/// A record's delay, when both dates are known and agree: an answer dated
/// before its question (a misprint in one of them) has none, rather than a
/// negative one that would pull a ministry's mean and median down.
pub fn delay(asked: Option<NaiveDate>, answered: Option<NaiveDate>) -> Option<i64> {
    Some(delay_days(asked?, answered?)).filter(|days| *days >= 0)
}

/// How long a question has waited for its answer, in days: an answered
/// one's delay ([`delay_days`], `delay_days` here), the days from its JO
/// date to `today` for one still awaiting. A lapsed or withdrawn question
/// waits for nothing any more, and a question with an unknown date has no
/// known wait: `None`, as for an answered one whose delay is unknown.
///
/// `today` is the day the corpus was loaded with, the one its lateness was
/// judged on ([`lateness`]): a delay and a lateness never disagree.
pub fn waited_days(
    status: Status,
    asked: Option<NaiveDate>,
    delay_days: Option<i64>,
    today: NaiveDate,
) -> Option<i64> {
    match status {
        Status::Answered => delay_days,
        Status::Awaiting => Some((today - asked?).num_days()),
        Status::Lapsed | Status::Withdrawn => None,
    }
}

/// Whether the deadline was missed.
///
/// An answered question is late when its answer came out after the deadline.
/// A question still awaiting or lapsed is late once `today` is past the
/// deadline: that is what "pending beyond two months" means in the Senate's
/// own statistics. A withdrawn question has no deadline any more, and a
/// question whose date is unknown has no known one: both are `None`, as is
/// an answer dated before its question.
pub fn lateness(
    status: Status,
    asked: Option<NaiveDate>,
    answered: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<bool> {
    let deadline = deadline(asked?)?;
    match status {
        // Dates that contradict each other judge nothing.
        Status::Answered if answered? < asked? => None,
        Status::Answered => Some(answered? > deadline),
        Status::Awaiting | Status::Lapsed => Some(today > deadline),
        Status::Withdrawn => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_answer_dated_before_its_question_has_no_delay_nor_lateness() {
        let (asked, answered) = (d(2023, 3, 2), d(2022, 4, 27));
        assert_eq!(delay(Some(asked), Some(answered)), None);
        assert_eq!(delay(Some(asked), Some(asked)), Some(0));
        assert_eq!(delay(Some(asked), None), None);
        let today = d(2026, 1, 1);
        assert_eq!(
            lateness(Status::Answered, Some(asked), Some(answered), today),
            None
        );
        assert_eq!(
            lateness(Status::Answered, Some(asked), Some(asked), today),
            Some(false)
        );
    }

    #[test]
    fn the_seed_is_84_days_and_late() {
        assert_eq!(delay_days(d(2022, 11, 10), d(2023, 2, 2)), 84);
        assert_eq!(deadline(d(2022, 11, 10)), Some(d(2023, 1, 10)));
        let late = lateness(
            Status::Answered,
            Some(d(2022, 11, 10)),
            Some(d(2023, 2, 2)),
            d(2026, 1, 1),
        );
        assert_eq!(late, Some(true));
    }

    #[test]
    fn an_answer_on_the_deadline_day_is_on_time() {
        let late = lateness(
            Status::Answered,
            Some(d(2022, 11, 10)),
            Some(d(2023, 1, 10)),
            d(2026, 1, 1),
        );
        assert_eq!(late, Some(false));
        let late = lateness(
            Status::Answered,
            Some(d(2022, 11, 10)),
            Some(d(2023, 1, 11)),
            d(2026, 1, 1),
        );
        assert_eq!(late, Some(true));
    }

    #[test]
    fn deadline_of_a_month_end_is_the_last_day_of_the_target_month() {
        assert_eq!(deadline(d(2022, 12, 31)), Some(d(2023, 2, 28)));
        assert_eq!(deadline(d(2023, 12, 31)), Some(d(2024, 2, 29)));
    }

    #[test]
    fn an_awaiting_question_waits_until_today_a_closed_one_not_at_all() {
        let asked = Some(d(2026, 10, 1));
        let today = d(2026, 11, 30);
        assert_eq!(
            waited_days(Status::Answered, asked, Some(84), today),
            Some(84)
        );
        assert_eq!(waited_days(Status::Answered, asked, None, today), None);
        assert_eq!(waited_days(Status::Awaiting, asked, None, today), Some(60));
        assert_eq!(waited_days(Status::Awaiting, None, None, today), None);
        assert_eq!(waited_days(Status::Lapsed, asked, None, today), None);
        assert_eq!(waited_days(Status::Withdrawn, asked, None, today), None);
    }

    #[test]
    fn pending_questions_become_late_with_time() {
        let asked = Some(d(2026, 10, 1));
        assert_eq!(
            lateness(Status::Awaiting, asked, None, d(2026, 11, 1)),
            Some(false)
        );
        assert_eq!(
            lateness(Status::Awaiting, asked, None, d(2026, 12, 2)),
            Some(true)
        );
        assert_eq!(
            lateness(Status::Withdrawn, asked, None, d(2027, 1, 1)),
            None
        );
        assert_eq!(lateness(Status::Awaiting, None, None, d(2027, 1, 1)), None);
    }
}
