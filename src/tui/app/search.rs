//! Searching from the reader: `/` with the list focused filters the records
//! as you type, in the query language (words ANDed, phrases, filters); `/`
//! with a text focused finds in the open record, question and answer both,
//! what is typed as one phrase (a browser's find in page), and `n`/`N`
//! walk its matches across the two panes.
//!
//! A filter being typed that is not a valid query yet (`ministry:` before
//! its value, `after:2024-13`) applies nothing: the list keeps the last
//! valid result, the search bar shows the error and its column, and Enter
//! keeps the bar open until the query is valid or cleared.
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
    /// Why `text` is not a valid query, while it is not.
    pub error: Option<search::QueryError>,
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
            error: None,
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

    /// Enter: keeps what was typed; an invalid filter keeps the bar open
    /// with its error, applying nothing.
    pub(super) fn submit_prompt(&mut self) {
        if self.prompt.as_ref().is_some_and(|p| p.error.is_some()) {
            // The bar stays open, its error shown.
            return;
        }
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

    /// Filters the list with `text`; a query that is not valid leaves the
    /// list as it was, and the search bar says why.
    pub(super) fn apply_filter(&mut self, text: &str) {
        let parsed = Query::parse(text, self.today);
        if let Some(prompt) = self.prompt.as_mut() {
            prompt.error = parsed.as_ref().err().cloned();
        }
        let query = match parsed {
            Ok(query) => query,
            Err(e) => {
                if self.prompt.is_none() {
                    let t = self.lang.t();
                    let message = crate::i18n::fill(
                        t.invalid_query,
                        &[&e.column.to_string(), &e.message(self.lang), t.showing_all],
                    );
                    self.fail(message);
                }
                return;
            }
        };
        let selected = self.current_index();
        if query.is_empty() {
            self.filter = None;
            self.shown = (0..self.corpus.records.len()).collect();
        } else {
            self.shown = match self.awaiting_texts.as_ref().filter(|a| a.on_demand) {
                Some(awaiting) => {
                    let fetch = awaiting.fetcher(self.today);
                    self.index
                        .filter_with(&self.corpus.records, &query, Some(&fetch))
                }
                None => search::filter(&self.corpus.records, &self.index, &query),
            };
            self.filter = Some(Applied {
                text: text.to_owned(),
                query,
            });
        }
        self.order_shown();
        let position = selected
            .and_then(|i| self.shown.iter().position(|&s| s == i))
            .unwrap_or(0);
        // The same record keeps its scroll and selection; the query changed,
        // so its matches do.
        self.place_selection(position, selected);
        self.refresh_matches();
    }

    /// Finds `text` in the open record, as one phrase, and goes to the
    /// first match from where the reader is. `submitted`: the user pressed
    /// Enter, so an empty result deserves a word.
    fn apply_search(&mut self, text: &str, submitted: bool) {
        let phrase = find_in_page(text);
        let query = Query::phrase(phrase);
        if query.is_empty() {
            self.search = None;
        } else {
            self.search = Some(Applied {
                text: phrase.to_owned(),
                query,
            });
        }
        self.refresh_matches();
        if self.matches.is_empty() {
            if submitted && self.search.is_some() {
                self.fail(crate::i18n::fill(self.lang.t().no_match, &[phrase]));
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
                Some(text) => self.fail(crate::i18n::fill(self.lang.t().no_match_here, &[&text])),
                None => self.fail(self.lang.t().no_search.to_owned()),
            }
            return;
        }
        let next = match (self.current_match, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) if i + 1 == count => {
                self.say(self.lang.t().wrapped_top);
                0
            }
            (Some(i), true) => i + 1,
            (Some(0), false) => {
                self.say(self.lang.t().wrapped_end);
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

    /// The status bar's word on the search: the list filter and how many
    /// records it shows; the matches in the open text, `[i/N]` once one is
    /// current.
    pub fn search_status(&self) -> Vec<String> {
        let (lang, t) = (self.lang, self.lang.t());
        let matches = |n: usize| lang.count(n, t.matches_one, t.matches_many);
        let mut parts = Vec::new();
        if let Some(search) = &self.search {
            parts.push(match (self.current_match, self.matches.len()) {
                (_, 0) => t.not_found.to_owned(),
                (Some(i), n) => format!("[{}/{}] \"{}\"", i + 1, lang.number(n), search.text),
                (None, n) => format!("{} \"{}\"", matches(n), search.text),
            });
        } else if !self.matches.is_empty() {
            // The filter's words, highlighted in the open record.
            parts.push(match self.current_match {
                Some(i) => format!("[{}/{}]", i + 1, lang.number(self.matches.len())),
                None => matches(self.matches.len()),
            });
        }
        if let Some(filter) = &self.filter {
            let records = lang.count(self.shown.len(), t.records_one, t.records_many);
            parts.push(crate::i18n::fill(t.filter_count, &[&filter.text, &records]));
        }
        parts
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

/// What find-in-page looks for: the text typed, one phrase; quotes around
/// it are optional (`"cadre juridique"` finds what `cadre juridique`
/// does), and so is a closing quote not typed yet.
fn find_in_page(text: &str) -> &str {
    let trimmed = text.trim();
    let opened = trimmed.strip_prefix('"').unwrap_or(trimmed);
    opened.strip_suffix('"').unwrap_or(opened)
}
