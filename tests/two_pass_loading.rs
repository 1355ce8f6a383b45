//! The reader lists a corpus before it has its texts, as `corpus::stream`
//! delivers it: files arrive in any order without texts, then every
//! record comes again with its texts. What the user sees must not depend
//! on it: the open record always shows its texts, the list ends in file
//! order, and a filter typed early finds what the texts hold once they
//! are in.

use chrono::NaiveDate;
use ratatui::layout::Rect;

use reponses::corpus::{self, Corpus, Input, Progress};
use reponses::load::Texts;
use reponses::model::PartKind;
use reponses::tui::action::Action;
use reponses::tui::app::App;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn fixtures() -> Input {
    Input::Paths(vec![
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures").into(),
    ])
}

/// A reader about to load `input`, as `tui::run` starts it.
fn loading(input: &Input) -> App {
    App::streaming(input.clone(), Rect::new(0, 0, 120, 30), false, today())
}

/// A reader fed the first pass of `input`: every file without its texts,
/// in reverse order, then `Done`.
fn listed(input: &Input) -> App {
    let mut app = loading(input);
    let (problems, files) = corpus::scan(input, today(), &|_| true, Texts::Drop, |file| file);
    app.on_progress(Progress::Listed {
        files: files.len(),
        problems,
    });
    for (rank, file) in files.into_iter().enumerate().rev() {
        app.on_progress(Progress::Files(vec![(rank + 1, file)]));
    }
    app.on_progress(Progress::Done);
    app
}

/// The list's default order: the newest question first.
fn newest_first(records: &[reponses::model::Record]) -> Vec<usize> {
    reponses::sort::order(records, reponses::sort::Sort::Newest, false, today())
}

fn type_filter(app: &mut App, text: &str) {
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Open);
}

#[test]
fn the_open_record_has_its_texts_before_the_others() {
    let input = fixtures();
    let whole = Corpus::load(&input, today()).records;
    let mut app = listed(&input);
    assert_eq!(app.corpus.records.len(), whole.len());
    assert!(!app.indexing(), "no index before the texts");
    let mut opened = Vec::new();
    for position in [0, 3, 1] {
        app.select(position);
        let open = app.current().unwrap().clone();
        opened.push(open.source.clone());
        let full = whole.iter().find(|r| r.id == open.id).unwrap();
        assert_eq!(app.text(PartKind::Question), full.question.text);
        assert!(!full.question.text.is_empty());
        assert_eq!(
            app.text(PartKind::Answer),
            full.answer.as_ref().map_or("", |a| a.text.as_str())
        );
    }
    for record in &app.corpus.records {
        if !record.question.text.is_empty() {
            assert!(
                opened.contains(&record.source),
                "only the files opened were loaded again, not {}",
                record.source
            );
        }
    }
}

#[test]
fn the_texts_put_the_list_in_file_order_and_keep_the_selection() {
    let input = fixtures();
    let whole = Corpus::load(&input, today()).records;
    let mut app = listed(&input);
    app.select(2);
    let open = app.current().unwrap().id.clone();
    app.on_progress(Progress::Texts(whole.clone()));
    assert!(app.awaiting_texts.is_none());
    assert_eq!(app.corpus.records, whole, "records in file order");
    // The list newest first.
    assert_eq!(app.shown, newest_first(&whole));
    assert_eq!(app.current().unwrap().id, open);
    assert!(app.indexing());
}

#[test]
fn a_filter_typed_before_the_texts_is_applied_again_when_they_come() {
    let input = fixtures();
    let whole = Corpus::load(&input, today()).records;
    // A word of the texts only, in several records.
    let word = "attire";
    let want: Vec<&str> = newest_first(&whole)
        .into_iter()
        .map(|i| &whole[i])
        .filter(|r| {
            reponses::search::Query::parse(word, today())
                .unwrap()
                .matches(r)
        })
        .map(|r| r.id.as_str())
        .collect();
    assert!(want.len() >= 2, "{want:?}");
    let mut app = listed(&input);
    type_filter(&mut app, word);
    assert!(app.shown.len() < want.len(), "most texts are not in yet");
    app.on_progress(Progress::Texts(whole.clone()));
    let got: Vec<&str> = app
        .shown
        .iter()
        .map(|&i| app.corpus.records[i].id.as_str())
        .collect();
    assert_eq!(got, want);
}

#[test]
fn records_changed_between_the_passes_are_taken_as_they_are_now() {
    let input = fixtures();
    let mut whole = Corpus::load(&input, today()).records;
    let mut app = listed(&input);
    whole.pop();
    app.on_progress(Progress::Texts(whole.clone()));
    assert_eq!(app.corpus.records, whole);
    assert_eq!(app.shown.len(), whole.len());
    assert!(app.current().is_some());
}

#[test]
fn the_stream_lists_then_brings_the_texts() {
    let input = fixtures();
    let whole = Corpus::load(&input, today()).records;
    let mut app = loading(&input);
    for progress in corpus::stream(input, today()) {
        app.on_progress(progress);
    }
    assert!(app.awaiting_texts.is_none() && app.loading.is_none());
    assert_eq!(app.corpus.records, whole);
}

