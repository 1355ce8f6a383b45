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

mod common;
mod isolated;

use common::{FIRST_SCREEN, Session, find, rfind, show};

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

/// A terminal window closed or an SSH connection dropped: the terminal
/// goes away under the reader (its master side closes). The reader must
/// exit rather than spin on a terminal that reads end-of-file forever.
#[test]
fn a_vanished_terminal_ends_the_reader() {
    vanish(true);
}

/// The same without the SIGHUP: a reader started with `setsid` has no
/// controlling terminal, so nobody signals it when its terminal goes; its
/// reads only fail. It must notice, and exit 129 all the same.
#[test]
fn a_terminal_that_vanishes_without_a_hangup_signal_ends_the_reader() {
    vanish(false);
}

/// Runs the reader on a fresh pty, waits for its first screen, closes the
/// master side and expects the reader to exit 129 within a few seconds.
/// `controlling`: whether the pty is the reader's controlling terminal
/// (then the kernel sends SIGHUP when it closes).
///
/// Built on `openpty` directly: the test must hold the only descriptor of
/// the master side so that closing it really hangs the terminal up.
fn vanish(controlling: bool) {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the given integers.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0, "openpty");
    // The child must not inherit the master, or closing ours hangs nothing
    // up.
    // SAFETY: `master` is a valid descriptor.
    unsafe { libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC) };
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let slave_fd = {
        use std::os::fd::AsRawFd;
        slave.as_raw_fd()
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.envs(isolated::ENV);
    command
        .env("TERM", "xterm-256color")
        .env("LC_ALL", "C")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
    // SAFETY: only async-signal-safe calls between fork and exec: a new
    // session whose controlling terminal is the pty, as a terminal emulator
    // sets it up.
    unsafe {
        command.pre_exec(move || {
            if libc::setsid() < 0 || (controlling && libc::ioctl(slave_fd, libc::TIOCSCTTY, 0) < 0)
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("spawn reponses");
    drop(slave);

    // Wait for the first screen.
    let mut file = std::fs::File::from(master);
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    {
        use std::io::Read;
        use std::os::fd::AsRawFd;
        while common::find(&seen, common::FIRST_SCREEN).is_none() {
            assert!(Instant::now() < deadline, "no first screen");
            let mut poll = libc::pollfd {
                fd: file.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut poll, 1, 100) } > 0 {
                let mut buf = [0u8; 8192];
                match file.read(&mut buf) {
                    Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
                    _ => break,
                }
            }
        }
    }
    // The window closes.
    drop(file);
    let closed = Instant::now();
    let deadline = closed + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the reader still runs 10 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(128 + libc::SIGHUP), "{status:?}");
    // Not a timing assertion: ten seconds is the bound above; this only
    // says how long it took when it fails.
    eprintln!("exited {:?} after the terminal closed", closed.elapsed());
}
