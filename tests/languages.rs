//! One language on screen: every screen of the reader, drawn in French and
//! in English, shows no word of the other language's catalogue; so does
//! `check`'s output. The documents are written in neutral words (names
//! and texts of x, y, z) so that what is French on screen can only come
//! from the interface.

mod isolated;

use std::collections::HashSet;

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use reponses::corpus::Corpus;
use reponses::i18n::{EN, FR, Lang};
use reponses::load;
use reponses::tui::{action::Action, app::App, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

const ANSWERED: &str = "Xyzzy plugh\n\
Question écrite n° 00042 - 16e législature\n\
Question de M. ZED Xavier (Xyz - ABC) publiée le 10/11/2022\n\n\
Xx yy zz. Zz yy xx.\n\n\
- page 12\n\
Erratum : JO du 14/11/2022 p. 13\n\
Transmise au Qwerty Zorg\n\
Réponse du Qwerty Zorg publiée le 02/02/2023\n\
Réponse apportée en séance publique le 01/02/2023\n\n\
Zz yy xx. Xx zz yy.\n\n\
- page 34\n";

const AWAITING: &str = "Question de Mme WYE Yvonne (Xyz - ABC) publiée le 10/11/2024\n\n\
Yy zz xx.\n\n\
- page 5\n\
En attente de réponse du Qwerty Zorg.\n";

const LAPSED: &str = "Question de M. ZED Xavier (Xyz - ABC) publiée le 10/11/2021\n\n\
Zz xx yy.\n\n\
- page 6\n\
La question est caduque\n";

const WITHDRAWN: &str = "Question de M. ZED Xavier (Xyz - ABC) publiée le 10/11/2021\n\n\
Xx xx xx.\n\n\
- page 7\n\
La question a été retirée pour cause de décès.\n";

fn corpus(broken: bool) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in [
        ("a.txt", ANSWERED),
        ("b.txt", AWAITING),
        ("c.txt", LAPSED),
        ("d.txt", WITHDRAWN),
    ] {
        corpus.add(load::load_bytes(path, text.as_bytes(), today()));
    }
    if broken {
        let broken = "Question de M. ZED Xavier (Xyz - ABC\nxx\n";
        corpus.add(load::load_bytes("e.txt", broken.as_bytes(), today()));
        corpus.add(load::load_bytes("f.txt", b"", today()));
    }
    corpus
}

fn app(lang: Lang, width: u16, height: u16, broken: bool) -> App {
    let mut app = App::new(
        corpus(broken),
        None,
        Rect::new(0, 0, width, height),
        false,
        today(),
    );
    app.lang = lang;
    app
}

fn draw(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let action = match c {
            '⏎' => Action::Open,
            '⎋' => Action::Escape,
            '⇥' => Action::FocusNext,
            c if app.prompt.is_some() => Action::Input(c),
            '/' => Action::Search,
            'n' => Action::NextMatch,
            'j' => Action::Down,
            'v' => Action::Select,
            ']' => Action::Extend,
            '?' => Action::Help,
            'E' => Action::Errors,
            'e' => Action::Export,
            other => panic!("no key for {other:?}"),
        };
        app.update(action);
    }
}

