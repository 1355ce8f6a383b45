//! The text functions and the query compiler at 1×, 4× and 16× an input
//! (64 KB of French text; a 1 KB query), to see that each grows linearly
//! (about 4× a step), and hostile inputs that were quadratic. Medians and
//! ratios are in the README.
//!
//! ```sh
//! cargo bench --bench text
//! ```

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use reponses::load;
use reponses::search::{OneByOne, Query};
use reponses::text::fold::{FoldOptions, fold};
use reponses::text::sanitize::{str_width, strip_controls, visible};
use reponses::text::sentence::sentences;
use reponses::text::wrap::wrap;

const BASE: usize = 64 << 10;
const FACTORS: [usize; 3] = [1, 4, 16];

/// At least `len` bytes of generated answers, cut at a character.
fn french(len: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < len {
        let doc = corpus::document(i);
        if let Some(at) = doc.find("publiée le") {
            out.push_str(&doc[at..]);
        }
        out.push_str("\n\n");
        i += 1;
    }
    let mut end = len;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

/// French text with escape sequences and bidi controls every few words.
fn hostile(len: usize) -> String {
    french(len)
        .split(' ')
        .enumerate()
        .map(|(i, w)| match i % 9 {
            0 => format!("\u{1b}[31m{w}\u{1b}[0m"),
            4 => format!("{w}\u{202e}"),
            _ => w.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn text_functions(c: &mut Criterion) {
    let mut group = c.benchmark_group("text");
    for factor in FACTORS {
        let len = BASE * factor;
        let text = french(len);
        let bad = hostile(len);
        // The smallest form of the quadratic sentence input.
        let spaces = format!("a.{}b", " ".repeat(len - 3));
        group.throughput(Throughput::Bytes(len as u64));
        let id = |name: &str| BenchmarkId::new(name, format!("{factor}x64KB"));
        group.bench_function(id("sentences"), |b| b.iter(|| sentences(black_box(&text))));
        group.bench_function(id("sentences, a period then spaces"), |b| {
            b.iter(|| sentences(black_box(&spaces)))
        });
        group.bench_function(id("wrap at 80"), |b| b.iter(|| wrap(black_box(&text), 80)));
        group.bench_function(id("wrap at 1"), |b| b.iter(|| wrap(black_box(&text), 1)));
        group.bench_function(id("fold, insensitive"), |b| {
            b.iter(|| fold(black_box(&text), FoldOptions::INSENSITIVE))
        });
        group.bench_function(id("visible (sanitise)"), |b| {
            b.iter(|| visible(black_box(&bad)).len())
        });
        group.bench_function(id("strip controls"), |b| {
            b.iter(|| strip_controls(black_box(&bad)).1)
        });
        group.bench_function(id("width"), |b| b.iter(|| str_width(black_box(&text))));
    }
    group.finish();
}

/// A query of `len` bytes of the corpus's words, as a pasted paragraph.
fn pasted(len: usize) -> String {
    let text = french(len * 2);
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.len() + word.len() + 1 > len {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.replace('"', ""));
    }
    out
}

fn queries(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let record = load::load_bytes("0.txt", corpus::document(0).as_bytes(), today)
        .records
        .into_iter()
        .next();
    let mut group = c.benchmark_group("query");
    for factor in FACTORS {
        let query = pasted(1024 * factor);
        group.throughput(Throughput::Bytes(query.len() as u64));
        let id = |name: &str| BenchmarkId::new(name, format!("{factor}x1KB"));
        group.bench_function(id("compile"), |b| {
            b.iter(|| {
                let query = Query::parse(black_box(&query), today).ok();
                query.map(|q| OneByOne::new(&q).raw().is_some())
            })
        });
    }
    // The issue's case: 1,000 words pasted, compiled and run on one
    // document, by each path a query takes.
    let words: Vec<&str> = "la commission nationale de l'informatique et des libertés a rendu \
                            un avis sur les caméras augmentées dans l'espace public"
        .split(' ')
        .collect();
    let thousand: Vec<&str> = (0..1000).map(|i| words[i % words.len()]).collect();
    let thousand = thousand.join(" ");
    if let Some(record) = record.as_ref() {
        group.bench_function("1000 words: compile and run on one document", |b| {
            b.iter(|| {
                let query = Query::parse(black_box(&thousand), today).ok()?;
                let one = OneByOne::new(&query);
                Some((one.matches(record), query.matches(record)))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, text_functions, queries);
criterion_main!(benches);
