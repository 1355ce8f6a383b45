//! A reading pane: the question or the answer of the selected record, with
//! a fixed header (JO date and page, delay, lateness) over the text, which
//! scrolls. The text is drawn from the app's cached wrap, one display line
//! per row, each a byte range of the original text.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme::Theme;
use crate::i18n::{Lang, fill};
use crate::model::{Record, Status};
use crate::text::sanitize::visible;
use crate::tui::app::{App, PartKind};
use crate::tui::header::{self, HeaderLine, Kind};
use crate::tui::layout::inner;

pub fn draw(frame: &mut Frame<'_>, app: &App, part: PartKind, area: Rect) {
    let theme = app.theme();
    let focused = app.focus == crate::tui::layout::Focus::of(part);
    let record = app.current();
    let t = app.lang.t();
    let title = record.map_or_else(
        || match part {
            PartKind::Question => format!(" {} ", t.question),
            PartKind::Answer => format!(" {} ", t.answer),
        },
        |r| pane_title(r, part, app.lang),
    );
    let mut block = super::pane(&title, focused, theme, area);
    let inside = inner(area);
    let (Some(record), Some(body)) = (record, app.body(part)) else {
        frame.render_widget(block, area);
        return;
    };
    let lines = app.wrapped(part, usize::from(body.width));
    let height = usize::from(body.height);
    let scroll = app.scroll_of(part).min(lines.len().saturating_sub(height));
    block = lines_title(block, lines.len(), scroll, height, app.lang, theme);
    frame.render_widget(block, area);

    let header = Rect {
        height: app.header_height(part).min(inside.height),
        ..inside
    };
    if header.height > 0 {
        frame.render_widget(
            Paragraph::new(header_rows(app, record, part, header)),
            header,
        );
    }

    let text = app.text(part);
    let window = window(&lines, scroll, height);
    let compared = app
        .pinned
        .as_ref()
        .filter(|_| part == PartKind::Answer && app.comparing())
        .and_then(crate::tui::app::Pinned::compared);
    let mut marks: Vec<(Range<usize>, Style)> = match &compared {
        // Comparing: the sentences' marks, matches laid over them.
        Some(compared) => {
            let mut marks = compare_marks(&compared.open, window.clone(), theme);
            for (range, current) in app.part_matches(part, window) {
                marks = overlay(&marks, range.clone(), theme.matched(current));
            }
            marks
        }
        None => app
            .part_matches(part, window)
            .map(|(range, current)| (range.clone(), theme.matched(current)))
            .collect(),
    };
    if let Some((selected_part, range)) = app.selected_range()
        && selected_part == part
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

/// `block` with "12–40 / 311" at its bottom when the text does not fit.
pub(super) fn lines_title<'b>(
    block: Block<'b>,
    count: usize,
    scroll: usize,
    height: usize,
    lang: Lang,
    theme: Theme,
) -> Block<'b> {
    if count <= height || height == 0 {
        return block;
    }
    let last = (scroll + height).min(count);
    let range = fill(
        lang.t().lines_range,
        &[
            &lang.number(scroll + 1),
            &lang.number(last),
            &lang.number(count),
        ],
    );
    block.title_bottom(Line::from(range).right_aligned().style(theme.dim()))
}

/// The bytes of the text on screen: from the first line shown to the last.
pub(super) fn window(lines: &[Range<usize>], scroll: usize, height: usize) -> Range<usize> {
    match (
        lines.get(scroll),
        lines.get((scroll + height).min(lines.len()).saturating_sub(1)),
    ) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    }
}

