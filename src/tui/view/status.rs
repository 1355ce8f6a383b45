//! The status bar: where the keyboard is and the main keys on the left;
//! loading progress and failed files on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::thousands;
use crate::text::sanitize::str_width;
use crate::tui::app::App;
use crate::tui::layout::Focus;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = Theme { color: app.color };
    let mut right: Vec<Span<'_>> = Vec::new();
    if let Some(loading) = app.loading {
        right.push(Span::raw(progress(loading.done, loading.files, area.width)));
    }
    if app.corpus.failed_files > 0 {
        if !right.is_empty() {
            right.push(Span::raw("  "));
        }
        right.push(Span::styled(
            format!(
                "{} failed (E)",
                crate::cli::plural(app.corpus.failed_files, "file")
            ),
            theme.error(),
        ));
    }
    let right_width: usize = right.iter().map(|s| str_width(&s.content)).sum();
    let focus = match app.focus {
        Focus::List => "list",
        Focus::Question => "question",
        Focus::Answer => "answer",
    };
    let mut left = vec![Span::styled(
        format!(" {focus} "),
        theme.key().add_modifier(Modifier::REVERSED),
    )];
    for (key, what) in [
        ("Tab", "focus"),
        ("j/k", "move"),
        ("Space", "page"),
        ("?", "help"),
        ("q", "quit"),
    ] {
        left.push(Span::raw(" "));
        left.push(Span::styled(key, theme.key()));
        left.push(Span::raw(format!(" {what}")));
    }
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    for span in left {
        let w = str_width(&span.content);
        if used + w + right_width + 1 > width {
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

/// "loading 41 234 / 100 000 ▕████░░░░▏", shorter when the bar is narrow.
fn progress(done: usize, files: Option<usize>, width: u16) -> String {
    let Some(files) = files else {
        return "listing files…".to_owned();
    };
    let mut text = format!("loading {} / {}", thousands(done), thousands(files));
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
