//! Where each pane goes for a terminal size: a pure function of the size and
//! the focus, used both to draw and to interpret the keys and the mouse (page
//! size, which pane is under the pointer), so the two always agree.
//!
//! - Wide (≥ 120 columns): list | question | answer, side by side.
//! - Medium (≥ 60 columns): list | question over answer.
//! - Narrow or short: the focused pane alone; Tab goes to the next one.
//! - Below 12×3 there is no room for a pane: a "too small" notice.
//!
//! With a record pinned and another open, the reading area compares:
//! list | open record | pinned record, each pane showing its answer (or
//! its question, when that pane's question has the focus); one over the
//! other between 60 and 120 columns; the focused pane alone below.
//!
//! The list takes the width its columns want, up to 45 % of the screen. A
//! question with no answer takes the room: the answer pane shrinks to its
//! header (the status, the ministry awaited), under the question.

use ratatui::layout::{Constraint, Layout, Rect};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Question,
    Answer,
    /// The pinned record's pane, comparing ([`crate::tui::app::Pinned`]).
    Pinned,
}

impl Focus {
    /// The pane that shows a part.
    pub fn of(part: crate::model::PartKind) -> Focus {
        match part {
            crate::model::PartKind::Question => Focus::Question,
            crate::model::PartKind::Answer => Focus::Answer,
        }
    }

    pub fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Question,
            Focus::Question => Focus::Answer,
            Focus::Answer | Focus::Pinned => Focus::List,
        }
    }

    pub fn prev(self) -> Focus {
        match self {
            Focus::List => Focus::Answer,
            Focus::Question => Focus::List,
            Focus::Answer | Focus::Pinned => Focus::Question,
        }
    }
}

/// What the content asks of the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wants {
    /// A selection wants the quote pane.
    pub quote: bool,
    /// The list's columns want this many columns.
    pub list: u16,
    /// The open record has no answer: its pane wants this many rows, its
    /// header and borders, at the width of the reading area
    /// ([`reader_width`]).
    pub answer_rows: Option<u16>,
    /// A record is pinned and another open: compare them.
    pub compare: bool,
}

/// The list's width on a screen `width` columns wide, for a list whose
/// columns want `wanted`: at least 24, at most 45 % of the screen.
pub fn list_width(width: u16, wanted: u16) -> u16 {
    wanted.clamp(24, (width * 45 / 100).max(24))
}

/// The width left to the question and the answer beside the list.
pub fn reader_width(width: u16, wanted: u16) -> u16 {
    width.saturating_sub(list_width(width, wanted))
}

/// The rectangles of one frame. A pane that is not shown is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub question: Option<Rect>,
    pub answer: Option<Rect>,
    /// The quote pane, under the reading panes, while a selection exists.
    pub quote: Option<Rect>,
    /// The pinned record's pane, comparing.
    pub pinned: Option<Rect>,
    pub status: Option<Rect>,
    /// No room for anything but a notice.
    pub too_small: bool,
}

