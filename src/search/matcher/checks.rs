//! The filters of a query compiled for matching ([`Check`]), and how one
//! record is tested against them. The index answers the same checks its
//! own way (`inverted::answer`), from what it keeps of each record; both
//! read the record's fields through the helpers here, so they compare the
//! same things.

use chrono::NaiveDate;

use super::Needle;
use crate::model::{Chamber, Kind, Record, Status, waited_days};
use crate::search::index::{Haystack, Region};
use crate::search::query::{Comparison, Filter, significant};
use crate::text::fold::{FoldOptions, fold_into, fold_str};

#[derive(Debug, Clone)]
pub(in crate::search) enum Check {
    Status(Status),
    Chamber(Chamber),
    Kind(Kind),
    Late(bool),
    After(NaiveDate),
    Before(NaiveDate),
    Answered(bool),
    AnswerAfter(NaiveDate),
    AnswerBefore(NaiveDate),
    Delay(Comparison),
    /// The question number's [`significant`] part, ASCII case aside.
    Number(Box<str>),
    /// The record's family has this key.
    Family(Box<str>),
    /// The record is in a family, or not.
    Reused(bool),
    /// A short field, whole, equals this once folded ([`exact_key`]).
    Exact(Whole, Box<str>),
    /// Boxed: a finder is large, and most checks are not text.
    Text(Region, Box<Needle>),
    Not(Box<Check>),
}

/// The short fields `field:=` compares whole: one each, the one the list
/// shows and the statistics group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::search) enum Whole {
    /// The author's display name.
    Author,
    /// The ministry that must answer.
    Ministry,
    Group,
}

impl Whole {
    pub(in crate::search) fn of(self, record: &Record) -> Option<&str> {
        match self {
            Whole::Author => record.author.name.as_deref(),
            Whole::Ministry => record.ministry.as_deref(),
            Whole::Group => record.author.group.as_deref(),
        }
    }
}

/// What a field or a value of `field:=` is compared as: its insensitive
/// folding (every whitespace run one space), trimmed. A missing field is
/// the empty string.
pub(in crate::search) fn exact_key(folded: &str) -> &str {
    folded.trim_matches(' ')
}

impl Check {
    /// Compiles a filter; `None` for a text filter whose value folds to
    /// nothing, which is ignored (as the words that do).
    pub(in crate::search) fn new(filter: &Filter) -> Option<Check> {
        let exact = |whole, value: &str| {
            let folded = fold_str(value, FoldOptions::INSENSITIVE);
            Check::Exact(whole, exact_key(&folded).into())
        };
        Some(match filter {
            Filter::Status(s) => Check::Status(*s),
            Filter::Chamber(c) => Check::Chamber(*c),
            Filter::Kind(k) => Check::Kind(*k),
            Filter::Late(l) => Check::Late(*l),
            Filter::After(d) => Check::After(*d),
            Filter::Before(d) => Check::Before(*d),
            Filter::Answered(a) => Check::Answered(*a),
            Filter::AnswerAfter(d) => Check::AnswerAfter(*d),
            Filter::AnswerBefore(d) => Check::AnswerBefore(*d),
            Filter::Delay(c) => Check::Delay(*c),
            Filter::Number(n) => Check::Number(significant(n).into()),
            Filter::Family(key) => Check::Family(key.as_str().into()),
            Filter::Reused(yes) => Check::Reused(*yes),
            Filter::AuthorIs(v) => exact(Whole::Author, v),
            Filter::MinistryIs(v) => exact(Whole::Ministry, v),
            Filter::GroupIs(v) => exact(Whole::Group, v),
            Filter::Author(t) => Check::Text(Region::Author, Needle::field(t)?),
            Filter::Ministry(t) => Check::Text(Region::Ministry, Needle::field(t)?),
            Filter::Group(t) => Check::Text(Region::Group, Needle::field(t)?),
            Filter::Not(filter) => Check::Not(Box::new(Check::new(filter)?)),
        })
    }

    /// The order filters are tried in: comparisons of small fields first,
    /// then those that look at a string, then text searches.
    pub(in crate::search) fn cost(&self) -> u8 {
        match self {
            Check::Number(_) | Check::Exact(..) | Check::Family(_) => 1,
            Check::Text(..) => 2,
            Check::Not(check) => check.cost(),
            _ => 0,
        }
    }

    /// Whether `record`, indexed as `haystack`, passes; an awaiting
    /// question's delay runs to `today`. `scratch` is reused for the
    /// fields folded again.
    pub(in crate::search) fn holds(
        &self,
        record: &Record,
        haystack: &Haystack,
        today: NaiveDate,
        scratch: &mut String,
    ) -> bool {
        match self {
            Check::Status(s) => haystack.status == *s,
            Check::Chamber(c) => record.chamber == *c,
            Check::Kind(k) => record.kind == *k,
            Check::Late(l) => haystack.late == Some(*l),
            Check::After(d) => haystack.date.is_some_and(|q| q > *d),
            Check::Before(d) => haystack.date.is_some_and(|q| q < *d),
            Check::Answered(a) => (haystack.status == Status::Answered) == *a,
            Check::AnswerAfter(d) => answer_date(record).is_some_and(|a| a > *d),
            Check::AnswerBefore(d) => answer_date(record).is_some_and(|a| a < *d),
            Check::Delay(comparison) => {
                let (status, asked) = (record.status, record.question.date);
                waited_days(status, asked, record.delay_days, today)
                    .is_some_and(|days| comparison.holds(days))
            }
            Check::Number(number) => number_is(record, number),
            Check::Family(key) => family_is(record, key),
            Check::Reused(yes) => record.family.is_some() == *yes,
            Check::Exact(whole, key) => {
                scratch.clear();
                fold_into(
                    whole.of(record).unwrap_or_default(),
                    FoldOptions::INSENSITIVE,
                    scratch,
                );
                exact_key(scratch) == &**key
            }
            Check::Text(region, needle) => needle.occurs(record, haystack, *region, scratch),
            Check::Not(check) => !check.holds(record, haystack, today, scratch),
        }
    }
}

/// The answer's JO date, if any.
fn answer_date(record: &Record) -> Option<NaiveDate> {
    record.answer.as_ref().and_then(|a| a.date)
}

/// Whether `record` is in the family `key` (a [`Check::Family`]).
pub(in crate::search) fn family_is(record: &Record, key: &str) -> bool {
    record.family.as_ref().is_some_and(|f| &*f.key == key)
}

/// Whether `record`'s number is `significant` (a [`Check::Number`]).
pub(in crate::search) fn number_is(record: &Record, significant: &str) -> bool {
    record
        .number
        .as_deref()
        .is_some_and(|n| self::significant(n).eq_ignore_ascii_case(significant))
}
