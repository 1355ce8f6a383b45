//! Where each pane is in the current frame, how tall a part's header is,
//! and a part's text wrapped to its pane (cached per record and width, so
//! that scrolling a 3 MB answer rewraps nothing).

use std::ops::Range;
use std::rc::Rc;

use ratatui::layout::Rect;

use super::{App, PartKind, Wrapped, slot};
use crate::text::wrap::wrap;
use crate::tui::layout::{Panes, Wants, inner};

impl App {
    /// The panes of the current frame.
    pub fn panes(&self) -> Panes {
        let list = self.list_wanted();
        let answer_rows = self.current().filter(|r| r.answer.is_none()).map(|record| {
            let width = crate::tui::layout::reader_width(self.area.width, list);
            let rows = crate::tui::header::height(
                record,
                PartKind::Answer,
                self.lang,
                self.today,
                usize::from(width.saturating_sub(2)),
            );
            u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
        });
        let compare = self.comparing();
        let wants = Wants {
            quote: self.selection.is_some(),
            list,
            answer_rows: answer_rows.filter(|_| !compare),
            compare,
        };
        Panes::compute(self.area, self.focus, wants)
    }

    /// The width the list's columns want; cached, since every key asks.
    pub(super) fn list_wanted(&self) -> u16 {
        let key = (
            self.shown.len(),
            self.shown.first().copied(),
            self.corpus.records.len(),
            self.lang,
        );
        let mut cache = self.list_width.borrow_mut();
        if let Some((k, width)) = *cache
            && k == key
        {
            return width;
        }
        let width =
            crate::tui::view::list_wanted_width(&self.corpus.records, &self.shown, self.lang);
        let width = u16::try_from(width).unwrap_or(u16::MAX);
        *cache = Some((key, width));
        width
    }

    /// The pane of a part, if shown.
    pub fn pane(&self, part: PartKind) -> Option<Rect> {
        let panes = self.panes();
        match part {
            PartKind::Question => panes.question,
            PartKind::Answer => panes.answer,
        }
    }

    /// Rows of header above a part's text ([`crate::tui::header`]),
    /// wrapped to the pane, then a blank row.
    ///
    /// In a short pane the text matters more: below 8 rows only the JO
    /// reference stays, on one row; below 4 nothing. The header never
    /// takes more than half the pane.
    pub fn header_height(&self, part: PartKind) -> u16 {
        let Some(inside) = self.pane(part).map(inner) else {
            return 0;
        };
        let rows = inside.height;
        let wrapped = self.current().map_or(1, |r| {
            crate::tui::header::height(r, part, self.lang, self.today, usize::from(inside.width))
        });
        let wrapped = u16::try_from(wrapped).unwrap_or(u16::MAX);
        // With no text under it, the header is all there is.
        if self.text(part).is_empty() {
            return wrapped.min(rows);
        }
        if rows < 4 {
            return 0;
        }
        if rows < 8 {
            return 1;
        }
        wrapped.min(rows / 2 - 1) + 1
    }

    /// Where a part's text is drawn, inside its pane, under its header.
    pub fn body(&self, part: PartKind) -> Option<Rect> {
        let inside = inner(self.pane(part)?);
        let header = self.header_height(part).min(inside.height);
        Some(Rect {
            y: inside.y + header,
            height: inside.height - header,
            ..inside
        })
    }

    /// The selected record's text of `part`, wrapped to `width`; cached.
    pub fn wrapped(&self, part: PartKind, width: usize) -> Rc<[Range<usize>]> {
        let record = self.current_index().unwrap_or(usize::MAX);
        let mut wraps = self.wraps.borrow_mut();
        let slot = &mut wraps[slot(part)];
        if let Some(w) = slot
            .as_ref()
            .filter(|w| w.record == record && w.width == width)
        {
            return Rc::clone(&w.lines);
        }
        let lines: Rc<[Range<usize>]> = wrap(self.text(part), width).into();
        *slot = Some(Wrapped {
            record,
            width,
            lines: Rc::clone(&lines),
        });
        lines
    }

    /// The furthest a part can scroll: its last line at the bottom.
    pub fn max_scroll(&self, part: PartKind) -> usize {
        let Some(body) = self.body(part) else {
            return 0;
        };
        if self.text(part).is_empty() {
            return 0;
        }
        let lines = self.wrapped(part, usize::from(body.width)).len();
        lines.saturating_sub(usize::from(body.height))
    }

    /// Rows of the list visible at once.
    pub fn list_height(&self) -> usize {
        self.panes()
            .list
            .map_or(1, |r| usize::from(inner(r).height).max(1))
    }

    /// The display line of a part that holds the byte `offset`, and how
    /// many lines its pane shows (at least one); `None` when not shown.
    pub(super) fn line_at(&self, part: PartKind, offset: usize) -> Option<(usize, usize)> {
        let body = self.body(part)?;
        let lines = self.wrapped(part, usize::from(body.width));
        let line = lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1);
        Some((line, usize::from(body.height).max(1)))
    }
}
