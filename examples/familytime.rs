//! In-process timings of the families of reused answers and of an
//! alignment, outside criterion: how long fingerprinting takes on one
//! thread and on all, grouping, and drawing a 3 MB comparison.
//!
//! ```sh
//! cargo run --release --example familytime -- 100000
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let sizes = corpus::family_sizes("12,5,3x100").unwrap();
    let planted = corpus::plant(&sizes, count);
    let mut records: Vec<reponses::model::Record> = (0..count)
        .into_par_iter()
        .flat_map_iter(|i| {
            let document = corpus::document_in(i, planted[i as usize]);
            reponses::load::load_bytes(&format!("q{i:06}.txt"), document.as_bytes(), today).records
        })
        .collect();
    let answers: usize = records
        .iter()
        .filter_map(|r| r.answer.as_ref())
        .map(|a| a.text.len())
        .sum();
    let start = Instant::now();
    let one: Vec<_> = records.iter().map(reponses::families::of_record).collect();
    let single = start.elapsed();
    let start = Instant::now();
    let all = reponses::families::fingerprints(&records);
    let parallel = start.elapsed();
    assert_eq!(one, all);
    let start = Instant::now();
    let found = reponses::families::tag(&mut records, &all);
    let grouping = start.elapsed();
    println!(
        "{} records, {} MB of answers: fingerprints {:.2} s on one thread ({:.0} MB/s), \
         {:.2} s on {} threads; grouping {:.2} s; {} families",
        records.len(),
        answers / 1_000_000,
        single.as_secs_f64(),
        answers as f64 / 1e6 / single.as_secs_f64(),
        parallel.as_secs_f64(),
        rayon::current_num_threads(),
        grouping.as_secs_f64(),
        found.len()
    );
}