#[test]
fn opening_a_record_reads_its_whole_file() {
    let input = fixtures();
    let mut app = listed(&input);
    let several = |app: &App| -> Vec<usize> {
        (0..app.corpus.records.len())
            .filter(|&i| app.corpus.records[i].source.ends_with("several.txt"))
            .collect()
    };
    let records = several(&app);
    assert!(records.len() >= 2, "several.txt holds several records");
    let position = app.shown.iter().position(|&i| i == records[0]).unwrap();
    app.select(position);
    for i in several(&app) {
        assert!(
            !app.corpus.records[i].question.text.is_empty(),
            "{}",
            app.corpus.records[i].id
        );
    }
}

#[test]
fn a_filter_typed_before_any_match_came_shows_the_first_match_with_its_texts() {
    let input = fixtures();
    let mut app = loading(&input);
    let (problems, files) = corpus::scan(&input, today(), &|_| true, Texts::Drop, |file| file);
    app.on_progress(Progress::Listed {
        files: files.len(),
        problems,
    });
    // A filter on a field the first pass keeps, typed before any record.
    type_filter(&mut app, "author:dossus");
    assert!(app.shown.is_empty());
    for (rank, file) in files.into_iter().enumerate() {
        app.on_progress(Progress::Files(vec![(rank + 1, file)]));
    }
    let open = app.current().expect("a record matches");
    assert!(open.author.last_name.as_deref() == Some("DOSSUS"));
    assert!(!app.text(PartKind::Question).is_empty());
}

#[test]
fn a_loader_that_stops_before_the_texts_leaves_records_readable_one_by_one() {
    let input = fixtures();
    let whole = Corpus::load(&input, today()).records;
    let mut app = listed(&input);
    app.loader_stopped();
    let order: Vec<&str> = app.corpus.records.iter().map(|r| r.id.as_str()).collect();
    let want: Vec<&str> = whole.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, want, "in file order");
    assert!(app.awaiting_texts.as_ref().is_some_and(|a| a.abandoned));
    assert!(!app.indexing(), "no index of empty texts");
    assert!(app.message.is_some(), "the user is told");
    app.select(3);
    let open = app.current().unwrap().id.clone();
    let full = whole.iter().find(|r| r.id == open).unwrap();
    assert_eq!(app.text(PartKind::Question), full.question.text);
}

/// A file of thousands of documents, larger than what is parsed between
/// two keys: the record opened while it loads is not read on the reader's
/// thread (a file of 200,000 documents froze it, q included); its file is
/// read on a thread of its own and its texts come in with take_reloads.
#[test]
fn a_large_file_is_read_again_off_the_readers_thread() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string("seeds/000_2a0bcd50e9b94967.txt").unwrap();
    std::fs::write(dir.path().join("big.txt"), format!("{seed}\n").repeat(400)).unwrap();
    let input = Input::Paths(vec![dir.path().to_path_buf()]);
    let mut app = loading(&input);
    let (_, files) = corpus::scan(&input, today(), &|_| true, Texts::Drop, |file| file);
    for (rank, file) in files.into_iter().enumerate() {
        app.on_progress(Progress::Files(vec![(rank + 1, file)]));
    }
    assert_eq!(app.corpus.records.len(), 400);
    assert_eq!(
        app.text(PartKind::Question),
        "",
        "not parsed on the reader's thread"
    );
    let mut waited = 0;
    while !app.take_reloads() {
        waited += 1;
        assert!(waited < 6000, "the file was never read again");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        app.text(PartKind::Question)
            .starts_with("M. Thomas Dossus interroge")
    );
    assert!(
        app.corpus
            .records
            .iter()
            .all(|r| !r.question.text.is_empty())
    );
}

#[test]
fn the_first_row_is_selected_once_the_list_is_in_order() {
    let input = fixtures();
    let whole = Corpus::load(&input, today()).records;
    // Files arrive last first: the first to arrive is not the first row.
    let mut app = listed(&input);
    app.on_progress(Progress::Texts(whole.clone()));
    assert_eq!(app.selected, 0);
    let first = &whole[newest_first(&whole)[0]];
    assert_eq!(app.current().unwrap().id, first.id);
}

#[test]
fn a_record_the_user_moved_to_while_loading_stays_selected() {
    let input = fixtures();
    let mut app = loading(&input);
    let (problems, files) = corpus::scan(&input, today(), &|_| true, Texts::Drop, |file| file);
    app.on_progress(Progress::Listed {
        files: files.len(),
        problems,
    });
    let mut files: Vec<_> = files.into_iter().enumerate().rev().collect();
    let rest = files.split_off(3);
    for (rank, file) in files {
        app.on_progress(Progress::Files(vec![(rank + 1, file)]));
    }
    app.update(Action::Down);
    let chosen = app.current().unwrap().id.clone();
    for (rank, file) in rest {
        app.on_progress(Progress::Files(vec![(rank + 1, file)]));
    }
    app.on_progress(Progress::Done);
    app.on_progress(Progress::Texts(Corpus::load(&input, today()).records));
    assert_eq!(app.current().unwrap().id, chosen);
}
