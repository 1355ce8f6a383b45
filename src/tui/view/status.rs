//! The status bar: where the keyboard is and the main keys on the left (or
//! the search bar while typing); messages, the match counter, loading
//! progress and failed files on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use super::theme::Theme;
use crate::i18n::{Lang, fill};
use crate::text::sanitize::{str_width, visible};
use crate::tui::action::Action;
use crate::tui::app::{App, Target};
use crate::tui::keys;
use crate::tui::layout::Focus;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let width = usize::from(area.width);
    // The right side leaves room for the focus label, so that it is
    // always drawn.
    let right = right_spans(app, theme, width.saturating_sub(12));
    let right_width: usize = right.iter().map(|s| str_width(&s.content)).sum();
    let left = match &app.prompt {
        Some(prompt) => {
            let label = match prompt.target {
                Target::List => app.lang.t().prompt_filter,
                Target::Record => app.lang.t().prompt_find,
            };
            // The end of what is typed stays in view.
            let room = width.saturating_sub(right_width + label.len() + 3);
            let typed = visible(&prompt.text);
            let skip = str_width(&typed).saturating_sub(room);
            let shown: String = typed.chars().skip(skip).collect();
            vec![
                Span::styled(label, theme.key().add_modifier(Modifier::REVERSED)),
                Span::raw(format!(" /{shown}")),
                Span::styled("▏", theme.key()),
            ]
        }
        None => key_hints(app, theme),
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for span in left {
        let w = str_width(&span.content);
        if used + w + right_width + 1 > width && used > 0 {
            break;
        }
        used += w;
        spans.push(span);
    }
    if right_width <= width.saturating_sub(used) {
        spans.push(Span::raw(" ".repeat(width - used - right_width)));
        spans.extend(right);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn key_hints(app: &App, theme: Theme) -> Vec<Span<'static>> {
    let t = app.lang.t();
    let focus = match app.focus {
        Focus::List => t.focus_list,
        Focus::Question => t.focus_question,
        Focus::Answer => t.focus_answer,
        Focus::Pinned => t.focus_pinned,
    };
    let mut left = vec![Span::styled(
        format!(" {focus} "),
        theme.key().add_modifier(Modifier::REVERSED),
    )];
    // The keys as configured: an action's first key, "j/k" for a pair;
    // an action left without a key is not hinted.
    let first = |action: Action| {
        app.keymap
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(|k| keys::label(*k, app.lang))
    };
    let pair = |a: Action, b: Action| match (first(a), first(b)) {
        (Some(a), Some(b)) => Some(format!("{a}/{b}")),
        (a, b) => a.or(b),
    };
    for (key, what) in [
        (first(Action::FocusNext), t.hint_focus),
        (pair(Action::Down, Action::Up), t.hint_move),
        (first(Action::Search), t.hint_search),
        (pair(Action::NextMatch, Action::PrevMatch), t.hint_match),
        (first(Action::Help), t.hint_help),
        (first(Action::Quit), t.hint_quit),
    ] {
        let Some(key) = key else { continue };
        left.push(Span::raw(" "));
        left.push(Span::styled(key, theme.key()));
        left.push(Span::raw(format!(" {what}")));
    }
    left
}

/// Message, match counter, filter, loading, failed files: as many as fit,
/// most urgent first.
fn right_spans(app: &App, theme: Theme, width: usize) -> Vec<Span<'static>> {
    let mut parts: Vec<Span<'static>> = Vec::new();
    if let Some(message) = &app.message {
        let style = if message.error {
            theme.error()
        } else {
            theme.warning()
        };
        parts.push(Span::styled(fit(&message.text, width * 2 / 3), style));
    }
    if let Some(prompt) = &app.prompt
        && let Some(error) = &prompt.error
    {
        // While the filter typed is not valid, the list is the last valid
        // one's: say both.
        let t = app.lang.t();
        let showing = app.filter.as_ref().map_or_else(
            || t.showing_all.to_owned(),
            |f| fill(t.showing, &[&fit(&f.text, 24)]),
        );
        let room = width.saturating_sub(str_width(&prompt.text) + 14);
        let what = fit(
            &error.message(app.lang),
            room.saturating_sub(showing.len() + 28).max(12),
        );
        parts.push(Span::styled(
            fit(
                &fill(
                    t.invalid_query,
                    &[&error.column.to_string(), &what, &showing],
                ),
                room,
            ),
            theme.error(),
        ));
    } else {
        for part in app.search_status() {
            parts.push(Span::raw(fit(&part, 48)));
        }
    }
    if let Some(comparison) = app.comparison_status() {
        parts.push(Span::styled(fit(&comparison, 72), theme.key()));
    }
    let (lang, t) = (app.lang, app.lang.t());
    if let Some(loading) = app.loading {
        parts.push(Span::raw(progress(
            lang,
            loading.done,
            loading.files,
            width,
        )));
    } else if app.awaiting_texts.as_ref().is_some_and(|a| a.coming()) {
        parts.push(Span::raw(t.reading_texts));
    } else if app.indexing() {
        parts.push(Span::raw(fill(
            t.indexing,
            &[
                &lang.number(app.index.len()),
                &lang.number(app.corpus.records.len()),
            ],
        )));
    }
    if app.corpus.failed_files > 0 {
        parts.push(Span::styled(
            lang.count(app.corpus.failed_files, t.failed_one, t.failed_many),
            theme.error(),
        ));
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for part in parts {
        let w = str_width(&part.content) + 2;
        if used + w > width {
            continue;
        }
        used += w;
        spans.push(part);
        spans.push(Span::raw("  "));
    }
    spans
}

/// "loading 41 234 / 100 000 ▕████░░░░▏", shorter when the bar is narrow;
/// "loading 41 234…" while files are still being found.
fn progress(lang: Lang, done: usize, files: Option<usize>, width: usize) -> String {
    let t = lang.t();
    let Some(files) = files else {
        return fill(t.loading_found, &[&lang.number(done)]);
    };
    let mut text = fill(t.loading_of, &[&lang.number(done), &lang.number(files)]);
    if width >= 100 && files > 0 {
        let cells = 16;
        let full = done.min(files) * cells / files;
        text.push_str(&format!(
            " ▕{}{}▏",
            "█".repeat(full),
            "░".repeat(cells - full)
        ));
    }
    text
}
