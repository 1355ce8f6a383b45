//! What a key press or a mouse event asks for. Keys map to actions in one
//! table ([`super::keys`]), which the help overlay reads too; the app
//! changes its state in [`super::app::App::update`] from actions alone, so a
//! test can drive it without a terminal.

/// Something the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    /// Focus: list → question → answer → list.
    FocusNext,
    FocusPrev,
    /// Next record in the list, or scroll the focused text down a line.
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// From the list: read the record (focus the question).
    Open,
    /// Close the overlay, else clear the selection, the search, the filter.
    Escape,
    Help,
    /// The view of files that failed to load.
    Errors,
    /// `/`: filter the list (list focused) or search the open record.
    Search,
    NextMatch,
    PrevMatch,
    /// `v`: select the sentence at the match or the first visible one.
    Select,
    /// `]`: one more sentence.
    Extend,
    /// `[`: one sentence less.
    Shrink,
    /// `y`: copy the selection with its citation.
    Copy,
    /// `Y`: copy the bare selection.
    CopyBare,
    /// `e`: append the selection and its citation to the quote file.
    Export,
    /// `s`: the list's next order.
    Sort,
    /// `r`: the list's order reversed.
    Reverse,
    /// `S`: the statistics of the records the list shows.
    Stats,
    /// `x`: the records the list shows, to a CSV file.
    ExportList,
    /// `o`: the record's public page in the browser.
    OpenPage,
    /// `p`: pins the open record, to compare the next ones with it; `p`
    /// again unpins.
    Pin,
    /// `=`: the list filtered to the open answer's family of reused
    /// answers, by date.
    Family,
    /// A character typed into the search bar.
    #[serde(skip)]
    Input(char),
    /// Backspace in the search bar.
    #[serde(skip)]
    DeleteBack,
    /// Ctrl-W in the search bar.
    #[serde(skip)]
    DeleteWord,
    /// Ctrl-U in the search bar.
    #[serde(skip)]
    ClearInput,
}
