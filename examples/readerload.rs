//! Times the reader's load of a folder in-process, without a terminal: the
//! same `corpus::stream` and `App` the reader runs, fed as its event loop
//! feeds them, minus drawing. Prints, in milliseconds from the start, when
//! every record was listed, when the texts had come, and when the index
//! was built. `bench/compare.sh` runs it beside `check`, since polling a
//! terminal measures the listing to a few tens of milliseconds at best.
//!
//! ```sh
//! cargo run --release --example readerload -- /tmp/corpus
//! ```

use std::time::Instant;

use ratatui::layout::Rect;
use reponses::corpus::{self, Input, Progress};
use reponses::tui::app::App;

fn main() {
    let start = Instant::now();
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    if paths.is_empty() {
        eprintln!("usage: readerload DIR…");
        std::process::exit(2);
    }
    let input = Input::from_paths(paths);
    let today = chrono::Local::now().date_naive();
    let mut app = App::streaming(input.clone(), Rect::new(0, 0, 160, 45), false, today);
    let mut listed = None;
    let mut texts = None;
    for progress in corpus::stream(input, today) {
        let (done, came) = (
            matches!(progress, Progress::Done),
            matches!(progress, Progress::Texts(_)),
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
    let ms = |d: Option<std::time::Duration>| d.map_or(0, |d| d.as_millis());
    println!(
        "{} {} {} {}",
        app.corpus.records.len(),
        ms(listed),
        ms(texts),
        start.elapsed().as_millis()
    );
}
