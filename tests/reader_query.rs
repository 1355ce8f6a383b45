//! The reader's list filter with the query language of issue 14, typed as
//! a user types it: `/delay:>60⏎` counts an awaiting question's days to
//! the day the reader loaded the corpus, not to the clock.

use chrono::NaiveDate;
use ratatui::layout::Rect;

use reponses::corpus::{Corpus, Input};
use reponses::tui::{action::Action, app::App};

/// The search fixtures: see tests/cli_query.rs. The awaiting question
/// was asked on 05/01/2023.
fn app(today: NaiveDate) -> App {
    let input = Input::Paths(vec!["tests/search-fixtures/docs".into()]);
    let corpus = Corpus::load(&input, today);
    App::new(corpus, None, Rect::new(0, 0, 160, 45), false, today)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Types `⎋/query⏎` (Esc clears the last filter) and gives the
/// `file:line` of the records listed, in file order (the list itself is
/// newest first).
fn filter(app: &mut App, query: &str) -> Vec<String> {
    app.update(Action::Escape);
    app.update(Action::Search);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Open);
    let mut shown = app.shown.clone();
    shown.sort_unstable();
    shown
        .iter()
        .map(|&i| {
            let record = &app.corpus.records[i];
            let file = record.source.rsplit('/').next().unwrap_or_default();
            format!("{file}:{}", record.line)
        })
        .collect()
}

#[test]
fn an_awaiting_question_s_delay_runs_to_the_day_the_reader_loaded() {
    // 60 days after the question: not yet over 60.
    let mut on_time = app(day(2023, 3, 6));
    assert_eq!(
        filter(&mut on_time, "delay:>60"),
        ["cameras.txt:1", "gendarmerie_cp1252.txt:1"]
    );
    let mut late = app(day(2023, 3, 7));
    assert_eq!(
        filter(&mut late, "delay:>60"),
        ["cameras.txt:1", "several.txt:1", "gendarmerie_cp1252.txt:1"]
    );
}

#[test]
fn exclusions_and_whole_fields_filter_the_list() {
    let mut app = app(day(2026, 11, 29));
    assert_eq!(
        filter(&mut app, "-status:answered"),
        ["several.txt:1", "several.txt:8", "several.txt:16"]
    );
    assert_eq!(filter(&mut app, "ministry:=\"\""), ["several.txt:16"]);
    assert_eq!(
        filter(&mut app, "number:5589 -delay:>60"),
        ["tresoreries.txt:3"]
    );
    assert_eq!(
        filter(&mut app, "cnil -caméras"),
        ["gendarmerie_cp1252.txt:1"]
    );
}
