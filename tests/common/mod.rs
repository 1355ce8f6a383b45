//! What the pseudo-terminal tests share: the real binary in a pty (80×24),
//! its output collected by a reader thread, every wait bounded.
//!
//! Each test file compiles this module on its own and uses part of it.
#![allow(dead_code)]

use super::isolated;
use std::io::{Read, Write};
use std::os::fd::RawFd;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub use portable_pty::CommandBuilder;
use portable_pty::{Child, MasterPty, PtySize, SlavePty, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The first screen is drawn: the list's title.
pub const FIRST_SCREEN: &[u8] = b"Questions";

/// The reader running in a pseudo-terminal, and everything it wrote.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Kept open until the termios has been read after exit: the settings
    /// live as long as one side of the slave is open.
    slave: Option<Box<dyn SlavePty + Send>>,
    writer: Box<dyn Write + Send>,
    chunks: Receiver<Vec<u8>>,
    pub output: Vec<u8>,
}

impl Session {
    /// Starts `reponses` with no argument (the bundled seeds) and waits for
    /// its first screen.
    pub fn start() -> Session {
        Session::start_with(|_| {})
    }

    /// Like [`Session::start`], with the command adjusted by `configure`
    /// (its environment, typically) before it runs.
    pub fn start_with(configure: impl FnOnce(&mut CommandBuilder)) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_reponses"));
        for (name, value) in isolated::ENV {
            command.env(name, value);
        }
        command.env("TERM", "xterm-256color");
        // English, whatever the machine's locale: the expected texts are.
        command.env("LC_ALL", "C");
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        configure(&mut command);

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
    pub fn wait_for(&mut self, needle: &[u8]) {
        self.wait_until(&format!("{:?}", show(needle)), |output| {
            find(output, needle)
        });
    }

    /// Reads output until `found` finds something in all the output so
    /// far; `what` names it if it never comes.
    pub fn wait_until<T>(&mut self, what: &str, mut found: impl FnMut(&[u8]) -> Option<T>) -> T {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(found) = found(&self.output) {
                return found;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(RecvTimeoutError::Timeout) => {
                    self.fail(&format!("no {what} within {TIMEOUT:?}"))
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.fail(&format!("output ended before {what}"))
                }
            }
        }
    }

    /// Takes whatever output has arrived, without waiting.
    pub fn drain(&mut self) {
        while let Ok(chunk) = self.chunks.try_recv() {
            self.output.extend(chunk);
        }
    }

    pub fn pid(&self) -> libc::pid_t {
        let pid = self.child.process_id().expect("a child process id");
        libc::pid_t::try_from(pid).unwrap()
    }

    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill(2) with our own child's pid and a valid signal.
        let rc = unsafe { libc::kill(self.pid(), signal) };
        assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
    }

    pub fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the reader to exit; then checks that the terminal is back
    /// in cooked mode, and collects the rest of its output. Returns its exit
    /// code.
    pub fn wait_exit(&mut self) -> u32 {
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
    pub fn assert_raw(&self) {
        if let Some(termios) = termios(self.master.as_raw_fd()) {
            assert!(
                termios.c_lflag & (libc::ICANON | libc::ECHO) == 0,
                "the reader runs in raw mode: lflag {:#o}",
                termios.c_lflag
            );
        }
    }

    /// Kills the reader and panics with `why` and the output so far.
    pub fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        self.drain();
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

pub fn termios(fd: Option<RawFd>) -> Option<libc::termios> {
    let fd = fd?;
    // SAFETY: tcgetattr fills the zeroed struct, which is plain data.
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `fd` is the master's descriptor, open while `self` lives; on
    // Linux and macOS a pty master reports its slave's settings.
    (unsafe { libc::tcgetattr(fd, &raw mut termios) } == 0).then_some(termios)
}

/// Line editing, echo and signal keys on: what a shell expects.
pub fn cooked(termios: &libc::termios) -> bool {
    let wanted = libc::ICANON | libc::ECHO | libc::ISIG;
    termios.c_lflag & wanted == wanted
        && termios.c_iflag & libc::ICRNL != 0
        && termios.c_oflag & libc::OPOST != 0
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

pub fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).escape_debug().to_string()
}
