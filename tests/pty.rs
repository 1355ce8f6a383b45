//! End to end: the real binary in a pseudo-terminal (80×24) on the bundled
//! seeds. Whatever ends the reader — q, SIGTERM, SIGHUP — the terminal must
//! come back as it was: after the last screen drawn, mouse capture off, the
//! main screen back, the cursor shown, and the line discipline back in
//! cooked mode (read from the pty's termios).
//!
//! Every wait has a generous timeout and nothing is timed: a slow machine
//! makes these tests slower, never wrong, and a hung reader fails them
//! instead of hanging them.

#![cfg(unix)]

use std::io::{Read, Write};
use std::os::fd::RawFd;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);

/// The first screen is drawn: the list's title.
const FIRST_SCREEN: &[u8] = b"Questions";

const ENTER_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const MOUSE_CAPTURE_ON: &[u8] = b"\x1b[?1000h";
/// crossterm's DisableMouseCapture, in its order.
const MOUSE_CAPTURE_OFF: &[&[u8]] = &[
    b"\x1b[?1006l",
    b"\x1b[?1015l",
    b"\x1b[?1003l",
    b"\x1b[?1002l",
    b"\x1b[?1000l",
];
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// The reader running in a pseudo-terminal, and everything it wrote.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Kept open until the termios has been read after exit: the settings
    /// live as long as one side of the slave is open.
    slave: Option<Box<dyn SlavePty + Send>>,
    writer: Box<dyn Write + Send>,
    chunks: Receiver<Vec<u8>>,
    output: Vec<u8>,
}

impl Session {
    /// Starts `reponses` with no argument (the bundled seeds) and waits for
    /// its first screen.
    fn start() -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_reponses"));
        command.env("TERM", "xterm-256color");
        command.cwd(env!("CARGO_MANIFEST_DIR"));

        if let Some(termios) = termios(pair.master.as_raw_fd()) {
            assert!(cooked(&termios), "a fresh pty starts in cooked mode");
        }
        let child = pair.slave.spawn_command(command).expect("spawn reponses");

        let mut reader = pair.master.try_clone_reader().unwrap();
        let (sender, chunks) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends at EOF, or EIO once every slave descriptor is closed.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if sender.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        let mut session = Session {
            child,
            master: pair.master,
            slave: Some(pair.slave),
            writer,
            chunks,
            output: Vec::new(),
        };
        session.wait_for(FIRST_SCREEN);
        session
    }

    /// Reads output until `needle` has appeared.
    fn wait_for(&mut self, needle: &[u8]) {
        let deadline = Instant::now() + TIMEOUT;
        while find(&self.output, needle).is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Timeout) => {
                    self.fail(&format!("no {:?} within {TIMEOUT:?}", show(needle)))
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.fail(&format!("output ended before {:?}", show(needle)))
                }
            }
        }
    }

    fn pid(&self) -> libc::pid_t {
        let pid = self.child.process_id().expect("a child process id");
        libc::pid_t::try_from(pid).unwrap()
    }

    fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill(2) with our own child's pid and a valid signal.
        let rc = unsafe { libc::kill(self.pid(), signal) };
        assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the reader to exit; then checks that the terminal is back
    /// in cooked mode, and collects the rest of its output. Returns its exit
    /// code.
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                self.fail(&format!("still running after {TIMEOUT:?}"));
            }
            // Keep the pty drained, so the reader never blocks on a full
            // buffer while restoring.
            if let Ok(chunk) = self.chunks.recv_timeout(Duration::from_millis(20)) {
                self.output.extend(chunk);
            }
        };
        match termios(self.master.as_raw_fd()) {
            Some(termios) => assert!(
                cooked(&termios),
                "raw mode left on: lflag {:#o}, iflag {:#o}, oflag {:#o}",
                termios.c_lflag,
                termios.c_iflag,
                termios.c_oflag
            ),
            None => eprintln!("termios not readable here: checked the escape sequences only"),
        }
        // With our side of the slave closed too, the reader thread sees the
        // end of the output.
        self.slave = None;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => self.fail("output never ended"),
            }
        }
        assert!(
            status.signal().is_none(),
            "killed by {:?} instead of exiting",
            status.signal()
        );
        status.exit_code()
    }

    /// Checks that raw mode is on while the reader runs: proof that the
    /// termios read after exit means something.
    fn assert_raw(&self) {
        if let Some(termios) = termios(self.master.as_raw_fd()) {
            assert!(
                termios.c_lflag & (libc::ICANON | libc::ECHO) == 0,
                "the reader runs in raw mode: lflag {:#o}",
                termios.c_lflag
            );
        }
    }

    fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        panic!("{why}; output so far:\n{}", show(&self.output));
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave a reader running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn termios(fd: Option<RawFd>) -> Option<libc::termios> {
    let fd = fd?;
    // SAFETY: tcgetattr fills the zeroed struct, which is plain data.
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `fd` is the master's descriptor, open while `self` lives; on
    // Linux and macOS a pty master reports its slave's settings.
    (unsafe { libc::tcgetattr(fd, &raw mut termios) } == 0).then_some(termios)
}

