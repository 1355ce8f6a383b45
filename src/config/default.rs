//! `reponses config --default`: the configuration file with every setting
//! at its default, commented out, so that uncommenting a line changes one
//! thing. The keys come from the embedded keymap and the roles from the
//! palette, so the file cannot drift from the program.

use std::fmt::Write;

use crate::quote::template::FIELDS;
use crate::tui::keys::{self, default_keymap};
use crate::tui::view::theme::Palette;

/// The commented default configuration.
pub fn default_config() -> String {
    let mut out = String::new();
    let path = super::default_path().map_or_else(
        || "~/.config/reponses/config.toml".to_owned(),
        |p| p.display().to_string(),
    );
    let _ = writeln!(
        out,
        "# The configuration of reponses, read from {path}
# ($XDG_CONFIG_HOME/reponses/config.toml). Every setting is optional and
# shown here at its default, commented out: uncomment a line to change it.
# `reponses config --check` tells what is wrong in a file, line and column;
# the reader starts anyway, on the defaults for what is wrong.

# The language of the interface and messages: \"fr\" or \"en\" (default: the
# locale's; --lang overrides it).
# lang = \"en\"

# The list's order when the reader opens: newest, oldest, delay, ministry,
# author; a leading - reverses it (\"-delay\": shortest delay first).
# sort = \"newest\"

# Where `e` appends quotes (an absolute path, or one starting with ~/).
# quote_file = \"~/.local/share/reponses/quotes.md\"

[keys]
# An action and its key or keys, replacing the action's default keys; []
# leaves it without one. A key is a character (\"j\", \"G\", \"?\") or Tab,
# Shift-Tab, Enter, Esc, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End,
# Backspace, F1…F12, each optionally prefixed with Ctrl- (\"Ctrl-f\"). A key
# bound to two actions is an error. Ctrl-C always quits (or closes the
# search bar), whatever is bound here."
    );
    for binding in default_keymap() {
        let names: Vec<String> = binding
            .keys
            .iter()
            .map(|&k| format!("{:?}", keys::name(k)))
            .collect();
        let value = match names.as_slice() {
            [one] => one.clone(),
            _ => format!("[{}]", names.join(", ")),
        };
        let _ = writeln!(out, "# {} = {value}", binding.name);
    }
    let palette = Palette::default();
    let _ = writeln!(
        out,
        "
[theme]
# Colours by role: a name (black, red, green, yellow, blue, magenta, cyan,
# gray, darkgray, lightred, lightgreen, lightyellow, lightblue,
# lightmagenta, lightcyan, white) or \"#rrggbb\". NO_COLOR turns colours off
# whatever is set here.
# The focused pane's border:
# focus = \"{}\"
# The search's matches, and the current one:
# match = \"{}\"
# current_match = \"{}\"
# The sentences selected for quoting:
# selection = \"{}\"
# Late answers and questions:
# late = \"{}\"
# Borders of panes without the focus, notes, secondary text:
# muted = \"{}\"

[citation]
# Templates for the citation after a quote, instead of the built-in one
# (which also names old pages' portfolios and answers given in session).
# question and answer are the text form; question_markdown and
# answer_markdown the Markdown form (default: the text form, escaped).
# Fields:",
        colour_name(palette.focus),
        colour_name(palette.matched),
        colour_name(palette.current_match),
        colour_name(palette.selection),
        colour_name(palette.late),
        colour_name(palette.muted),
    );
    for (field, what) in FIELDS {
        let _ = writeln!(out, "#   {{{field}}}  {what}");
    }
    out.push_str(
        "# A part in {[ … ]} is left out when a field in it has no value; {{ and }}
# are braces. Values are cleaned of control characters; in the Markdown
# form they are escaped, the template's own text is kept (links work).
# Close to the built-in citations:
# question = \"Question{[ {kind} n° {number}]}{[ de {author}]}{[ ({affiliation})]}{[, {journal} du {date}]}{[, p. {page}]}\"
# answer = \"Réponse{[ du {ministry}]} à la question{[ {kind} n° {number}]}{[ de {author}]}{[, {journal} du {date}]}{[, p. {page}]}\"
# question_markdown = \"Question{[ {kind} [n° {number}]({url})]}{[ de {author}]}{[, {journal} du {date}]}{[, p. {page}]}\"
# answer_markdown = \"Réponse{[ du {ministry}]} à la question{[ {kind} [n° {number}]({url})]}{[ de {author}]}{[, {journal} du {date}]}{[, p. {page}]}\"
",
    );
    out
}

/// A colour as the configuration writes it: "lightmagenta", "#1e90ff".
fn colour_name(color: ratatui::style::Color) -> String {
    color.to_string().to_lowercase()
}
