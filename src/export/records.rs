//! Records as rows for scripts and spreadsheets: `reponses search --format
//! csv|tsv` and the reader's `x`. One row per record, in the order given,
//! with a header of fixed English keys (the same whatever the language:
//! scripts read them), through the `csv` crate (quoting, separators,
//! line ends in fields).

use std::io::{self, Write};

use crate::model::Record;

/// The columns, in order.
pub const COLUMNS: [&str; 14] = [
    "id",
    "source",
    "line",
    "number",
    "date",
    "author",
    "group",
    "constituency",
    "ministry",
    "status",
    "answer_date",
    "delay_days",
    "late",
    "title",
];

/// Comma- or tab-separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    Tab,
}

/// Writes `records` as a header and one row each.
///
/// # Errors
/// Writing to `out` failed.
pub fn write<'r>(
    records: impl IntoIterator<Item = &'r Record>,
    separator: Separator,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(match separator {
            Separator::Comma => b',',
            Separator::Tab => b'\t',
        })
        .from_writer(out);
    writer.write_record(COLUMNS)?;
    for record in records {
        writer.write_record(row(record))?;
    }
    writer.flush()
}

/// One record's fields, empty where unknown.
fn row(record: &Record) -> [String; 14] {
    let text = |v: Option<&str>| v.unwrap_or("").to_owned();
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
    [
        record.id.clone(),
        record.source.clone(),
        record.line.to_string(),
        text(record.number.as_deref()),
        date(record.question.date),
        text(record.author.name.as_deref()),
        text(record.author.group.as_deref()),
        text(record.author.constituency.as_deref()),
        text(record.ministry.as_deref()),
        record.status.as_str().to_owned(),
        date(record.answer.as_ref().and_then(|a| a.date)),
        record
            .delay_days
            .map_or_else(String::new, |d| d.to_string()),
        record.late.map_or_else(String::new, |l| l.to_string()),
        text(record.title.as_deref()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_quoted_where_they_must_be() {
        let seed =
            crate::corpus::Corpus::load(&crate::corpus::Input::Seeds, chrono::NaiveDate::MIN)
                .records;
        let mut out = Vec::new();
        write(&seed, Separator::Comma, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(COLUMNS.join(",").as_str()));
        let row = lines.next().unwrap();
        assert!(row.contains(",2022-11-10,Thomas Dossus,GEST,Rhône,Ministère de l'intérieur et des outre-mer,answered,2023-02-02,84,"), "{row}");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[9], "answered");
        let mut out = Vec::new();
        write(&seed, Separator::Tab, &mut out).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .starts_with("id\tsource\tline")
        );
    }
}
