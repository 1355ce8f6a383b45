//! Times the reader's load of a folder in-process, without a terminal: the
//! same `corpus::stream` and `App` the reader runs, fed as its event loop
//! feeds them, minus drawing. Prints, in milliseconds from the start, when
//! every record was listed, when the texts had come, and when the index
//! was built. `bench/compare.sh` runs it beside `check`, since polling a
//! terminal measures the listing to a few tens of milliseconds at best.
//!
//! ```sh
//! cargo run --release --example readerload -- /tmp/corpus
//! cargo run --release --example readerload -- --cache /tmp/corpus
//! ```
//!
//! With `--cache`, the load goes through the cache as the reader's does
//! (`corpus::open`): a first run builds the index and writes the cache
//! (the fifth number: when it was in place), a second takes both from it.

use std::time::Instant;

use ratatui::layout::Rect;
use reponses::corpus::{self, Input, Progress};
use reponses::tui::app::App;

fn main() {
    let start = Instant::now();
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let cached = args.first().is_some_and(|a| a == "--cache");
    if cached {
        args.remove(0);
    }
    let paths: Vec<std::path::PathBuf> = args.into_iter().map(Into::into).collect();
    if paths.is_empty() {
        eprintln!("usage: readerload DIR…");
        std::process::exit(2);
    }
    let input = Input::from_paths(paths);
    let today = chrono::Local::now().date_naive();
    let mut app = App::streaming(input.clone(), Rect::new(0, 0, 160, 45), false, today);
    let mut listed = None;
    let mut texts = None;
    let cache = match &input {
        Input::Paths(paths) if cached => reponses::cache::Cache::for_paths(paths),
        _ => None,
    };
    let cache_file = cache.as_ref().map(|c| c.path.clone());
    for progress in corpus::open(input, today, cache) {
        let (done, came) = (
            matches!(progress, Progress::Done | Progress::Cached(_)),
            matches!(progress, Progress::Texts(_) | Progress::Cached(_)),
        );
        app.on_progress(progress);
        if done {
            listed = Some(start.elapsed());
        }
        if came {
            texts = Some(start.elapsed());
            break;
        }
    }
    while app.indexing() {
        app.index_step();
    }
    let indexed = start.elapsed();
    // A first open's cache is written on the loader's thread once the
    // index is handed over: wait for the file to be renamed into place.
    let before = cache_file
        .as_ref()
        .and_then(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok());
    let mut written = None;
    if let Some(file) = cache_file.filter(|_| app.cache.as_ref().is_some_and(|c| c.index.is_none()))
    {
        for _ in 0..6000 {
            let now = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
            if now.is_some() && now != before {
                written = Some(start.elapsed());
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    let ms = |d: Option<std::time::Duration>| d.map_or(0, |d| d.as_millis());
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .unwrap_or_default();
    println!(
        "{} {} {} {} {} {}",
        app.corpus.records.len(),
        ms(listed),
        ms(texts),
        indexed.as_millis(),
        ms(written),
        peak
    );
}
