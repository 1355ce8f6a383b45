//! The user's configuration, `$XDG_CONFIG_HOME/reponses/config.toml`
//! (`~/.config/reponses/config.toml` by default): keys, colours, citation
//! templates, the language, the list's first order and the quote file.
//!
//! Every setting is optional, and a bad one never stops the reader: the
//! part it belongs to falls back to the defaults and the problem is told,
//! located (`config.toml:12:5: unknown action "quit-now"`), once in the
//! reader's status bar and in full by `reponses config --check`. The keys
//! fall back as a whole (a half-applied keymap could leave an action with
//! no key or a key doing two things); a colour, a template or a setting
//! falls back alone.

mod default;
mod keys;
mod locate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use toml::Spanned;

pub use default::default_config;
pub use locate::Problem;

use crate::i18n::{Lang, fill};
use crate::quote::Templates;
use crate::quote::template::Template;
use crate::tui::keys::Binding;
use crate::tui::view::theme::Palette;

/// The settings, as far as they could be read.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The keymap, when `[keys]` changed it; `None` keeps the default.
    pub keymap: Option<Vec<Binding>>,
    pub palette: Palette,
    pub templates: Templates,
    pub lang: Option<Lang>,
    /// The list's first order, and whether it is reversed.
    pub sort: Option<(crate::sort::Sort, bool)>,
    pub quote_file: Option<PathBuf>,
}

/// A configuration file read: its settings and what was wrong in it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Each problem as `path:line:col: message`.
    pub fn messages(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| match p.line {
                // Not a place in the file: the file itself.
                0 => format!("{}: {}", self.path.display(), p.message),
                _ => format!(
                    "{}:{}:{}: {}",
                    self.path.display(),
                    p.line,
                    p.col,
                    p.message
                ),
            })
            .collect()
    }
}

/// Where the configuration is read from: `$XDG_CONFIG_HOME/reponses/
/// config.toml`, else `~/.config/reponses/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    Some(crate::dirs::config()?.join("config.toml"))
}

/// Reads the configuration at `path`; `Ok(None)` when there is none.
///
/// # Errors
/// The file exists but cannot be read (or is not UTF-8).
pub fn load(path: &Path, lang: Lang) -> std::io::Result<Option<Loaded>> {
    let source = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let source = String::from_utf8(source)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))?;
    let (config, problems) = parse(&source, lang);
    Ok(Some(Loaded {
        path: path.to_owned(),
        config,
        problems,
    }))
}

/// The entries of a table, with where their names and values are.
type Entries = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The sections, their entries located.
#[derive(serde::Deserialize, Default)]
struct Sections {
    #[serde(default)]
    keys: Option<Entries>,
    #[serde(default)]
    theme: Option<Entries>,
    #[serde(default)]
    citation: Option<Entries>,
}

const SETTINGS: &[&str] = &["lang", "sort", "quote_file"];
const SECTIONS: &[&str] = &["keys", "theme", "citation"];

/// Reads a configuration from `source`: the settings that are right, and
/// what is wrong, in the order of the file, said in `lang`.
pub fn parse(source: &str, lang: Lang) -> (Config, Vec<Problem>) {
    let t = lang.t();
    let mut config = Config::default();
    let mut problems = Vec::new();
    let at =
        |span: std::ops::Range<usize>, message: String| Problem::at(source, span.start, message);
    let top: Entries = match toml::from_str(source) {
        Ok(top) => top,
        Err(e) => {
            let start = e.span().map_or(0, |s| s.start);
            // toml's message may run over lines ("invalid array\nexpected `]`"):
            // one line, as every other message.
            let message = e
                .message()
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(": ");
            problems.push(Problem::at(source, start, fill(t.cfg_syntax, &[&message])));
            return (config, problems);
        }
    };
    let mut sections_ok = true;
    for (name, value) in &top {
        let key = name.get_ref().as_str();
        if SECTIONS.contains(&key) {
            if !value.get_ref().is_table() {
                problems.push(at(value.span(), fill(t.cfg_not_table, &[key])));
                sections_ok = false;
            }
            continue;
        }
        let text = value.get_ref().as_str();
        let result = match (key, text) {
            (_, None) if SETTINGS.contains(&key) => Err(fill(t.cfg_not_string, &[key])),
            ("lang", Some(text)) => Lang::parse(text)
                .map(|lang| config.lang = Some(lang))
                .ok_or_else(|| fill(t.cfg_bad_lang, &[text])),
            ("sort", Some(text)) => crate::sort::Sort::parse(text)
                .map(|sort| config.sort = Some(sort))
                .ok_or_else(|| fill(t.cfg_bad_sort, &[text])),
            ("quote_file", Some(text)) => {
                quote_file(text, lang).map(|p| config.quote_file = Some(p))
            }
            _ => {
                problems.push(at(
                    name.span(),
                    fill(
                        t.cfg_unknown_setting,
                        &[
                            key,
                            &format!("{}, [{}]", SETTINGS.join(", "), SECTIONS.join("], [")),
                        ],
                    ),
                ));
                continue;
            }
        };
        if let Err(message) = result {
            problems.push(at(value.span(), message));
        }
    }
    let sections: Sections = if sections_ok {
        toml::from_str(source).unwrap_or_default()
    } else {
        Sections::default()
    };
    if let Some(entries) = &sections.keys {
        config.keymap = keys::keymap(source, entries, lang, &mut problems);
    }
    if let Some(entries) = &sections.theme {
        config.palette = palette(source, entries, lang, &mut problems);
    }
    if let Some(entries) = &sections.citation {
        config.templates = templates(source, entries, lang, &mut problems);
    }
    problems.sort_by_key(|p| (p.line, p.col));
    (config, problems)
}

