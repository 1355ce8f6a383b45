//! `[keys]`: an action's keys, replacing the defaults.
//!
//! `quit = ["q", "x"]`, `search = "Ctrl-f"`, `export = []` (no key). A key
//! left bound to two actions, by the file or between the file and the
//! defaults it keeps, is an error naming both: the reader would otherwise
//! do one of them silently.

use toml::Spanned;

use super::{Entries, Problem};
use crate::i18n::{Lang, fill};
use crate::tui::keys::{self, Binding, Key};

/// The keymap `entries` make of the default one; `None`, with the
/// problems told, when any entry is wrong.
pub(super) fn keymap(
    source: &str,
    entries: &Entries,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Binding>> {
    let t = lang.t();
    let before = problems.len();
    let mut keymap: Vec<Binding> = keys::default_keymap().to_vec();
    // Where each configured action's entry is, for the duplicate check.
    let mut configured: Vec<(usize, usize)> = Vec::new();
    for (name, value) in entries {
        let action_name = name.get_ref().as_str();
        let Some(slot) = keymap.iter().position(|b| b.name == action_name) else {
            let known = match keys::action(action_name) {
                // An action the keymap does not bind has no name to give.
                Some(_) => String::new(),
                None => t.cfg_see_default.to_owned(),
            };
            problems.push(Problem::at(
                source,
                name.span().start,
                fill(t.cfg_unknown_action, &[action_name]) + &known,
            ));
            continue;
        };
        let Some(bound) = key_list(source, value, lang, problems) else {
            continue;
        };
        keymap[slot].keys = bound;
        configured.push((slot, value.span().start));
    }
    // A key bound twice: once per pair, at the configured entry.
    for (i, binding) in keymap.iter().enumerate() {
        for key in &binding.keys {
            for (j, other) in keymap.iter().enumerate().skip(i + 1) {
                if !other.keys.contains(key) {
                    continue;
                }
                // The defaults bind no key twice: one of the two is the
                // file's.
                let Some(&(_, at)) = configured
                    .iter()
                    .filter(|(slot, _)| *slot == i || *slot == j)
                    .max_by_key(|(_, at)| *at)
                else {
                    continue;
                };
                let mut names = [&binding.name, &other.name];
                names.sort();
                problems.push(Problem::at(
                    source,
                    at,
                    fill(t.cfg_bound_twice, &[&keys::name(*key), names[0], names[1]]),
                ));
            }
        }
    }
    (problems.len() == before).then_some(keymap)
}

/// A key or a list of keys; `None`, with the problem told, when one is
/// not a key.
fn key_list(
    source: &str,
    value: &Spanned<toml::Value>,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Key>> {
    let t = lang.t();
    let names: Vec<&str> = match value.get_ref() {
        toml::Value::String(one) => vec![one.as_str()],
        toml::Value::Array(many) if many.iter().all(toml::Value::is_str) => {
            many.iter().filter_map(toml::Value::as_str).collect()
        }
        _ => {
            problems.push(Problem::at(
                source,
                value.span().start,
                t.cfg_key_list.to_owned(),
            ));
            return None;
        }
    };
    let mut bound = Vec::with_capacity(names.len());
    for name in names {
        match keys::parse_key(name) {
            Some(key) if !bound.contains(&key) => bound.push(key),
            Some(_) => {}
            None => {
                // Point at the name inside the list when it can be found.
                let span = value.span();
                let within = source[span.clone()]
                    .find(&format!("\"{name}\""))
                    .map_or(span.start, |at| span.start + at);
                problems.push(Problem::at(
                    source,
                    within,
                    fill(t.cfg_unknown_key, &[name]),
                ));
                return None;
            }
        }
    }
    Some(bound)
}
