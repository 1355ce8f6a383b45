//! Key-sequence tests of searching in the reader, as a user types them:
//! "press `/cnil⏎n`, expect match 2 of 2". The app is driven through its
//! actions and drawn into a `TestBackend`, colours off (NO_COLOR), so the
//! highlight styles checked here are the ones that survive without colour.

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, buffer::Buffer, layout::Rect, style::Modifier};

use reponses::corpus::{Corpus, Input};
use reponses::load;
use reponses::tui::{action::Action, app::App, layout::Focus, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn seeds(width: u16, height: u16) -> App {
    let corpus = Corpus::load(&Input::Seeds, today());
    App::new(corpus, None, Rect::new(0, 0, width, height), false, today())
}

/// Presses keys: `/` opens the search bar, text is typed, `⏎` submits,
/// `⎋` is Esc, `n`/`N` outside the bar step through matches, `⇥` is Tab.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let action = match c {
            '⏎' => Action::Open,
            '⎋' => Action::Escape,
            '⇥' => Action::FocusNext,
            '⌫' => Action::DeleteBack,
            c if app.prompt.is_some() => Action::Input(c),
            '/' => Action::Search,
            'n' => Action::NextMatch,
            'N' => Action::PrevMatch,
            'j' => Action::Down,
            other => panic!("no key for {other:?}"),
        };
        app.update(action);
    }
}

fn draw(app: &mut App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|frame| view::draw(frame, &mut *app)).unwrap();
    terminal.backend().buffer().clone()
}

fn status_line(buffer: &Buffer) -> String {
    let y = buffer.area.height - 1;
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// Cells whose text spells `word`, with their modifiers.
fn styles_of(buffer: &Buffer, word: &str) -> Vec<Modifier> {
    let mut found = Vec::new();
    let len = word.chars().count() as u16;
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width.saturating_sub(len) {
            let text: String = (x..x + len).map(|x| buffer[(x, y)].symbol()).collect();
            if text == word {
                found.push(buffer[(x, y)].modifier);
            }
        }
    }
    found
}

#[test]
fn slash_cnil_enter_n_is_match_2_of_2_in_the_answer() {
    let mut app = seeds(160, 45);
    press(&mut app, "⇥/cnil⏎");
    assert_eq!(app.matches.len(), 2);
    assert_eq!(app.current_match, Some(0));
    assert_eq!(app.focus, Focus::Question);
    assert!(status_line(&draw(&mut app)).contains("[1/2] \"cnil\""));
    press(&mut app, "n");
    assert_eq!(app.current_match, Some(1));
    assert_eq!(app.focus, Focus::Answer);
    let screen = draw(&mut app);
    assert!(status_line(&screen).contains("[2/2] \"cnil\""));
    // The current match is reversed, the other underlined: visible without
    // colour.
    let styles = styles_of(&screen, "CNIL");
    assert_eq!(styles.len(), 2, "{styles:?}");
    assert!(styles.iter().any(|m| m.contains(Modifier::REVERSED)));
    assert!(
        styles
            .iter()
            .any(|m| m.contains(Modifier::UNDERLINED) && !m.contains(Modifier::REVERSED))
    );
    // n wraps around to the first match, with a word about it.
    press(&mut app, "n");
    assert_eq!(app.current_match, Some(0));
    assert!(status_line(&draw(&mut app)).contains("continuing at the top"));
    press(&mut app, "N");
    assert_eq!(app.current_match, Some(1));
}

#[test]
fn smart_case_and_accents_in_the_record() {
    let mut app = seeds(160, 45);
    press(&mut app, "⇥/cameras⏎");
    let insensitive = app.matches.len();
    assert!(insensitive >= 5, "{insensitive}");
    press(&mut app, "⎋/Caméras⏎");
    assert_eq!(
        app.matches.len(),
        1,
        "Caméras with a capital is case-sensitive"
    );
    press(&mut app, "⎋/camèras⏎");
    assert!(app.matches.is_empty());
    assert!(status_line(&draw(&mut app)).contains("no match for camèras"));
}

#[test]
fn a_phrase_typed_with_spaces_matches_non_breaking_spaces() {
    let mut app = seeds(160, 45);
    press(&mut app, "⇥/\"loi n° 78-17\"⏎");
    assert_eq!(app.matches.len(), 1);
    let m = &app.matches[0];
    let text = app.text(m.part);
    assert!(text[m.range.clone()].contains('\u{a0}') || text[m.range.clone()] == *"loi n° 78-17");
}