/// `~/x` is in the home folder; a relative path has no folder to be
/// relative to that the user would guess, so it is refused.
fn quote_file(text: &str, lang: Lang) -> Result<PathBuf, String> {
    let t = lang.t();
    let path = match text.strip_prefix("~/") {
        Some(rest) => {
            let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
            PathBuf::from(home.ok_or(t.cfg_home_needed)?).join(rest)
        }
        None => PathBuf::from(text),
    };
    if path.is_absolute() {
        Ok(path)
    } else {
        Err(fill(t.cfg_relative_quote_file, &[text]))
    }
}

/// The colour roles of `[theme]`.
pub const ROLES: &[&str] = &[
    "focus",
    "match",
    "current_match",
    "selection",
    "late",
    "muted",
];

fn palette(source: &str, entries: &Entries, lang: Lang, problems: &mut Vec<Problem>) -> Palette {
    let t = lang.t();
    let mut palette = Palette::default();
    for (name, value) in entries {
        let role = name.get_ref().as_str();
        let slot = match role {
            "focus" => &mut palette.focus,
            "match" => &mut palette.matched,
            "current_match" => &mut palette.current_match,
            "selection" => &mut palette.selection,
            "late" => &mut palette.late,
            "muted" => &mut palette.muted,
            _ => {
                problems.push(Problem::at(
                    source,
                    name.span().start,
                    fill(t.cfg_unknown_role, &[role, &ROLES.join(", ")]),
                ));
                continue;
            }
        };
        match value.get_ref().as_str().map(colour) {
            Some(Some(color)) => *slot = color,
            _ => problems.push(Problem::at(
                source,
                value.span().start,
                fill(t.cfg_bad_colour, &[&shown(value.get_ref()), role]),
            )),
        }
    }
    palette
}

/// A value as the file writes it: `"purplish"`, `7`.
fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => format!("{text:?}"),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(x) => x.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => format!("a {}", other.type_str()),
    }
}

/// A colour name ("lightblue", "dark gray") or `#rrggbb`.
fn colour(text: &str) -> Option<Color> {
    let color: Color = text.parse().ok()?;
    // ratatui also reads bare numbers as palette indices: not documented
    // here, and "1" is more likely a slip than a choice.
    (!matches!(color, Color::Indexed(_)) || text.starts_with('#')).then_some(color)
}

const TEMPLATES: &[&str] = &["question", "answer", "question_markdown", "answer_markdown"];

fn templates(
    source: &str,
    entries: &Entries,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Templates {
    let t = lang.t();
    let mut templates = Templates::default();
    for (name, value) in entries {
        let key = name.get_ref().as_str();
        let slot = match key {
            "question" => &mut templates.question,
            "answer" => &mut templates.answer,
            "question_markdown" => &mut templates.question_markdown,
            "answer_markdown" => &mut templates.answer_markdown,
            _ => {
                problems.push(Problem::at(
                    source,
                    name.span().start,
                    fill(t.cfg_unknown_citation, &[key, &TEMPLATES.join(", ")]),
                ));
                continue;
            }
        };
        let Some(text) = value.get_ref().as_str() else {
            problems.push(Problem::at(
                source,
                value.span().start,
                fill(t.cfg_not_string, &[&format!("citation {key}")]),
            ));
            continue;
        };
        match Template::parse(text) {
            Ok(template) => *slot = Some(template),
            // The string's first character is after its opening quote;
            // escapes in it would shift the column, and are rare here.
            Err(e) => problems.push(Problem::at(
                source,
                value.span().start + 1 + e.offset,
                e.message(lang),
            )),
        }
    }
    templates
}

#[cfg(test)]
mod tests;
