//! In-process timings of the reader comparing two 3 MB answers: the first
//! frame after the key that opens the second, the alignment on its
//! thread, the frames after.
//!
//! ```sh
//! cargo run --release --example comparetime
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::time::Instant;

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, layout::Rect};
use reponses::tui::{action::Action, app::App, view};

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut rng = corpus::Rng::new(7);
    let mut big = String::new();
    corpus::text_into(&mut rng, 3 << 20, &mut big);
    let mut one = String::new();
    corpus::sentence_into(&mut rng, &mut one);
    let mut corpus = reponses::corpus::Corpus::default();
    for (path, text) in corpus::comparison_pages(&big, &one) {
        corpus.add(reponses::load::load_bytes(path, text.as_bytes(), today));
    }
    let mut app = App::new(corpus, None, Rect::new(0, 0, 160, 45), true, today);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    let mut frame = |app: &mut App, what: &str| {
        let start = Instant::now();
        terminal.draw(|f| view::draw(f, app)).unwrap();
        println!("{what}: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    };
    frame(&mut app, "first frame, 3 MB open");
    let start = Instant::now();
    app.update(Action::Pin);
    println!("p: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    frame(&mut app, "frame, pinned");
    for name in ["a changed copy", "one sentence"] {
        app.focus = reponses::tui::layout::Focus::List;
        let start = Instant::now();
        app.update(Action::Down);
        println!("j to {name}: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
        frame(&mut app, "its first frame");
        let start = Instant::now();
        app.wait_comparison();
        println!(
            "aligned on its thread: {:.0} ms more",
            start.elapsed().as_secs_f64() * 1e3
        );
        frame(&mut app, "first compared frame");
        app.update(Action::NextMatch);
        frame(&mut app, "n, frame");
        println!("  {}", app.comparison_status().unwrap_or_default());
    }
}
