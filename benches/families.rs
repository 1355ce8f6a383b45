//! Families of reused answers on 100,000 generated records with families
//! planted (12, 5 and a hundred of 3): fingerprinting and grouping
//! together, as the reader runs them in the background after indexing
//! (goal: 5 s), then grouping alone; the memory the fingerprints take
//! beside the corpus's bytes; the families found against those planted.
//! Then the alignment of a 3 MB answer with itself and with one sentence.
//!
//! ```sh
//! cargo bench --bench families -- --warm-up-time 1 --measurement-time 10
//! ```
//!
//! `FAMILIES_DOCS` sets the number of generated documents (100,000 by
//! default).

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

use reponses::model::Record;

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let count: u64 = std::env::var("FAMILIES_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let sizes = corpus::family_sizes("12,5,3x100").unwrap();
    let planted = corpus::plant(&sizes, count);
    let (bytes, mut records): (Vec<usize>, Vec<Vec<Record>>) = (0..count)
        .into_par_iter()
        .map(|i| {
            let document = corpus::document_in(i, planted[i as usize]);
            let records =
                reponses::load::load_bytes(&format!("q{i:06}.txt"), document.as_bytes(), today)
                    .records;
            (document.len(), records)
        })
        .unzip();
    let bytes: usize = bytes.iter().sum();
    let mut records: Vec<Record> = records.drain(..).flatten().collect();
    let start = Instant::now();
    let found = reponses::families::compute(&mut records);
    let once = start.elapsed();
    let mut found_sizes: Vec<usize> = found.iter().map(Vec::len).collect();
    found_sizes.sort_unstable();
    let mut wanted = sizes.clone();
    wanted.sort_unstable();
    let signatures = records.len() * std::mem::size_of::<Option<reponses::families::Signature>>();
    let buckets = records.len() * std::mem::size_of::<(u64, u32)>();
    let union_find = records.len() * 4 * 3;
    let memory = signatures + buckets + union_find;
    eprintln!(
        "{} records, {} MB of documents; families in {:.2} s (first run); \
         {} families found ({} planted, {}); memory {:.1} MB = {:.2} % of the corpus",
        records.len(),
        bytes / 1_000_000,
        once.as_secs_f64(),
        found.len(),
        wanted.len(),
        if found_sizes == wanted {
            "the same sizes"
        } else {
            "DIFFERENT sizes"
        },
        memory as f64 / 1e6,
        100.0 * memory as f64 / bytes as f64,
    );
    let mut group = c.benchmark_group("families");
    group.sample_size(10);
    group.bench_function(
        format!("fingerprint and group {} records", records.len()),
        |b| b.iter(|| reponses::families::compute(&mut records)),
    );
    let signatures = reponses::families::fingerprints(&records);
    group.bench_function(format!("group {} fingerprints", records.len()), |b| {
        b.iter(|| reponses::families::group::group(&signatures))
    });
    group.finish();

    // A 3 MB answer: with itself, with one sentence.
    let mut rng = corpus::Rng::new(7);
    let mut big = String::new();
    corpus::text_into(&mut rng, 3 << 20, &mut big);
    let mut one = String::new();
    corpus::sentence_into(&mut rng, &mut one);
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("align 3 MB with itself", |b| {
        b.iter(|| reponses::compare::align(&big, &big, None))
    });
    group.bench_function("align 3 MB with one sentence", |b| {
        b.iter(|| reponses::compare::align(&big, &one, None))
    });
    group.finish();

    // Drawing a comparison of two 3 MB answers (the second a copy with a
    // sentence changed every hundred), and of 3 MB with one sentence:
    // the reader's frame, once the alignment has come from its thread.
    let mut corpus = reponses::corpus::Corpus::default();
    for (path, text) in corpus::comparison_pages(&big, &one) {
        corpus.add(reponses::load::load_bytes(path, text.as_bytes(), today));
    }
    use ratatui::{Terminal, backend::TestBackend, layout::Rect};
    use reponses::tui::{action::Action, app::App, view};
    let mut app = App::new(corpus, None, Rect::new(0, 0, 160, 45), true, today);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    app.update(Action::Pin);
    for (name, moves) in [("a copy with changes", 1), ("one sentence", 1)] {
        app.focus = reponses::tui::layout::Focus::List;
        for _ in 0..moves {
            app.update(Action::Down);
        }
        let start = Instant::now();
        terminal.draw(|f| view::draw(f, &mut app)).unwrap();
        let first = start.elapsed();
        let start = Instant::now();
        app.wait_comparison();
        let aligned = start.elapsed();
        let start = Instant::now();
        terminal.draw(|f| view::draw(f, &mut app)).unwrap();
        let compared = start.elapsed();
        eprintln!(
            "3 MB with {name}: first frame {:.1} ms (alignment on its thread), \
             then {:.0} ms more to align, first compared frame {:.1} ms; {}",
            first.as_secs_f64() * 1e3,
            aligned.as_secs_f64() * 1e3,
            compared.as_secs_f64() * 1e3,
            app.comparison_status().unwrap_or_default()
        );
        c.bench_function(&format!("draw 3 MB compared with {name}"), |b| {
            b.iter(|| {
                terminal.draw(|f| view::draw(f, &mut app)).unwrap();
            })
        });
        app.update(Action::FocusNext);
        app.update(Action::PageDown);
        app.update(Action::PageDown);
        app.update(Action::FocusPrev);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
