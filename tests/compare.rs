//! The reader comparing two records (`p`), and the families of reused
//! answers in it (`≡ N`, `=`): whole-screen snapshots at 160×45 and at
//! 80×24 (the panes stacked), then what the keys do — Tab to both
//! questions, `n`/`N` from one difference to the next, `v`/`y` in the
//! pinned pane with its own citation — and a 3 MB answer compared with a
//! copy of itself and with a one-sentence answer without blocking a key.

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use reponses::corpus::Corpus;
use reponses::load;
use reponses::tui::{action::Action, app::App, layout::Focus, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

const ANSWER: &str = "Le Gouvernement est pleinement mobilisé sur la présence des \
services publics en zone rurale. La direction générale des finances publiques a engagé en \
2022 une réorganisation de son réseau de proximité. Elle vise à renforcer l'accueil des \
usagers dans les communes. Les maisons France services complètent ce dispositif sur tout \
le territoire.\n\nEn outre, des agents supplémentaires seront affectés à l'accueil.";

/// A senat.fr page: its author, its question's date, its answer.
fn page(author: (&str, &str, &str), asked: &str, answer: &str) -> String {
    let (civility, last, first) = author;
    format!(
        "Question de {civility} {last} {first} (Rhône - GEST) publiée le {asked}\n\n\
         {civility} {first} {last} attire l'attention de M. le ministre de l'économie sur la \
         fermeture des trésoreries.\n\n- page 5538\n\n\
         Réponse du Ministère de l'économie publiée le 02/02/2024\n\n{answer}\n\n- page 787\n\n\
         Page mise à jour le 03/02/2024\n"
    )
}

fn corpus_of(files: &[(&str, String)]) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in files {
        corpus.add(load::load_bytes(path, text.as_bytes(), today()));
    }
    corpus
}

/// Four records, newest question first in the list: the answer (A), the
/// same a year later with its figure updated and its last paragraph
/// gone (B), an unrelated one (C), and A's word for word to another
/// senator (D).
fn four(width: u16, height: u16) -> App {
    let later = ANSWER.replace("2022", "2023").replace(
        "\n\nEn outre, des agents supplémentaires seront affectés à l'accueil.",
        "",
    );
    let corpus = corpus_of(&[
        (
            "a.txt",
            page(("M.", "DOSSUS", "Thomas"), "10/11/2023", ANSWER),
        ),
        (
            "b.txt",
            page(("Mme", "DI FOLCO", "Catherine"), "10/11/2022", &later),
        ),
        (
            "c.txt",
            page(
                ("M.", "PATIENT", "Georges"),
                "10/11/2021",
                "La ministre rappelle que la politique de l'eau relève des agences de bassin, \
                 qui financent les travaux des collectivités selon leurs programmes.",
            ),
        ),
        (
            "d.txt",
            page(("M.", "DELCROS", "Bernard"), "10/11/2020", ANSWER),
        ),
    ]);
    App::new(corpus, None, Rect::new(0, 0, width, height), false, today())
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

/// A pinned, B open: compared.
fn comparing(width: u16, height: u16) -> App {
    let mut app = four(width, height);
    press(&mut app, &[Action::Pin, Action::Down]);
    app.sync_comparison();
    assert!(app.comparing());
    app
}

#[test]
fn a_comparison_at_160x45_puts_the_pinned_answer_beside_the_open_one() {
    let mut app = comparing(160, 45);
    let shown = screen(&mut app);
    assert!(shown.contains("1 changed"), "{shown}");
    insta::assert_snapshot!(shown);
    // The marks, which the snapshot's text does not show: the changed
    // word underlined on both sides, the paragraph of the pinned answer
    // alone highlighted, the shared sentences muted (no colour here:
    // the same as plain).
    use ratatui::style::Modifier;
    let backend = TestBackend::new(160, 45);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::draw(frame, &mut app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let find = |needle: &str, from_x: u16| -> (u16, u16) {
        for y in 0..45 {
            let row: String = (0..160)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect();
            let chars: Vec<char> = row.chars().collect();
            let n: Vec<char> = needle.chars().collect();
            for x in from_x as usize..chars.len().saturating_sub(n.len()) {
                if chars[x..x + n.len()] == n[..] {
                    return (x as u16, y);
                }
            }
        }
        panic!("{needle} not on screen");
    };
    let (x, y) = find("2023 une", 54);
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(x + 5, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find("2022 une", 106);
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find("En outre", 106);
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_comparison_at_80x24_stacks_the_two_answers() {
    let mut app = comparing(80, 24);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn the_status_bar_counts_and_n_goes_from_difference_to_difference() {
    let mut app = comparing(160, 45);
    let status = app.comparison_status().unwrap();
    assert_eq!(
        status,
        "3 sentences shared, 1 changed, 0 only here, 1 only there"
    );
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.message.as_ref().unwrap().text, "difference 1 / 2");
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.message.as_ref().unwrap().text, "difference 2 / 2");
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.message.as_ref().unwrap().text, "difference 1 / 2");
    press(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.message.as_ref().unwrap().text, "difference 2 / 2");
}

#[test]
fn tab_reaches_both_answers_and_both_questions() {
    use reponses::model::PartKind;
    let mut app = comparing(160, 45);
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, &[Action::FocusNext]);
        let part = app.pinned.as_ref().unwrap().part;
        seen.push((app.focus, part));
    }
    assert_eq!(
        seen,
        vec![
            (Focus::Answer, PartKind::Answer),
            (Focus::Pinned, PartKind::Answer),
            (Focus::Question, PartKind::Answer),
            (Focus::Pinned, PartKind::Question),
            (Focus::List, PartKind::Question),
        ]
    );
    // The pinned question is drawn in the pinned pane.
    press(&mut app, &[Action::FocusPrev]);
    let shown = screen(&mut app);
    assert!(
        shown.contains("Pinned · Question · M. Thomas Dossus"),
        "{shown}"
    );
    press(
        &mut app,
        &[Action::FocusPrev, Action::FocusPrev, Action::FocusPrev],
    );
    assert_eq!(app.focus, Focus::Answer);
}

