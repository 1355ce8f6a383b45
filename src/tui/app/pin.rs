//! Comparing two records: `p` pins the open record (a copy of it, texts
//! included, so that nothing the list does can take it away), and each
//! record opened next is shown beside it, the two answers aligned
//! sentence by sentence ([`crate::compare`]). `n`/`N` go from one
//! difference to the next when no search is under way; Tab reaches both
//! questions; `v`/`y` select and copy in the pinned pane with its own
//! citation. `p` again unpins.
//!
//! The alignment of two long answers is computed on a thread of its own
//! (two 3 MB answers hold 40,000 sentences each): the reader shows
//! "comparing…" and keeps answering keys meanwhile. Two short answers
//! (64 KB or less each) are aligned at once, in well under a
//! millisecond, so the first frame already shows them compared.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{App, PartKind};
use crate::compare::{Alignment, RowKind, WordKind, align};
use crate::model::Record;
use crate::text::wrap::wrap;
use crate::tui::layout::{Focus, inner};

/// Texts up to this size each are aligned on the reader's thread.
const AT_ONCE: usize = 64 * 1024;

/// How long a thread may align: past it, the rest is left unpaired.
const DEADLINE: Duration = Duration::from_secs(3);

/// How a stretch of an answer is drawn, comparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A sentence of both answers: muted.
    Shared,
    /// A sentence of this answer only: highlighted.
    Only,
    /// A word changed in a sentence of both.
    Word,
}

/// An alignment, and the marks it puts on each answer.
#[derive(Debug)]
pub struct Compared {
    pub alignment: Alignment,
    /// On the open record's answer: sorted, disjoint byte ranges.
    pub open: Vec<(Range<usize>, Mark)>,
    /// On the pinned record's answer.
    pub pinned: Vec<(Range<usize>, Mark)>,
}

impl Compared {
    fn new(alignment: Alignment) -> Compared {
        let (mut open, mut pinned) = (Vec::new(), Vec::new());
        let (left, right) = (&alignment.left, &alignment.right);
        for row in &alignment.rows {
            let l = row.left.and_then(|i| left.get(i)).cloned();
            let r = row.right.and_then(|j| right.get(j)).cloned();
            match row.kind {
                RowKind::Shared => {
                    open.extend(l.map(|l| (l, Mark::Shared)));
                    pinned.extend(r.map(|r| (r, Mark::Shared)));
                }
                RowKind::Left => open.extend(l.map(|l| (l, Mark::Only))),
                RowKind::Right => pinned.extend(r.map(|r| (r, Mark::Only))),
                RowKind::Changed => {
                    for word in &row.words {
                        match word.kind {
                            WordKind::Delete => open.push((word.left.clone(), Mark::Word)),
                            WordKind::Insert => pinned.push((word.right.clone(), Mark::Word)),
                            WordKind::Equal => {}
                        }
                    }
                }
            }
        }
        open.sort_by_key(|(r, _)| r.start);
        pinned.sort_by_key(|(r, _)| r.start);
        Compared {
            alignment,
            open,
            pinned,
        }
    }
}

/// Where an alignment stands.
#[derive(Debug)]
enum State {
    /// Being computed on a thread.
    Working(mpsc::Receiver<Compared>),
    Ready(Rc<Compared>),
}

/// The pinned record and what the reader computed about it.
#[derive(Debug)]
pub struct Pinned {
    /// A copy of the record, with its texts.
    pub record: Record,
    /// The part its pane shows.
    pub part: PartKind,
    /// Scroll of its question and answer, in display lines.
    pub scroll: [usize; 2],
    /// The open record it was compared with (its id), and how far that is.
    state: Option<(String, State)>,
    /// The difference `n`/`N` went to last, among the alignment's.
    pub difference: Option<usize>,
    wraps: RefCell<Option<Wrapped>>,
    sentences: RefCell<[Option<Lines>; 2]>,
}

/// Byte ranges of a text: its display lines, or its sentences.
type Lines = Rc<[Range<usize>]>;

/// A part's lines at a width.
type Wrapped = (PartKind, usize, Lines);

