//! The reader's state, and the one place it changes: [`App::update`]
//! (searching, quoting and loading have modules of their own).
//!
//! Views only read the state. What they need that is costly to compute —
//! the wrapped lines of a long answer — is cached here, per record and
//! width, so that scrolling a 3 MB answer rewraps nothing.

use std::cell::RefCell;
use std::io::Write;
use std::ops::Range;
use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDate;
use ratatui::layout::Rect;

mod browse;
mod configure;
mod export;
mod families;
mod geometry;
mod loading;
mod navigate;
mod order;
mod overlay;
mod pin;

pub use families::Families;
pub use pin::{Compared, Mark, Pinned, pinned_header_rows};

pub use overlay::{StatsView, group_filter};

pub use loading::AwaitingTexts;
mod quote;
mod search;

pub use browse::Opener;
pub use quote::Selection;
pub use search::{Applied, Match, Message, Prompt, Target};

use super::action::Action;
use super::layout::Focus;
use crate::corpus::{Corpus, Input};
use crate::export::clipboard::Clipboard;
use crate::model::Record;
use crate::search::Index;

pub use crate::model::PartKind;

/// The slot of a part in the per-part arrays (scroll, wrap cache).
fn slot(part: PartKind) -> usize {
    match part {
        PartKind::Question => 0,
        PartKind::Answer => 1,
    }
}

/// A window over the reading panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Errors,
    /// The statistics of the records the list shows.
    Stats,
}

/// Progress of a background load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// Files to load, once known.
    pub files: Option<usize>,
    pub done: usize,
}

/// Wrapped lines of one text at one width.
#[derive(Debug, Clone)]
struct Wrapped {
    record: usize,
    width: usize,
    lines: Rc<[Range<usize>]>,
}

/// What the list's width depends on: the records shown (their count and
/// first), the records loaded, the language.
type ListKey = (usize, Option<usize>, usize, crate::i18n::Lang);

/// The sentence bounds of one text: the record's index, the ranges.
type Sentences = (usize, Rc<[Range<usize>]>);

/// Everything the reader shows.
pub struct App {
    pub corpus: Corpus,
    /// The search index of the records.
    pub index: Index,
    pub loading: Option<Loading>,
    /// Records listed without their texts: see [`AwaitingTexts`].
    pub awaiting_texts: Option<AwaitingTexts>,
    /// The cache being written, or the one the records came from.
    pub cache: Option<crate::corpus::CacheHandle>,
    /// Indices into `corpus.records` of the records listed, in order.
    pub shown: Vec<usize>,
    /// Position of the selected record in `shown`.
    pub selected: usize,
    /// The list's order, and whether it runs the other way.
    pub sort: crate::sort::Sort,
    pub reversed: bool,
    /// Each record's place in that order; empty until the records are all
    /// in ([`App::sorted`]).
    rank: Vec<u32>,
    /// Whether the user has moved the selection (keys, wheel, click):
    /// until then, the list's first row is selected whatever order records
    /// arrive in.
    pub moved: bool,
    /// First row of `shown` visible in the list.
    pub list_top: usize,
    pub focus: Focus,
    /// Scroll offsets of the question and answer texts, in display lines.
    pub scroll: [usize; 2],
    pub overlay: Option<Overlay>,
    /// The statistics window's table and row, once opened.
    pub stats: Option<StatsView>,
    pub overlay_scroll: usize,
    /// The terminal's size.
    pub area: Rect,
    pub quit: bool,
    /// Whether colours may be used (NO_COLOR unset).
    pub color: bool,
    /// The day pending delays are counted to.
    pub today: NaiveDate,
    /// The language of the screen.
    pub lang: crate::i18n::Lang,
    /// The search bar, while open.
    pub prompt: Option<Prompt>,
    /// The list filter.
    pub filter: Option<Applied>,
    /// The search inside the open record.
    pub search: Option<Applied>,
    /// Matches of the highlighting query in the open record, in reading
    /// order: question, then answer.
    pub matches: Vec<Match>,
    pub current_match: Option<usize>,
    /// What the last action has to say.
    pub message: Option<Message>,
    /// The sentences selected for quoting.
    pub selection: Option<Selection>,
    /// Where `e` appends quotes.
    pub quotes_file: Option<PathBuf>,
    /// The clipboard ways, the native handle kept alive.
    pub clipboard: Clipboard,
    /// How `o` opens a record's page.
    pub opener: browse::Opener,
    /// Where OSC 52 sequences go: the terminal (a sink in tests).
    pub terminal_out: Box<dyn Write>,
    /// The keys, as configured: read by the event loop and the help.
    pub keymap: Vec<crate::tui::keys::Binding>,
    /// The colours of the roles, as configured.
    pub palette: crate::tui::view::theme::Palette,
    /// The citation templates, as configured.
    pub templates: crate::quote::Templates,
    /// The record pinned to compare others with (`p`).
    pub pinned: Option<Pinned>,
    /// The families of reused answers, computed after indexing.
    pub families: Families,
    /// While files stream in, the listing rank of each record's file.
    file_ranks: Vec<usize>,
    wraps: RefCell<[Option<Wrapped>; 2]>,
    /// [`App::list_wanted`]'s last answer, and what it was for.
    list_width: RefCell<Option<(ListKey, u16)>>,
    sentence_cache: RefCell<[Option<Sentences>; 2]>,
}

