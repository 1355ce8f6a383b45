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
    /// Close the overlay (and, later, clear search and selection).
    Escape,
    Help,
    /// The view of files that failed to load.
    Errors,
}
