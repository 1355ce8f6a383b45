//! Windows over the panes: the help, generated from the keymap so it never
//! disagrees with the keys, and the errors view, which lists every located
//! diagnostic of the load.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::load::Severity;
use crate::text::sanitize::visible;
use crate::text::wrap::wrap;
use crate::tui::app::{App, Overlay};
use crate::tui::keys;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let Some(overlay) = app.overlay else {
        return;
    };
    let theme = Theme { color: app.color };
    let screen = frame.area();
    let max_width = screen.width.saturating_sub(2).max(1);
    // Error lines wrap to the box, so the box's height counts their rows.
    let wrap_width = usize::from(max_width.saturating_sub(3)).max(1);
    let (title, lines) = match overlay {
        Overlay::Help => (" Keys · Esc closes ", help_lines(theme)),
        Overlay::Errors => (
            " Files that failed to load · Esc closes ",
            error_lines(app, theme, wrap_width),
        ),
    };
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(content_width + 3)
        .unwrap_or(u16::MAX)
        .clamp(20.min(max_width), max_width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(screen.height.saturating_sub(2).max(1));
    let area = Rect {
        x: screen.x + (screen.width.saturating_sub(width)) / 2,
        y: screen.y + (screen.height.saturating_sub(height)) / 2,
        width: width.min(screen.width),
        height: height.min(screen.height),
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
            " j/k scroll · more below "
        } else {
            " j/k scroll "
        };
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

/// One line per binding: its keys, then what they do.
fn help_lines(theme: Theme) -> Vec<Line<'static>> {
    let keymap = keys::default_keymap();
    let labels: Vec<String> = keymap
        .iter()
        .map(|b| {
            b.keys
                .iter()
                .map(|k| keys::label(*k))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut lines: Vec<Line<'static>> = keymap
        .iter()
        .zip(labels)
        .map(|(binding, label)| {
            Line::from(vec![
                Span::styled(format!(" {label:<width$}  "), theme.key()),
                Span::raw(binding.help.clone()),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    for line in include_str!("../../../assets/help.txt").lines() {
        lines.push(Line::styled(format!(" {line}"), theme.dim()));
    }
    lines
}

/// Every diagnostic, wrapped to `width` columns, continuation rows
/// indented.
fn error_lines(app: &App, theme: Theme, width: usize) -> Vec<Line<'static>> {
    if app.corpus.diagnostics.is_empty() {
        return vec![Line::raw(" Every file loaded cleanly.")];
    }
    let mut lines = Vec::new();
    for d in &app.corpus.diagnostics {
        let style = match d.severity {
            Severity::Error => theme.error(),
            Severity::Warning => theme.warning(),
        };
        let text = visible(&d.to_string()).into_owned();
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