#[test]
fn y_in_the_pinned_pane_quotes_the_pinned_record_with_its_own_citation() {
    let mut app = comparing(160, 45);
    app.clipboard = reponses::export::clipboard::Clipboard::terminal_only();
    press(&mut app, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.focus, Focus::Pinned);
    press(&mut app, &[Action::Select]);
    let quote = app.quote().expect("a selection in the pinned pane");
    assert!(quote.text.starts_with("Le Gouvernement est pleinement"));
    assert!(
        quote.citation.contains("Thomas Dossus"),
        "{}",
        quote.citation
    );
    press(&mut app, &[Action::Copy]);
    let message = app.message.as_ref().unwrap();
    assert!(!message.error, "{}", message.text);
    // The open record's own selection cites its own author.
    press(
        &mut app,
        &[Action::Escape, Action::FocusPrev, Action::Select],
    );
    let quote = app.quote().unwrap();
    assert!(
        quote.citation.contains("Catherine Di Folco"),
        "{}",
        quote.citation
    );
    // p again unpins: the view is the usual one.
    press(&mut app, &[Action::Pin]);
    assert!(!app.comparing() && app.pinned.is_none());
    assert!(app.panes().pinned.is_none());
}

#[test]
fn families_mark_the_list_and_equals_filters_to_the_family_by_date() {
    let mut app = four(160, 45);
    press(&mut app, &[Action::Family]);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("being computed")
    );
    app.compute_families();
    assert_eq!(app.families.found, Some(1));
    let shown = screen(&mut app);
    assert_eq!(shown.matches("≡  3").count(), 3, "{shown}");
    press(&mut app, &[Action::Family]);
    assert_eq!(app.shown.len(), 3);
    let message = &app.message.as_ref().unwrap().text;
    assert_eq!(
        message,
        "the same answer, given 3 times from 2024-02-02 to 2024-02-02 to 3 authors"
    );
    // Oldest first: D (2020), B (2022), A (2023).
    let authors: Vec<&str> = app
        .shown
        .iter()
        .map(|&i| app.corpus.records[i].author.name.as_deref().unwrap())
        .collect();
    assert_eq!(
        authors,
        ["Bernard Delcros", "Catherine Di Folco", "Thomas Dossus"]
    );
    assert!(app.filter.as_ref().unwrap().text.starts_with("family:"));
    // The unrelated answer is in no family.
    press(&mut app, &[Action::Escape, Action::Escape]);
    app.focus = Focus::List;
    press(&mut app, &[Action::Search]);
    for c in "reused:no".chars() {
        press(&mut app, &[Action::Input(c)]);
    }
    press(&mut app, &[Action::Open]);
    assert_eq!(app.shown.len(), 1);
    press(&mut app, &[Action::Family]);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("not given again")
    );
}

