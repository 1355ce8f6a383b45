//! The list's order: newest first at start, `s` cycling the sorts with the
//! title naming them and the selection staying on its record, `r`
//! reversing; `search --sort` giving the same orders.

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use reponses::corpus::{Corpus, Input};
use reponses::sort::{self, Sort};
use reponses::tui::{action::Action, app::App, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn fixtures() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    Corpus::load(&Input::Paths(vec![path.into()]), today())
}

fn title(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..70).map(|x| buffer[(x, 0)].symbol()).collect()
}

fn dates(app: &App) -> Vec<Option<NaiveDate>> {
    app.shown
        .iter()
        .map(|&i| app.corpus.records[i].question.date)
        .collect()
}

#[test]
fn the_list_opens_newest_first_and_s_cycles_the_sorts() {
    let mut app = App::new(fixtures(), None, Rect::new(0, 0, 160, 45), false, today());
    assert!(
        title(&mut app).contains("· newest first"),
        "{}",
        title(&mut app)
    );
    let known: Vec<NaiveDate> = dates(&app).into_iter().flatten().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{known:?}");
    assert_eq!(dates(&app).last(), Some(&None), "unknown dates last");
    // Pick a record; it stays selected through every sort.
    app.update(Action::Down);
    app.update(Action::Down);
    let chosen = app.current().unwrap().id.clone();
    for expected in [
        "oldest first",
        "longest delay first",
        "by ministry",
        "by author",
        "newest first",
    ] {
        app.update(Action::Sort);
        assert!(title(&mut app).contains(expected), "{}", title(&mut app));
        assert_eq!(app.current().unwrap().id, chosen, "{expected}");
    }
    app.update(Action::Sort);
    app.update(Action::Sort);
    let delays: Vec<Option<i64>> = app
        .shown
        .iter()
        .map(|&i| sort::days(&app.corpus.records[i], today()))
        .collect();
    let known: Vec<i64> = delays.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{delays:?}");
    app.update(Action::Reverse);
    assert!(title(&mut app).contains("longest delay first, reversed"));
    let reversed: Vec<i64> = app
        .shown
        .iter()
        .filter_map(|&i| sort::days(&app.corpus.records[i], today()))
        .collect();
    assert!(reversed.windows(2).all(|w| w[0] <= w[1]), "{reversed:?}");
    assert_eq!(app.current().unwrap().id, chosen);
}

#[test]
fn a_filter_keeps_the_sort() {
    let mut app = App::new(fixtures(), None, Rect::new(0, 0, 160, 45), false, today());
    app.update(Action::Sort); // oldest first
    app.update(Action::Search);
    for c in "status:answered".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Open);
    let shown: Vec<NaiveDate> = dates(&app).into_iter().flatten().collect();
    assert!(shown.len() > 5);
    assert!(shown.windows(2).all(|w| w[0] <= w[1]), "{shown:?}");
    let expected: Vec<usize> = sort::order(&app.corpus.records, Sort::Oldest, false, today())
        .into_iter()
        .filter(|&i| app.corpus.records[i].status == reponses::model::Status::Answered)
        .collect();
    assert_eq!(app.shown, expected);
}
