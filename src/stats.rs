//! Which ministries answer late: per group of records (ministry, group,
//! author, year, month), how many questions were asked, answered, answered
//! within the two months, how long the answers took, and how many still
//! wait. The figures the Senate publishes each year (its "palmarès"), for
//! exactly the records a filter shows.
//!
//! Definitions, which scripts and tests rely on:
//! - answered on time: answered with `late` false (the two-calendar-months
//!   rule of [`crate::model::lateness`]);
//! - delays are the answered records' `delay_days`: the median is the mean
//!   of the two middle values for an even count, the 90th percentile the
//!   nearest rank (the ⌈0.9 n⌉-th smallest), the mean rounded to one
//!   decimal; all `None` when no answered record has a delay;
//! - awaiting late: awaiting with `late` true; oldest awaiting: the most
//!   days an awaiting question has waited so far, until `today`;
//! - records with no ministry (nor addressee) group as "(none)"; with an
//!   unknown question date, as "(date unknown)" by year or month.
//!
//! One pass over the records, a hash map of groups, and a sort of each
//! group's delays: 100,000 records in a few milliseconds.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{Record, Status};

mod cells;

pub use cells::cells;

/// What records are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GroupBy {
    #[default]
    Ministry,
    Group,
    Author,
    Year,
    Month,
    /// The Assemblée nationale ("AN") or the Sénat.
    Chamber,
}

impl GroupBy {
    pub const ALL: [GroupBy; 6] = [
        GroupBy::Ministry,
        GroupBy::Group,
        GroupBy::Author,
        GroupBy::Year,
        GroupBy::Month,
        GroupBy::Chamber,
    ];

    /// The next grouping, for the reader's Tab.
    pub fn next(self) -> GroupBy {
        let i = GroupBy::ALL.iter().position(|&g| g == self).unwrap_or(0);
        GroupBy::ALL[(i + 1) % GroupBy::ALL.len()]
    }
}

/// How rows are ordered; the total stays last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowOrder {
    /// Most questions first.
    #[default]
    Questions,
    /// Most answered first.
    Answered,
    /// Highest share answered on time first.
    OnTime,
    /// Longest median delay first.
    Delay,
    /// Most awaiting first.
    Awaiting,
    /// By the group's name.
    Name,
}

/// The group of records without the field grouped by.
pub const NONE: &str = "(none)";
/// The group of records without a question date, by year or month.
pub const DATE_UNKNOWN: &str = "(date unknown)";

/// One group's figures; the JSON keys are the contract with scripts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// `None` for the total.
    pub group: Option<String>,
    pub questions: usize,
    pub answered: usize,
    pub answered_on_time: usize,
    pub delay_median: Option<f64>,
    pub delay_mean: Option<f64>,
    pub delay_p90: Option<i64>,
    pub awaiting: usize,
    pub awaiting_late: usize,
    pub oldest_awaiting_days: Option<i64>,
    pub lapsed: usize,
    pub withdrawn: usize,
    /// Answers that belong to a family of two or more: given again, or
    /// given to others ([`crate::families`]).
    pub reused: usize,
}

/// The rows of a grouping, their total, and the records counted whose
/// question date is unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub by: GroupBy,
    pub rows: Vec<Row>,
    pub total: Row,
    /// Records with an unknown question date: no delay, no waiting time.
    pub undated: usize,
    /// Every answered delay, sorted, for a histogram.
    pub delays: Vec<i64>,
}

/// What one group gathers while records are counted.
#[derive(Debug, Default)]
struct Tally {
    questions: usize,
    answered: usize,
    on_time: usize,
    delays: Vec<i64>,
    awaiting: usize,
    awaiting_late: usize,
    oldest: Option<i64>,
    lapsed: usize,
    withdrawn: usize,
    reused: usize,
}

impl Tally {
    fn add(&mut self, record: &Record, today: NaiveDate) {
        self.questions += 1;
        self.reused += usize::from(record.family.is_some());
        match record.status {
            Status::Answered => {
                self.answered += 1;
                if record.late == Some(false) {
                    self.on_time += 1;
                }
                if let Some(days) = record.delay_days {
                    self.delays.push(days);
                }
            }
            Status::Awaiting => {
                self.awaiting += 1;
                if record.late == Some(true) {
                    self.awaiting_late += 1;
                }
                if let Some(asked) = record.question.date {
                    let waited = (today - asked).num_days();
                    self.oldest = Some(self.oldest.map_or(waited, |o| o.max(waited)));
                }
            }
            Status::Lapsed => self.lapsed += 1,
            Status::Withdrawn => self.withdrawn += 1,
        }
    }

