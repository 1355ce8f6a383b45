//! The reader's fuzz target: the app's `update` and drawing driven by
//! arbitrary keys, mouse events and resizes over a small corpus, the
//! frame's size changing between events with or without the Resize event
//! reaching the app (see [`crate::invariants`] for the others).
//!
//! Each byte is an event: most are keys, `0xF0..` a mouse event, `0xF8..`
//! a change of the frame's size (the next two bytes), told to the app or
//! not. Copying and saving are left out: they reach the system clipboard
//! and the user's quote file.

use std::sync::OnceLock;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::App;
use crate::corpus::{Corpus, Input};
use crate::load::{self, Diagnostic};
use crate::model::Record;

/// A page with what the reader must show without obeying.
const HOSTILE: &str = "Titre \u{1b}]0;pwned\u{7}\nQuestion de Mme DI FOLCO Catherine (Rhône - GEST() \
publiée le 02/03/2023\n\nMme Catherine Di Folco interroge M. le ministre.\u{202e} Fin\u{1b}[2J. \
« Est-ce légal ? » demande-t-elle.\n\n- page 1402\nRéponse du Ministère de la culture publiée le \
27/04/2023\n\nRéponse. - Oui.        Non... Peut-être…   Voir art. 75.\n\n- page 2001\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// The seeds, a hostile page and a broken one, loaded once.
fn corpus() -> Corpus {
    static LOADED: OnceLock<(Vec<Record>, Vec<Diagnostic>)> = OnceLock::new();
    let (records, diagnostics) = LOADED.get_or_init(|| {
        let mut corpus = Corpus::load(&Input::Seeds, today());
        corpus.add(load::load_bytes("hostile.txt", HOSTILE.as_bytes(), today()));
        corpus.add(load::load_bytes("broken.txt", b"Question de M. X", today()));
        (corpus.records, corpus.diagnostics)
    });
    Corpus {
        records: records.clone(),
        diagnostics: diagnostics.clone(),
        files: 3,
        failed_files: 1,
    }
}

const ACTIONS: [Action; 24] = [
    Action::Quit,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::Open,
    Action::Escape,
    Action::Help,
    Action::Errors,
    Action::Search,
    Action::NextMatch,
    Action::PrevMatch,
    Action::Select,
    Action::Extend,
    Action::Shrink,
    Action::DeleteBack,
    Action::DeleteWord,
    Action::ClearInput,
    Action::Pin,
    Action::Family,
];

/// Characters typed into the search bar.
const TYPED: [char; 12] = [
    'c', 'n', 'i', 'l', ' ', '"', ':', 'é', 'D', '\u{1b}', 'a', '.',
];

/// Drives a reader with `data` (see the module's documentation); panics
/// when it does.
pub fn app(data: &[u8]) {
    let mut app = App::new(corpus(), None, Rect::new(0, 0, 80, 24), false, today());
    app.quotes_file = None;
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(terminal) => terminal,
        Err(e) => panic!("test backend: {e}"),
    };
    let mut bytes = data.iter().copied();
    while let Some(byte) = bytes.next() {
        match byte {
            0xF8.. => {
                let width = 1 + u16::from(bytes.next().unwrap_or(0)) % 200;
                let height = 1 + u16::from(bytes.next().unwrap_or(0)) % 60;
                terminal.backend_mut().resize(width, height);
                // Half the time the Resize event comes before the draw.
                if byte % 2 == 0 {
                    app.resize(Rect::new(0, 0, width, height));
                }
            }
            0xF0.. => {
                let column = u16::from(bytes.next().unwrap_or(0));
                let row = u16::from(bytes.next().unwrap_or(0)) % 64;
                match byte % 3 {
                    0 => app.wheel(column, row, 3),
                    1 => app.wheel(column, row, -3),
                    _ => app.click(column, row),
                }
            }
            0xC0.. => app.update(Action::Input(TYPED[usize::from(byte) % TYPED.len()])),
            _ => app.update(ACTIONS[usize::from(byte) % ACTIONS.len()]),
        }
        app.quit = false;
        if let Err(e) = terminal.draw(|frame| super::view::draw(frame, &mut app)) {
            panic!("draw: {e}");
        }
        let area = terminal.backend().buffer().area;
        assert_eq!(app.area, area, "the layout follows the frame");
    }
}
