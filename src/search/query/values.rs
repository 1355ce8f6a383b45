//! The values filters take: each field's value read and checked, and the
//! comparisons and number spellings the matchers share.
//!
//! A bad value is a [`Problem`] and the byte of the value where it lies,
//! so that the search bar points at the character to fix (`delay:>x` at
//! the `x`), not merely at the filter.

use chrono::NaiveDate;

use super::{FIELDS, Filter, Problem, Term};
use crate::model::{Chamber, Kind, Status};

/// How `delay:` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `<`
    Less,
    /// `<=`
    AtMost,
    /// `=`, or a bare number.
    Equal,
    /// `>=`
    AtLeast,
    /// `>`
    Greater,
}

/// `delay:>60`: an operator and a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    pub op: Op,
    pub days: i64,
}

impl Comparison {
    /// Whether `days` compares so.
    pub fn holds(self, days: i64) -> bool {
        match self.op {
            Op::Less => days < self.days,
            Op::AtMost => days <= self.days,
            Op::Equal => days == self.days,
            Op::AtLeast => days >= self.days,
            Op::Greater => days > self.days,
        }
    }
}

/// A question number without its leading zeros, which are typography:
/// numbers are printed on five digits (`05589`), people type `5589`. A
/// zero that is the whole number, or stands before letters, stays (`0`,
/// `0S`). Compare the results ignoring ASCII case: oral questions end with
/// a letter (`0827S`).
pub fn significant(number: &str) -> &str {
    let number = number.trim();
    let zeros = number.bytes().take_while(|&b| b == b'0').count();
    let digit_after = number[zeros..]
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit());
    if digit_after || zeros == 0 {
        &number[zeros..]
    } else {
        &number[zeros - 1..]
    }
}

/// The filter `field` (an index into [`FIELDS`]) makes of `value`, which
/// is not empty unless `exact` (`ministry:=""`). `column` is the value's,
/// for the terms of text filters.
///
/// # Errors
/// What is wrong, and the byte of `value` where.
pub(super) fn filter(
    field: usize,
    value: &str,
    exact: bool,
    column: usize,
) -> Result<Filter, (Problem, usize)> {
    let at_start = |problem| (problem, 0);
    Ok(match FIELDS[field] {
        "author" if exact => Filter::AuthorIs(value.to_owned()),
        "ministry" if exact => Filter::MinistryIs(value.to_owned()),
        "group" if exact => Filter::GroupIs(value.to_owned()),
        "author" => Filter::Author(Term::new(value, false, column)),
        "ministry" => Filter::Ministry(Term::new(value, false, column)),
        "group" => Filter::Group(Term::new(value, false, column)),
        "status" => Filter::Status(
            Status::ALL
                .into_iter()
                .find(|s| s.as_str().eq_ignore_ascii_case(value))
                .ok_or_else(|| at_start(Problem::NoStatus(value.to_owned())))?,
        ),
        "chamber" => Filter::Chamber(
            Chamber::ALL
                .into_iter()
                .find(|c| c.as_str().eq_ignore_ascii_case(value))
                .ok_or_else(|| at_start(Problem::NoChamber(value.to_owned())))?,
        ),
        "kind" => Filter::Kind(
            Kind::ALL
                .into_iter()
                .find(|k| k.as_str().eq_ignore_ascii_case(value))
                .ok_or_else(|| at_start(Problem::NoKind(value.to_owned())))?,
        ),
        "late" => {
            Filter::Late(yes_no(value).ok_or_else(|| at_start(Problem::BadLate(value.to_owned())))?)
        }
        "answered" => Filter::Answered(
            yes_no(value).ok_or_else(|| at_start(Problem::BadAnswered(value.to_owned())))?,
        ),
        "after" => Filter::After(date(value).map_err(at_start)?),
        "before" => Filter::Before(date(value).map_err(at_start)?),
        "answer-after" => Filter::AnswerAfter(date(value).map_err(at_start)?),
        "answer-before" => Filter::AnswerBefore(date(value).map_err(at_start)?),
        "delay" => Filter::Delay(delay(value)?),
        "family" => Filter::Family(value.to_owned()),
        "reused" => Filter::Reused(
            yes_no(value).ok_or_else(|| at_start(Problem::BadReused(value.to_owned())))?,
        ),
        _ => Filter::Number(number(value)?.to_owned()),
    })
}

fn yes_no(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// `>60`, `>=60`, `<30`, `<=30`, `=45` or `45`: days, a whole number.
fn delay(value: &str) -> Result<Comparison, (Problem, usize)> {
    const OPS: [(&str, Op); 5] = [
        (">=", Op::AtLeast),
        ("<=", Op::AtMost),
        (">", Op::Greater),
        ("<", Op::Less),
        ("=", Op::Equal),
    ];
    let (op, days) = OPS
        .iter()
        .find_map(|&(sign, op)| value.strip_prefix(sign).map(|rest| (op, rest)))
        .unwrap_or((Op::Equal, value));
    let at = value.len() - days.len();
    let bad = |offset| (Problem::BadDelay(value.to_owned()), at + offset);
    if let Some(wrong) = days.find(|c: char| !c.is_ascii_digit()) {
        return Err(bad(wrong));
    }
    if days.is_empty() {
        return Err(bad(0));
    }
    let days = days.parse::<i64>().map_err(|_| bad(0))?;
    Ok(Comparison { op, days })
}

/// A question number as printed: letters and digits.
fn number(value: &str) -> Result<&str, (Problem, usize)> {
    match value.find(|c: char| !c.is_ascii_alphanumeric()) {
        Some(wrong) => Err((Problem::BadNumber(value.to_owned()), wrong)),
        None => Ok(value),
    }
}

/// A `YYYY-MM-DD` day that exists.
fn date(value: &str) -> Result<NaiveDate, Problem> {
    let bytes = value.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let number =
        |range: std::ops::Range<usize>| value.get(range).and_then(|s| s.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day), true) =
        (number(0..4), number(5..7), number(8..10), shape)
    else {
        return Err(Problem::MalformedDate(value.to_owned()));
    };
    let year = i32::try_from(year).map_err(|_| Problem::MalformedDate(value.to_owned()))?;
    if !(1..=12).contains(&month) {
        return Err(Problem::NoMonth(value.to_owned(), month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
            .and_then(|next| next.pred_opt())
            .map_or(31, |last| chrono::Datelike::day(&last));
        Problem::NoDay(value.to_owned(), format!("{year}-{month:02}"), days)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_zeros_are_typography() {
        assert_eq!(significant("05589"), "5589");
        assert_eq!(significant("5589"), "5589");
        assert_eq!(significant("0827S"), "827S");
        assert_eq!(significant("0"), "0");
        assert_eq!(significant("000"), "0");
        assert_eq!(significant("00S"), "0S");
        assert_eq!(significant(" 0042 "), "42");
        assert_eq!(significant(""), "");
    }

    #[test]
    fn comparisons() {
        let c = |op, days| Comparison { op, days };
        assert!(c(Op::Greater, 60).holds(61) && !c(Op::Greater, 60).holds(60));
        assert!(c(Op::AtLeast, 60).holds(60) && !c(Op::AtLeast, 60).holds(59));
        assert!(c(Op::Less, 30).holds(29) && !c(Op::Less, 30).holds(30));
        assert!(c(Op::AtMost, 30).holds(30) && !c(Op::AtMost, 30).holds(31));
        assert!(c(Op::Equal, 84).holds(84) && !c(Op::Equal, 84).holds(85));
    }
}
