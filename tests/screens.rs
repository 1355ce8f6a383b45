//! Whole-screen snapshots of the reader, drawn into a `TestBackend` at the
//! sizes people use: a big window, the classic 80×24, and a 20×6 corner of
//! tmux. Colours are off (as under NO_COLOR), so the snapshots show what
//! survives without them.

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use reponses::corpus::{Corpus, Input};
use reponses::load;
use reponses::tui::{action::Action, app::App, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn app_with(corpus: Corpus, width: u16, height: u16) -> App {
    App::new(corpus, None, Rect::new(0, 0, width, height), false, today())
}

fn seeds(width: u16, height: u16) -> App {
    app_with(Corpus::load(&Input::Seeds, today()), width, height)
}

fn screen(app: &mut App) -> String {
    let backend = TestBackend::new(app.area.width, app.area.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::draw(frame, &mut *app)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

#[test]
fn seed_at_160x45() {
    insta::assert_snapshot!(screen(&mut seeds(160, 45)));
}

#[test]
fn seed_at_80x24() {
    insta::assert_snapshot!(screen(&mut seeds(80, 24)));
}

#[test]
fn seed_at_20x6() {
    insta::assert_snapshot!(screen(&mut seeds(20, 6)));
}

#[test]
fn answer_focused_and_paged_down_at_20x6() {
    let mut app = seeds(20, 6);
    press(
        &mut app,
        &[Action::FocusNext, Action::FocusNext, Action::PageDown],
    );
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn question_scrolled_to_the_end_at_80x24() {
    let mut app = seeds(80, 24);
    press(&mut app, &[Action::FocusNext, Action::Bottom]);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn help_overlay_at_80x24() {
    let mut app = seeds(80, 24);
    press(&mut app, &[Action::Help]);
    insta::assert_snapshot!(screen(&mut app));
}

fn corpus_of(files: &[(&str, &str)]) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in files {
        corpus.add(load::load_bytes(path, text.as_bytes(), today()));
    }
    corpus
}

const AWAITING: &str = "Fermeture des trésoreries en zone rurale\n\
Question écrite n° 05589 - 16e législature\n\
Question de Mme DI FOLCO Catherine (Rhône - Les Républicains-A) publiée le 02/03/2023\n\n\
Mme Catherine Di Folco attire l'attention de M. le ministre sur la fermeture des trésoreries.\n\n\
- page 1402\n\
Transmise au Ministère de l'économie, des finances et de la souveraineté industrielle et numérique\n\
En attente de réponse du Ministère de l'économie, des finances et de la souveraineté industrielle et numérique.\n";

#[test]
fn awaiting_question_with_title_and_failed_file_at_120x20() {
    let corpus = corpus_of(&[
        ("a/awaiting.txt", AWAITING),
        (
            "b/broken.txt",
            "Question de M. DOSSUS Thomas (Rhône - GEST\n",
        ),
    ]);
    insta::assert_snapshot!(screen(&mut app_with(corpus, 120, 20)));
}

#[test]
fn errors_view_lists_located_messages() {
    let corpus = corpus_of(&[
        ("a/awaiting.txt", AWAITING),
        (
            "b/broken.txt",
            "Question de M. DOSSUS Thomas (Rhône - GEST\n",
        ),
        ("c/empty.txt", ""),
    ]);
    let mut app = app_with(corpus, 100, 16);
    press(&mut app, &[Action::Errors]);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn control_characters_and_escapes_are_drawn_as_placeholders() {
    let hostile = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\n\
                   Texte \u{1b}[2J\u{1b}]0;titre\u{7} avec \u{202e}inversion\u{202c} et \u{9b}31m fin.\n";
    let corpus = corpus_of(&[("hostile.txt", hostile)]);
    let text = screen(&mut app_with(corpus, 120, 12));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\u{9b}'));
    insta::assert_snapshot!(text);
}

#[test]
fn no_size_from_1x1_to_200x60_panics() {
    let mut app = seeds(1, 1);
    for width in (1..200).step_by(7) {
        for height in (1..60).step_by(5) {
            app.resize(Rect::new(0, 0, width, height));
            for action in [Action::FocusNext, Action::PageDown, Action::Help] {
                app.update(action);
                screen(&mut app);
            }
            app.update(Action::Escape);
        }
    }
}

/// The terminal shrinks before the app has handled the Resize event: the
/// frame (ratatui resizes its buffer at every draw) is smaller than the
/// area the app was laid out for. Each screen state, each way round.
#[test]
fn a_frame_smaller_than_the_layout_is_drawn_without_panic() {
    let sizes = [(120, 40), (60, 10), (200, 60), (1, 1), (2, 2), (20, 6)];
    for (laid_w, laid_h) in sizes {
        for (drawn_w, drawn_h) in sizes {
            for keys in [
                &[][..],
                &[Action::FocusNext, Action::Select, Action::Extend],
                &[Action::Help],
                &[Action::Errors],
            ] {
                let mut app = seeds(laid_w, laid_h);
                press(&mut app, keys);
                let mut terminal = Terminal::new(TestBackend::new(drawn_w, drawn_h)).unwrap();
                terminal.draw(|frame| view::draw(frame, &mut app)).unwrap();
                assert_eq!(app.area, Rect::new(0, 0, drawn_w, drawn_h));
            }
        }
    }
}

#[test]
fn a_selection_fills_the_quote_pane_at_80x24() {
    let mut app = seeds(80, 24);
    press(
        &mut app,
        &[
            Action::FocusNext,
            Action::FocusNext,
            Action::Select,
            Action::Extend,
        ],
    );
    assert!(app.selection.is_some());
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn a_selection_at_50x16_keeps_the_start_and_the_citation() {
    let mut app = seeds(50, 16);
    press(&mut app, &[Action::FocusNext, Action::Select]);
    insta::assert_snapshot!(screen(&mut app));
}

const OLD_ERRATA: &str = include_str!("fixtures/old_errata.txt");
const OLD_NOT_DIGITISED: &str = include_str!("fixtures/old_not_digitised.txt");

#[test]
fn errata_and_the_public_sitting_show_under_their_part_s_header_at_160x30() {
    let corpus = corpus_of(&[
        ("old_errata.txt", OLD_ERRATA),
        ("old_not_digitised.txt", OLD_NOT_DIGITISED),
    ]);
    let mut app = app_with(corpus, 160, 30);
    app.lang = reponses::i18n::Lang::Fr;
    // No-break spaces keep "p. 312" on one row.
    let text = screen(&mut app).replace('\u{a0}', " ");
    assert!(
        text.contains("Erratum : JO Sénat du 14/02/1991, p. 312"),
        "{text}"
    );
    assert!(
        text.contains("Erratum : JO Sénat du 11/04/1991, p. 748"),
        "{text}"
    );
    insta::assert_snapshot!("errata_at_160x30", text);
    press(&mut app, &[Action::Down]);
    let text = screen(&mut app).replace('\u{a0}', " ");
    assert!(
        text.contains("Réponse apportée en séance publique le 18/11/1983"),
        "{text}"
    );
    insta::assert_snapshot!("not_digitised_at_160x30", text);
}

#[test]
fn a_text_never_digitised_has_nothing_to_select() {
    let corpus = corpus_of(&[("old_not_digitised.txt", OLD_NOT_DIGITISED)]);
    let mut app = app_with(corpus, 120, 30);
    for focus in [1, 2] {
        app.update(Action::Escape);
        for _ in 0..focus {
            app.update(Action::FocusNext);
        }
        app.update(Action::Select);
        assert_eq!(app.selection, None);
        let message = app.message.as_ref().expect("v says why");
        assert!(message.text.contains("never digitised"), "{}", message.text);
        app.update(Action::FocusPrev);
        if focus == 2 {
            app.update(Action::FocusPrev);
        }
    }
}

/// Both chambers: the Assemblée's real written question and question to
/// the Government beside the seed.
fn mixed(width: u16, height: u16) -> App {
    let input = Input::Paths(vec![
        "seeds".into(),
        "tests/an/real/QANR5L17QE5268.json".into(),
        "tests/an/real/QANR5L16QG10.json".into(),
    ]);
    app_with(Corpus::load(&input, today()), width, height)
}

#[test]
fn both_chambers_at_160x45_show_which_is_which() {
    let mut app = mixed(160, 45);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn a_question_to_the_government_at_120x30_says_it_was_asked_in_the_chamber() {
    let mut app = mixed(120, 30);
    press(&mut app, &[Action::Bottom]);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn both_chambers_at_50x16_name_them_by_their_initial() {
    let mut app = mixed(50, 16);
    insta::assert_snapshot!(screen(&mut app));
}
