//! The quote pane: the selected sentences as they will be copied, with
//! their citation, under the reading panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::quote::Format;
use crate::text::sanitize::visible;
use crate::text::wrap::wrap;
use crate::tui::app::App;
use crate::tui::layout::inner;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = Theme { color: app.color };
    let count = app.selection.map_or(0, |s| s.count);
    let title = format!(
        " Quote · {} · y copy  Y bare  e save ",
        crate::cli::plural(count, "sentence")
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(false))
        .title(Span::styled(
            super::fit(&title, usize::from(area.width.saturating_sub(2))),
            theme.title(true),
        ));
    frame.render_widget(block, area);
    let inside = inner(area);
    let Some(quote) = app.quote() else {
        return;
    };
    let text = visible(&quote.render(Format::Text)).into_owned();
    let lines = wrap(&text, usize::from(inside.width));
    let rows = usize::from(inside.height);
    // When the quote is longer than the pane, its end (the citation) stays
    // in view after an ellipsis line.
    let mut shown: Vec<Line<'_>> = Vec::new();
    if lines.len() > rows && rows >= 2 {
        let head = rows - 1;
        shown.extend(
            lines[..head - 1.min(head)]
                .iter()
                .map(|r| Line::raw(text[r.clone()].to_owned())),
        );
        shown.push(Line::styled("[…]", theme.dim()));
        if let Some(last) = lines.last() {
            shown.push(Line::raw(text[last.clone()].to_owned()));
        }
        shown.truncate(rows);
    } else {
        shown.extend(
            lines
                .iter()
                .take(rows)
                .map(|r| Line::raw(text[r.clone()].to_owned())),
        );
    }
    frame.render_widget(Paragraph::new(shown), inside);
}
