//! The list pane: one row per record — date, author, status, lateness,
//! ministry — and "shown / total" in its title. Once families of reused
//! answers are found, a record of one says so: `≡ 12` (a family of 12). Only the visible rows are
//! built, so 100,000 records cost no more than 40.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use super::theme::Theme;
use crate::i18n::{Lang, fill};
use crate::model::{Record, Status};
use crate::text::sanitize::str_width;
use crate::tui::app::App;
use crate::tui::layout::{Focus, inner};

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = app.theme();
    let (lang, t) = (app.lang, app.lang.t());
    let focused = app.focus == Focus::List;
    let (shown, total) = (
        lang.number(app.shown.len()),
        lang.number(app.corpus.records.len()),
    );
    let title = if app.sorted() {
        fill(t.list_title_sorted, &[&shown, &total, &app.sort_name()])
    } else {
        fill(t.list_title, &[&shown, &total])
    };
    let mut block = super::pane(&title, focused, theme, area);
    if !app.shown.is_empty() {
        let position = fill(
            t.list_position,
            &[
                &lang.number(app.selected + 1),
                &lang.number(app.shown.len()),
            ],
        );
        if str_width(&position) + 4 <= usize::from(area.width) {
            block = block.title_bottom(Line::from(position).right_aligned().style(theme.dim()));
        }
    }
    let inside = inner(area);
    frame.render_widget(block, area);
    if inside.width == 0 || inside.height == 0 {
        return;
    }
    if app.shown.is_empty() {
        let message = if app.loading.is_some() {
            t.list_loading
        } else if app.awaiting_texts.as_ref().is_some_and(|a| a.coming()) {
            t.list_reading
        } else if app.corpus.records.is_empty() {
            t.list_empty
        } else {
            t.list_none_shown
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(message, usize::from(inside.width)),
                theme.dim(),
            )),
            inside,
        );
        return;
    }
    let families = app.families.found.is_some_and(|n| n > 0);
    let columns = Columns::new(
        usize::from(inside.width),
        lang,
        mixed(&app.corpus.records),
        families,
    );
    let rows: Vec<Line<'_>> = app
        .shown
        .iter()
        .enumerate()
        .skip(app.list_top)
        .take(usize::from(inside.height))
        .map(|(position, &index)| {
            let record = &app.corpus.records[index];
            let selected = position == app.selected;
            let mut line = columns.row(record, selected, theme, lang, app.today);
            if selected {
                line = line.style(theme.selected(focused));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), inside);
}

/// The widths a column gets in a list of some width: the date, the
/// status, the lateness and the delay always; the author's name shorter
/// when narrow; the ministry with what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    /// The chamber, when both are loaded: "AN", "Sénat", or their
    /// initials when narrow.
    chamber: usize,
    author: usize,
    late: usize,
    ministry: usize,
    /// "≡ 12 " for a record whose answer was given again, when families
    /// were found.
    family: usize,
}

/// The marker "▶ ", the date and a space, the status mark and a space.
const FIXED: usize = 2 + 11 + 2;
/// The delay, right-aligned: "1 480 j" and a space.
const DELAY: usize = 8;
/// The author's name, at most.
const AUTHOR: usize = 16;
/// "Sénat" and a space.
const CHAMBER: usize = 6;
/// "≡ 12" and a space.
const FAMILY: usize = 5;

/// Whether records of both chambers are loaded: the list then says
/// which each is.
pub fn mixed(records: &[Record]) -> bool {
    records
        .first()
        .is_some_and(|first| records.iter().any(|r| r.chamber != first.chamber))
}

impl Columns {
    fn new(width: usize, lang: Lang, mixed: bool, families: bool) -> Columns {
        let chamber = match (mixed, width >= 60) {
            (false, _) => 0,
            (true, true) => CHAMBER,
            (true, false) => 2,
        };
        // The date, status, lateness and delay always show whole: the
        // family's mark goes first when they would not.
        let family = if families && width >= chamber + FIXED + 2 + DELAY + FAMILY {
            FAMILY
        } else {
            0
        };
        let width = width.saturating_sub(chamber + family);
        let late_word = str_width(lang.t().list_late) + 1;
        let late = if width >= FIXED + 10 + late_word + DELAY + 8 {
            late_word
        } else {
            2
        };
        let author = width.saturating_sub(FIXED + late + DELAY).min(AUTHOR);
        let ministry = width.saturating_sub(FIXED + late + DELAY + author);
        Columns {
            chamber,
            author,
            late,
            ministry: if ministry >= 6 { ministry } else { 0 },
            family,
        }
    }

