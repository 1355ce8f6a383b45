//! The reader's list filter over a large corpus: building the inverted
//! index, its size, and the time a query takes, against the per-record
//! folded copies it replaced.
//!
//! ```sh
//! cargo bench --bench filter -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! `FILTER_DOCS` sets the number of generated documents (100,000 by
//! default, about 630 MB of text).

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

use reponses::model::Record;
use reponses::search::index::{self, Haystack};
use reponses::search::{Index, Query};

const QUERIES: [&str; 15] = [
    "hydrogène",
    "cnil",
    "CNIL",
    "ministre",
    "m",
    "\"cadre juridique\"",
    "\"de la\"",
    "\"M. le ministre\"",
    "\"m. le ministre\"",
    "ministre status:awaiting",
    // Issue 14: answered from each record's fixed fields, the distinct
    // ministries, the postings of an excluded word.
    "delay:>60",
    "-status:answered",
    "ministry:=\"Ministère de la culture\"",
    "number:5589",
    "cnil -caméras",
];

/// The day the corpus is loaded on.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn records() -> (Vec<Record>, usize) {
    let count: u64 = std::env::var("FILTER_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let today = today();
    let loaded: Vec<(usize, Vec<Record>)> = (0..count)
        .into_par_iter()
        .map(|i| {
            let document = corpus::document(i);
            let source = format!("q{i:06}.txt");
            let records = reponses::load::load_bytes(&source, document.as_bytes(), today).records;
            (document.len(), records)
        })
        .collect();
    let bytes = loaded.iter().map(|(b, _)| b).sum();
    (loaded.into_iter().flat_map(|(_, r)| r).collect(), bytes)
}

/// The filter before the index: every record's folded copy scanned.
fn old_filter(records: &[Record], haystacks: &[Haystack], query: &Query) -> Vec<usize> {
    records
        .par_iter()
        .zip(haystacks.par_iter())
        .enumerate()
        .map_init(String::new, |scratch, (i, (record, haystack))| {
            query
                .matches_indexed(record, haystack, scratch)
                .then_some(i)
        })
        .flatten()
        .collect()
}

fn bench(c: &mut Criterion) {
    let (records, bytes) = records();
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    let start = Instant::now();
    let index = Index::build(&records);
    let built = start.elapsed();
    let haystacks = index::build(&records);
    let old: usize = haystacks.iter().map(Haystack::heap_bytes).sum();
    eprintln!(
        "{} records, {:.0} MiB of documents; index: {:.1} MiB ({:.3}x), {} tokens, built in {:.2?}; \
         haystacks: {:.1} MiB ({:.3}x)",
        records.len(),
        mib(bytes),
        mib(index.heap_bytes()),
        index.heap_bytes() as f64 / bytes as f64,
        index.tokens(),
        built,
        mib(old),
        old as f64 / bytes as f64,
    );
    for text in QUERIES {
        let query = Query::parse(text, today()).unwrap();
        let new = index.filter(&records, &query);
        assert_eq!(new, old_filter(&records, &haystacks, &query), "{text}");
        eprintln!("{text}: {} records", new.len());
    }

    let mut group = c.benchmark_group("filter");
    group.sample_size(10);
    for text in QUERIES {
        let query = Query::parse(text, today()).unwrap();
        group.bench_function(format!("index {text}"), |b| {
            b.iter(|| index.filter(&records, &query))
        });
        group.bench_function(format!("haystacks {text}"), |b| {
            b.iter(|| old_filter(&records, &haystacks, &query))
        });
    }
    drop(haystacks);
    group.bench_function("build index", |b| b.iter(|| Index::build(&records)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