#[test]
fn the_list_filter_narrows_as_you_type_and_esc_clears_it() {
    let text = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\nTexte.\n- page 1\n\
                En attente de réponse du Ministère de la culture.\n";
    let mut corpus = Corpus::load(&Input::Seeds, today());
    corpus.add(load::load_bytes("awaiting.txt", text.as_bytes(), today()));
    let mut app = App::new(corpus, None, Rect::new(0, 0, 120, 20), false, today());
    assert_eq!(app.shown.len(), 2);
    press(&mut app, "/status:awai");
    assert!(
        app.prompt.as_ref().is_some_and(|p| p.error.is_some()),
        "an unknown status is an error"
    );
    // What shows is what the last valid query typed ("status", a word).
    assert_eq!(app.shown.len(), 0);
    press(&mut app, "ting");
    assert_eq!(app.shown.len(), 1);
    let top = draw(&mut app);
    let title: String = (0..30).map(|x| top[(x, 0)].symbol()).collect();
    assert!(title.contains("Questions 1 / 2"), "{title}");
    press(&mut app, "⏎");
    assert!(app.prompt.is_none());
    assert_eq!(app.shown.len(), 1, "Enter keeps the filter");
    press(&mut app, "⎋");
    assert_eq!(app.shown.len(), 2, "Esc clears it");
}

#[test]
fn a_bad_query_says_where_and_keeps_the_list() {
    let mut app = seeds(120, 20);
    press(&mut app, "/after:2023-02-3");
    let before = app.shown.clone();
    press(&mut app, "1");
    assert_eq!(
        app.shown, before,
        "the list stays as the last good query left it"
    );
    let status = status_line(&draw(&mut app));
    assert!(status.contains("invalid query (col 7:"), "{status}");
    // The date typed so far is no date: the last valid query is the word.
    assert!(status.contains("showing \"after\""), "{status}");
    // Enter applies nothing and keeps the bar open with the error.
    press(&mut app, "⏎");
    assert!(app.prompt.is_some());
    assert_eq!(app.shown, before);
    assert!(app.filter.as_ref().is_some_and(|f| f.text == "after"));
    press(&mut app, "⎋/\"unbalanced");
    let status = status_line(&draw(&mut app));
    assert!(status.contains("invalid query (col 1:"), "{status}");
    assert!(status.contains("showing every record"), "{status}");
}

#[test]
fn a_mistyped_field_applies_nothing_it_was_not_given() {
    let mut app = seeds(160, 45);
    press(&mut app, "/ministere:culture");
    let status = status_line(&draw(&mut app));
    assert!(
        status.contains("invalid query (col 1: unknown filter 'ministere:'"),
        "{status}"
    );
    // What shows is the last valid query typed, and it says so.
    assert!(status.contains("showing \"ministere\""), "{status}");
    press(&mut app, "⏎");
    assert!(app.prompt.is_some(), "Enter keeps the bar open on an error");
    press(&mut app, "⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫⌫ry:culture⏎");
    assert!(app.prompt.is_none());
    assert_eq!(app.filter.as_ref().unwrap().text, "ministry:culture");
}

#[test]
fn find_in_page_finds_what_is_typed_as_one_phrase() {
    let mut app = seeds(160, 45);
    press(&mut app, "⇥/cadre juridique⏎");
    let found: Vec<&str> = app
        .matches
        .iter()
        .map(|m| &app.text(m.part)[m.range.clone()])
        .collect();
    assert_eq!(
        found, ["cadre juridique"; 3],
        "only the phrase, not its words"
    );
    press(&mut app, "⎋/\"cadre juridique\"⏎");
    assert_eq!(app.matches.len(), 3, "quotes are optional");
    assert!(status_line(&draw(&mut app)).contains("[1/3] \"cadre juridique\""));
    // Nothing found says so, and the old highlights go.
    press(&mut app, "⎋/ne fait pas obstacle⏎");
    assert!(app.matches.is_empty());
    assert!(status_line(&draw(&mut app)).contains("[0/0] not found"));
    let screen = draw(&mut app);
    assert!(
        styles_of(&screen, "cadre juridique")
            .iter()
            .all(|m| m.is_empty())
    );
}

#[test]
fn the_status_bar_says_the_filter_and_its_count_in_words() {
    let mut app = seeds(160, 45);
    press(&mut app, "/status:answered⏎");
    let status = status_line(&draw(&mut app));
    assert!(
        status.contains("filter \"status:answered\": 1 record"),
        "{status}"
    );
    assert!(
        !status.contains("[0/0]") && !status.contains("[-/"),
        "{status}"
    );
}

#[test]
fn list_filter_words_are_highlighted_in_the_record() {
    let mut app = seeds(160, 45);
    press(&mut app, "/vidéoprotection⏎");
    assert_eq!(app.shown.len(), 1);
    assert!(app.matches.len() >= 5);
    press(&mut app, "n");
    assert_ne!(app.focus, Focus::List, "n goes to the match");
}

