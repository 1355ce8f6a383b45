//! Searching from the reader: `/` with the list focused filters the records
//! as you type; `/` with a text focused searches the open record, question
//! and answer both, and `n`/`N` walk its matches across the two panes.
//!
//! One mechanism highlights: the record search when there is one, else the
//! list filter's words, so the words that picked a record out of 100,000
//! also show where they are in it, and `n` goes to them.

use std::ops::Range;

use super::{App, PartKind};
use crate::search::{self, Query};
use crate::tui::layout::Focus;

/// What `/` searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Filter the list.
    List,
    /// Search inside the open record.
    Record,
}

/// The search bar while the user types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub target: Target,
    pub text: String,
}

/// An applied query and its text.
#[derive(Debug, Clone)]
pub struct Applied {
    pub text: String,
    pub query: Query,
}

/// One match in the open record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub part: PartKind,
    /// Bytes of the part's original text.
    pub range: Range<usize>,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

impl App {
    /// `/`: opens the search bar for the focused pane.
    pub(super) fn open_prompt(&mut self) {
        let target = if self.focus == Focus::List {
            Target::List
        } else {
            Target::Record
        };
        // The list filter is refined more often than retyped: keep it.
        let text = match target {
            Target::List => self.filter.as_ref().map(|f| f.text.clone()),
            Target::Record => None,
        };
        self.prompt = Some(Prompt {
            target,
            text: text.unwrap_or_default(),
        });
    }

