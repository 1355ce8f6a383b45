//! Moving through the list and the texts: keys, pages, the mouse, and a
//! resize keeping the selection in view.

use ratatui::layout::Rect;

use super::{App, PartKind, slot};
use crate::tui::layout::{Focus, inner};

impl App {
    /// A page: the focused pane's visible height, less one line of context.
    pub(super) fn page(&self) -> isize {
        let height = match self.focus {
            Focus::List => self.list_height(),
            Focus::Question => self
                .body(PartKind::Question)
                .map_or(1, |r| usize::from(r.height)),
            Focus::Answer => self
                .body(PartKind::Answer)
                .map_or(1, |r| usize::from(r.height)),
            Focus::Pinned => self.pinned_body().map_or(1, |r| usize::from(r.height)),
        };
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the selection (list focused) or scrolls the focused text.
    pub fn move_by(&mut self, delta: isize) {
        self.move_in(self.focus, delta);
    }

    /// Moves the selection (`focus` the list) or scrolls that pane's text.
    fn move_in(&mut self, focus: Focus, delta: isize) {
        match focus {
            Focus::List => {
                let last = self.shown.len().saturating_sub(1);
                self.select(offset(self.selected, delta, last));
            }
            Focus::Question => self.scroll_by(PartKind::Question, delta),
            Focus::Answer => self.scroll_by(PartKind::Answer, delta),
            Focus::Pinned => self.scroll_pinned(delta),
        }
    }

    /// Scrolls one part's text, within its bounds.
    pub fn scroll_by(&mut self, part: PartKind, delta: isize) {
        let max = self.max_scroll(part);
        let i = slot(part);
        self.scroll[i] = offset(self.scroll[i], delta, max);
    }

    /// Selects the record at `position` of the list, as the user does.
    pub fn select(&mut self, position: usize) {
        self.moved = true;
        let before = self.current_index();
        self.place_selection(position, before);
        if self.current_index() != before {
            self.refresh_matches();
        }
    }

    /// Puts the selection at `position` of the list; when that is another
    /// record than `before`, its view starts afresh (top, no selection).
    pub(super) fn place_selection(&mut self, position: usize, before: Option<usize>) {
        self.selected = position.min(self.shown.len().saturating_sub(1));
        if self.current_index() != before {
            self.scroll = [0, 0];
            self.selection = None;
        }
        self.keep_selection_visible();
        self.ensure_texts();
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let height = self.list_height();
        if self.selected < self.list_top {
            self.list_top = self.selected;
        } else if self.selected >= self.list_top + height {
            self.list_top = self.selected + 1 - height;
        }
        let max_top = self.shown.len().saturating_sub(height);
        self.list_top = self.list_top.min(max_top);
    }

    /// The terminal was resized.
    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        self.keep_selection_visible();
        for part in [PartKind::Question, PartKind::Answer] {
            self.scroll[slot(part)] = self.scroll[slot(part)].min(self.max_scroll(part));
        }
    }

    /// A mouse wheel turn over the screen position (column, row).
    pub fn wheel(&mut self, column: u16, row: u16, delta: isize) {
        if let Some(focus) = self.panes().at(column, row) {
            self.move_in(focus, delta);
        }
    }

    /// A click: focuses the pane, and in the list selects the row.
    pub fn click(&mut self, column: u16, row: u16) {
        let Some(focus) = self.panes().at(column, row) else {
            return;
        };
        if self.overlay.is_some() {
            return;
        }
        self.focus = focus;
        if let (Focus::List, Some(list)) = (focus, self.panes().list) {
            let inside = inner(list);
            if row >= inside.y && row < inside.bottom() {
                self.select(self.list_top + usize::from(row - inside.y));
            }
        }
    }
}

/// `from + delta`, kept within `0..=max`.
pub(super) fn offset(from: usize, delta: isize, max: usize) -> usize {
    let moved = if delta < 0 {
        from.saturating_sub(delta.unsigned_abs())
    } else {
        from.saturating_add(delta.unsigned_abs())
    };
    moved.min(max)
}
