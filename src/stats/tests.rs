use super::*;
use crate::model::{Answer, Author, Part};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 29)
}

fn record(
    ministry: Option<&str>,
    asked: Option<NaiveDate>,
    answered: Option<NaiveDate>,
    status: Status,
) -> Record {
    let delay_days = asked.zip(answered).map(|(a, b)| (b - a).num_days());
    Record {
        id: String::new(),
        source: String::new(),
        line: 1,
        title: None,
        number: None,
        legislature: None,
        author: Author {
            name: Some("Jean Dupont".into()),
            group: Some("UC".into()),
            ..Author::default()
        },
        question: Part {
            date: asked,
            ..Part::default()
        },
        transmitted_to: None,
        answer: answered.map(|d| Answer {
            date: Some(d),
            ..Answer::default()
        }),
        errata: Vec::new(),
        status,
        withdrawn_reason: None,
        ministry: ministry.map(str::to_owned),
        addressed_to: None,
        delay_days,
        late: crate::model::lateness(status, asked, answered, today()),
        ..Record::default()
    }
}

#[test]
fn median_mean_and_percentile_as_defined() {
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[5]), Some(5.0));
    assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
    assert_eq!(mean(&[1, 2, 2]), Some(1.7));
    assert_eq!(mean(&[]), None);
    let hundred: Vec<i64> = (1..=100).collect();
    assert_eq!(percentile_90(&hundred), Some(90));
    assert_eq!(percentile_90(&[7]), Some(7));
    assert_eq!(
        percentile_90(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
        Some(10)
    );
    assert_eq!(percentile_90(&[]), None);
    assert_eq!(percent(1, 3), 33);
    assert_eq!(percent(2, 3), 67);
    assert_eq!(percent(5, 0), 0);
}

#[test]
fn a_ministry_s_figures() {
    let culture = Some("Ministère de la culture");
    let records = [
        // 30 days: on time.
        record(
            culture,
            Some(day(2023, 1, 2)),
            Some(day(2023, 2, 1)),
            Status::Answered,
        ),
        // 90 days: late.
        record(
            culture,
            Some(day(2023, 1, 2)),
            Some(day(2023, 4, 2)),
            Status::Answered,
        ),
        // Waiting since 2026-01-01: late.
        record(culture, Some(day(2026, 1, 1)), None, Status::Awaiting),
        // Waiting since last week: not late yet.
        record(culture, Some(day(2026, 11, 20)), None, Status::Awaiting),
        record(culture, Some(day(2020, 1, 1)), None, Status::Lapsed),
        record(None, Some(day(2020, 1, 1)), None, Status::Withdrawn),
        record(None, None, None, Status::Awaiting),
    ];
    let table = compute(&records, GroupBy::Ministry, RowOrder::Questions, today());
    assert_eq!(table.rows.len(), 2);
    let row = &table.rows[0];
    assert_eq!(row.group.as_deref(), culture);
    assert_eq!(
        (row.questions, row.answered, row.answered_on_time),
        (5, 2, 1)
    );
    assert_eq!(row.delay_median, Some(60.0));
    assert_eq!(row.delay_mean, Some(60.0));
    assert_eq!(row.delay_p90, Some(90));
    assert_eq!((row.awaiting, row.awaiting_late), (2, 1));
    assert_eq!(
        row.oldest_awaiting_days,
        Some((today() - day(2026, 1, 1)).num_days())
    );
    assert_eq!((row.lapsed, row.withdrawn), (1, 0));
    let none = &table.rows[1];
    assert_eq!(none.group.as_deref(), Some(NONE));
    assert_eq!((none.questions, none.withdrawn, none.awaiting), (2, 1, 1));
    assert_eq!(none.oldest_awaiting_days, None, "its date is unknown");
    assert_eq!(table.total.questions, 7);
    assert_eq!(table.total.group, None);
    assert_eq!(table.undated, 1);
    assert_eq!(table.delays, vec![30, 90]);
    // By year, the undated record has a group of its own.
    let by_year = compute(&records, GroupBy::Year, RowOrder::Name, today());
    let names: Vec<&str> = by_year
        .rows
        .iter()
        .filter_map(|r| r.group.as_deref())
        .collect();
    assert_eq!(names, ["(date unknown)", "2020", "2023", "2026"]);
}

#[test]
fn nothing_to_count_divides_by_nothing() {
    let table = compute(&[], GroupBy::Month, RowOrder::OnTime, today());
    assert!(table.rows.is_empty());
    assert_eq!(table.total.questions, 0);
    assert_eq!(table.total.delay_median, None);
    assert_eq!(table.total.delay_mean, None);
    assert_eq!(table.total.delay_p90, None);
}

#[test]
fn rows_follow_the_order_asked_for() {
    let a = Some("A");
    let b = Some("B");
    let records = [
        record(
            a,
            Some(day(2023, 1, 2)),
            Some(day(2023, 6, 2)),
            Status::Answered,
        ),
        record(
            b,
            Some(day(2023, 1, 2)),
            Some(day(2023, 1, 12)),
            Status::Answered,
        ),
        record(b, Some(day(2023, 1, 2)), None, Status::Awaiting),
    ];
    let names = |order| {
        compute(&records, GroupBy::Ministry, order, today())
            .rows
            .into_iter()
            .map(|r| r.group.unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(RowOrder::Questions), ["B", "A"]);
    assert_eq!(names(RowOrder::Delay), ["A", "B"]);
    assert_eq!(names(RowOrder::OnTime), ["B", "A"]);
    assert_eq!(names(RowOrder::Name), ["A", "B"]);
    assert_eq!(names(RowOrder::Awaiting), ["B", "A"]);
}