/// The lines of `text` in view (`lines` from `scroll`) in `body`, with
/// their marks, and the scrollbar on the pane's right border.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_text(
    frame: &mut Frame<'_>,
    area: Rect,
    body: Rect,
    text: &str,
    (lines, scroll): (&[Range<usize>], usize),
    marks: &[(Range<usize>, Style)],
    focused: bool,
    theme: Theme,
) {
    let height = usize::from(body.height);
    let rows: Vec<Line<'_>> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| {
            // Marks are sorted and disjoint: those on this line are a slice.
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

/// The marks of a comparison ([`crate::tui::app::Mark`]) that touch
/// `window`, as styles: shared sentences muted, sentences of one side
/// highlighted, changed words underlined.
pub(super) fn compare_marks(
    marks: &[(Range<usize>, crate::tui::app::Mark)],
    window: Range<usize>,
    theme: Theme,
) -> Vec<(Range<usize>, Style)> {
    use crate::tui::app::Mark;
    let from = marks.partition_point(|(m, _)| m.end <= window.start);
    let to = marks.partition_point(|(m, _)| m.start < window.end);
    marks[from..to.max(from)]
        .iter()
        .map(|(range, mark)| {
            let style = match mark {
                Mark::Shared => theme.dim(),
                Mark::Only => theme.only(),
                Mark::Word => theme.changed_word(),
            };
            (range.clone(), style)
        })
        .collect()
}

/// One display line: `text[range]`, sanitised, with `marks` (byte ranges of
/// the original text and their styles) applied where they overlap.
pub fn styled_line<'t>(
    text: &'t str,
    range: Range<usize>,
    marks: &[(Range<usize>, Style)],
) -> Line<'t> {
    let mut spans = Vec::new();
    let mut at = range.start;
    for (mark, style) in marks {
        let start = mark.start.clamp(at, range.end);
        let end = mark.end.clamp(start, range.end);
        if start >= end {
            continue;
        }
        if at < start {
            spans.push(Span::raw(visible(&text[at..start])));
        }
        spans.push(Span::styled(visible(&text[start..end]), *style));
        at = end;
    }
    if at < range.end {
        spans.push(Span::raw(visible(&text[at..range.end])));
    }
    Line::from(spans)
}

/// Lays `range` with `style` over sorted, disjoint `marks`: inside the
/// range, marks keep their own style patched over the selection's, so a
/// match stays visible in a selection. The result is sorted and disjoint.
pub(super) fn overlay(
    marks: &[(Range<usize>, Style)],
    range: Range<usize>,
    style: Style,
) -> Vec<(Range<usize>, Style)> {
    let mut out = Vec::with_capacity(marks.len() + 2);
    let mut at = range.start;
    let mut placed = false;
    for (mark, mark_style) in marks {
        if mark.end <= range.start || mark.start >= range.end {
            if !placed && mark.start >= range.end {
                if at < range.end {
                    out.push((at..range.end, style));
                }
                placed = true;
            }
            out.push((mark.clone(), *mark_style));
            continue;
        }
        // Overlapping: the part before the range keeps the mark's style.
        if mark.start < range.start {
            out.push((mark.start..range.start, *mark_style));
        }
        let start = mark.start.max(range.start);
        if at < start {
            out.push((at..start, style));
        }
        let end = mark.end.min(range.end);
        out.push((start..end, style.patch(*mark_style)));
        at = end;
        if mark.end > range.end {
            out.push((range.end..mark.end, *mark_style));
            placed = true;
        }
    }
    if !placed && at < range.end {
        out.push((at..range.end, style));
    }
    out
}

