//! The keymap: one table from keys to actions, read by the event loop and
//! by the help overlay, so the help can never disagree with the keys.
//!
//! The table is data, `assets/keymap.toml`, embedded in the binary; the
//! user's configuration ([`crate::config`]) replaces an action's keys in
//! the same key syntax.

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;
use crate::i18n::Lang;

/// One key: a code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

/// Keys bound to an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    /// The action's name in the keymap and the configuration: "quit".
    pub name: String,
}

/// Why a keymap does not load.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("keymap: unknown key {0:?}")]
    UnknownKey(String),
    #[error("keymap: unknown action {0:?}")]
    UnknownAction(String),
}

/// The action named `name` in the keymap's format: "quit", "focus_next".
pub fn action(name: &str) -> Option<Action> {
    use serde::de::IntoDeserializer;
    let name: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        name.into_deserializer();
    Action::deserialize(name).ok()
}

#[derive(Deserialize)]
struct File {
    binding: Vec<RawBinding>,
}

#[derive(Deserialize)]
struct RawBinding {
    action: String,
    keys: Vec<String>,
}

/// Parses a keymap in the format of `assets/keymap.toml`.
///
/// # Errors
/// Malformed TOML, an unknown action or an unknown key name.
pub fn parse(source: &str) -> Result<Vec<Binding>, KeymapError> {
    let file: File = toml::from_str(source)?;
    file.binding
        .into_iter()
        .map(|raw| {
            let keys = raw
                .keys
                .iter()
                .map(|k| parse_key(k).ok_or_else(|| KeymapError::UnknownKey(k.clone())))
                .collect::<Result<_, _>>()?;
            Ok(Binding {
                keys,
                action: action(&raw.action)
                    .ok_or(KeymapError::UnknownAction(raw.action.clone()))?,
                name: raw.action,
            })
        })
        .collect()
}

/// The default keymap, parsed once.
pub fn default_keymap() -> &'static [Binding] {
    static KEYMAP: OnceLock<Vec<Binding>> = OnceLock::new();
    KEYMAP.get_or_init(|| {
        // The embedded file is checked by a test; an empty keymap would
        // still leave Ctrl-C, handled before any lookup.
        parse(include_str!("../../assets/keymap.toml")).unwrap_or_default()
    })
}

/// "Ctrl-c" → Ctrl + 'c'; "Shift-Tab"; "PgDn"; "j".
pub fn parse_key(name: &str) -> Option<Key> {
    let (modifiers, name) = match name.strip_prefix("Ctrl-") {
        Some(rest) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, name),
    };
    let code = match name {
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Space" => KeyCode::Char(' '),
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Backspace" => KeyCode::Backspace,
        _ => {
            if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                KeyCode::F(n)
            } else {
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return None,
                }
            }
        }
    };
    Some(Key { code, modifiers })
}

/// How `key` is written in the keymap and the configuration: the inverse
/// of [`parse_key`].
pub fn name(key: Key) -> String {
    let name = match key.code {
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Up => "Up".to_owned(),
        KeyCode::Down => "Down".to_owned(),
        KeyCode::Left => "Left".to_owned(),
        KeyCode::Right => "Right".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// Whether `event` is Ctrl-C, which always quits, whatever the keymap.
pub fn is_interrupt(event: KeyEvent) -> bool {
    event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL)
}

/// Keys in the search bar: text is typed, not looked up in the keymap.
pub fn prompt_action(event: KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('w') if ctrl => Action::DeleteWord,
        KeyCode::Char('u') if ctrl => Action::ClearInput,
        KeyCode::Char('h') if ctrl => Action::DeleteBack,
        KeyCode::Char(_) if ctrl || event.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char(c) => Action::Input(c),
        KeyCode::Backspace => Action::DeleteBack,
        KeyCode::Enter => Action::Open,
        KeyCode::Esc => Action::Escape,
        KeyCode::Down => Action::Down,
        KeyCode::Up => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        _ => return None,
    })
}

/// The action bound to `event` in `keymap`.
pub fn lookup(keymap: &[Binding], event: KeyEvent) -> Option<Action> {
    // Terminals report Shift with upper-case letters and symbols
    // inconsistently; the character itself already says it.
    // Likewise Shift-Tab arrives as BackTab with SHIFT set.
    let modifiers = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    keymap
        .iter()
        .find(|b| {
            b.keys
                .iter()
                .any(|k| k.code == event.code && k.modifiers == modifiers)
        })
        .map(|b| b.action)
}

