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
use crate::i18n::fill;
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
    /// Of the pinned record ([`super::Pinned`]), not the open one.
    pub pinned: bool,
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

    /// The sentences a selection counts in: of the open record, or of the
    /// pinned one.
    fn selection_sentences(&self, selection: Selection) -> Rc<[Range<usize>]> {
        match self.pinned.as_ref().filter(|_| selection.pinned) {
            Some(pinned) => pinned.sentences(selection.part),
            None => self.sentences(selection.part),
        }
    }

    /// The selected bytes of the pinned record's part, when the selection
    /// is there.
    pub fn pinned_selected_range(&self) -> Option<(PartKind, Range<usize>)> {
        let selection = self.selection.filter(|s| s.pinned)?;
        let sentences = self.selection_sentences(selection);
        let first = sentences.get(selection.first)?;
        let last = sentences.get(selection.first + selection.count - 1)?;
        Some((selection.part, first.start..last.end))
    }

    /// The selected bytes of the selected part of the open record.
    pub fn selected_range(&self) -> Option<(PartKind, Range<usize>)> {
        let selection = self.selection.filter(|s| !s.pinned)?;
        let sentences = self.sentences(selection.part);
        let first = sentences.get(selection.first)?;
        let last = sentences.get(selection.first + selection.count - 1)?;
        Some((selection.part, first.start..last.end))
    }

    /// The selection as a quote with its citation.
    pub fn quote(&self) -> Option<Quote> {
        if let Some((part, range)) = self.pinned_selected_range() {
            let record = &self.pinned.as_ref()?.record;
            let text = part.text(record)?.get(range)?;
            return Some(quote::quote_with(record, part, text, &self.templates));
        }
        let (part, range) = self.selected_range()?;
        let record = self.current()?;
        Some(quote::quote_with(
            record,
            part,
            &self.text(part)[range],
            &self.templates,
        ))
    }

    /// `v`: selects the sentence of the current match, or the first visible
    /// sentence of the focused text; `v` again clears the selection.
    pub(super) fn toggle_selection(&mut self) {
        if self.selection.take().is_some() {
            return;
        }
        if self.focus == Focus::Pinned {
            self.select_pinned();
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
                    Focus::Question | Focus::List | Focus::Pinned => PartKind::Question,
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
                    pinned: false,
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
            None if !self.current().is_none_or(|r| part.digitised(r)) => {
                self.fail(self.lang.t().never_digitised.to_owned());
            }
            None => self.fail(self.lang.t().nothing_to_select.to_owned()),
        }
    }

    /// `v` in the pinned pane: its first visible sentence.
    fn select_pinned(&mut self) {
        let Some(pinned) = self.pinned.as_ref() else {
            return;
        };
        let part = pinned.part;
        let digitised = part.digitised(&pinned.record);
        let sentences = pinned.sentences(part);
        match locate(&sentences, self.pinned_top_offset()) {
            Some(first) => {
                self.selection = Some(Selection {
                    part,
                    first,
                    count: 1,
                    pinned: true,
                });
                self.describe_selection();
            }
            None if !digitised => self.fail(self.lang.t().never_digitised.to_owned()),
            None => self.fail(self.lang.t().nothing_to_select.to_owned()),
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
            self.fail(self.lang.t().nothing_selected.to_owned());
            return;
        };
        let total = self.selection_sentences(selection).len();
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
        if let Some((_, range)) = self.pinned_selected_range() {
            self.reveal_pinned(range.end.saturating_sub(1));
        }
    }

    /// Scrolls a part so that the byte `offset` is visible.
    fn reveal(&mut self, part: PartKind, offset: usize) {
        let Some((line, height)) = self.line_at(part, offset) else {
            return;
        };
        let i = slot(part);
        if line < self.scroll[i] {
            self.scroll[i] = line;
        } else if line >= self.scroll[i] + height {
            self.scroll[i] = (line + 1 - height).min(self.max_scroll(part));
        }
    }

    fn describe_selection(&mut self) {
        if let Some(selection) = self.selection {
            let t = self.lang.t();
            self.message = Some(Message {
                text: self
                    .lang
                    .count(selection.count, t.selected_one, t.selected_many),
                error: false,
            });
        }
    }

    /// `y` / `Y`: copies the selection, with its citation or bare.
    pub(super) fn copy_selection(&mut self, with_citation: bool) {
        let Some(quote) = self.quote() else {
            self.fail(self.lang.t().nothing_selected.to_owned());
            return;
        };
        let text = if with_citation {
            quote.render(Format::Text)
        } else {
            quote.text.replace("\n\n", " ")
        };
        let (lang, t) = (self.lang, self.lang.t());
        let what = if with_citation {
            t.copied_quote_and_citation
        } else {
            t.copied_quote
        };
        match self.clipboard.copy(&text, &mut *self.terminal_out) {
            Ok(ways) => {
                let ways: Vec<&str> = ways
                    .iter()
                    .map(|way| match way {
                        Way::Osc52 => t.way_osc52,
                        Way::Tmux => t.way_tmux,
                        Way::Native => t.way_native,
                    })
                    .collect();
                let copied = fill(
                    t.copied,
                    &[what, &lang.number(text.chars().count()), &ways.join(" + ")],
                );
                self.say(&format!("{copied}{}", removed(lang, &quote)));
            }
            Err(CopyError::TooLong { bytes, max }) => {
                self.fail(fill(t.too_long, &[&lang.number(bytes), &lang.number(max)]))
            }
            Err(CopyError::Unreachable(why)) => {
                self.fail(fill(t.copy_failed, &[&fill(t.copy_unreachable, &[&why])]));
            }
        }
    }

    /// `e`: appends the selection and its citation, in Markdown, to the
    /// quote file.
    pub(super) fn export_selection(&mut self) {
        let Some(quote) = self.quote() else {
            self.fail(self.lang.t().nothing_selected.to_owned());
            return;
        };
        let Some(path) = self.quotes_file.clone() else {
            self.fail(self.lang.t().no_quote_file.to_owned());
            return;
        };
        match file::append(&path, &quote.render(Format::Markdown)) {
            Ok(file::Appended::Added) => {
                let saved = fill(self.lang.t().saved, &[&path.display().to_string()]);
                self.say(&format!("{saved}{}", removed(self.lang, &quote)));
            }
            Ok(file::Appended::AlreadyThere) => {
                self.say(&fill(
                    self.lang.t().already_saved,
                    &[&path.display().to_string()],
                ));
            }
            Err(e) => self.fail(fill(
                self.lang.t().cannot_save,
                &[&path.display().to_string(), &e.to_string()],
            )),
        }
    }
}

/// "; 3 control characters or escape sequences taken out of the quote",
/// or nothing.
fn removed(lang: crate::i18n::Lang, quote: &Quote) -> String {
    let t = lang.t();
    match quote.removed {
        0 => String::new(),
        n => format!("; {}", lang.count(n, t.removed_one, t.removed_many)),
    }
}