    fn row(mut self, group: Option<String>) -> (Row, Vec<i64>) {
        self.delays.sort_unstable();
        let row = Row {
            group,
            questions: self.questions,
            answered: self.answered,
            answered_on_time: self.on_time,
            delay_median: median(&self.delays),
            delay_mean: mean(&self.delays),
            delay_p90: percentile_90(&self.delays),
            awaiting: self.awaiting,
            awaiting_late: self.awaiting_late,
            oldest_awaiting_days: self.oldest,
            lapsed: self.lapsed,
            withdrawn: self.withdrawn,
            reused: self.reused,
        };
        (row, self.delays)
    }
}

/// The mean of the two middle values for an even count.
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// Rounded to one decimal.
pub fn mean(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: i64 = values.iter().sum();
    Some((sum as f64 / values.len() as f64 * 10.0).round() / 10.0)
}

/// The nearest rank: the ⌈0.9 n⌉-th smallest.
pub fn percentile_90(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (9 * n).div_ceil(10);
    Some(sorted[rank.max(1) - 1])
}

/// The group `record` falls in.
pub fn group_of(record: &Record, by: GroupBy) -> String {
    let or_none = |value: Option<&str>| value.unwrap_or(NONE).to_owned();
    match by {
        GroupBy::Ministry => or_none(record.ministry.as_deref()),
        GroupBy::Group => or_none(record.author.group.as_deref()),
        GroupBy::Author => or_none(record.author.name.as_deref()),
        GroupBy::Year => record
            .question
            .date
            .map_or_else(|| DATE_UNKNOWN.to_owned(), |d| d.year().to_string()),
        GroupBy::Month => record.question.date.map_or_else(
            || DATE_UNKNOWN.to_owned(),
            |d| format!("{:04}-{:02}", d.year(), d.month()),
        ),
        GroupBy::Chamber => record.chamber.label().to_owned(),
    }
}

/// The figures of `records` grouped `by`, rows in `order`.
pub fn compute<'r>(
    records: impl IntoIterator<Item = &'r Record>,
    by: GroupBy,
    order: RowOrder,
    today: NaiveDate,
) -> Table {
    let mut groups: HashMap<String, Tally> = HashMap::new();
    let mut total = Tally::default();
    let mut undated = 0;
    for record in records {
        groups
            .entry(group_of(record, by))
            .or_default()
            .add(record, today);
        total.add(record, today);
        undated += usize::from(record.question.date.is_none());
    }
    let mut rows: Vec<Row> = groups
        .into_iter()
        .map(|(name, tally)| tally.row(Some(name)).0)
        .collect();
    sort_rows(&mut rows, order);
    let (total, delays) = total.row(None);
    Table {
        by,
        rows,
        total,
        undated,
        delays,
    }
}

/// Orders rows; ties by name, so the order is stable across runs.
fn sort_rows(rows: &mut [Row], order: RowOrder) {
    let name = |r: &Row| r.group.clone().unwrap_or_default();
    let share = |r: &Row| {
        if r.questions == 0 {
            0.0
        } else {
            r.answered_on_time as f64 / r.questions as f64
        }
    };
    rows.sort_by(|a, b| {
        let by = match order {
            RowOrder::Questions => b.questions.cmp(&a.questions),
            RowOrder::Answered => b.answered.cmp(&a.answered),
            RowOrder::OnTime => share(b).total_cmp(&share(a)),
            RowOrder::Delay => b
                .delay_median
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.delay_median.unwrap_or(f64::NEG_INFINITY)),
            RowOrder::Awaiting => b.awaiting.cmp(&a.awaiting),
            RowOrder::Name => std::cmp::Ordering::Equal,
        };
        by.then_with(|| name(a).cmp(&name(b)))
    });
}

/// `part` of `whole` as a whole percentage, 0 when there is no whole.
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

#[cfg(test)]
mod tests;
