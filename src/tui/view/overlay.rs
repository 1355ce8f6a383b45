//! Windows over the panes: the help, generated from the keymap so it never
//! disagrees with the keys, and the errors view, which lists every located
//! diagnostic of the load.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::i18n::Lang;
use crate::load::Severity;
use crate::text::sanitize::visible;
use crate::text::wrap::wrap;
use crate::tui::app::{App, Overlay};
use crate::tui::keys;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let Some(overlay) = app.overlay else {
        return;
    };
    if overlay == Overlay::Stats {
        super::stats::draw(frame, app);
        return;
    }
    let theme = app.theme();
    let t = app.lang.t();
    let screen = frame.area();
    // Everything but the status bar: on a small screen the window takes
    // it all, so that its border never lands on another pane's.
    let room = Rect {
        height: screen.height.saturating_sub(1).max(1),
        ..screen
    };
    let small = room.width < 60 || room.height < 16;
    let max_width = if small {
        room.width
    } else {
        room.width.saturating_sub(4)
    };
    // Lines wrap to the box, so the box's height counts their rows.
    let wrap_width = usize::from(max_width.saturating_sub(3)).max(1);
    let (title, lines) = match overlay {
        Overlay::Help => (
            t.help_title,
            help_lines(&app.keymap, app.lang, theme, wrap_width),
        ),
        Overlay::Errors if app.corpus.diagnostics.is_empty() => (
            t.errors_none_title,
            vec![Line::raw(format!(" {}", t.errors_none))],
        ),
        Overlay::Errors => (t.errors_title, error_lines(app, theme, wrap_width)),
        Overlay::Stats => return,
    };
    let area = if small {
        room
    } else {
        let content_width = lines.iter().map(Line::width).max().unwrap_or(0);
        let title_width = crate::text::sanitize::str_width(title) + 2;
        let width = u16::try_from(content_width.max(title_width) + 3)
            .unwrap_or(u16::MAX)
            .clamp(20.min(max_width), max_width);
        let height = u16::try_from(lines.len() + 2)
            .unwrap_or(u16::MAX)
            .min(room.height.saturating_sub(2).max(1));
        Rect {
            x: room.x + (room.width.saturating_sub(width)) / 2,
            y: room.y + (room.height.saturating_sub(height)) / 2,
            width: width.min(room.width),
            height: height.min(room.height),
        }
    };
    let visible_rows = usize::from(area.height.saturating_sub(2));
    let scroll = app
        .overlay_scroll
        .min(lines.len().saturating_sub(visible_rows));
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(super::fit(title, usize::from(area.width.saturating_sub(2))));
    if lines.len() > visible_rows {
        let more = if scroll + visible_rows < lines.len() {
            t.scroll_more
        } else {
            t.scroll
        };
        let more = super::fit(more, usize::from(area.width.saturating_sub(2)));
        block = block.title_bottom(Line::from(more).right_aligned());
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

/// One line per binding: its keys, then what they do; then the search
/// bar's keys, the query language, the list's marks, the mouse, wrapped
/// to `width`.
fn help_lines(
    keymap: &[keys::Binding],
    lang: Lang,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let t = lang.t();
    let labels: Vec<String> = keymap
        .iter()
        .map(|b| {
            b.keys
                .iter()
                .map(|k| keys::label(*k, lang))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut lines: Vec<Line<'static>> = keymap
        .iter()
        .zip(labels)
        .map(|(binding, label)| {
            Line::from(vec![
                Span::styled(format!(" {label:<label_width$}  "), theme.key()),
                Span::raw(keys::describe(binding.action, lang)),
            ])
        })
        .collect();
    for section in [
        t.help_prompt,
        t.help_filter,
        t.help_find,
        t.help_marks,
        t.help_mouse,
    ] {
        lines.push(Line::raw(""));
        for (i, range) in wrap(section, width.saturating_sub(3).max(1))
            .into_iter()
            .enumerate()
        {
            let indent = if i == 0 { " " } else { "   " };
            lines.push(Line::styled(
                format!("{indent}{}", &section[range]),
                theme.dim(),
            ));
        }
    }
    lines
}

/// Every diagnostic, wrapped to `width` columns, continuation rows
/// indented.
fn error_lines(app: &App, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for d in &app.corpus.diagnostics {
        let style = match d.severity {
            Severity::Error => theme.error(),
            Severity::Warning => theme.warning(),
        };
        let text = visible(&d.render(app.lang)).into_owned();
        for (i, range) in wrap(&text, width.saturating_sub(3).max(1))
            .into_iter()
            .enumerate()
        {
            let indent = if i == 0 { " " } else { "   " };
            lines.push(Line::from(vec![
                Span::raw(indent),
                Span::styled(text[range].to_owned(), style),
            ]));
        }
    }
    lines
}