impl Panes {
    /// The panes for `area`, with what the content `wants`.
    pub fn compute(area: Rect, focus: Focus, wants: Wants) -> Panes {
        let quote = wants.quote;
        if area.width < 12 || area.height < 3 {
            return Panes {
                too_small: true,
                ..Panes::default()
            };
        }
        let [main, status] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let mut panes = Panes {
            status: Some(status),
            ..Panes::default()
        };
        // The quote pane takes a few rows when there are rows to spare.
        let quote_rows = match area.height {
            _ if !quote => 0,
            0..14 => 0,
            14..24 => 4,
            _ => 6,
        };
        let main = if quote_rows > 0 {
            let [main, quote] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(quote_rows)]).areas(main);
            panes.quote = Some(quote);
            main
        } else {
            main
        };
        let wide = area.width >= 120 && main.height >= 8;
        if wide || (area.width >= 60 && main.height >= 10) {
            let list_width = list_width(area.width, wants.list);
            let [list, reader] =
                Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)])
                    .areas(main);
            panes.list = Some(list);
            if wants.compare {
                let [open, pinned] = if wide {
                    Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(reader)
                } else {
                    Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(reader)
                };
                // The open record's pane shows its question while that has
                // the focus, its answer otherwise.
                if focus == Focus::Question {
                    panes.question = Some(open);
                } else {
                    panes.answer = Some(open);
                }
                panes.pinned = Some(pinned);
                return panes;
            }
            let [question, answer] = match wants.answer_rows {
                // No answer: the question takes the room.
                Some(rows) => {
                    let rows = rows.min(reader.height / 2).max(3);
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(rows)]).areas(reader)
                }
                None if wide => {
                    Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(reader)
                }
                None => Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(reader),
            };
            panes.question = Some(question);
            panes.answer = Some(answer);
        } else {
            match focus {
                Focus::List => panes.list = Some(main),
                Focus::Question => panes.question = Some(main),
                Focus::Answer => panes.answer = Some(main),
                Focus::Pinned if wants.compare => panes.pinned = Some(main),
                Focus::Pinned => panes.answer = Some(main),
            }
        }
        panes
    }

    /// The pane under a screen position.
    pub fn at(&self, column: u16, row: u16) -> Option<Focus> {
        let hit = |r: Option<Rect>| {
            r.is_some_and(|r| column >= r.x && column < r.right() && row >= r.y && row < r.bottom())
        };
        if hit(self.list) {
            Some(Focus::List)
        } else if hit(self.question) {
            Some(Focus::Question)
        } else if hit(self.answer) {
            Some(Focus::Answer)
        } else if hit(self.pinned) {
            Some(Focus::Pinned)
        } else {
            None
        }
    }
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_down_to_one_by_one_lays_out_inside_the_screen() {
        // Every small size, a sample of the large ones (the solver is slow
        // in debug builds).
        for w in (0..40).chain((40..200).step_by(9)) {
            for h in (0..20).chain((20..60).step_by(7)) {
                let area = Rect::new(0, 0, w, h);
                for focus in [Focus::List, Focus::Question, Focus::Answer, Focus::Pinned] {
                    let p = Panes::compute(
                        area,
                        focus,
                        Wants {
                            quote: w % 2 == 0,
                            list: w,
                            answer_rows: (h % 3 == 0).then_some(h / 4),
                            compare: h % 2 == 1,
                        },
                    );
                    for r in [p.list, p.question, p.answer, p.quote, p.status, p.pinned]
                        .into_iter()
                        .flatten()
                    {
                        assert!(area.contains(r.as_position()) || r.area() == 0);
                        assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
                    }
                }
            }
        }
    }

    #[test]
    fn wide_is_side_by_side_and_narrow_shows_the_focused_pane() {
        let p = Panes::compute(Rect::new(0, 0, 160, 45), Focus::List, Wants::default());
        let (q, a) = (p.question.unwrap(), p.answer.unwrap());
        assert_eq!(q.y, a.y);
        let quote = Wants {
            quote: true,
            ..Wants::default()
        };
        let p = Panes::compute(Rect::new(0, 0, 80, 24), Focus::List, quote);
        let (q, a) = (p.question.unwrap(), p.answer.unwrap());
        assert_eq!(q.x, a.x);
        assert_eq!(p.quote.unwrap().y, a.bottom());
        let p = Panes::compute(Rect::new(0, 0, 20, 6), Focus::Answer, quote);
        assert_eq!((p.list, p.question), (None, None));
        assert!(p.answer.is_some());
    }

    #[test]
    fn comparing_puts_the_pinned_record_beside_or_under_the_open_one() {
        let compare = Wants {
            compare: true,
            ..Wants::default()
        };
        let p = Panes::compute(Rect::new(0, 0, 160, 45), Focus::Answer, compare);
        let (a, pinned) = (p.answer.unwrap(), p.pinned.unwrap());
        assert_eq!((a.y, p.question), (pinned.y, None));
        assert!(pinned.x > a.x);
        let p = Panes::compute(Rect::new(0, 0, 160, 45), Focus::Question, compare);
        assert!(p.question.is_some() && p.answer.is_none());
        let p = Panes::compute(Rect::new(0, 0, 100, 40), Focus::Answer, compare);
        assert_eq!(p.answer.unwrap().x, p.pinned.unwrap().x);
        let p = Panes::compute(Rect::new(0, 0, 50, 16), Focus::Pinned, compare);
        assert_eq!((p.list, p.answer), (None, None));
        assert!(p.pinned.is_some());
    }
}
