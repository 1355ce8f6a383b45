//! Terminal set-up and, above all, restore.
//!
//! Whatever ends the reader — q, Ctrl-C, a panic, SIGTERM or SIGHUP — the
//! terminal must come back as it was: raw mode off, the main screen back,
//! the cursor shown, mouse capture off. A guard restores on drop, a panic
//! hook restores before the panic message is printed (so the message is
//! readable), and signals only raise a flag that the event loop checks, so
//! the restore runs on the main thread, never inside a signal handler.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crossterm::{
    cursor,
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use ratatui::{Terminal, backend::CrosstermBackend};

/// The terminal while the reader owns it; restores it when dropped.
pub struct Guard {
    pub terminal: Terminal<CrosstermBackend<io::Stdout>>,
}

/// Whether the terminal is currently set up, so that restoring twice (the
/// panic hook, then the guard) writes nothing the second time.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Takes over the terminal.
///
/// # Errors
/// The terminal refused raw mode or the alternate screen (not a terminal).
pub fn enter() -> io::Result<Guard> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    if let Err(e) = execute!(
        stdout,
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    ) {
        restore();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(terminal) => Ok(Guard { terminal }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Gives the terminal back. Safe to call more than once.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = stdout.flush();
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The signal that asked the reader to stop, once one has: SIGTERM, SIGHUP,
/// SIGINT or SIGQUIT (Ctrl-C in raw mode is a key, not a signal).
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    /// Registers the handlers.
    ///
    /// # Errors
    /// The operating system refused a handler.
    pub fn register() -> io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let received = Arc::new(AtomicUsize::new(0));
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            // `register_usize` stores the signal number: the flag says which.
            signal_hook::flag::register_usize(signal, Arc::clone(&received), signal as usize)?;
        }
        Ok(Signals { received })
    }

    /// The signal received, if any.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}
