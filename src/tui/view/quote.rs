//! The quote pane: the selected sentences as they will be copied, with
//! their citation, under the reading panes.
//!
//! A long selection does not fit: the pane then shows its start, a `[…]`
//! line, its end and the citation, as many of each as there is room for,
//! and never drops the middle without that mark ([`rows`]). Its title
//! says how long the selection is, in sentences and lines.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::fill;
use crate::text::sanitize::visible;
use crate::text::wrap::wrap;
use crate::tui::app::App;
use crate::tui::layout::inner;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let inside = inner(area);
    let width = usize::from(inside.width).max(1);
    let quote = app.quote();
    let (passage, citation) = quote.as_ref().map_or_else(
        || (String::new(), String::new()),
        |q| {
            let text = q.text.split("\n\n").collect::<Vec<_>>().join(" ");
            (
                visible(&format!("« {text} »")).into_owned(),
                visible(&format!("— {}", q.citation)).into_owned(),
            )
        },
    );
    let passage_lines = wrap(&passage, width);
    let citation_lines = wrap(&citation, width);
    let count = app.selection.map_or(0, |s| s.count);
    let (lang, t) = (app.lang, app.lang.t());
    let title = fill(
        t.quote_title,
        &[
            &lang.count(count, t.sentences_one, t.sentences_many),
            &lang.count(
                passage_lines.len() + citation_lines.len(),
                t.lines_one,
                t.lines_many,
            ),
        ],
    );
    frame.render_widget(super::pane(&title, false, theme, area), area);
    if quote.is_none() {
        return;
    }
    let shown = rows(
        passage_lines.len(),
        citation_lines.len(),
        usize::from(inside.height),
    );
    let line = |text: &str, range: &Range<usize>, cut: bool| {
        if cut {
            Line::raw(super::fit(&format!("{}…", &text[range.clone()]), width))
        } else {
            Line::raw(text[range.clone()].to_owned())
        }
    };
    let lines: Vec<Line<'_>> = shown
        .into_iter()
        .map(|row| match row {
            Row::Passage(i) => line(&passage, &passage_lines[i], false),
            Row::Gap => Line::styled("[…]", theme.dim()),
            Row::Citation(i, cut) => line(&citation, &citation_lines[i], cut),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}

/// A row of the quote pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// A line of the passage.
    Passage(usize),
    /// `[…]`: passage lines left out.
    Gap,
    /// A line of the citation; `true` when lines after it are left out.
    Citation(usize, bool),
}

/// What `height` rows show of a passage of `passage` lines and a citation
/// of `citation` lines: everything when it fits; else the passage's start,
/// `[…]`, the citation, whole if it can be (a quote without its reference
/// cannot be used), then the passage's end, and more of its start with the
/// rows left. One row shows the start alone; two, the start and the
/// citation's first line.
fn rows(passage: usize, citation: usize, height: usize) -> Vec<Row> {
    let citation_rows =
        |n: usize| (0..n).map(move |i| Row::Citation(i, i + 1 == n && n < citation));
    if passage + citation <= height {
        return (0..passage)
            .map(Row::Passage)
            .chain(citation_rows(citation))
            .collect();
    }
    match height {
        0 => Vec::new(),
        1 => vec![Row::Passage(0)],
        _ if passage < height => (0..passage)
            .map(Row::Passage)
            .chain(citation_rows(height - passage))
            .collect(),
        2 => vec![Row::Passage(0), Row::Citation(0, citation > 1)],
        _ => {
            let shown_citation = citation.min(height - 2);
            let left = height - shown_citation - 1;
            let (start, end) = if left >= 2 {
                (left - 1, true)
            } else {
                (left, false)
            };
            let mut rows: Vec<Row> = (0..start).map(Row::Passage).collect();
            rows.push(Row::Gap);
            if end {
                rows.push(Row::Passage(passage - 1));
            }
            rows.extend(citation_rows(shown_citation));
            rows
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_quote_keeps_its_start_a_mark_its_end_and_its_citation() {
        use Row::*;
        assert_eq!(
            rows(2, 1, 5),
            vec![Passage(0), Passage(1), Citation(0, false)]
        );
        assert_eq!(rows(10, 2, 1), vec![Passage(0)]);
        assert_eq!(rows(10, 2, 2), vec![Passage(0), Citation(0, true)]);
        assert_eq!(rows(10, 2, 3), vec![Passage(0), Gap, Citation(0, true)]);
        assert_eq!(
            rows(10, 2, 4),
            vec![Passage(0), Gap, Citation(0, false), Citation(1, false)]
        );
        assert_eq!(
            rows(10, 2, 5),
            vec![
                Passage(0),
                Gap,
                Passage(9),
                Citation(0, false),
                Citation(1, false)
            ]
        );
        assert_eq!(
            rows(10, 2, 6),
            vec![
                Passage(0),
                Passage(1),
                Gap,
                Passage(9),
                Citation(0, false),
                Citation(1, false)
            ]
        );
        // A short passage is never cut: the citation gives way.
        assert_eq!(
            rows(2, 4, 4),
            vec![
                Passage(0),
                Passage(1),
                Citation(0, false),
                Citation(1, true)
            ]
        );
    }

    proptest::proptest! {
        /// Any size: the rows fit, start with the passage's start, mark
        /// every passage line left out with `[…]`, and show the citation
        /// from two rows up.
        #[test]
        fn rows_fit_and_mark_what_they_leave_out(passage in 1usize..40, citation in 1usize..6, height in 0usize..50) {
            let shown = rows(passage, citation, height);
            proptest::prop_assert!(shown.len() <= height);
            if height == 0 {
                return Ok(());
            }
            proptest::prop_assert_eq!(shown[0], Row::Passage(0));
            let passage_shown = shown.iter().filter(|r| matches!(r, Row::Passage(_))).count();
            let gap = shown.contains(&Row::Gap);
            if height >= 3 {
                proptest::prop_assert_eq!(gap, passage_shown < passage);
            }
            if height >= 2 {
                proptest::prop_assert!(shown.iter().any(|r| matches!(r, Row::Citation(0, _))));
            }
        }
    }
}