fn slot(part: PartKind) -> usize {
    match part {
        PartKind::Question => 0,
        PartKind::Answer => 1,
    }
}

impl Pinned {
    fn new(record: Record) -> Pinned {
        Pinned {
            record,
            part: PartKind::Answer,
            scroll: [0, 0],
            state: None,
            difference: None,
            wraps: RefCell::new(None),
            sentences: RefCell::new([None, None]),
        }
    }

    /// The text of a part of the pinned record.
    pub fn text(&self, part: PartKind) -> &str {
        part.text(&self.record).unwrap_or("")
    }

    /// Its text of `part`, wrapped to `width`; cached.
    pub fn wrapped(&self, part: PartKind, width: usize) -> Rc<[Range<usize>]> {
        let mut cache = self.wraps.borrow_mut();
        if let Some((p, w, lines)) = cache.as_ref()
            && *p == part
            && *w == width
        {
            return Rc::clone(lines);
        }
        let lines: Rc<[Range<usize>]> = wrap(self.text(part), width).into();
        *cache = Some((part, width, Rc::clone(&lines)));
        lines
    }

    /// The sentences of a part, as quotes see them; cached.
    pub fn sentences(&self, part: PartKind) -> Rc<[Range<usize>]> {
        let mut cache = self.sentences.borrow_mut();
        let entry = &mut cache[slot(part)];
        if let Some(sentences) = entry.as_ref() {
            return Rc::clone(sentences);
        }
        let text = part.searched_text(&self.record).unwrap_or("");
        let computed: Rc<[Range<usize>]> = crate::text::sentence::sentences(text).into();
        *entry = Some(Rc::clone(&computed));
        computed
    }

    /// The alignment with the open record, once computed.
    pub fn compared(&self) -> Option<Rc<Compared>> {
        match &self.state {
            Some((_, State::Ready(compared))) => Some(Rc::clone(compared)),
            _ => None,
        }
    }

    /// Whether the alignment is being computed.
    pub fn working(&self) -> bool {
        matches!(self.state, Some((_, State::Working(_))))
    }
}

impl App {
    /// Whether a record is pinned and another is open: the view compares.
    pub fn comparing(&self) -> bool {
        match (&self.pinned, self.current()) {
            (Some(pinned), Some(open)) => pinned.record.id != open.id,
            _ => false,
        }
    }

    /// `p`: pins the open record, or unpins.
    pub(super) fn toggle_pin(&mut self) {
        let t = self.lang.t();
        if self.pinned.take().is_some() {
            if self.focus == Focus::Pinned {
                self.focus = Focus::Answer;
            }
            if self.selection.is_some_and(|s| s.pinned) {
                self.selection = None;
            }
            self.say(t.unpinned);
            return;
        }
        let Some(record) = self.current().cloned() else {
            self.fail(t.nothing_to_pin.to_owned());
            return;
        };
        self.pinned = Some(Pinned::new(record));
        // Wrapped now, at the width its pane will have: the key that
        // opens the next record then wraps one text, as without a pin
        // (a 3 MB answer: 11 ms a wrap).
        let wants = crate::tui::layout::Wants {
            list: self.list_wanted(),
            compare: true,
            ..Default::default()
        };
        let panes = crate::tui::layout::Panes::compute(self.area, Focus::Answer, wants);
        if let (Some(area), Some(pinned)) = (panes.pinned, self.pinned.as_ref()) {
            let inside = inner(area);
            let header = pinned_header_rows(inside.height);
            if inside.height > header {
                pinned.wrapped(PartKind::Answer, usize::from(inside.width));
            }
        }
        self.say(t.pinned);
    }