/// "Question · M. Thomas Dossus (Rhône, GEST)", "Réponse · Ministère …",
/// "Réponse · attendue de : Ministère …".
pub(super) fn pane_title(record: &Record, part: PartKind, lang: Lang) -> String {
    let t = lang.t();
    match part {
        PartKind::Question => {
            let author = &record.author;
            let mut title = format!(" {} · ", t.question);
            if let Some(civility) = &author.civility {
                title.push_str(civility);
                title.push(' ');
            }
            title.push_str(author.name.as_deref().unwrap_or("?"));
            let affiliation: Vec<&str> = [author.constituency.as_deref(), author.group.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !affiliation.is_empty() {
                title.push_str(&format!(" ({})", affiliation.join(", ")));
            }
            title.push(' ');
            title
        }
        PartKind::Answer => {
            let what = match (&record.answer, record.status) {
                (Some(answer), _) => answer
                    .ministry
                    .clone()
                    .unwrap_or_else(|| t.answer_in_session.to_owned()),
                (None, Status::Awaiting) => match &record.ministry {
                    Some(ministry) => fill(t.answer_awaiting, &[ministry]),
                    None => t.answer_awaiting_alone.to_owned(),
                },
                (None, Status::Lapsed) => t.answer_lapsed.to_owned(),
                (None, Status::Withdrawn) => t.answer_withdrawn.to_owned(),
                (None, Status::Answered) => return format!(" {} ", t.answer),
            };
            format!(" {} · {what} ", t.answer)
        }
    }
}

/// The header's rows for `area`: its lines wrapped, a blank row under
/// them; one row shows the JO reference alone, cut with "…" if it must be.
pub(super) fn header_rows(
    app: &App,
    record: &Record,
    part: PartKind,
    area: Rect,
) -> Vec<Line<'static>> {
    let theme = app.theme();
    let width = usize::from(area.width);
    let lines = header::lines(record, part, app.lang, app.today());
    let styled = |line: &HeaderLine, range: Range<usize>| -> Line<'static> {
        let row = &line.text[range.clone()];
        if header::overflows(row, width) {
            let kind = line.pieces.first().map_or(Kind::Plain, |(_, k)| *k);
            return Line::styled(super::fit(row, width), style(theme, kind));
        }
        let marks: Vec<(Range<usize>, Style)> = line
            .pieces
            .iter()
            .map(|(r, k)| (r.clone(), style(theme, *k)))
            .collect();
        let styled = styled_line(&line.text, range, &marks);
        Line::from(
            styled
                .spans
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style))
                .collect::<Vec<_>>(),
        )
    };
    if area.height <= 1 {
        return lines
            .iter()
            .find(|l| l.reference)
            .map(|l| {
                let one = HeaderLine {
                    text: l.text.replace('\u{a0}', " "),
                    ..l.clone()
                };
                let all = 0..one.text.len();
                if header::overflows(&one.text, width) {
                    Line::raw(super::fit(&one.text, width))
                } else {
                    styled(&one, all)
                }
            })
            .into_iter()
            .collect();
    }
    // A blank row under the header, unless no text follows it.
    let room = usize::from(area.height) - usize::from(!app.text(part).is_empty());
    lines
        .iter()
        .flat_map(|line| {
            header::rows(line, width)
                .into_iter()
                .map(|r| styled(line, r))
                .collect::<Vec<_>>()
        })
        .take(room)
        .collect()
}

fn style(theme: Theme, kind: Kind) -> Style {
    match kind {
        Kind::Plain => Style::new(),
        Kind::Title => theme.heading(),
        Kind::Dim => theme.dim(),
        Kind::Late => theme.late(),
        Kind::Warning => theme.warning(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn a_selection_over_matches_stays_sorted_and_disjoint() {
        let m = Style::new().add_modifier(Modifier::UNDERLINED);
        let s = Style::new().add_modifier(Modifier::ITALIC);
        let marks = vec![(0..2, m), (5..8, m), (12..14, m), (20..22, m)];
        let out = overlay(&marks, 6..13, s);
        let ranges: Vec<Range<usize>> = out.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(
            ranges,
            vec![0..2, 5..6, 6..8, 8..12, 12..13, 13..14, 20..22]
        );
        assert_eq!(out[2].1, s.patch(m));
        assert_eq!(out[3].1, s);
        assert_eq!(overlay(&[], 3..4, s), vec![(3..4, s)]);
        assert_eq!(overlay(&[(0..1, m)], 3..4, s), vec![(0..1, m), (3..4, s)]);
    }
}