/// Line editing, echo and signal keys on: what a shell expects.
fn cooked(termios: &libc::termios) -> bool {
    let wanted = libc::ICANON | libc::ECHO | libc::ISIG;
    termios.c_lflag & wanted == wanted
        && termios.c_iflag & libc::ICRNL != 0
        && termios.c_oflag & libc::OPOST != 0
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Where the last cursor move (`ESC [ row ; col H`) starts: ratatui moves
/// the cursor before every run of cells it draws, and restoring never does.
fn last_draw(output: &[u8]) -> Option<usize> {
    (0..output.len()).rev().find(|&at| {
        let Some(rest) = output[at..].strip_prefix(b"\x1b[") else {
            return false;
        };
        let digits = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';')
            .count();
        digits > 0 && rest.get(digits) == Some(&b'H')
    })
}

fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).escape_debug().to_string()
}

/// Entering set the terminal up before the first screen; leaving put it
/// back after the last one, and nothing was drawn or set up again after.
fn assert_entered_and_restored(output: &[u8]) {
    let at = |needle: &[u8]| {
        find(output, needle)
            .unwrap_or_else(|| panic!("no {:?} in the output:\n{}", show(needle), show(output)))
    };
    let first_screen = at(FIRST_SCREEN);
    assert!(
        at(ENTER_ALTERNATE_SCREEN) < first_screen,
        "{}",
        show(output)
    );
    assert!(at(MOUSE_CAPTURE_ON) < first_screen, "{}", show(output));

    let last_draw = last_draw(output).expect("a screen was drawn");
    assert!(last_draw > first_screen);
    let restored_at = |needle: &[u8]| {
        let at = rfind(output, needle).unwrap_or_else(|| {
            panic!(
                "never restored: no {:?} in the output:\n{}",
                show(needle),
                show(output)
            )
        });
        assert!(
            at > last_draw,
            "{:?} at byte {at} comes before the last draw at byte {last_draw}:\n{}",
            show(needle),
            show(output)
        );
        at
    };
    let mouse_off: Vec<usize> = MOUSE_CAPTURE_OFF.iter().map(|s| restored_at(s)).collect();
    let leave = restored_at(LEAVE_ALTERNATE_SCREEN);
    let show_cursor = restored_at(SHOW_CURSOR);
    assert!(mouse_off.is_sorted(), "{mouse_off:?}");
    assert!(mouse_off.last() < Some(&leave) && leave < show_cursor);

    let tail = &output[leave..];
    assert_eq!(find(tail, ENTER_ALTERNATE_SCREEN), None, "entered again");
    assert_eq!(find(tail, MOUSE_CAPTURE_ON), None, "mouse captured again");
}

#[test]
fn q_quits_and_gives_the_terminal_back() {
    let mut session = Session::start();
    session.assert_raw();
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    assert_entered_and_restored(&session.output);
}

#[test]
fn sigterm_gives_the_terminal_back_and_exits_143() {
    let mut session = Session::start();
    session.assert_raw();
    session.signal(libc::SIGTERM);
    assert_eq!(session.wait_exit(), 128 + 15);
    assert_entered_and_restored(&session.output);
}

#[test]
fn sighup_gives_the_terminal_back_and_exits_129() {
    let mut session = Session::start();
    session.assert_raw();
    session.signal(libc::SIGHUP);
    assert_eq!(session.wait_exit(), 128 + 1);
    assert_entered_and_restored(&session.output);
}