impl App {
    /// A reader about to take in `input` from [`crate::corpus::stream`]:
    /// empty, loading, its records to come first without their texts.
    pub fn streaming(input: Input, area: Rect, color: bool, today: NaiveDate) -> App {
        let mut app = App::new(
            Corpus::default(),
            Some(Loading {
                files: None,
                done: 0,
            }),
            area,
            color,
            today,
        );
        app.awaiting_texts = Some(AwaitingTexts::new(input));
        app
    }

    pub fn new(
        corpus: Corpus,
        loading: Option<Loading>,
        area: Rect,
        color: bool,
        today: NaiveDate,
    ) -> App {
        let shown = (0..corpus.records.len()).collect();
        let index = Index::build(&corpus.records);
        let mut app = App {
            corpus,
            index,
            loading,
            awaiting_texts: None,
            cache: None,
            file_ranks: Vec::new(),
            shown,
            selected: 0,
            sort: crate::sort::Sort::default(),
            reversed: false,
            rank: Vec::new(),
            moved: false,
            list_top: 0,
            focus: Focus::List,
            scroll: [0, 0],
            overlay: None,
            stats: None,
            overlay_scroll: 0,
            area,
            quit: false,
            color,
            today,
            lang: crate::i18n::Lang::default(),
            prompt: None,
            filter: None,
            search: None,
            matches: Vec::new(),
            current_match: None,
            message: None,
            selection: None,
            quotes_file: crate::export::file::quotes_path(),
            clipboard: Clipboard::from_env(),
            opener: browse::Opener::from_env(),
            terminal_out: Box::new(std::io::sink()),
            keymap: crate::tui::keys::default_keymap().to_vec(),
            palette: crate::tui::view::theme::Palette::default(),
            templates: crate::quote::Templates::default(),
            pinned: None,
            families: Families::default(),
            wraps: RefCell::new([None, None]),
            list_width: RefCell::new(None),
            sentence_cache: RefCell::new([None, None]),
        };
        // A corpus given whole is listed in order at once (one streamed in
        // is ordered once it is all in).
        if !app.corpus.records.is_empty() {
            app.sort_records_shown();
        }
        app
    }

    /// The styles, in the configured colours unless NO_COLOR is set.
    pub fn theme(&self) -> crate::tui::view::theme::Theme {
        crate::tui::view::theme::Theme {
            color: self.color,
            palette: self.palette,
        }
    }

