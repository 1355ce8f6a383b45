use ratatui::style::Color;

use super::*;

/// The English messages, as the assertions read them.
fn parse(source: &str) -> (Config, Vec<Problem>) {
    super::parse(source, Lang::En)
}
use crate::tui::action::Action;
use crate::tui::keys::{default_keymap, parse_key};

fn problems(source: &str) -> Vec<String> {
    parse(source)
        .1
        .into_iter()
        .map(|p| format!("{}:{}: {}", p.line, p.col, p.message))
        .collect()
}

fn keys_of(config: &Config, action: Action) -> Vec<String> {
    let keymap = config.keymap.as_deref().unwrap_or(default_keymap());
    let binding = keymap.iter().find(|b| b.action == action).unwrap();
    binding
        .keys
        .iter()
        .map(|&k| crate::tui::keys::name(k))
        .collect()
}

#[test]
fn an_empty_file_is_the_defaults() {
    let (config, problems) = parse("");
    assert!(problems.is_empty());
    assert!(config.keymap.is_none());
    assert_eq!(config.palette, Palette::default());
    assert_eq!(config.templates, Templates::default());
}

#[test]
fn keys_replace_the_actions_defaults() {
    let (config, problems) = parse(
        "[keys]\nquit = [\"q\", \"x\"]\nexport_list = \"X\"\nsearch = \"Ctrl-f\"\npage_down = [\"PgDn\", \"Space\"]\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(keys_of(&config, Action::Quit), ["q", "x"]);
    assert_eq!(keys_of(&config, Action::Search), ["Ctrl-f"]);
    // Untouched actions keep theirs.
    assert_eq!(keys_of(&config, Action::Down), ["j", "Down"]);
    let keymap = config.keymap.unwrap();
    let ctrl_f = parse_key("Ctrl-f").unwrap();
    let event = crossterm::event::KeyEvent::new(ctrl_f.code, ctrl_f.modifiers);
    assert_eq!(
        crate::tui::keys::lookup(&keymap, event),
        Some(Action::Search)
    );
}

#[test]
fn an_unknown_action_or_key_is_located_and_the_keys_stay_the_defaults() {
    let source = "lang = \"fr\"\n[keys]\nquit = \"z\"\nquit-now = \"Q\"\n";
    let (config, _) = parse(source);
    assert_eq!(
        problems(source),
        ["4:1: unknown action \"quit-now\" (see reponses config --default)"]
    );
    assert!(config.keymap.is_none());
    // The rest of the file applies.
    assert_eq!(config.lang, Some(Lang::Fr));
    let source = "[keys]\nquit = [\"q\", \"Ctrl-\"]\n";
    let found = problems(source);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("2:14: unknown key \"Ctrl-\""),
        "{found:?}"
    );
    assert!(problems("[keys]\nquit = 3\n")[0].starts_with("2:8: expected a key"));
}

#[test]
fn a_key_bound_twice_names_both_actions() {
    // With the defaults: n is next_match's.
    assert_eq!(
        problems("[keys]\nsearch = \"n\"\n"),
        ["2:10: key \"n\" is bound to both next_match and search"]
    );
    // Within the file.
    let found = problems("[keys]\nquit = \"z\"\nhelp = \"z\"\n");
    assert_eq!(found, ["3:8: key \"z\" is bound to both help and quit"]);
    // Moving a key away first is fine.
    let (config, found) = parse("[keys]\nsearch = \"n\"\nnext_match = \"Ctrl-n\"\n");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(keys_of(&config, Action::Search), ["n"]);
}

#[test]
fn colours_by_name_or_hex_and_bad_ones_fall_back_alone() {
    let source = "[theme]\nfocus = \"lightblue\"\nmatch = \"#ffd700\"\nlate = \"purplish\"\nbold = \"red\"\n";
    let (config, _) = parse(source);
    assert_eq!(config.palette.focus, Color::LightBlue);
    assert_eq!(config.palette.matched, Color::Rgb(0xff, 0xd7, 0x00));
    assert_eq!(config.palette.late, Palette::default().late);
    let found = problems(source);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("4:8: bad colour \"purplish\" for late"));
    assert!(found[1].starts_with("5:1: unknown colour role \"bold\""));
    assert!(problems("[theme]\nmuted = \"7\"\n")[0].contains("bad colour"));
}