    /// Starts aligning the open record with the pinned one if they have
    /// not been: at once for short answers, on a thread for long ones.
    pub fn sync_comparison(&mut self) {
        if !self.comparing() {
            // The pinned record opened itself: its pane is gone.
            if self.focus == Focus::Pinned {
                self.focus = Focus::Answer;
            }
            return;
        }
        let open = self.current().cloned();
        let (Some(open), Some(pinned)) = (open, self.pinned.as_mut()) else {
            return;
        };
        if pinned.state.as_ref().is_some_and(|(id, _)| *id == open.id) {
            return;
        }
        pinned.difference = None;
        let left = PartKind::Answer
            .searched_text(&open)
            .unwrap_or("")
            .to_owned();
        let right = PartKind::Answer
            .searched_text(&pinned.record)
            .unwrap_or("")
            .to_owned();
        if left.len() <= AT_ONCE && right.len() <= AT_ONCE {
            let compared = Compared::new(align(&left, &right, None));
            pinned.state = Some((open.id, State::Ready(Rc::new(compared))));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let alignment = align(&left, &right, Some(Instant::now() + DEADLINE));
            let _ = sender.send(Compared::new(alignment));
        });
        pinned.state = Some((open.id, State::Working(receiver)));
    }

    /// Takes in an alignment computed on its thread; whether one came (the
    /// screen then needs drawing again).
    pub fn take_comparison(&mut self) -> bool {
        let Some(pinned) = self.pinned.as_mut() else {
            return false;
        };
        let Some((id, State::Working(receiver))) = pinned.state.as_ref() else {
            return false;
        };
        match receiver.try_recv() {
            Ok(compared) => {
                pinned.state = Some((id.clone(), State::Ready(Rc::new(compared))));
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                pinned.state = None;
                false
            }
        }
    }

    /// Waits for an alignment being computed (tests, benchmarks).
    pub fn wait_comparison(&mut self) {
        self.sync_comparison();
        if let Some(pinned) = self.pinned.as_mut()
            && let Some((id, State::Working(receiver))) = pinned.state.as_ref()
        {
            pinned.state = match receiver.recv() {
                Ok(compared) => Some((id.clone(), State::Ready(Rc::new(compared)))),
                Err(_) => None,
            };
        }
    }

    /// The pinned pane's text area, under its header row.
    pub fn pinned_body(&self) -> Option<ratatui::layout::Rect> {
        let inside = inner(self.panes().pinned?);
        let header = pinned_header_rows(inside.height);
        Some(ratatui::layout::Rect {
            y: inside.y + header,
            height: inside.height - header,
            ..inside
        })
    }

    /// The furthest the pinned pane can scroll.
    fn pinned_max_scroll(&self) -> usize {
        let (Some(pinned), Some(body)) = (self.pinned.as_ref(), self.pinned_body()) else {
            return 0;
        };
        let lines = pinned.wrapped(pinned.part, usize::from(body.width)).len();
        lines.saturating_sub(usize::from(body.height))
    }

    /// Scrolls the pinned pane.
    pub fn scroll_pinned(&mut self, delta: isize) {
        let max = self.pinned_max_scroll();
        if let Some(pinned) = self.pinned.as_mut() {
            let i = slot(pinned.part);
            pinned.scroll[i] = super::navigate::offset(pinned.scroll[i], delta, max);
        }
    }

    /// Scrolls the pinned pane so that byte `offset` of its part shows.
    pub(super) fn reveal_pinned(&mut self, offset: usize) {
        let max = self.pinned_max_scroll();
        let (Some(body), Some(pinned)) = (self.pinned_body(), self.pinned.as_mut()) else {
            return;
        };
        let lines = pinned.wrapped(pinned.part, usize::from(body.width));
        let line = lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1);
        let height = usize::from(body.height).max(1);
        let i = slot(pinned.part);
        if line < pinned.scroll[i] || line >= pinned.scroll[i] + height {
            pinned.scroll[i] = line.saturating_sub(height / 3).min(max);
        }
    }

    /// The first byte of the pinned pane's first visible line.
    pub(super) fn pinned_top_offset(&self) -> usize {
        let (Some(pinned), Some(body)) = (self.pinned.as_ref(), self.pinned_body()) else {
            return 0;
        };
        let lines = pinned.wrapped(pinned.part, usize::from(body.width));
        lines
            .get(pinned.scroll[slot(pinned.part)])
            .map_or(0, |l| l.start)
    }

    /// Tab while comparing: list → open answer → pinned answer → open
    /// question → pinned question → list (Shift-Tab the other way).
    pub(super) fn step_focus(&mut self, forward: bool) {
        if !self.comparing() {
            self.focus = if forward {
                self.focus.next()
            } else {
                self.focus.prev()
            };
            return;
        }
        let part = self.pinned.as_ref().map_or(PartKind::Answer, |p| p.part);
        let cycle = [
            (Focus::List, PartKind::Answer),
            (Focus::Answer, PartKind::Answer),
            (Focus::Pinned, PartKind::Answer),
            (Focus::Question, PartKind::Question),
            (Focus::Pinned, PartKind::Question),
        ];
        let at = cycle
            .iter()
            .position(|&(f, p)| f == self.focus && (f != Focus::Pinned || p == part))
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % cycle.len()
        } else {
            (at + cycle.len() - 1) % cycle.len()
        };
        let (focus, part) = cycle[next];
        self.focus = focus;
        if focus == Focus::Pinned
            && let Some(pinned) = self.pinned.as_mut()
        {
            pinned.part = part;
        }
    }

    /// `n`/`N` while comparing with no search: the next difference, both
    /// panes scrolled to it.
    pub(super) fn step_difference(&mut self, forward: bool) {
        let t = self.lang.t();
        let Some(compared) = self.pinned.as_ref().and_then(Pinned::compared) else {
            self.say(t.compare_working);
            return;
        };
        let differences: Vec<usize> = compared.alignment.differences().collect();
        if differences.is_empty() {
            self.say(t.no_difference);
            return;
        }
        let count = differences.len();
        let current = self.pinned.as_ref().and_then(|p| p.difference);
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        let rows = &compared.alignment.rows;
        let at = differences[next];
        // The open side: this row's sentence, or the one before it.
        let left = rows[..=at]
            .iter()
            .rev()
            .find_map(|r| r.left)
            .and_then(|i| compared.alignment.left.get(i))
            .map(|r| r.start);
        let right = rows[..=at]
            .iter()
            .rev()
            .find_map(|r| r.right)
            .and_then(|j| compared.alignment.right.get(j))
            .map(|r| r.start);
        if let Some(pinned) = self.pinned.as_mut() {
            pinned.difference = Some(next);
            pinned.part = PartKind::Answer;
        }
        if self.focus == Focus::Question || self.focus == Focus::List {
            self.focus = Focus::Answer;
        }
        if let Some(offset) = left {
            self.reveal_at(PartKind::Answer, offset);
        }
        if let Some(offset) = right {
            self.reveal_pinned(offset);
        }
        self.say(&crate::i18n::fill(
            t.difference_at,
            &[&self.lang.number(next + 1), &self.lang.number(count)],
        ));
    }

    /// Scrolls a part of the open record so that `offset` shows, a third
    /// of the pane above it.
    fn reveal_at(&mut self, part: PartKind, offset: usize) {
        let Some((line, height)) = self.line_at(part, offset) else {
            return;
        };
        let i = super::slot(part);
        if line < self.scroll[i] || line >= self.scroll[i] + height {
            self.scroll[i] = line.saturating_sub(height / 3).min(self.max_scroll(part));
        }
    }

    /// What the status bar says of the comparison.
    pub fn comparison_status(&self) -> Option<String> {
        if !self.comparing() {
            return None;
        }
        let pinned = self.pinned.as_ref()?;
        let t = self.lang.t();
        let Some(compared) = pinned.compared() else {
            return Some(t.compare_working.to_owned());
        };
        let c = compared.alignment.counts();
        let mut text = crate::i18n::fill(
            t.compare_counts,
            &[
                &self.lang.number(c.shared),
                &self.lang.number(c.changed),
                &self.lang.number(c.only_left),
                &self.lang.number(c.only_right),
            ],
        );
        if !compared.alignment.complete {
            text.push_str(t.compare_partial);
        }
        Some(text)
    }
}

/// Rows of the pinned pane's header (its JO reference, then a blank row)
/// in a pane `height` rows high inside.
pub fn pinned_header_rows(height: u16) -> u16 {
    if height >= 8 { 2 } else { 0 }
}
