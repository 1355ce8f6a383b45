//! The statistics window (`S`): per group of the records the list shows,
//! the palmarès columns as the width allows, a bar per row (answered on
//! time █, answered late ▓, awaiting ░: three colours, and three
//! characters so it reads under NO_COLOR), then the delays of the answers
//! as a histogram with the two-month mark.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::fit;
use super::theme::Theme;
use crate::i18n::{Lang, fill};
use crate::stats::{GroupBy, Row, cells};
use crate::text::sanitize::str_width;
use crate::tui::app::App;

/// Which columns of [`cells`] to keep first as the width shrinks.
const PRIORITY: [usize; 15] = [0, 1, 3, 5, 6, 14, 9, 10, 2, 4, 8, 11, 7, 12, 13];

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let Some(view) = app.stats.as_ref() else {
        return;
    };
    let (lang, t) = (app.lang, app.lang.t());
    let theme = app.theme();
    let screen = frame.area();
    let area = Rect {
        height: screen.height.saturating_sub(1).max(1),
        ..screen
    };
    let by = match view.table.by {
        GroupBy::Ministry => t.stats_by_ministry,
        GroupBy::Group => t.stats_by_group,
        GroupBy::Author => t.stats_by_author,
        GroupBy::Year => t.stats_by_year,
        GroupBy::Month => t.stats_by_month,
        GroupBy::Chamber => t.stats_by_chamber,
    };
    let count = lang.count(view.table.total.questions, t.records_one, t.records_many);
    let title = fill(t.stats_title, &[by, &count]);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(fit(&title, usize::from(area.width.saturating_sub(2))));
    frame.render_widget(Clear, area);
    let inside = block.inner(area);
    frame.render_widget(block, area);
    if inside.width == 0 || inside.height == 0 {
        return;
    }
    let width = usize::from(inside.width);
    let (header, rows) = cells(&view.table, lang);
    let bar = match width {
        100.. => 20,
        70..100 => 10,
        _ => 0,
    };
    let table_width = width.saturating_sub(bar + usize::from(bar > 0));
    let columns = fitting_columns(&header, &rows, table_width);
    let widths: Vec<usize> = columns
        .iter()
        .map(|&c| {
            let widest = rows
                .iter()
                .chain([&header])
                .map(|r| str_width(&r[c]))
                .max()
                .unwrap_or(0);
            if c == 0 {
                widest.min(group_width(table_width))
            } else {
                widest
            }
        })
        .collect();
    let line_of = |cells: &[String]| -> String {
        let mut text = String::new();
        for (k, &c) in columns.iter().enumerate() {
            let cell = fit(&cells[c], widths[k]);
            let pad = widths[k].saturating_sub(str_width(&cell));
            if k == 0 {
                text.push_str(&cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(&cell);
            }
        }
        text
    };
    let histogram = histogram_lines(&view.table.delays, lang, theme, width);
    let legend = legend(lang, theme);
    let height = usize::from(inside.height);
    // The table first; the legend and the histogram below it if they fit.
    let below = if height > rows.len() + 3 + histogram.len() {
        histogram.len() + 3
    } else if height >= rows.len() + 3 {
        2
    } else {
        0
    };
    let room = height.saturating_sub(below + 1).max(1);
    let top = view.row.saturating_sub(room.saturating_sub(1));
    let mut lines = vec![Line::styled(
        line_of(&header),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for (i, cells) in rows.iter().enumerate().skip(top).take(room) {
        let row = view.table.rows.get(i).unwrap_or(&view.table.total);
        let mut spans = vec![Span::raw(line_of(cells))];
        if bar > 0 {
            spans.push(Span::raw(" "));
            spans.extend(bar_spans(row, bar, theme));
        }
        let mut line = Line::from(spans);
        if i == view.row {
            line = line.style(theme.selected(true));
        } else if i + 1 == rows.len() {
            line = line.style(Style::new().add_modifier(Modifier::BOLD));
        }
        lines.push(line);
    }
    if below >= 2 {
        lines.push(Line::raw(""));
        lines.push(legend);
    }
    if below > 2 {
        lines.push(Line::raw(""));
        lines.extend(histogram);
    }
    if view.table.undated > 0 && lines.len() < height {
        let undated = lang.count(
            view.table.undated,
            t.stats_undated_one,
            t.stats_undated_many,
        );
        lines.push(Line::styled(fit(&undated, width), theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inside);
}

/// The most the group's name takes: a third of the window, 16 to 40.
fn group_width(width: usize) -> usize {
    (width / 3).clamp(16, 40)
}

/// The columns that fit in `width`, in their order, by [`PRIORITY`].
fn fitting_columns(header: &[String], rows: &[Vec<String>], width: usize) -> Vec<usize> {
    let column_width = |c: usize| {
        let widest = rows
            .iter()
            .chain([&header.to_vec()])
            .map(|r| str_width(&r[c]))
            .max()
            .unwrap_or(0);
        if c == 0 {
            widest.clamp(8, group_width(width))
        } else {
            widest + 2
        }
    };
    let mut kept = Vec::new();
    let mut used = 0;
    for &c in &PRIORITY {
        let w = column_width(c);
        if used + w <= width || kept.is_empty() {
            kept.push(c);
            used += w;
        }
    }
    kept.sort_unstable();
    kept
}

fn on_time_style(theme: Theme) -> Style {
    colour(theme, Color::Green)
}

fn late_style(theme: Theme) -> Style {
    colour(theme, theme.palette.late)
}

fn awaiting_style(theme: Theme) -> Style {
    colour(theme, Color::Yellow)
}

fn colour(theme: Theme, color: Color) -> Style {
    if theme.color {
        Style::new().fg(color)
    } else {
        Style::new()
    }
}

/// A row's bar, `width` cells for its questions: answered on time, late,
/// awaiting; lapsed and withdrawn questions are the blank rest.
fn bar_spans(row: &Row, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let cells = |n: usize| {
        (n * width + row.questions / 2)
            .checked_div(row.questions)
            .unwrap_or(0)
    };
    let on_time = cells(row.answered_on_time);
    let late = cells(row.answered - row.answered_on_time).min(width - on_time.min(width));
    let awaiting = cells(row.awaiting).min(width.saturating_sub(on_time + late));
    vec![
        Span::styled("█".repeat(on_time), on_time_style(theme)),
        Span::styled("▓".repeat(late), late_style(theme)),
        Span::styled("░".repeat(awaiting), awaiting_style(theme)),
    ]
}

fn legend(lang: Lang, theme: Theme) -> Line<'static> {
    let t = lang.t();
    Line::from(vec![
        Span::styled("█ ", on_time_style(theme)),
        Span::raw(format!("{}   ", t.stats_legend_on_time)),
        Span::styled("▓ ", late_style(theme)),
        Span::raw(format!("{}   ", t.stats_legend_late)),
        Span::styled("░ ", awaiting_style(theme)),
        Span::raw(t.stats_legend_awaiting),
    ])
}

/// Days per bin of the histogram.
const BIN: i64 = 30;
/// Bins up to a year; a last one for longer.
const BINS: usize = 13;

/// The answers' delays: a row per bin of 30 days (a last one for a year
/// and more), the two-month deadline marked between 59 and 60 days.
fn histogram_lines(delays: &[i64], lang: Lang, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let t = lang.t();
    let mut counts = [0usize; BINS];
    for &d in delays {
        let bin = usize::try_from(d.max(0) / BIN).unwrap_or(0).min(BINS - 1);
        counts[bin] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let label_width = 9;
    let number_width = lang.number(most).len() + 1;
    let bar_room = width
        .saturating_sub(label_width + number_width + 2)
        .clamp(1, 60);
    let mut lines = vec![Line::styled(
        fit(
            &lang.count(delays.len(), t.stats_histogram_one, t.stats_histogram_many),
            width,
        ),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for (i, &count) in counts.iter().enumerate() {
        if i == 2 {
            let mark = format!(
                "{:─<w$}",
                format!("── {} ", t.stats_deadline),
                w = width.min(label_width + bar_room)
            );
            lines.push(Line::styled(mark, theme.late()));
        }
        let from = i as i64 * BIN;
        let label = if i + 1 == BINS {
            format!("{from}+ {}", t.days_short)
        } else {
            format!("{from}–{} {}", from + BIN - 1, t.days_short)
        };
        let cells = (count * bar_room).div_ceil(most).min(bar_room);
        let style = if i < 2 {
            on_time_style(theme)
        } else {
            late_style(theme)
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{label:>label_width$} ")),
            Span::styled("█".repeat(cells), style),
            Span::raw(format!(" {}", lang.number(count))),
        ]));
    }
    lines
}
