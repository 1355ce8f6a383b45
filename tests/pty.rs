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
