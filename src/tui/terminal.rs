//! Terminal set-up and, above all, restore.
//!
//! Whatever ends the reader — q, Ctrl-C, a panic, SIGTERM or SIGHUP — the
//! terminal must come back as it was: raw mode off, the main screen back,
//! the cursor shown, mouse capture off. A guard restores on drop, a panic
//! hook restores before the panic message is printed (so the message is
//! readable), and signals only raise a flag that the event loop checks, so
//! the restore runs on the main thread, never inside a signal handler.
//!
//! One case needs more: when the terminal itself goes away (a closed
//! window, a dropped SSH connection), reads from it return end-of-file and
//! crossterm retries them forever inside `poll`, so the event loop never
//! looks at its flag again. The thread that receives the signals therefore
//! also keeps a deadline: if the process is still there half a second after
//! a signal, it restores what it can and exits itself.
//!
//! And a terminal can go away without any signal: a reader started with
//! `setsid` has no controlling terminal, so nobody sends it SIGHUP. A
//! watchman thread asks the kernel, four times a second, whether the
//! terminal hung up (`poll` reports `POLLHUP` on it once its other side is
//! closed), and treats that as the SIGHUP that did not come.

use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::{
    cursor,
    event::{DisableMouseCapture, EnableMouseCapture},
    execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};
use ratatui::{Terminal, backend::CrosstermBackend};
use signal_hook::consts::SIGHUP;

/// The terminal while the reader owns it; restores it when dropped.
///
/// The ratatui `Terminal` is never dropped: its `Drop` shows the cursor
/// and, when that fails, reports it with `eprintln!`, which panics when
/// stderr is the terminal that just went away (a closed window). The
/// reader then ended with a panic instead of the hangup. [`restore`]
/// shows the cursor itself and ignores a terminal that is gone; the
/// `Terminal`'s buffers are left to the process's end.
pub struct Guard {
    pub terminal: ManuallyDrop<Terminal<CrosstermBackend<io::Stdout>>>,
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
        Ok(terminal) => Ok(Guard {
            terminal: ManuallyDrop::new(terminal),
        }),
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
        use signal_hook::consts::{SIGINT, SIGQUIT, SIGTERM};
        let received = Arc::new(AtomicUsize::new(0));
        let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        let flag = Arc::clone(&received);
        std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                if let Some(signal) = incoming.forever().next() {
                    stop(&flag, signal);
                }
            })?;
        let flag = Arc::clone(&received);
        std::thread::Builder::new()
            .name("hangup-watch".to_owned())
            .spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_millis(250));
                    if hung_up() {
                        stop(&flag, SIGHUP);
                    }
                }
            })?;
        Ok(Signals { received })
    }

    /// The signal received (or the hangup seen), if any.
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

/// Raises the flag for `signal`; the event loop notices within a poll
/// interval and exits. If it is stuck on a vanished terminal, this does it
/// half a second later, with the shell's status for the signal.
fn stop(flag: &AtomicUsize, signal: i32) -> ! {
    flag.store(usize::try_from(signal).unwrap_or(1), Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(500));
    restore();
    std::process::exit(128 + signal);
}

/// Whether the terminal went away: `poll` reports a hangup or an error on
/// standard input or output, the terminal the reader draws on and reads.
pub fn hung_up() -> bool {
    let mut fds = [0, 1].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: two valid pollfd structures, a zero timeout.
    let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, 0) };
    ready > 0
        && fds
            .iter()
            .any(|f| f.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0)
}
