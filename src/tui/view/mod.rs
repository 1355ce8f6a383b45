//! Drawing: reads the [`App`], writes a frame. Nothing here changes state
//! but the size: the layout follows the frame being drawn.
//!
//! The terminal's size is known twice: by the Resize event, which the app
//! handles when it gets to it, and by ratatui, which resizes its buffer at
//! every draw. A terminal shrunk between the two drew an app laid out for
//! the old size into the new, smaller buffer, and ratatui panicked on the
//! first cell outside it. [`draw`] lays the app out for the frame's own
//! area first.
//!
//! Every string that comes from a document goes through
//! [`crate::text::sanitize`] before it reaches a buffer, so that no
//! document can send an escape sequence to the terminal.

mod list;

pub use list::short_ministry;
pub use list::wanted_width as list_wanted_width;
mod overlay;
mod pinned;
mod quote;
mod reader;
mod stats;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::app::{App, PartKind};

/// Draws the whole screen, the app laid out for the frame's area.
pub fn draw(frame: &mut Frame<'_>, app: &mut App) {
    if app.area != frame.area() {
        app.resize(frame.area());
    }
    // The open record changed since the last frame: compare it.
    app.sync_comparison();
    render(frame, app);
}

/// Draws the whole screen of an app laid out for the frame's area.
fn render(frame: &mut Frame<'_>, app: &App) {
    let panes = app.panes();
    if panes.too_small {
        let notice = Paragraph::new(Line::from(app.lang.t().too_small))
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(notice, frame.area());
        return;
    }
    if let Some(area) = panes.list {
        list::draw(frame, app, area);
    }
    if let Some(area) = panes.question {
        reader::draw(frame, app, PartKind::Question, area);
    }
    if let Some(area) = panes.answer {
        reader::draw(frame, app, PartKind::Answer, area);
    }
    if let Some(area) = panes.pinned {
        pinned::draw(frame, app, area);
    }
    if let Some(area) = panes.quote {
        quote::draw(frame, app, area);
    }
    if let Some(area) = panes.status {
        status::draw(frame, app, area);
    }
    overlay::draw(frame, app);
}

/// A bordered pane titled `title` (cut to fit), its border showing focus.
pub fn pane(
    title: &str,
    focused: bool,
    theme: theme::Theme,
    area: ratatui::layout::Rect,
) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(
            fit(title, usize::from(area.width.saturating_sub(2))),
            theme.title(focused),
        ))
}

/// "100000" → "100 000", the French way.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `s` cut to `width` columns, with an ellipsis when cut; sanitised.
pub fn fit(s: &str, width: usize) -> String {
    use crate::text::sanitize::{char_width, visible};
    let s = visible(s);
    if crate::text::sanitize::str_width(&s) <= width {
        return s.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(41234), "41 234");
        assert_eq!(thousands(100000), "100 000");
        assert_eq!(thousands(1234567), "1 234 567");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("Ministère de l'intérieur", 10), "Ministère…");
        assert_eq!(fit("court", 10), "court");
        assert_eq!(fit("\u{1b}[2J", 10), "␛[2J");
        assert_eq!(fit("abc", 0), "");
    }
}
