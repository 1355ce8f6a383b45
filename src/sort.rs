//! The orders a list of records can take: newest question first (the
//! list's default: JO date, then number), oldest first, longest delay
//! first, by ministry, by author. The reader's `s` cycles them and `r`
//! reverses; `reponses search --sort` takes the same.
//!
//! An order is a permutation of the records, computed once when the sort
//! changes (keys made once, one sort: 100,000 records in tens of
//! milliseconds); a filtered list takes its records' ranks in it. Records
//! that lack the key (no date, no delay, no ministry) come last whichever
//! way the order runs; ties fall back to the newest first, then to the
//! order of the files.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::model::Record;
use crate::text::fold::{FoldOptions, fold_str};

/// An order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// JO date, newest first, then number.
    #[default]
    Newest,
    Oldest,
    /// The longest delay first: an answer's, or the days an unanswered
    /// question has waited until today.
    Delay,
    /// By ministry, alphabetically by what names it ("armées", "culture":
    /// "Ministère de la" aside), case and accents aside.
    Ministry,
    /// By the author's last name, then first name.
    Author,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Newest,
        Sort::Oldest,
        Sort::Delay,
        Sort::Ministry,
        Sort::Author,
    ];

    /// The next order, for the reader's `s`.
    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }

    /// `--sort date|-date|delay|ministry|author`: the order, and whether
    /// it is reversed from the way [`Sort`] runs it (`date` is the oldest
    /// first; `-` reverses any of them).
    pub fn parse(name: &str) -> Option<(Sort, bool)> {
        let (reversed, name) = match name.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, name),
        };
        let sort = match name {
            "date" => {
                return Some(if reversed {
                    (Sort::Newest, false)
                } else {
                    (Sort::Oldest, false)
                });
            }
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            "delay" => Sort::Delay,
            "ministry" => Sort::Ministry,
            "author" => Sort::Author,
            _ => return None,
        };
        Some((sort, reversed))
    }
}

/// The key of one record under one order: a number of days, or the rank
/// of its text among the distinct texts of the records (ministries and
/// authors repeat: each distinct one is folded and compared once).
type Key = i64;

/// What a record is compared by: the order's key, then, for ties, its
/// date and number; made once per record, not once per comparison.
struct Keyed {
    key: Option<Key>,
    date: Option<NaiveDate>,
    number: u64,
}

/// The positions of `records` in `sort`'s order (`reversed` runs it the
/// other way, records without its key still last).
pub fn order(records: &[Record], sort: Sort, reversed: bool, today: NaiveDate) -> Vec<usize> {
    let keys = keys(records, sort, today);
    let keyed: Vec<Keyed> = records
        .iter()
        .zip(keys)
        .map(|(record, key)| Keyed {
            key,
            date: record.question.date,
            number: number(record),
        })
        .collect();
    // Ties newest first, but oldest first when the order is by date and
    // runs from the oldest.
    let oldest_first = (sort == Sort::Oldest) != (reversed && sort == Sort::Newest);
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (ka, kb) = (&keyed[a], &keyed[b]);
        let by_key = match (&ka.key, &kb.key) {
            (Some(x), Some(y)) => {
                let natural = match sort {
                    // Most days first, newest first.
                    Sort::Newest | Sort::Delay => y.cmp(x),
                    Sort::Oldest | Sort::Ministry | Sort::Author => x.cmp(y),
                };
                if reversed { natural.reverse() } else { natural }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_key
            .then_with(|| {
                let tie = newest(ka, kb);
                if oldest_first { tie.reverse() } else { tie }
            })
            .then(a.cmp(&b))
    });
    order
}

/// Newest question first: JO date, then number; unknown dates last.
fn newest(a: &Keyed, b: &Keyed) -> Ordering {
    let date = match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    date.then_with(|| b.number.cmp(&a.number))
}

/// A question number, to compare: "05589" is 5589.
fn number(record: &Record) -> u64 {
    let text = record.number.as_deref().unwrap_or("");
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text[..end].parse().unwrap_or(0)
}

fn keys(records: &[Record], sort: Sort, today: NaiveDate) -> Vec<Option<Key>> {
    match sort {
        Sort::Newest | Sort::Oldest => records
            .iter()
            .map(|r| {
                r.question
                    .date
                    .map(|d| i64::from(chrono::Datelike::num_days_from_ce(&d)))
            })
            .collect(),
        Sort::Delay => records.iter().map(|r| days(r, today)).collect(),
        Sort::Ministry => ranks(
            records,
            |r| r.ministry.as_deref(),
            |r| {
                r.ministry
                    .as_deref()
                    .map(|m| fold_str(crate::model::ministry_name(m), FoldOptions::INSENSITIVE))
            },
        ),
        Sort::Author => ranks(
            records,
            |r| {
                (
                    r.author.last_name.as_deref(),
                    r.author.first_name.as_deref(),
                    r.author.name.as_deref(),
                )
            },
            |r| {
                let author = &r.author;
                let last = author.last_name.as_deref().or(author.name.as_deref())?;
                let first = author.first_name.as_deref().unwrap_or("");
                Some(format!(
                    "{}\u{0}{}",
                    fold_str(last, FoldOptions::INSENSITIVE),
                    fold_str(first, FoldOptions::INSENSITIVE)
                ))
            },
        ),
    }
}