/// How a key is written in the help: "j", "↓", "Ctrl-C", "Shift-Tab"
/// ("Maj-Tab" in French).
pub fn label(key: Key, lang: Lang) -> String {
    let t = lang.t();
    let name = match key.code {
        KeyCode::Char(' ') => t.key_space.to_owned(),
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => t.key_shift_tab.to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageDown => t.key_page_down.to_owned(),
        KeyCode::PageUp => t.key_page_up.to_owned(),
        KeyCode::Home => t.key_home.to_owned(),
        KeyCode::End => t.key_end.to_owned(),
        KeyCode::Enter => t.key_enter.to_owned(),
        KeyCode::Esc => t.key_esc.to_owned(),
        KeyCode::Backspace => t.key_backspace.to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// What `action` does, for the help, in `lang`.
pub fn describe(action: Action, lang: Lang) -> &'static str {
    let t = lang.t();
    match action {
        Action::Quit => t.help_quit,
        Action::FocusNext => t.help_focus_next,
        Action::FocusPrev => t.help_focus_prev,
        Action::Down => t.help_down,
        Action::Up => t.help_up,
        Action::PageDown => t.help_page_down,
        Action::PageUp => t.help_page_up,
        Action::Top => t.help_top,
        Action::Bottom => t.help_bottom,
        Action::Open => t.help_open,
        Action::Escape => t.help_escape,
        Action::Help => t.help_help,
        Action::Errors => t.help_errors,
        Action::Search => t.help_search,
        Action::NextMatch => t.help_next_match,
        Action::PrevMatch => t.help_prev_match,
        Action::Select => t.help_select,
        Action::Extend => t.help_extend,
        Action::Shrink => t.help_shrink,
        Action::Copy => t.help_copy,
        Action::CopyBare => t.help_copy_bare,
        Action::Export => t.help_export,
        Action::Sort => t.help_sort,
        Action::Reverse => t.help_reverse,
        Action::Stats => t.help_stats,
        Action::ExportList => t.help_export_list,
        Action::OpenPage => t.help_open_page,
        Action::Pin => t.help_pin,
        Action::Family => t.help_family,
        Action::Input(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_keymap_loads_and_binds_every_key_once() {
        let keymap = parse(include_str!("../../assets/keymap.toml")).unwrap();
        assert!(keymap.len() >= 13);
        let keys: Vec<Key> = keymap.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                !keys[i + 1..].contains(k),
                "{} bound twice",
                label(*k, Lang::En)
            );
        }
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        let keymap = default_keymap();
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(keymap, shifted), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(keymap, ctrl_c), Some(Action::Quit));
        assert!(is_interrupt(ctrl_c));
        // What crossterm reports for Shift-Tab in xterm and tmux.
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(keymap, back_tab), Some(Action::FocusPrev));
    }

    #[test]
    fn key_names_round_trip_through_labels() {
        assert_eq!(label(parse_key("Ctrl-c").unwrap(), Lang::En), "Ctrl-C");
        assert_eq!(
            label(parse_key("Shift-Tab").unwrap(), Lang::En),
            "Shift-Tab"
        );
        assert_eq!(label(parse_key("Shift-Tab").unwrap(), Lang::Fr), "Maj-Tab");
        assert_eq!(label(parse_key("PgDn").unwrap(), Lang::En), "PgDn");
        // Every action bound has its line in both languages.
        for binding in default_keymap() {
            for lang in [Lang::En, Lang::Fr] {
                assert!(
                    !describe(binding.action, lang).is_empty(),
                    "{:?}",
                    binding.action
                );
            }
        }
        assert_eq!(parse_key("Nope"), None);
        for binding in default_keymap() {
            for &key in &binding.keys {
                assert_eq!(parse_key(&name(key)), Some(key));
            }
        }
        assert!(matches!(
            parse("[[binding]]\naction = \"quit\"\nkeys = [\"Nope\"]\n"),
            Err(KeymapError::UnknownKey(_))
        ));
        assert!(parse("[[binding]]\naction = \"fly\"\nkeys = []\n").is_err());
    }
}
