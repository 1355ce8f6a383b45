//! The quote pane: the selected sentences as they will be copied, with
//! their citation, under the reading panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

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
    frame.render_widget(super::pane(&title, false, theme, area), area);
    let inside = inner(area);
    let Some(quote) = app.quote() else {
        return;
    };
    let text = visible(&quote.render(Format::Text)).into_owned();
    let lines = wrap(&text, usize::from(inside.width));
    let rows = usize::from(inside.height);
    // When the quote is longer than the pane, its start and its end (the
    // citation) stay in view, with a […] line between when there is room.
    let line = |i: usize| Line::raw(text[lines[i].clone()].to_owned());
    let shown: Vec<Line<'_>> = if lines.len() <= rows {
        (0..lines.len()).map(line).collect()
    } else if rows >= 3 {
        let mut shown: Vec<Line<'_>> = (0..rows - 2).map(line).collect();
        shown.push(Line::styled("[…]", theme.dim()));
        shown.push(line(lines.len() - 1));
        shown
    } else if rows == 2 {
        vec![line(0), line(lines.len() - 1)]
    } else {
        (0..rows).map(line).collect()
    };
    frame.render_widget(Paragraph::new(shown), inside);
}
