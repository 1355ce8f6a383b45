//! The list pane: one row per record — date, author, status, lateness,
//! ministry — and "shown / total" in its title. Only the visible rows are
//! built, so 100,000 records cost no more than 40.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{fit, thousands};
use crate::model::{Record, Status};
use crate::tui::app::App;
use crate::tui::layout::{Focus, inner};

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = Theme { color: app.color };
    let focused = app.focus == Focus::List;
    let title = format!(
        " Questions {} / {} ",
        thousands(app.shown.len()),
        thousands(app.corpus.records.len())
    );
    let block = super::pane(&title, focused, theme, area);
    let inside = inner(area);
    frame.render_widget(block, area);
    if inside.width == 0 || inside.height == 0 {
        return;
    }
    if app.shown.is_empty() {
        let message = if app.loading.is_some() {
            "loading…"
        } else if app.awaiting_texts.as_ref().is_some_and(|a| !a.abandoned) {
            "reading texts…"
        } else {
            "no records"
        };
        frame.render_widget(Paragraph::new(Span::styled(message, theme.dim())), inside);
        return;
    }
    let width = usize::from(inside.width);
    let rows: Vec<Line<'_>> = app
        .shown
        .iter()
        .enumerate()
        .skip(app.list_top)
        .take(usize::from(inside.height))
        .map(|(position, &index)| {
            let record = &app.corpus.records[index];
            let selected = position == app.selected;
            let mut line = row(record, width, selected, theme);
            if selected {
                line = line.style(theme.selected(focused));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), inside);
}

/// One row, fitted to `width` columns.
fn row(record: &Record, width: usize, selected: bool, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    let mut push = |spans: &mut Vec<Span<'static>>, text: String, style| {
        let text = fit(&text, width.saturating_sub(used));
        used += crate::text::sanitize::str_width(&text);
        spans.push(Span::styled(text, style));
    };
    let plain = ratatui::style::Style::new();
    push(
        &mut spans,
        if selected { "▶ " } else { "  " }.to_owned(),
        plain,
    );
    let date = record.question.date.map_or_else(
        || "??/??/????".to_owned(),
        |d| d.format("%d/%m/%Y").to_string(),
    );
    push(&mut spans, format!("{date} "), plain);
    let name_width = if width >= 40 { 14 } else { 10 };
    let name = fit(&short_name(record), name_width - 1);
    push(
        &mut spans,
        format!("{name:<w$} ", w = name_width - 1),
        plain,
    );
    push(
        &mut spans,
        format!("{} ", status_mark(record.status)),
        plain,
    );
    // A narrow list keeps the late marker, in one column.
    let (late, on_time) = if width >= 36 {
        ("late ", "     ")
    } else {
        ("!", " ")
    };
    if record.late == Some(true) {
        push(&mut spans, late.to_owned(), theme.late());
    } else {
        push(&mut spans, on_time.to_owned(), plain);
    }
    push(&mut spans, " ".to_owned(), plain);
    if let Some(ministry) = record.ministry.as_deref() {
        push(&mut spans, short_ministry(ministry), theme.dim());
    }
    Line::from(spans)
}

/// ✓ answered, … awaiting, † lapsed, × withdrawn.
pub fn status_mark(status: Status) -> char {
    match status {
        Status::Answered => '✓',
        Status::Awaiting => '…',
        Status::Lapsed => '†',
        Status::Withdrawn => '×',
    }
}

/// The author's last name in display case: "Dossus", "Di Folco".
pub fn short_name(record: &Record) -> String {
    let author = &record.author;
    match (author.name.as_deref(), author.first_name.as_deref()) {
        (Some(name), Some(first)) => name.strip_prefix(first).map_or(name, str::trim).to_owned(),
        (Some(name), None) => name.to_owned(),
        _ => author.last_name.clone().unwrap_or_else(|| "?".to_owned()),
    }
}

/// "Ministère de l'intérieur et des outre-mer" → "Intérieur et des
/// outre-mer": the list has no room for what every row shares.
pub fn short_ministry(ministry: &str) -> String {
    let short = [
        "Ministère de l'",
        "Ministère de la ",
        "Ministère des ",
        "Ministère du ",
        "Ministère de ",
        "Ministère délégué ",
        "Ministère ",
    ]
    .iter()
    .find_map(|p| ministry.strip_prefix(p))
    .unwrap_or(ministry);
    let mut chars = short.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministries_lose_their_common_prefix() {
        assert_eq!(
            short_ministry("Ministère de l'intérieur et des outre-mer"),
            "Intérieur et des outre-mer"
        );
        assert_eq!(short_ministry("Ministère de la culture"), "Culture");
        assert_eq!(
            short_ministry("Premier ministre - Relations avec le Parlement"),
            "Premier ministre - Relations avec le Parlement"
        );
    }
}