/// Each record's rank among the distinct texts `text` gives, in their
/// order; the text is made once per distinct `field` (the fields it is
/// made of), not once per record.
fn ranks<'r, F: std::hash::Hash + Eq>(
    records: &'r [Record],
    field: impl Fn(&'r Record) -> F,
    text: impl Fn(&Record) -> Option<String>,
) -> Vec<Option<Key>> {
    let mut distinct: hashbrown::HashMap<F, usize> = hashbrown::HashMap::new();
    let mut texts: Vec<Option<String>> = Vec::new();
    let ids: Vec<usize> = records
        .iter()
        .map(|r| {
            *distinct.entry(field(r)).or_insert_with(|| {
                texts.push(text(r));
                texts.len() - 1
            })
        })
        .collect();
    let mut sorted: Vec<(&str, usize)> = texts
        .iter()
        .enumerate()
        .filter_map(|(id, t)| t.as_deref().map(|t| (t, id)))
        .collect();
    sorted.sort_unstable();
    let mut rank = vec![None; texts.len()];
    for (position, &(_, id)) in sorted.iter().enumerate() {
        rank[id] = Some(position as Key);
    }
    ids.into_iter().map(|id| rank[id]).collect()
}

/// The days an answer took, or an awaiting question has waited until
/// `today`, as `delay:` counts them ([`crate::model::waited_days`]).
pub fn days(record: &Record, today: NaiveDate) -> Option<i64> {
    crate::model::waited_days(
        record.status,
        record.question.date,
        record.delay_days,
        today,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Author, Part, Status};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn record(
        asked: Option<NaiveDate>,
        number: &str,
        delay: Option<i64>,
        ministry: Option<&str>,
        last: &str,
    ) -> Record {
        Record {
            id: String::new(),
            source: String::new(),
            line: 1,
            title: None,
            number: Some(number.to_owned()),
            legislature: None,
            author: Author {
                last_name: Some(last.to_owned()),
                ..Author::default()
            },
            question: Part {
                date: asked,
                ..Part::default()
            },
            transmitted_to: None,
            answer: delay.map(|_| Answer::default()),
            errata: Vec::new(),
            status: if delay.is_some() {
                Status::Answered
            } else {
                Status::Awaiting
            },
            withdrawn_reason: None,
            ministry: ministry.map(str::to_owned),
            addressed_to: None,
            delay_days: delay,
            late: None,
            ..Record::default()
        }
    }

    #[test]
    fn each_order_and_its_reverse() {
        let today = day(2026, 11, 29);
        let records = vec![
            record(
                Some(day(2023, 1, 2)),
                "00012",
                Some(30),
                Some("Ministère de la culture"),
                "DUPONT",
            ),
            record(
                Some(day(2024, 5, 6)),
                "00100",
                Some(200),
                Some("Ministère des armées"),
                "ÉMERY",
            ),
            record(Some(day(2024, 5, 6)), "00099", None, None, "ARNAUD"),
            record(
                None,
                "00001",
                Some(10),
                Some("ministère de l'intérieur"),
                "BRUN",
            ),
        ];
        let o = |sort, reversed| order(&records, sort, reversed, today);
        assert_eq!(o(Sort::Newest, false), [1, 2, 0, 3]);
        assert_eq!(o(Sort::Oldest, false), [0, 2, 1, 3]);
        assert_eq!(
            o(Sort::Newest, true),
            [0, 2, 1, 3],
            "unknown dates stay last"
        );
        // Record 2 has waited since 2024-05-06: over 900 days.
        assert_eq!(o(Sort::Delay, false), [2, 1, 0, 3]);
        assert_eq!(o(Sort::Delay, true), [3, 0, 1, 2]);
        assert_eq!(o(Sort::Ministry, false), [1, 0, 3, 2]);
        assert_eq!(o(Sort::Author, false), [2, 3, 0, 1], "É sorts as E");
        assert_eq!(o(Sort::Author, true), [1, 0, 3, 2]);
    }

    #[test]
    fn command_line_names() {
        assert_eq!(Sort::parse("date"), Some((Sort::Oldest, false)));
        assert_eq!(Sort::parse("-date"), Some((Sort::Newest, false)));
        assert_eq!(Sort::parse("delay"), Some((Sort::Delay, false)));
        assert_eq!(Sort::parse("-ministry"), Some((Sort::Ministry, true)));
        assert_eq!(Sort::parse("author"), Some((Sort::Author, false)));
        assert_eq!(Sort::parse("size"), None);
        assert_eq!(Sort::Author.next(), Sort::Newest);
    }
}
