//! A table of statistics as cells for people to read, in their language:
//! the header and one row of cells per group, the total last. The command
//! line aligns them, the reader draws them as its width allows.

use super::{GroupBy, Table, percent};
use crate::i18n::Lang;

/// The columns of the table for people: a header and a cell per row.
pub fn cells(table: &Table, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let t = lang.t();
    let group = match table.by {
        GroupBy::Ministry => t.stats_ministry,
        GroupBy::Group => t.stats_group,
        GroupBy::Author => t.stats_author,
        GroupBy::Year => t.stats_year,
        GroupBy::Month => t.stats_month,
        GroupBy::Chamber => t.stats_chamber,
    };
    let header = [
        group,
        t.stats_questions,
        t.stats_answered,
        t.stats_answered_share,
        t.stats_on_time,
        t.stats_on_time_share,
        t.stats_median,
        t.stats_mean,
        t.stats_p90,
        t.stats_awaiting,
        t.stats_awaiting_late,
        t.stats_oldest,
        t.stats_lapsed,
        t.stats_withdrawn,
        t.stats_reused,
    ]
    .map(str::to_owned)
    .to_vec();
    let days = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| decimal(v, lang));
    let whole =
        |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |v| lang.number(v.max(0) as usize));
    let rows = table
        .rows
        .iter()
        .chain([&table.total])
        .map(|row| {
            vec![
                row.group
                    .clone()
                    .unwrap_or_else(|| t.stats_total.to_owned()),
                lang.number(row.questions),
                lang.number(row.answered),
                percent(row.answered, row.questions).to_string(),
                lang.number(row.answered_on_time),
                percent(row.answered_on_time, row.questions).to_string(),
                days(row.delay_median),
                days(row.delay_mean),
                whole(row.delay_p90),
                lang.number(row.awaiting),
                lang.number(row.awaiting_late),
                whole(row.oldest_awaiting_days),
                lang.number(row.lapsed),
                lang.number(row.withdrawn),
                lang.number(row.reused),
            ]
        })
        .collect();
    (header, rows)
}

/// "60.5" in English, "60,5" in French; whole numbers without decimals.
fn decimal(value: f64, lang: Lang) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}
