//! The keymap: one table from keys to actions, read by the event loop and
//! by the help overlay, so the help can never disagree with the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// One key: a code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// Keys bound to an action, with the line the help shows.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

/// The default keymap (../shared/UX.md).
pub const DEFAULT: &[Binding] = &[
    Binding {
        keys: &[plain(KeyCode::Tab)],
        action: Action::FocusNext,
        help: "focus: list → question → answer",
    },
    Binding {
        keys: &[plain(KeyCode::BackTab)],
        action: Action::FocusPrev,
        help: "focus back",
    },
    Binding {
        keys: &[ch('j'), plain(KeyCode::Down)],
        action: Action::Down,
        help: "next record / scroll down",
    },
    Binding {
        keys: &[ch('k'), plain(KeyCode::Up)],
        action: Action::Up,
        help: "previous record / scroll up",
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ch(' '), ctrl('f')],
        action: Action::PageDown,
        help: "page down",
    },
    Binding {
        keys: &[plain(KeyCode::PageUp), ctrl('b')],
        action: Action::PageUp,
        help: "page up",
    },
    Binding {
        keys: &[ch('g'), plain(KeyCode::Home)],
        action: Action::Top,
        help: "first record / top of the text",
    },
    Binding {
        keys: &[ch('G'), plain(KeyCode::End)],
        action: Action::Bottom,
        help: "last record / end of the text",
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Open,
        help: "read the selected record",
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        action: Action::Escape,
        help: "close the overlay",
    },
    Binding {
        keys: &[ch('E')],
        action: Action::Errors,
        help: "files that failed to load",
    },
    Binding {
        keys: &[ch('?'), plain(KeyCode::F(1))],
        action: Action::Help,
        help: "this help",
    },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit (q closes an overlay first)",
    },
];

/// The action bound to `event` in `keymap`.
pub fn lookup(keymap: &[Binding], event: KeyEvent) -> Option<Action> {
    // Terminals report Shift with upper-case letters and symbols
    // inconsistently; the character itself already says it.
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
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

/// How a key is written in the help: "j", "↓", "Ctrl-C", "Shift-Tab".
pub fn label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_bound_once() {
        let keys: Vec<Key> = DEFAULT
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{} bound twice", label(*k));
        }
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(DEFAULT, shifted), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(DEFAULT, ctrl_c), Some(Action::Quit));
        assert_eq!(label(ctrl('c')), "Ctrl-C");
    }
}