#[test]
fn a_3_mb_answer_is_compared_off_the_keys_path() {
    let mut big = String::new();
    let mut n = 0;
    while big.len() < 3 << 20 {
        n += 1;
        big.push_str(&format!(
            "La phrase numéro {n} dit ce que le ministère répond aux questions. "
        ));
        if n % 7 == 0 {
            big.push_str("\n\n");
        }
    }
    let corpus = corpus_of(&[
        (
            "a.txt",
            page(("M.", "DOSSUS", "Thomas"), "10/11/2023", &big),
        ),
        (
            "b.txt",
            page(("Mme", "DI FOLCO", "Catherine"), "10/11/2022", &big),
        ),
        (
            "c.txt",
            page(
                ("M.", "PATIENT", "Georges"),
                "10/11/2021",
                "Une seule phrase.",
            ),
        ),
    ]);
    let mut app = App::new(corpus, None, Rect::new(0, 0, 160, 45), false, today());
    press(&mut app, &[Action::Pin, Action::Down]);
    // The first frame comes while the alignment is computed elsewhere.
    let shown = screen(&mut app);
    assert!(
        shown.contains("comparing…") || app.pinned.as_ref().unwrap().compared().is_some(),
        "{shown}"
    );
    app.wait_comparison();
    let status = app.comparison_status().unwrap();
    assert!(
        status.contains(" 0 changed, 0 only here, 0 only there"),
        "{status}"
    );
    // Scrolling through it draws only what shows.
    press(&mut app, &[Action::FocusNext, Action::Bottom]);
    screen(&mut app);
    // With one sentence.
    press(&mut app, &[Action::FocusPrev, Action::Down]);
    app.wait_comparison();
    let status = app.comparison_status().unwrap();
    assert!(
        status.starts_with("0 sentences shared, 0 changed, 1 only here"),
        "{status}"
    );
    screen(&mut app);
}

#[test]
fn no_size_panics_while_comparing_whatever_has_the_focus() {
    let mut app = comparing(160, 45);
    for w in (1..200).step_by(13) {
        for h in (1..60).step_by(7) {
            app.resize(Rect::new(0, 0, w, h));
            for _ in 0..5 {
                press(
                    &mut app,
                    &[Action::FocusNext, Action::PageDown, Action::NextMatch],
                );
                let backend = TestBackend::new(w, h);
                let mut terminal = Terminal::new(backend).unwrap();
                terminal.draw(|frame| view::draw(frame, &mut app)).unwrap();
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// The fuzz target's reader, its keys now including `p` and `=`:
    /// pinning, comparing, resizing and clicking never panic.
    #[test]
    fn random_keys_while_comparing_never_panic(
        data in proptest::collection::vec(
            proptest::prop_oneof![
                // `p` then `j`: a comparison, then anything.
                proptest::strategy::Just(22u8),
                proptest::strategy::Just(3u8),
                proptest::prelude::any::<u8>(),
            ],
            0..120,
        )
    ) {
        reponses::tui::invariants::app(&data);
    }
}
