//! Quoting from the reader: `v` selects a sentence, `]` and `[` extend and
//! shrink the selection a sentence at a time, `y` copies it with its
//! citation, `Y` without, and `e` appends it to the quote file.
//!
//! A selection is a run of whole sentences of one part: quotes are made of
//! sentences, and a run is what `]`/`[` can grow and shrink predictably.

use std::ops::Range;
use std::rc::Rc;

use super::{App, Message, PartKind, slot};
use crate::export::clipboard::{CopyError, Way};
use crate::export::file;
use crate::quote::{self, Format, Quote};
use crate::text::sentence::{locate, sentences};
use crate::tui::layout::Focus;

/// A run of sentences of one part of the open record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub part: PartKind,
    /// Index of the first sentence.
    pub first: usize,
    /// Number of sentences, at least 1.
    pub count: usize,
}

impl App {
    /// The sentences of a part of the open record; cached.
    pub fn sentences(&self, part: PartKind) -> Rc<[Range<usize>]> {
        let record = self.current_index().unwrap_or(usize::MAX);
        let mut cache = self.sentence_cache.borrow_mut();
        let entry = &mut cache[slot(part)];
        if let Some((r, sentences)) = entry.as_ref().filter(|(r, _)| *r == record) {
            debug_assert_eq!(*r, record);
            return Rc::clone(sentences);
        }
        let computed: Rc<[Range<usize>]> = sentences(self.searched_text(part)).into();
        *entry = Some((record, Rc::clone(&computed)));
        computed
    }

    /// The selected bytes of the selected part.
    pub fn selected_range(&self) -> Option<(PartKind, Range<usize>)> {
        let selection = self.selection?;
        let sentences = self.sentences(selection.part);
        let first = sentences.get(selection.first)?;
        let last = sentences.get(selection.first + selection.count - 1)?;
        Some((selection.part, first.start..last.end))
    }

    /// The selection as a quote with its citation.
    pub fn quote(&self) -> Option<Quote> {
        let (part, range) = self.selected_range()?;
        let record = self.current()?;
        Some(quote::quote(record, part, &self.text(part)[range]))
    }

    /// `v`: selects the sentence of the current match, or the first visible
    /// sentence of the focused text; `v` again clears the selection.
    pub(super) fn toggle_selection(&mut self) {
        if self.selection.take().is_some() {
            return;
        }
        let current = self
            .current_match
            .and_then(|i| self.matches.get(i))
            .cloned();
        let (part, offset) = match current {
            Some(m) => (m.part, m.range.start),
            None => {
                let part = match self.focus {
                    Focus::Answer => PartKind::Answer,
                    Focus::Question | Focus::List => PartKind::Question,
                };
                (part, self.top_offset(part))
            }
        };
        let sentences = self.sentences(part);
        match locate(&sentences, offset) {
            Some(first) => {
                self.selection = Some(Selection {
                    part,
                    first,
                    count: 1,
                });
                if self.focus == Focus::List {
                    self.focus = Focus::of(part);
                }
                // The view follows the selection: a match scrolled away
                // from is selected where the user can see it.
                if let Some((part, range)) = self.selected_range() {
                    self.focus = Focus::of(part);
                    self.reveal(part, range.start);
                }
                self.describe_selection();
            }
            None if !self.current().is_none_or(|r| part.digitised(r)) => self.fail(
                "this text was never digitised: the page only says so, there is nothing to quote"
                    .to_owned(),
            ),
            None => self.fail("nothing to select here".to_owned()),
        }
    }

    /// The offset of the first visible line of a part's text.
    fn top_offset(&self, part: PartKind) -> usize {
        let Some(body) = self.body(part) else {
            return 0;
        };
        let lines = self.wrapped(part, usize::from(body.width));
        lines.get(self.scroll[slot(part)]).map_or(0, |l| l.start)
    }

    /// `]` / `[`: one sentence more or less, keeping the end in view.
    pub(super) fn resize_selection(&mut self, delta: isize) {
        let Some(mut selection) = self.selection else {
            self.fail("nothing selected: press v to select a sentence".to_owned());
            return;
        };
        let total = self.sentences(selection.part).len();
        let available = total.saturating_sub(selection.first).max(1);
        selection.count = selection
            .count
            .saturating_add_signed(delta)
            .clamp(1, available);
        self.selection = Some(selection);
        self.describe_selection();
        if let Some((part, range)) = self.selected_range() {
            self.reveal(part, range.end.saturating_sub(1));
        }
    }

    /// Scrolls a part so that the byte `offset` is visible.
    fn reveal(&mut self, part: PartKind, offset: usize) {
        let Some(body) = self.body(part) else {
            return;
        };
        let lines = self.wrapped(part, usize::from(body.width));
        let line = lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1);
        let height = usize::from(body.height).max(1);
        let i = slot(part);
        if line < self.scroll[i] {
            self.scroll[i] = line;
        } else if line >= self.scroll[i] + height {
            self.scroll[i] = (line + 1 - height).min(self.max_scroll(part));
        }
    }

    fn describe_selection(&mut self) {
        if let Some(selection) = self.selection {
            let n = selection.count;
            self.message = Some(Message {
                text: format!(
                    "{} selected: y copies with citation, Y without, e saves",
                    crate::cli::plural(n, "sentence")
                ),
                error: false,
            });
        }
    }

    /// `y` / `Y`: copies the selection, with its citation or bare.
    pub(super) fn copy_selection(&mut self, with_citation: bool) {
        let Some(quote) = self.quote() else {
            self.fail("nothing selected: press v to select a sentence".to_owned());
            return;
        };
        let text = if with_citation {
            quote.render(Format::Text)
        } else {
            quote.text.replace("\n\n", " ")
        };
        let what = if with_citation {
            "quote and citation"
        } else {
            "quote"
        };
        match self.clipboard.copy(&text, &mut *self.terminal_out) {
            Ok(ways) => {
                let ways: Vec<&str> = ways.iter().copied().map(Way::describe).collect();
                self.say(&format!(
                    "copied {what} ({} chars) to {}{}",
                    text.chars().count(),
                    ways.join(" + "),
                    removed(&quote)
                ));
            }
            Err(CopyError::TooLong { bytes, max }) => self.fail(format!(
                "too long to copy ({bytes} bytes, terminals take {max}): press e to save it to the quote file"
            )),
            Err(e) => self.fail(format!("{e}; press e to save it to the quote file")),
        }
    }

    /// `e`: appends the selection and its citation, in Markdown, to the
    /// quote file.
    pub(super) fn export_selection(&mut self) {
        let Some(quote) = self.quote() else {
            self.fail("nothing selected: press v to select a sentence".to_owned());
            return;
        };
        let Some(path) = self.quotes_file.clone() else {
            self.fail("no quote file: set XDG_DATA_HOME or HOME".to_owned());
            return;
        };
        match file::append(&path, &quote.render(Format::Markdown)) {
            Ok(file::Appended::Added) => {
                self.say(&format!("saved to {}{}", path.display(), removed(&quote)));
            }
            Ok(file::Appended::AlreadyThere) => {
                self.say(&format!("already saved in {}", path.display()));
            }
            Err(e) => self.fail(format!("cannot save to {}: {e}", path.display())),
        }
    }
}

/// "; 3 control characters or escape sequences taken out of the quote",
/// or nothing.
fn removed(quote: &Quote) -> String {
    match quote.removed {
        0 => String::new(),
        n => format!("; {}", crate::cli::removed_message(n)),
    }
}
