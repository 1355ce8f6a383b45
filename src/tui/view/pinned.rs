//! The pinned record's pane, comparing ([`crate::tui::app::Pinned`]): its
//! answer (or question, Tab), the JO reference over it, the answer marked
//! as the alignment with the open record says — shared sentences muted,
//! sentences of its own highlighted, changed words underlined — and a
//! quote selection made in it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::reader::{
    compare_marks, draw_text, header_rows, lines_title, overlay, pane_title, window,
};
use crate::tui::app::{App, PartKind, pinned_header_rows};
use crate::tui::layout::{Focus, inner};

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(pinned) = app.pinned.as_ref() else {
        return;
    };
    let (theme, lang, t) = (app.theme(), app.lang, app.lang.t());
    let focused = app.focus == Focus::Pinned;
    let (record, part) = (&pinned.record, pinned.part);
    let title = format!(" {} ·{}", t.pinned_title, pane_title(record, part, lang));
    let mut block = super::pane(&title, focused, theme, area);
    let inside = inner(area);
    let Some(body) = app.pinned_body() else {
        frame.render_widget(block, area);
        return;
    };
    let lines = pinned.wrapped(part, usize::from(body.width));
    let height = usize::from(body.height);
    let slot = usize::from(part == PartKind::Answer);
    let scroll = pinned.scroll[slot].min(lines.len().saturating_sub(height));
    block = lines_title(block, lines.len(), scroll, height, lang, theme);
    frame.render_widget(block, area);
    if pinned_header_rows(inside.height) > 0 {
        let header = Rect {
            height: 1,
            ..inside
        };
        frame.render_widget(
            Paragraph::new(header_rows(app, record, part, header)),
            header,
        );
    }
    let text = pinned.text(part);
    let window = window(&lines, scroll, height);
    let mut marks: Vec<(std::ops::Range<usize>, Style)> = match pinned.compared() {
        Some(compared) if part == PartKind::Answer && app.comparing() => {
            compare_marks(&compared.pinned, window, theme)
        }
        _ => Vec::new(),
    };
    if let Some((selected, range)) = app.pinned_selected_range()
        && selected == part
    {
        marks = overlay(&marks, range, theme.selection());
    }
    if !part.digitised(record) {
        marks = vec![(0..text.len(), theme.note())];
    }
    draw_text(
        frame,
        area,
        body,
        text,
        (&lines, scroll),
        &marks,
        focused,
        theme,
    );
}