#[test]
fn highlights_stay_exact_after_wrapping_at_any_width() {
    for width in [20u16, 33, 47, 80, 121, 160] {
        let mut app = seeds(width, 30);
        press(&mut app, "⇥/augmentées⏎");
        for m in &app.matches {
            assert_eq!(&app.text(m.part)[m.range.clone()], "augmentées");
        }
        // Every match drawn covers the word, whole, on one line or split
        // across a wrap: its cells carry the match style.
        let screen = draw(&mut app);
        // The reading panes: right of the list, above the status bar.
        let left = app.panes().list.map_or(0, |r| r.right());
        let bottom = screen.area.height - 1;
        let styled: String = (0..bottom)
            .flat_map(|y| (left..screen.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let m = screen[(x, y)].modifier;
                m.contains(Modifier::UNDERLINED) || m.contains(Modifier::REVERSED)
            })
            .map(|(x, y)| screen[(x, y)].symbol().to_owned())
            .collect();
        assert!(
            styled.replace("augmentées", "").is_empty(),
            "width {width}: styled cells spell {styled:?}"
        );
    }
}

#[test]
fn records_are_filterable_while_loading_and_before_and_after_indexing() {
    use reponses::corpus::Progress;
    use reponses::tui::app::Loading;

    let mut app = App::new(
        Corpus::default(),
        Some(Loading {
            files: None,
            done: 0,
        }),
        Rect::new(0, 0, 120, 30),
        false,
        today(),
    );
    let page = |n: u32, word: &str| {
        format!(
            "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\n\
             Question {n} sur les {word}.\n- page {n}\n"
        )
    };
    app.on_progress(Progress::Listed {
        files: 3,
        problems: Vec::new(),
    });
    for (n, word) in [(3, "caméras"), (1, "trésoreries"), (2, "caméras")] {
        let text = page(n, word);
        app.on_progress(Progress::Files(vec![(
            n as usize,
            load::load_bytes(&format!("q{n}.txt"), text.as_bytes(), today()),
        )]));
    }
    // Filtering while loading: records not yet indexed are tested one by one.
    press(&mut app, "/cameras⏎");
    assert_eq!(app.shown.len(), 2);
    app.on_progress(Progress::Done);
    assert!(app.indexing());
    let sources = |app: &App| -> Vec<String> {
        app.shown
            .iter()
            .map(|&i| app.corpus.records[i].source.clone())
            .collect()
    };
    assert_eq!(
        sources(&app),
        ["q2.txt", "q3.txt"],
        "sorted by file once loaded"
    );
    while app.indexing() {
        app.index_step();
    }
    press(&mut app, "⎋/cameras⏎");
    assert_eq!(
        sources(&app),
        ["q2.txt", "q3.txt"],
        "the same through the index"
    );
}

#[test]
fn refining_the_filter_keeps_the_open_record_where_it_was_read() {
    let mut app = seeds(80, 24);
    app.update(Action::FocusNext);
    app.update(Action::PageDown);
    let scrolled = app.scroll_of(reponses::model::PartKind::Question);
    assert!(scrolled > 0);
    app.update(Action::FocusPrev);
    press(&mut app, "/cni");
    assert_eq!(app.shown.len(), 1);
    assert_eq!(app.scroll_of(reponses::model::PartKind::Question), scrolled);
    assert_eq!(app.matches.len(), 2, "the new query's matches");
}

#[test]
fn v_on_a_match_scrolled_away_from_brings_the_selection_into_view() {
    let mut app = seeds(80, 24);
    press(&mut app, "⇥/Jeux⏎");
    let m = app.matches[app.current_match.unwrap()].clone();
    // Back to the top of the text, the match out of view.
    app.update(Action::Top);
    app.update(Action::Select);
    let (part, range) = app.selected_range().expect("a selection");
    assert_eq!(part, m.part);
    assert!(range.contains(&m.range.start));
    let body = app.body(part).unwrap();
    let lines = app.wrapped(part, usize::from(body.width));
    let line = lines.partition_point(|l| l.start <= range.start) - 1;
    let top = app.scroll_of(part);
    assert!(
        (top..top + usize::from(body.height)).contains(&line),
        "the selection's first line {line} is shown (top {top})"
    );
    assert_eq!(app.focus, Focus::of(part));
    // ] extends it and keeps its end in view.
    app.update(Action::Extend);
    let (_, range) = app.selected_range().unwrap();
    let line = lines.partition_point(|l| l.start < range.end) - 1;
    let top = app.scroll_of(part);
    assert!((top..top + usize::from(body.height)).contains(&line));
}

#[test]
fn ctrl_c_in_the_search_bar_cancels_it_and_quits_from_the_main_screen() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let ctrl_c = || Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut app = seeds(120, 30);
    press(&mut app, "/cnil");
    assert_eq!(app.shown.len(), 1);
    reponses::tui::handle(&mut app, ctrl_c());
    assert!(app.prompt.is_none(), "the prompt is cancelled");
    assert!(app.filter.is_none(), "and what it filtered");
    assert!(!app.quit);
    reponses::tui::handle(&mut app, ctrl_c());
    assert!(app.quit);
}
