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
    /// Close the overlay, else clear the search, else the list filter.
    Escape,
    Help,
    /// The view of files that failed to load.
    Errors,
    /// `/`: filter the list (list focused) or search the open record.
    Search,
    NextMatch,
    PrevMatch,
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
