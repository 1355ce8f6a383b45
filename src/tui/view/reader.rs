//! A reading pane: the question or the answer of the selected record, with
//! a fixed header (JO date and page, delay, lateness) over the text, which
//! scrolls. The text is drawn from the app's cached wrap, one display line
//! per row, each a byte range of the original text.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme::Theme;
use super::thousands;
use crate::model::{Record, Status};
use crate::text::sanitize::visible;
use crate::tui::app::{App, PartKind};
use crate::tui::layout::inner;

pub fn draw(frame: &mut Frame<'_>, app: &App, part: PartKind, area: Rect) {
    let theme = Theme { color: app.color };
    let focused = app.focus == crate::tui::layout::Focus::of(part);
    let record = app.current();
    let title = record.map_or_else(
        || match part {
            PartKind::Question => " Question ".to_owned(),
            PartKind::Answer => " Réponse ".to_owned(),
        },
        |r| pane_title(r, part),
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
    if lines.len() > height && height > 0 {
        let last = (scroll + height).min(lines.len());
        block = block.title_bottom(
            Line::from(format!(
                " {}–{} / {} ",
                scroll + 1,
                last,
                thousands(lines.len())
            ))
            .right_aligned()
            .style(theme.dim()),
        );
    }
    frame.render_widget(block, area);

    let header = Rect {
        height: app.header_height(part).min(inside.height),
        ..inside
    };
    if header.height > 0 {
        let (reference, extras) = header_lines(record, part, theme, app.today());
        // A short pane keeps the reference only; the last row is blank.
        let room = usize::from(header.height.saturating_sub(1)).max(1);
        let mut lines = vec![reference];
        lines.extend(extras.into_iter().take(room - 1));
        if part == PartKind::Question && record.title.is_some() && lines.len() > 1 {
            // The title heads the question.
            lines.swap(0, 1);
        }
        frame.render_widget(Paragraph::new(lines), header);
    }

    let text = app.text(part);
    let window = match (
        lines.get(scroll),
        lines.get((scroll + height).min(lines.len()).saturating_sub(1)),
    ) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    };
    let mut marks: Vec<(Range<usize>, Style)> = app
        .part_matches(part, window)
        .map(|(range, current)| (range.clone(), theme.matched(current)))
        .collect();
    if let Some((selected_part, range)) = app.selected_range()
        && selected_part == part
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
fn overlay(
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

/// "Question · M. Thomas Dossus (Rhône, GEST)", "Réponse · Ministère …".
fn pane_title(record: &Record, part: PartKind) -> String {
    match part {
        PartKind::Question => {
            let author = &record.author;
            let mut title = String::from(" Question · ");
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
        PartKind::Answer => match (&record.answer, record.status) {
            (Some(answer), _) => format!(
                " Réponse · {} ",
                answer.ministry.as_deref().unwrap_or("en séance publique")
            ),
            (None, Status::Awaiting) => " Réponse · en attente ".to_owned(),
            (None, Status::Lapsed) => " Réponse · question caduque ".to_owned(),
            (None, Status::Withdrawn) => " Réponse · question retirée ".to_owned(),
            (None, Status::Answered) => " Réponse ".to_owned(),
        },
    }
}

/// The fixed lines over a text: the JO reference (or the status of a
/// missing answer), then the lines that only some records have: the
/// question's title, the answer's public sitting and transfer, each
/// part's errata. [`App::header_height`] counts them
/// ([`crate::tui::app::header_extras`]).
fn header_lines(
    record: &Record,
    part: PartKind,
    theme: Theme,
    today: chrono::NaiveDate,
) -> (Line<'static>, Vec<Line<'static>>) {
    let page = |p: Option<u32>| p.map_or_else(String::new, |p| format!(" p. {p}"));
    let mut extras = Vec::new();
    let reference = match part {
        PartKind::Question => {
            if let Some(title) = &record.title {
                extras.push(Line::styled(visible(title).into_owned(), theme.heading()));
            }
            let mut jo = format!(
                "JO Sénat {}{}",
                date(record.question.date),
                page(record.question.page)
            );
            if let Some(number) = &record.number {
                jo.push_str(&format!(" · n° {}", visible(number)));
                if let Some(legislature) = record.legislature {
                    jo.push_str(&format!(" · {legislature}e législature"));
                }
            }
            Line::from(jo)
        }
        PartKind::Answer => {
            let mut spans = Vec::new();
            match &record.answer {
                Some(answer) => {
                    spans.push(Span::raw(format!(
                        "JO Sénat {}{}",
                        date(answer.date),
                        page(answer.page)
                    )));
                    if let Some(days) = record.delay_days {
                        spans.push(Span::raw(format!(
                            " · {} days",
                            thousands(days.unsigned_abs() as usize)
                        )));
                    }
                    if let Some(session) = answer.session_date {
                        extras.push(Line::styled(
                            format!(
                                "Réponse apportée en séance publique le {}",
                                date(Some(session))
                            ),
                            theme.dim(),
                        ));
                    }
                }
                None => {
                    let what = match record.status {
                        Status::Awaiting => "awaiting an answer",
                        Status::Lapsed => "lapsed, never answered",
                        Status::Withdrawn => "withdrawn",
                        Status::Answered => "answered",
                    };
                    spans.push(Span::raw(what.to_owned()));
                    if let (Some(asked), Status::Awaiting) = (record.question.date, record.status) {
                        let days = (today - asked).num_days().max(0);
                        spans.push(Span::raw(format!(" · {} days", thousands(days as usize))));
                    }
                }
            }
            if record.late == Some(true) {
                spans.push(Span::raw(" · "));
                spans.push(Span::styled("late", theme.late()));
            }
            if let Some(to) = &record.transmitted_to {
                // Old pages name the ministry alone ("Équipement").
                let named = ["Ministère", "ministère", "Premier", "Secrétariat"]
                    .iter()
                    .any(|p| to.starts_with(p));
                let lead = if named {
                    "Transmise au "
                } else {
                    "Transmise au ministère : "
                };
                extras.push(Line::styled(format!("{lead}{}", visible(to)), theme.dim()));
            }
            Line::from(spans)
        }
    };
    for erratum in record.errata.iter().filter(|e| e.part == part) {
        extras.push(Line::styled(
            format!(
                "Erratum : JO Sénat du {}{}",
                date(erratum.date),
                page(erratum.page).replacen(' ', ", ", 1)
            ),
            theme.warning(),
        ));
    }
    (reference, extras)
}

/// A JO date as printed, `??/??/????` when unknown.
fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(
        || "??/??/????".to_owned(),
        |d| d.format("%d/%m/%Y").to_string(),
    )
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
