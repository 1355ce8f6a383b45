//! The terminal reader: a list of records, the question and the answer side
//! by side. State and its changes live in [`app`], drawing in [`view`], keys
//! in [`keys`], and the terminal's set-up and restore in [`terminal`]; this
//! module runs the event loop that ties them together.
//!
//! The loop redraws only when something changed: a key, the mouse, a
//! resize, or records arriving from the background loader.

pub mod action;
pub mod app;
pub mod header;
pub mod invariants;
pub mod keys;
pub mod layout;
pub mod terminal;
pub mod view;

use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;

use crate::corpus::{self, Input, Progress};
use app::App;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal asked it to stop: its number.
    Signal(i32),
}

/// Opens the reader on `input` and runs it until the user quits.
///
/// # Errors
/// The terminal could not be set up, drawn to or read from.
/// With `use_cache`, a folder opened before comes from its cache
/// ([`crate::cache`]), and one opened for the first time gets one.
pub fn run(
    input: Input,
    today: NaiveDate,
    lang: crate::i18n::Lang,
    use_cache: bool,
    config: &crate::config::Loaded,
) -> anyhow::Result<Exit> {
    let signals = terminal::Signals::register()?;
    let mut guard = terminal::enter()?;
    let size = guard.terminal.size()?;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let area = Rect::new(0, 0, size.width, size.height);
    let mut app = App::streaming(input.clone(), area, color, today);
    app.lang = lang;
    app.configure(config);
    app.terminal_out = Box::new(std::io::stdout());
    let cache = match &input {
        Input::Paths(paths) if use_cache => crate::cache::Cache::for_paths(paths),
        _ => None,
    };
    let loader = corpus::open(input, today, cache);
    let exit = event_loop(&mut guard, &mut app, &loader, &signals);
    drop(guard);
    // The process ends next: freeing every record's texts one by one
    // (a gigabyte of them in 400,000 strings) held the exit for a quarter
    // of a second after q, for memory the system takes back at once.
    std::mem::forget(app);
    match exit {
        // A terminal that hangs up fails its reads a moment before the
        // SIGHUP arrives: report the hangup, not the read.
        Err(e) => {
            std::thread::sleep(Duration::from_millis(100));
            match signals.received() {
                Some(signal) => Ok(Exit::Signal(signal)),
                // Gone without a signal (no controlling terminal).
                None if terminal::hung_up() => Ok(Exit::Signal(libc::SIGHUP)),
                None => Err(e),
            }
        }
        ok => ok,
    }
}

fn event_loop(
    guard: &mut terminal::Guard,
    app: &mut App,
    loader: &Receiver<Progress>,
    signals: &terminal::Signals,
) -> anyhow::Result<Exit> {
    let mut dirty = true;
    let mut loading = true;
    // Records waiting in the channel: do not sleep on the keyboard.
    let mut backlog = false;
    // Records taken in since the last frame, and whether a key came.
    let mut progressed = false;
    let mut keyed = false;
    let mut milestone = false;
    let mut last_draw = Instant::now();
    loop {
        if let Some(signal) = signals.received() {
            return Ok(Exit::Signal(signal));
        }
        if dirty {
            guard.terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
            last_draw = Instant::now();
        }
        // Wake often enough to notice signals and loading progress; with
        // records waiting, only look at the keyboard.
        let timeout = if backlog || app.indexing() || app.families_pending() {
            Duration::ZERO
        } else if loading || app.pinned.as_ref().is_some_and(|p| p.working()) {
            Duration::from_millis(10)
        } else {
            Duration::from_millis(200)
        };
        if event::poll(timeout)? {
            keyed = true;
            // Take every pending event before drawing again, so that a
            // held key does not queue up frames.
            loop {
                dirty |= handle(app, event::read()?);
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        if loading {
            // Bounded, so keys stay answered while a big corpus streams in.
            let deadline = Instant::now() + Duration::from_millis(15);
            backlog = true;
            while Instant::now() < deadline {
                match loader.try_recv() {
                    Ok(progress) => {
                        loading = !matches!(progress, Progress::Texts(_) | Progress::Cached(_));
                        // The whole list, or the texts: shown at once.
                        milestone |= matches!(
                            progress,
                            Progress::Done | Progress::Texts(_) | Progress::Cached(_)
                        );
                        app.on_progress(progress);
                        progressed = true;
                    }
                    Err(TryRecvError::Empty) => {
                        backlog = false;
                        break;
                    }
                    Err(TryRecvError::Disconnected) => {
                        loading = false;
                        backlog = false;
                        app.loader_stopped();
                        progressed = true;
                        break;
                    }
                }
            }
        } else {
            backlog = false;
            if app.indexing() {
                app.index_step();
                progressed = true;
            } else if app.families_pending() {
                // After indexing, in steps as indexing: the answers'
                // fingerprints, then their families on a thread.
                app.families_step();
            }
        }
        // A large file read again for the open record (while loading, or
        // after a loader that stopped early): shown at once.
        dirty |= app.take_reloads();
        // An alignment or the families, computed on their threads.
        dirty |= app.take_comparison();
        dirty |= app.take_families();
        // Progress alone redraws at most 10 times a second: drawing (and
        // the terminal's work on what is drawn) takes CPU from the load it
        // shows, on two cores. Keys and milestones redraw at once.
        let busy = loading || app.indexing();
        if progressed
            && (keyed || milestone || !busy || last_draw.elapsed() >= Duration::from_millis(100))
        {
            dirty = true;
            progressed = false;
            milestone = false;
        }
        if dirty {
            keyed = false;
        }
    }
}

/// Applies one terminal event; whether the screen needs redrawing.
///
/// Ctrl-C quits from the main screen and cancels a prompt, as in vim, less
/// and fzf: whatever the keymap says, it always does one of the two.
pub fn handle(app: &mut App, event: Event) -> bool {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if keys::is_interrupt(key) && app.prompt.is_some() {
                app.update(action::Action::Escape);
            } else if keys::is_interrupt(key) {
                app.quit = true;
            } else if app.prompt.is_some() {
                if let Some(action) = keys::prompt_action(key) {
                    app.update(action);
                }
            } else if let Some(action) = keys::lookup(&app.keymap, key) {
                app.update(action);
            }
            true
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => {
                app.wheel(mouse.column, mouse.row, 3);
                true
            }
            MouseEventKind::ScrollUp => {
                app.wheel(mouse.column, mouse.row, -3);
                true
            }
            MouseEventKind::Down(_) => {
                app.click(mouse.column, mouse.row);
                true
            }
            _ => false,
        },
        Event::Resize(width, height) => {
            app.resize(Rect::new(0, 0, width, height));
            true
        }
        _ => false,
    }
}
