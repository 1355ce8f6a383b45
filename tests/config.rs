//! The configuration file from the outside: `reponses config` prints a
//! default that checks clean, `--check` locates what is wrong and exits 1,
//! a bad file never stops a command, and the citation templates reach
//! `quote`'s output.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

/// A fresh `$XDG_CONFIG_HOME` for one test, holding `config.toml` if given.
fn config_home(test: &str, config: Option<&str>) -> PathBuf {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("config-home")
        .join(test);
    let _ = fs::remove_dir_all(&home);
    fs::create_dir_all(home.join("reponses")).unwrap();
    if let Some(text) = config {
        fs::write(home.join("reponses/config.toml"), text).unwrap();
    }
    home
}

fn reponses(home: &Path) -> Command {
    let mut command = cargo_bin_cmd!("reponses");
    command
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
        )
        .env("XDG_CONFIG_HOME", home)
        .env("LC_ALL", "C")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn the_default_configuration_checks_clean_and_uncommented_too() {
    let home = config_home("default", None);
    let out = reponses(&home)
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[keys]") && text.contains("[theme]") && text.contains("[citation]"));

    let file = home.join("reponses/config.toml");
    fs::write(&file, &text).unwrap();
    reponses(&home)
        .args(["config", "--check"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with(": OK\n"));

    // Every setting uncommented is still a right file: the defaults
    // printed are settings the reader accepts, not prose.
    let uncommented: String = text
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if rest.contains(" = ") && !rest.starts_with(' ') => rest,
            _ => line,
        })
        .fold(String::new(), |mut all, line| {
            all.push_str(line);
            all.push('\n');
            all
        });
    assert_ne!(uncommented, text);
    fs::write(&file, &uncommented).unwrap();
    reponses(&home)
        .args(["config", "--check"])
        .assert()
        .success();
}

#[test]
fn check_locates_each_problem_and_exits_1() {
    let home = config_home("check", None);
    let file = home.join("bad.toml");
    fs::write(
        &file,
        "lang = \"fr\"\n\n[keys]\nquit-now = \"q\"\nsearch = \"Ctrl-f\"\n\n[theme]\nmatch = \"#12345\"\n",
    )
    .unwrap();
    let shown = file.display().to_string();
    reponses(&home)
        .args(["config", "--check"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{shown}:4:1: unknown action \"quit-now\""
        )))
        .stderr(predicate::str::contains(format!("{shown}:8:9: ")));

    // A TOML syntax error is located too.
    fs::write(&file, "[keys]\nquit = [\"q\"\n").unwrap();
    reponses(&home)
        .args(["config", "--check"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(format!(
            "{shown}:3:1: syntax error: invalid array: expected `]`\n"
        ));

    // A file named on the command line must exist; none at the default
    // place is right (the defaults apply).
    reponses(&home)
        .args(["config", "--check"])
        .arg(home.join("nowhere.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such file"));
    reponses(&home)
        .args(["config", "--check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("the defaults apply"));
}

#[test]
fn problems_speak_the_interface_s_language_the_file_s_own_choice_included() {
    // --lang, then the file's `lang`, then the locale: the messages follow.
    let home = config_home("french", Some("lang = \"fr\"\n[keys]\nquit-now = \"q\"\n"));
    let file = home.join("reponses/config.toml").display().to_string();
    reponses(&home)
        .args(["config", "--check"])
        .assert()
        .code(1)
        .stderr(format!(
            "{file}:3:1: action inconnue \"quit-now\" (voir reponses config --default)\n"
        ));
    reponses(&home)
        .args(["--lang", "en", "config", "--check"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown action"));
}

#[test]
fn quote_uses_the_configured_templates_and_a_bad_file_only_warns() {
    let home = config_home(
        "templates",
        Some(
            "[citation]\nanswer = \"{journal}, {date}{[, p. {page}]} ({ministry})\"\n\
             answer_markdown = \"*{journal}*, {date}\"\n",
        ),
    );
    reponses(&home)
        .args(["quote", "--match", "cadre juridique n'existe"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "dispositifs. » — JO Sénat, 02/02/2023, p. 787 (Ministère de l'intérieur et des outre-mer)\n",
        ))
        .stderr("");
    reponses(&home)
        .args([
            "quote",
            "--match",
            "cadre juridique n'existe",
            "--format",
            "markdown",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("*JO Sénat*, 02/02/2023"));

    // An unknown field: the built-in citation, and one located line.
    let home = config_home("bad-template", Some("[citation]\nanswer = \"{auteur}\"\n"));
    reponses(&home)
        .args(["quote", "--match", "cadre juridique n'existe"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "question de M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787",
        ))
        .stderr(predicate::str::contains(
            "config.toml:2:11: unknown field {auteur}",
        ));
}

mod reader {
    //! The reader with a configuration: the part that is wrong falls back
    //! alone, the first problem is on the status bar, and the help shows
    //! the keys as configured.

    use std::path::PathBuf;

    use chrono::NaiveDate;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::{Terminal, backend::TestBackend, layout::Rect};

    use reponses::config::{Loaded, parse};
    use reponses::corpus::{Corpus, Input};
    use reponses::i18n::Lang;
    use reponses::tui::{action::Action, app::App, keys, view};

    fn app(source: &str) -> App {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
        let corpus = Corpus::load(&Input::Paths(vec![seeds]), today);
        let mut app = App::new(corpus, None, Rect::new(0, 0, 160, 40), false, today);
        let (config, problems) = parse(source, Lang::En);
        app.configure(&Loaded {
            path: PathBuf::from("config.toml"),
            config,
            problems,
        });
        app
    }

    fn draw(app: &mut App) -> String {
        let mut terminal =
            Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
        terminal.draw(|frame| view::draw(frame, app)).unwrap();
        terminal.backend().to_string()
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_bad_entry_is_located_on_the_status_bar_and_the_rest_applies() {
        let mut app =
            app("[keys]\nquit = [\"Q\"]\nquit-now = \"Q\"\n\n[theme]\nfocus = \"mauve\"\n");
        let screen = draw(&mut app);
        assert!(
            screen.contains("config.toml:3:1: unknown action \"quit-now\"")
                && screen.contains("(and 1 more"),
            "{screen}"
        );
        // An unknown action makes the whole [keys] table default: a
        // half-applied keymap would surprise more than none.
        assert_eq!(keys::lookup(&app.keymap, key('q')), Some(Action::Quit));
    }

    #[test]
    fn configured_keys_act_and_the_help_shows_them() {
        let mut app = app("[keys]\nquit = [\"Q\"]\nhelp = \"F2\"\n");
        assert_eq!(keys::lookup(&app.keymap, key('Q')), Some(Action::Quit));
        assert_eq!(keys::lookup(&app.keymap, key('q')), None);
        let screen = draw(&mut app);
        assert!(!screen.contains("config.toml"), "no problem shown");
        let status = screen.lines().last().unwrap();
        assert!(status.contains("F2 help Q quit"), "{status}");
        app.update(Action::Help);
        let screen = draw(&mut app);
        let quit_row = screen
            .lines()
            .find(|row| row.contains("quit") || row.contains("Quit"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(quit_row.contains(" Q "), "{quit_row}");
        assert!(!quit_row.contains(" q "), "{quit_row}");
        assert!(screen.contains("F2"), "{screen}");
    }
}