    /// Index in `corpus.records` of the selected record.
    pub fn current_index(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    pub fn current(&self) -> Option<&Record> {
        self.current_index().map(|i| &self.corpus.records[i])
    }

    /// The text of one part of the selected record; empty without answer.
    pub fn text(&self, part: PartKind) -> &str {
        self.current().and_then(|r| part.text(r)).unwrap_or("")
    }

    /// What searches and quotes look in of a part of the selected record:
    /// its text, or nothing for a text never digitised.
    pub fn searched_text(&self, part: PartKind) -> &str {
        self.current()
            .and_then(|r| part.searched_text(r))
            .unwrap_or("")
    }

    /// How far a part's text is scrolled, in display lines.
    pub fn scroll_of(&self, part: PartKind) -> usize {
        self.scroll[slot(part)]
    }

    /// The day pending delays are counted to.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Handles one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
            return;
        }
        if self.prompt.is_some() {
            self.update_prompt(action);
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::FocusNext => self.step_focus(true),
            Action::FocusPrev => self.step_focus(false),
            Action::Open => {
                if self.focus == Focus::List {
                    self.focus = Focus::Question;
                }
            }
            Action::Escape => {
                if self.selection.take().is_none() {
                    self.clear_search();
                }
            }
            Action::Select => self.toggle_selection(),
            Action::Extend => self.resize_selection(1),
            Action::Shrink => self.resize_selection(-1),
            Action::Copy => self.copy_selection(true),
            Action::CopyBare => self.copy_selection(false),
            Action::Export => self.export_selection(),
            Action::Sort => self.next_sort(),
            Action::Reverse => self.reverse_sort(),
            Action::Search => self.open_prompt(),
            Action::NextMatch if self.comparing() && self.matches.is_empty() => {
                self.step_difference(true)
            }
            Action::PrevMatch if self.comparing() && self.matches.is_empty() => {
                self.step_difference(false)
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Pin => self.toggle_pin(),
            Action::Family => self.show_family(),
            Action::Input(_) | Action::DeleteBack | Action::DeleteWord | Action::ClearInput => {}
            Action::Help => self.open_overlay(Overlay::Help),
            Action::Errors => self.open_overlay(Overlay::Errors),
            Action::Stats => self.open_overlay(Overlay::Stats),
            Action::ExportList => self.export_list(),
            Action::OpenPage => self.open_page(),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page()),
            Action::PageUp => self.move_by(-self.page()),
            Action::Top => self.move_by(isize::MIN),
            Action::Bottom => self.move_by(isize::MAX),
        }
    }

    /// Keys while the search bar is open: typing edits it, Enter keeps
    /// it, Esc clears it; the rest still moves and scrolls.
    fn update_prompt(&mut self, action: Action) {
        match action {
            Action::Input(c) => self.edit_prompt(|text| text.push(c)),
            Action::DeleteBack => self.edit_prompt(|text| {
                text.pop();
            }),
            Action::DeleteWord => self.edit_prompt(|text| {
                let kept = text.trim_end().rfind(' ').map_or(0, |at| at + 1);
                text.truncate(kept);
            }),
            Action::ClearInput => self.edit_prompt(String::clear),
            Action::Open => self.submit_prompt(),
            Action::Escape => self.cancel_prompt(),
            Action::Quit => self.quit = true,
            Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
                // Move in the filtered list while typing, as fzf does.
                let focus = self.focus;
                if self
                    .prompt
                    .as_ref()
                    .is_some_and(|p| p.target == Target::List)
                {
                    self.focus = Focus::List;
                }
                match action {
                    Action::Down => self.move_by(1),
                    Action::Up => self.move_by(-1),
                    Action::PageDown => self.move_by(self.page()),
                    _ => self.move_by(-self.page()),
                }
                self.focus = focus;
            }
            _ => {}
        }
    }
}