    /// The width these columns want to show every ministry whole, at most
    /// `ministry` columns of it.
    fn wanted(lang: Lang, ministry: usize, mixed: bool, families: bool) -> usize {
        let chamber = if mixed { CHAMBER } else { 0 };
        let family = if families { FAMILY } else { 0 };
        FIXED + chamber + family + str_width(lang.t().list_late) + 1 + DELAY + AUTHOR + ministry
    }

    /// One row.
    fn row(
        &self,
        record: &Record,
        selected: bool,
        theme: Theme,
        lang: Lang,
        today: NaiveDate,
    ) -> Line<'static> {
        let t = lang.t();
        let plain = ratatui::style::Style::new();
        let mut spans = vec![
            Span::raw(if selected { "▶ " } else { "  " }),
            Span::raw(format!("{} ", lang.maybe_date(record.question.date))),
        ];
        if self.chamber > 0 {
            let label = record.chamber.label();
            let label = if self.chamber < CHAMBER {
                &label[..1]
            } else {
                label
            };
            spans.push(Span::styled(
                format!("{label:<w$}", w = self.chamber),
                theme.dim(),
            ));
        }
        if self.author > 0 {
            let name = fit(&short_name(record), self.author - 1);
            spans.push(Span::raw(format!("{name:<w$} ", w = self.author - 1)));
        }
        spans.push(Span::raw(format!("{} ", status_mark(record.status))));
        if self.family > 0 {
            let mark = record.family.as_ref().map_or_else(String::new, |f| {
                let size = if f.size > 999 {
                    "999+".to_owned()
                } else {
                    f.size.to_string()
                };
                format!("≡{size:>3}")
            });
            spans.push(Span::styled(
                format!("{mark:<w$}", w = self.family),
                theme.key(),
            ));
        }
        let late = if self.late > 2 { t.list_late } else { "!" };
        if record.late == Some(true) {
            spans.push(Span::styled(
                format!("{late:<w$}", w = self.late),
                theme.late(),
            ));
        } else {
            spans.push(Span::raw(" ".repeat(self.late)));
        }
        let delay = days(record, today).map_or_else(String::new, |d| {
            format!("{}{}{}", lang.number(d), '\u{a0}', t.days_short)
        });
        spans.push(Span::styled(
            format!("{:>w$} ", fit(&delay, DELAY - 1), w = DELAY - 1),
            plain,
        ));
        if self.ministry > 0
            && let Some(ministry) = record.ministry.as_deref()
        {
            spans.push(Span::styled(
                fit(&short_ministry(ministry), self.ministry),
                theme.dim(),
            ));
        }
        Line::from(spans)
    }
}

/// The width the list wants at most, for the ministries of `records`
/// (the first 2,000 of them: the column stays put while scrolling).
pub fn wanted_width(records: &[Record], shown: &[usize], lang: Lang) -> usize {
    let first = || shown.iter().take(2000).map(|&i| &records[i]);
    let ministry = first()
        .filter_map(|r| r.ministry.as_deref())
        .map(|m| str_width(&short_ministry(m)))
        .max()
        .unwrap_or(0)
        .min(40);
    let families = first().any(|r| r.family.is_some());
    Columns::wanted(lang, ministry, mixed(records), families) + 2
}

/// The days a record's answer took, or an awaiting question has waited
/// until `today`.
fn days(record: &Record, today: NaiveDate) -> Option<usize> {
    usize::try_from(crate::sort::days(record, today)?).ok()
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
        (Some(name), Some(first)) => match name.strip_prefix(first) {
            Some(last) => last.trim().to_owned(),
            // The body's spelling ("André" for the header's "Andre"): as
            // many words as the first name has.
            None => {
                let skip = first.split_whitespace().count();
                let words: Vec<&str> = name.split_whitespace().skip(skip).collect();
                if words.is_empty() {
                    name.to_owned()
                } else {
                    words.join(" ")
                }
            }
        },
        (Some(name), None) => name.to_owned(),
        _ => author.last_name.clone().unwrap_or_else(|| "?".to_owned()),
    }
}

/// "Ministère de l'intérieur et des outre-mer" → "Intérieur et des
/// outre-mer": the list has no room for what every row shares.
pub fn short_ministry(ministry: &str) -> String {
    let mut chars = crate::model::ministry_name(ministry).chars();
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

    /// At 60 columns the list pane holds 25: the family's mark would cut
    /// the delay ("!   1" for 128 days); it goes first.
    #[test]
    fn the_family_mark_never_cuts_the_delay() {
        for width in 0..80 {
            for mixed in [false, true] {
                let c = Columns::new(width, Lang::En, mixed, true);
                if c.family > 0 {
                    assert!(
                        c.chamber + FIXED + c.late + DELAY + c.family <= width,
                        "{width}"
                    );
                }
            }
        }
        assert_eq!(Columns::new(25, Lang::En, false, true).family, 0);
        assert_eq!(Columns::new(45, Lang::En, false, true).family, FAMILY);
    }
}
