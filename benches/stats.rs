//! The statistics of a large list (the reader's `S`, `reponses stats`)
//! and the list's sorts, on 100,000 generated records: the window must
//! open within 50 ms, and a change of sort answer at once.
//!
//! ```sh
//! cargo bench --bench stats -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! `STATS_DOCS` sets the number of generated documents (100,000 by
//! default). Texts are dropped after parsing: neither job reads them.

#[path = "support/corpus.rs"]
mod corpus;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

use reponses::model::Record;
use reponses::sort::{self, Sort};
use reponses::stats::{self, GroupBy, RowOrder};

fn records(today: NaiveDate) -> Vec<Record> {
    let count: u64 = std::env::var("STATS_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    (0..count)
        .into_par_iter()
        .flat_map_iter(|i| {
            let document = corpus::document(i);
            let mut records =
                reponses::load::load_bytes(&format!("q{i:06}.txt"), document.as_bytes(), today)
                    .records;
            for record in &mut records {
                record.question.text = String::new();
                record
                    .answer
                    .iter_mut()
                    .for_each(|a| a.text = String::new());
            }
            records
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let records = records(today);
    eprintln!("{} records", records.len());
    for by in GroupBy::ALL {
        c.bench_function(
            &format!("stats of {} records by {by:?}", records.len()),
            |b| b.iter(|| stats::compute(&records, by, RowOrder::Questions, today)),
        );
    }
    for sort in [Sort::Newest, Sort::Delay, Sort::Ministry, Sort::Author] {
        c.bench_function(&format!("sort {} records {sort:?}", records.len()), |b| {
            b.iter(|| sort::order(&records, sort, false, today))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