    /// The search bar's text changed: search again, as you type.
    pub(super) fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        edit(&mut prompt.text);
        let (target, text) = (prompt.target, prompt.text.clone());
        match target {
            Target::List => self.apply_filter(&text),
            Target::Record => self.apply_search(&text, false),
        }
    }

    /// Enter: keeps what was typed.
    pub(super) fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        if prompt.target == Target::Record {
            self.apply_search(&prompt.text, true);
        }
    }

    /// Esc in the search bar: clears what it searched.
    pub(super) fn cancel_prompt(&mut self) {
        if let Some(prompt) = self.prompt.take() {
            match prompt.target {
                Target::List => self.apply_filter(""),
                Target::Record => self.apply_search("", false),
            }
        }
    }

    /// Esc outside the search bar clears the record search, else the list
    /// filter. Whether there was one.
    pub(super) fn clear_search(&mut self) -> bool {
        if self.search.is_some() {
            self.apply_search("", false);
            true
        } else if self.filter.is_some() {
            self.apply_filter("");
            true
        } else {
            false
        }
    }

    /// Filters the list with `text`; a bad query leaves the list as it was
    /// and says why.
    pub(super) fn apply_filter(&mut self, text: &str) {
        let query = match Query::parse(text) {
            Ok(query) => query,
            Err(e) => {
                self.fail(format!("bad query: {e}"));
                return;
            }
        };
        let selected = self.current_index();
        if query.is_empty() {
            self.filter = None;
            self.shown = (0..self.corpus.records.len()).collect();
        } else {
            self.shown = search::filter(&self.corpus.records, &self.index, &query);
            self.filter = Some(Applied {
                text: text.to_owned(),
                query,
            });
        }
        let position = selected
            .and_then(|i| self.shown.binary_search(&i).ok())
            .unwrap_or(0);
        // The same record keeps its scroll and selection; the query changed,
        // so its matches do.
        self.place_selection(position, selected);
        self.refresh_matches();
    }

    /// Searches the open record for `text`, and goes to the first match
    /// from where the reader is. `submitted`: the user pressed Enter, so an
    /// empty result deserves a word.
    fn apply_search(&mut self, text: &str, submitted: bool) {
        match Query::parse(text) {
            Ok(query) if query.is_empty() => self.search = None,
            Ok(query) => {
                self.search = Some(Applied {
                    text: text.to_owned(),
                    query,
                });
            }
            Err(e) => {
                self.fail(format!("bad query: {e}"));
                return;
            }
        }
        self.refresh_matches();
        if self.matches.is_empty() {
            if submitted && self.search.is_some() {
                self.fail(format!("no match for {text}"));
            }
            return;
        }
        self.current_match = Some(self.first_visible_match());
        self.reveal_match();
    }

    /// Recomputes the matches of the open record for the query that
    /// highlights.
    pub(super) fn refresh_matches(&mut self) {
        self.matches.clear();
        self.current_match = None;
        let query = match (&self.search, &self.filter) {
            (Some(search), _) => &search.query,
            (None, Some(filter)) => &filter.query,
            (None, None) => return,
        };
        let mut matches = Vec::new();
        for part in [PartKind::Question, PartKind::Answer] {
            matches.extend(
                query
                    .highlights(self.searched_text(part))
                    .into_iter()
                    .map(|range| Match { part, range }),
            );
        }
        self.matches = matches;
    }

    /// The first match in the focused pane at or below its top line, else
    /// the first match.
    fn first_visible_match(&self) -> usize {
        let part = match self.focus {
            Focus::Answer => PartKind::Answer,
            _ => PartKind::Question,
        };
        let top = self
            .body(part)
            .map(|body| {
                let lines = self.wrapped(part, usize::from(body.width));
                lines
                    .get(self.scroll[super::slot(part)])
                    .map_or(0, |line| line.start)
            })
            .unwrap_or(0);
        self.matches
            .iter()
            .position(|m| m.part == part && m.range.start >= top)
            .unwrap_or(0)
    }

    /// `n` / `N`: the next or previous match, wrapping around, across the
    /// question and the answer.
    pub(super) fn step_match(&mut self, forward: bool) {
        let count = self.matches.len();
        if count == 0 {
            let what = self
                .search
                .as_ref()
                .or(self.filter.as_ref())
                .map(|s| s.text.clone());
            match what {
                Some(text) => self.fail(format!("no match for {text} in this record")),
                None => self.fail("no search: press / first".to_owned()),
            }
            return;
        }
        let next = match (self.current_match, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) if i + 1 == count => {
                self.say("search hit the end, continuing at the top");
                0
            }
            (Some(i), true) => i + 1,
            (Some(0), false) => {
                self.say("search hit the top, continuing at the end");
                count - 1
            }
            (Some(i), false) => i - 1,
        };
        self.current_match = Some(next);
        self.reveal_match();
    }

    /// Focuses the current match's pane and scrolls it into view, with a
    /// third of the pane of context above.
    fn reveal_match(&mut self) {
        let Some(m) = self
            .current_match
            .and_then(|i| self.matches.get(i))
            .cloned()
        else {
            return;
        };
        self.focus = Focus::of(m.part);
        let Some(body) = self.body(m.part) else {
            return;
        };
        let lines = self.wrapped(m.part, usize::from(body.width));
        let line = lines
            .partition_point(|l| l.start <= m.range.start)
            .saturating_sub(1);
        let height = usize::from(body.height).max(1);
        let i = super::slot(m.part);
        if line < self.scroll[i] || line >= self.scroll[i] + height {
            self.scroll[i] = line.saturating_sub(height / 3).min(self.max_scroll(m.part));
        }
    }

    /// The matches of one part, with whether each is the current one.
    /// Only those that reach into `window`: a frame asks for what it
    /// shows, so a 3 MB answer with 100,000 matches costs no more to draw.
    pub fn part_matches(
        &self,
        part: PartKind,
        window: Range<usize>,
    ) -> impl Iterator<Item = (&Range<usize>, bool)> {
        // Matches are sorted: the question's, then the answer's, by offset.
        let key = |m: &Match| (m.part == PartKind::Answer, m.range.end);
        let after = part == PartKind::Answer;
        let from = self
            .matches
            .partition_point(|m| key(m) <= (after, window.start));
        let to = self
            .matches
            .partition_point(|m| (m.part == PartKind::Answer, m.range.start) < (after, window.end));
        self.matches[from..to.max(from)]
            .iter()
            .enumerate()
            .map(move |(i, m)| (&m.range, Some(from + i) == self.current_match))
    }

    pub(super) fn fail(&mut self, text: String) {
        self.message = Some(Message { text, error: true });
    }

    pub(super) fn say(&mut self, text: &str) {
        self.message = Some(Message {
            text: text.to_owned(),
            error: false,
        });
    }
}