#[test]
fn templates_are_checked_where_they_are() {
    let source = "[citation]\nanswer = \"Rép. min. n° {numero}\"\n";
    let found = problems(source);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("2:24: unknown field {numero}"),
        "{found:?}"
    );
    let (config, found) = parse("[citation]\nanswer = \"Rép. min.{[ n° {number}]}, {journal}\"\n");
    assert!(found.is_empty());
    assert!(config.templates.answer.is_some());
}

#[test]
fn settings_and_unknown_ones() {
    let source = "lang = \"de\"\nsort = \"-delay\"\nquote_file = \"quotes.md\"\ncolour = 1\n";
    let (config, _) = parse(source);
    assert_eq!(config.sort, Some((crate::sort::Sort::Delay, true)));
    assert_eq!(config.lang, None);
    let found = problems(source);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("1:8: unknown language \"de\""));
    assert!(found[1].starts_with("3:14: quote_file \"quotes.md\" must be"));
    assert!(found[2].starts_with("4:1: unknown setting \"colour\""));
    let (config, _) = parse("quote_file = \"/tmp/q.md\"\n");
    assert_eq!(config.quote_file, Some(PathBuf::from("/tmp/q.md")));
}

#[test]
fn a_syntax_error_is_located_and_everything_is_default() {
    let source = "lang = \"fr\"\n[keys\nquit = \"x\"\n";
    let (config, found) = parse(source);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].col), (2, 6), "{found:?}");
    assert!(config.lang.is_none() && config.keymap.is_none());
    assert!(problems("[keys]\nquit = \"x\"\n[keys]\n")[0].starts_with("3:"));
    assert!(problems("keys = 3\n")[0].starts_with("1:8: [keys] must be a table"));
}

/// `config --default`, every line uncommented, is a right configuration
/// that changes nothing but the citation (the built-in one is code).
#[test]
fn the_default_configuration_uncommented_is_the_defaults() {
    let text = default_config();
    let uncommented: String = text
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest)
                if rest.contains(" = ")
                    && rest.split(" = ").next().is_some_and(|k| {
                        !k.contains(' ') && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    }) =>
            {
                rest.to_owned()
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (config, found) = parse(&uncommented);
    assert!(found.is_empty(), "{found:?}\n{uncommented}");
    assert_eq!(config.keymap.as_deref(), Some(default_keymap()));
    assert_eq!(config.palette, Palette::default());
    assert_eq!(config.lang, Some(Lang::En));
    assert!(config.templates.question.is_some() && config.templates.answer_markdown.is_some());
    // The example templates give the built-in citations of the seed.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let corpus = crate::corpus::Corpus::load(&crate::corpus::Input::Seeds, today);
    let mut compared = 0;
    for record in &corpus.records {
        for part in [
            crate::quote::PartKind::Question,
            crate::quote::PartKind::Answer,
        ] {
            let built_in = crate::quote::citation(record, part);
            let templated = crate::quote::quote_with(record, part, "x", &config.templates).citation;
            if part == crate::quote::PartKind::Answer && record.answer.is_none() {
                continue;
            }
            assert_eq!(templated, built_in);
            compared += 1;
        }
    }
    assert!(compared >= 2);
}

#[test]
fn problems_are_said_in_the_language_asked_for() {
    let source = "[keys]\nquit-now = \"q\"\n[theme]\nlate = \"mauve\"\nbogus = 1\n";
    let (_, found) = super::parse(source, Lang::Fr);
    let said: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert!(
        said[0].starts_with("action inconnue \"quit-now\""),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("couleur invalide \"mauve\" pour late"),
        "{said:?}"
    );
    assert!(
        said[2].starts_with("rôle de couleur inconnu \"bogus\""),
        "{said:?}"
    );
    let (_, found) = super::parse("lang = [", Lang::Fr);
    assert!(
        found[0].message.starts_with("erreur de syntaxe : "),
        "{found:?}"
    );
}
