//! Benchmarks of the reader's paths, on generated senat.fr pages
//! (`support/corpus.rs`): parse, fold, wrap, and a full-screen render.
//! The list filter over 100,000 records has its own bench (`filter.rs`).
//!
//! ```sh
//! cargo bench --bench reader
//! ```

#[path = "support/an.rs"]
mod an;
#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use reponses::corpus::Corpus;
use reponses::load;
use reponses::text::fold::{FoldOptions, fold_into};
use reponses::text::wrap::wrap;
use reponses::tui::{action::Action, app::App, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

fn documents(n: u64) -> Vec<String> {
    (0..n).map(corpus::document).collect()
}

fn parse(c: &mut Criterion) {
    let docs = documents(1000);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    let probe = |text: &str, found: u64| {
        u64::from(found == 0 && memchr::memmem::find(text.as_bytes(), b"quelconque").is_some())
    };
    let modes = [
        ("1000 documents", load::Texts::Keep),
        ("1000 documents, texts dropped", load::Texts::Drop),
        ("1000 documents, texts probed", load::Texts::Probe(&probe)),
    ];
    for (name, texts) in modes {
        group.bench_function(name, |b| {
            b.iter(|| {
                for (i, doc) in docs.iter().enumerate() {
                    black_box(load::load_bytes_if(
                        &format!("{i}.txt"),
                        doc.as_bytes(),
                        today(),
                        &|_| true,
                        texts,
                    ));
                }
            });
        });
    }
    group.finish();
}

/// The Assemblée's JSON (`support/an.rs`), as `parse` reads senat.fr
/// pages: texts kept, dropped (`check`), probed (`search -l`).
fn parse_an(c: &mut Criterion) {
    let docs: Vec<String> = (0..1000).map(an::document).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse AN JSON");
    group.throughput(Throughput::Bytes(bytes as u64));
    let probe = |text: &str, found: u64| {
        u64::from(found == 0 && memchr::memmem::find(text.as_bytes(), b"quelconque").is_some())
    };
    let modes = [
        ("1000 documents", load::Texts::Keep),
        ("1000 documents, texts dropped", load::Texts::Drop),
        ("1000 documents, texts probed", load::Texts::Probe(&probe)),
    ];
    for (name, texts) in modes {
        group.bench_function(name, |b| {
            b.iter(|| {
                for (i, doc) in docs.iter().enumerate() {
                    black_box(load::load_bytes_if(
                        &format!("{i}.json"),
                        doc.as_bytes(),
                        today(),
                        &|_| true,
                        texts,
                    ));
                }
            });
        });
    }
    group.finish();
}

fn fold(c: &mut Criterion) {
    let docs = documents(1000);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("fold");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("1000 documents, insensitive", |b| {
        let mut out = String::with_capacity(bytes);
        b.iter(|| {
            out.clear();
            for doc in &docs {
                fold_into(doc, FoldOptions::INSENSITIVE, &mut out);
            }
            black_box(out.len());
        });
    });
    group.finish();
}

fn wrapping(c: &mut Criterion) {
    let text = corpus::big_answer();
    let mut group = c.benchmark_group("wrap");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("3 MB answer at 80 columns", |b| {
        b.iter(|| black_box(wrap(&text, 80).len()));
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let mut corpus = Corpus::default();
    for i in 0..2000 {
        let doc = corpus::document(i);
        corpus.add(load::load_bytes(
            &format!("{i}.txt"),
            doc.as_bytes(),
            today(),
        ));
    }
    let mut app = App::new(corpus, None, Rect::new(0, 0, 200, 60), true, today());
    let mut terminal = match Terminal::new(TestBackend::new(200, 60)) {
        Ok(terminal) => terminal,
        Err(e) => panic!("test backend: {e}"),
    };
    c.bench_function("render 200x60, next record", |b| {
        b.iter(|| {
            app.update(Action::Down);
            let _ = terminal.draw(|frame| view::draw(frame, &mut app));
        });
    });

    // Scrolling a 3 MB answer: wrapped once, then every key is a redraw.
    let text = corpus::big_answer();
    let page = format!(
        "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\nTexte.\n- page 1\n\
         Réponse du Ministère de l'intérieur et des outre-mer publiée le 02/02/2023\n{text}\n- page 2\n"
    );
    let mut corpus = Corpus::default();
    let small = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\nTexte.\n\
                 - page 1\nRéponse du Ministère de l'intérieur publiée le 02/02/2023\nRéponse.\n";
    corpus.add(load::load_bytes("a.txt", small.as_bytes(), today()));
    corpus.add(load::load_bytes("big.txt", page.as_bytes(), today()));
    let mut app = App::new(corpus, None, Rect::new(0, 0, 200, 60), true, today());
    // Opening it is one key: the selection moves onto it, its texts are
    // wrapped (the wrap of the record left is dropped) and drawn.
    c.bench_function(
        "3 MB answer: select it and draw, then the record before",
        |b| {
            b.iter(|| {
                app.update(Action::Down);
                let _ = terminal.draw(|frame| view::draw(frame, &mut app));
                app.update(Action::Up);
                let _ = terminal.draw(|frame| view::draw(frame, &mut app));
            });
        },
    );
    app.update(Action::Down);
    app.update(Action::FocusPrev);
    c.bench_function("3 MB answer: page down and redraw", |b| {
        b.iter(|| {
            app.update(Action::PageDown);
            let _ = terminal.draw(|frame| view::draw(frame, &mut app));
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = parse, parse_an, fold, wrapping, render
}
criterion_main!(benches);
