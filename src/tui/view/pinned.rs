//! The pinned record's pane, comparing ([`crate::tui::app::Pinned`]): its
//! answer (or question, Tab), the JO reference over it, the answer marked
//! as the alignment with the open record says — shared sentences muted,
//! sentences of its own highlighted, changed words underlined — and a
//! quote selection made in it.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::reader::{compare_marks, header_rows, overlay, pane_title, styled_line};
use crate::i18n::fill;
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
    if lines.len() > height && height > 0 {
        let last = (scroll + height).min(lines.len());
        let range = fill(
            t.lines_range,
            &[
                &lang.number(scroll + 1),
                &lang.number(last),
                &lang.number(lines.len()),
            ],
        );
        block = block.title_bottom(Line::from(range).right_aligned().style(theme.dim()));
    }
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
    let window = match (
        lines.get(scroll),
        lines.get((scroll + height).min(lines.len()).saturating_sub(1)),
    ) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    };
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
    let rows: Vec<Line<'_>> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| {
            let from = marks.partition_point(|(m, _)| m.end <= line.start);
            let to = marks.partition_point(|(m, _)| m.start < line.end);
            styled_line(text, line.clone(), &marks[from..to.max(from)])
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), body);
    if lines.len() > height && height > 0 {
        let mut state =
            ScrollbarState::new(lines.len().saturating_sub(height) + 1).position(scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .thumb_style(theme.border(focused)),
            area.inner(Margin {
                horizontal: 0,
                vertical: 1,
            }),
            &mut state,
        );
    }
}