/// Every screen a user meets, in `lang`.
fn screens(lang: Lang) -> Vec<(String, String)> {
    let quotes = tempfile::tempdir().unwrap();
    let mut shots = Vec::new();
    let mut shoot = |name: &str, app: &mut App| shots.push((name.to_owned(), draw(app)));
    for (width, height) in [(160, 45), (80, 24), (40, 12)] {
        let mut a = app(lang, width, height, true);
        shoot("list", &mut a);
        for keys in ["j", "j", "j"] {
            press(&mut a, keys);
            shoot("records", &mut a);
        }
    }
    let mut a = app(lang, 160, 45, true);
    press(&mut a, "⇥/zz⏎");
    shoot("found", &mut a);
    press(&mut a, "n");
    shoot("next", &mut a);
    press(&mut a, "⎋/qqq⏎");
    shoot("not found", &mut a);
    press(&mut a, "⎋⇥⇥/ministere:");
    shoot("invalid filter", &mut a);
    press(&mut a, "⎋/status:answered⏎");
    shoot("filter", &mut a);
    press(&mut a, "/zz xx⏎");
    shoot("no record", &mut a);
    press(&mut a, "⎋⇥v");
    shoot("selection", &mut a);
    a.quotes_file = Some(quotes.path().join("quotes.md"));
    press(&mut a, "]e");
    shoot("saved", &mut a);
    press(&mut a, "e");
    shoot("saved again", &mut a);
    let mut a = app(lang, 200, 60, true);
    press(&mut a, "?");
    shoot("help", &mut a);
    press(&mut a, "⎋E");
    shoot("errors", &mut a);
    let mut a = app(lang, 160, 45, false);
    press(&mut a, "E");
    shoot("no errors", &mut a);
    let mut a = app(lang, 10, 2, false);
    shoot("too small", &mut a);
    let mut a = App::streaming(
        reponses::corpus::Input::Seeds,
        Rect::new(0, 0, 160, 45),
        false,
        today(),
    );
    a.lang = lang;
    shoot("loading", &mut a);
    shots
}

/// The words of the other language's catalogue that this one never uses:
/// what must not show on this language's screens.
fn foreign_words(lang: Lang) -> HashSet<String> {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let (own, other) = match lang {
        Lang::En => (&EN, &FR),
        Lang::Fr => (&FR, &EN),
    };
    let own: HashSet<String> = own.entries().iter().flat_map(|(_, s)| words(s)).collect();
    other
        .entries()
        .iter()
        .flat_map(|(_, s)| words(s))
        .filter(|w| !own.contains(w))
        .collect()
}

fn leaks(text: &str, foreign: &HashSet<String>) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| foreign.contains(w))
        .collect()
}

#[test]
fn every_screen_speaks_one_language() {
    for lang in [Lang::En, Lang::Fr] {
        let foreign = foreign_words(lang);
        assert!(foreign.len() > 100, "{lang:?}: {}", foreign.len());
        for (name, screen) in screens(lang) {
            let found = leaks(&screen, &foreign);
            assert!(
                found.is_empty(),
                "{lang:?} screen \"{name}\" shows {found:?}:\n{screen}"
            );
        }
    }
}

/// The screens differ between the languages: the test above would pass on
/// screens with no words at all.
#[test]
fn the_languages_are_told_apart() {
    let en = screens(Lang::En);
    let fr = screens(Lang::Fr);
    for ((name, en), (_, fr)) in en.iter().zip(&fr) {
        if name != "too small" || en.contains("terminal") {
            assert_ne!(en, fr, "{name}");
        }
    }
    let help = &fr.iter().find(|(n, _)| n == "help").unwrap().1;
    for expected in [
        "Maj-Tab",
        "copier la sélection",
        "Barre de recherche",
        "répondue",
    ] {
        assert!(help.contains(expected), "{expected}:\n{help}");
    }
}

#[test]
fn check_speaks_the_language_asked_for() {
    let output = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_reponses"))
            .envs(isolated::ENV)
            .args(["--lang", lang, "check", "tests/fixtures"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // The paths hold words of neither catalogue; the messages do.
    for (lang, name) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let text = output(name);
        let without_paths: String = text
            .lines()
            .map(|l| l.split_once(": ").map_or(l, |(_, rest)| rest))
            .collect::<Vec<_>>()
            .join("\n");
        let found = leaks(&without_paths, &foreign_words(lang));
        assert!(found.is_empty(), "{lang:?}: {found:?}\n{text}");
    }
    let fr = output("fr");
    assert!(
        fr.contains("erreur: en-tête \"Question de\" incomplet : il manque"),
        "{fr}"
    );
    assert!(fr.contains("fichiers vérifiés"), "{fr}");
    // And from the locale when not asked.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reponses"))
        .envs(isolated::ENV)
        .args(["check", "tests/fixtures/broken/empty.txt"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "fr_FR.UTF-8")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("document vide"), "{text}");
}
