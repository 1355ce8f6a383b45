//! End to end: quoting from the reader reaches the clipboard, whichever way
//! the user reaches the terminal — OSC 52 in a plain terminal, tmux's
//! buffer inside tmux, the X11 clipboard when a display exists — and the
//! quote file.
//!
//! Every run opens the bundled seed, focuses the question (Tab), searches
//! the record for a phrase of its answer (`/`, Enter), selects the sentence
//! of the match (`v`) and copies it (`y`). What lands on the clipboard must
//! be exactly what `reponses quote` prints for the same sentence.
//!
//! tmux and X11 need `tmux`, `Xvfb` and `xclip`: without them those tests
//! say so and pass. Every wait has a generous timeout, nothing is timed,
//! and every process started here is killed when a test fails.

#![cfg(unix)]

mod common;
mod isolated;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use common::{Session, TIMEOUT, find, show};

/// The sentence of the seed's answer holding the phrase searched.
const SENTENCE: &str = "Si aucun cadre juridique n'existe donc à cette heure, le Gouvernement est évidemment soucieux de s'en doter chaque fois qu'il envisage de recourir à de tels dispositifs.";
/// The sentence after it, with the document's non-breaking spaces in the
/// date.
const NEXT_SENTENCE: &str = "A titre d'exemple, dans le cadre du projet de loi portant dispositions sur les Jeux Olympiques et Paralympiques, il a soumis à l'examen du Parlement des dispositions visant à autoriser l'expérimentation jusqu'au 30\u{a0}juin\u{a0}2025 du recours à des systèmes d'intelligence artificielle appliqués aux dispositifs de vidéoprotection et des caméras installées sur des aéronefs.";
const CITATION: &str = "Réponse du Ministère de l'intérieur et des outre-mer à la question de M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787";
/// What `reponses quote --match "cadre juridique n'existe"` prints, without
/// its line break.
const EXPECTED: &str = "« Si aucun cadre juridique n'existe donc à cette heure, le Gouvernement est évidemment soucieux de s'en doter chaque fois qu'il envisage de recourir à de tels dispositifs. » — Réponse du Ministère de l'intérieur et des outre-mer à la question de M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787";

/// The phrase searched, quotes included: a phrase query.
const PHRASE: &str = "\"cadre juridique n'existe\"";

/// Focus the question, search the record for the phrase, keep it, select
/// the sentence of the match.
fn select_keys() -> Vec<u8> {
    [b"\t/".as_slice(), PHRASE.as_bytes(), b"\rv"].concat()
}

/// Shown once the seed's record has loaded (the author, in the list). The
/// first screen comes before: keys typed then act on an empty list.
const LOADED: &str = "Dossus";

/// The reader in a pseudo-terminal with no tmux and no display, the quote
/// file in `data`, its record loaded.
fn plain_terminal(data: &Path) -> Session {
    let mut session = Session::start_with(|command| {
        command.env_remove("TMUX");
        command.env_remove("DISPLAY");
        command.env_remove("WAYLAND_DISPLAY");
        command.env("XDG_DATA_HOME", data);
    });
    session.wait_for(LOADED.as_bytes());
    session
}

/// The text of the first complete OSC 52 sequence starting at or after
/// byte `from`, and where that sequence ends.
fn osc52_after(output: &[u8], from: usize) -> Option<(String, usize)> {
    const INTRODUCER: &[u8] = b"\x1b]52;c;";
    let start = from + find(&output[from..], INTRODUCER)? + INTRODUCER.len();
    let end = start + find(&output[start..], b"\x07")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&output[start..end])
        .unwrap_or_else(|e| panic!("OSC 52 payload is not base64 ({e}): {}", show(output)));
    let text = String::from_utf8(decoded).expect("OSC 52 payload is UTF-8");
    Some((text, end + 1))
}

/// Reads the reader's output until an OSC 52 sequence after byte `from` is
/// complete; its text, and where to look for the next one.
fn next_osc52(session: &mut Session, from: usize) -> (String, usize) {
    session.wait_until("OSC 52 sequence", |output| osc52_after(output, from))
}

#[test]
fn the_expected_text_is_the_sentence_and_its_citation() {
    assert_eq!(format!("« {SENTENCE} » — {CITATION}"), EXPECTED);
}

#[test]
fn y_copies_the_sentence_of_the_match_and_its_citation_through_osc52() {
    let data = tempfile::tempdir().unwrap();
    let mut session = plain_terminal(data.path());
    session.send(&select_keys());
    session.send(b"y");
    let (copied, _) = next_osc52(&mut session, 0);
    assert_eq!(copied, EXPECTED);
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn brackets_extend_and_shrink_what_y_copies() {
    let data = tempfile::tempdir().unwrap();
    let mut session = plain_terminal(data.path());
    session.send(&select_keys());
    session.send(b"]y");
    let (copied, end) = next_osc52(&mut session, 0);
    assert_eq!(
        copied,
        format!("« {SENTENCE} {NEXT_SENTENCE} » — {CITATION}")
    );
    session.send(b"[y");
    let (copied, _) = next_osc52(&mut session, end);
    assert_eq!(copied, EXPECTED);
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn capital_y_copies_the_bare_sentence() {
    let data = tempfile::tempdir().unwrap();
    let mut session = plain_terminal(data.path());
    session.send(&select_keys());
    session.send(b"Y");
    let (copied, _) = next_osc52(&mut session, 0);
    assert_eq!(copied, SENTENCE);
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn e_appends_the_markdown_quote_to_the_quote_file_once() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("reponses").join("quotes.md");
    let entry = format!("> {SENTENCE}\n>\n> — {CITATION}\n");
    let mut session = plain_terminal(data.path());
    session.send(&select_keys());

    let read = || std::fs::read_to_string(&file).map_err(|e| e.to_string());
    session.send(b"e");
    if let Err(last) = poll(|| equals(read(), &Ok(entry.clone()))) {
        session.fail(&format!("after one e, the quote file: {last:?}"));
    }
    // The same quote again: said, not saved twice.
    session.send(b"e");
    // The screen is drawn by differences: "already" is what changes.
    session.wait_for(b"already");
    assert_eq!(read(), Ok(entry.clone()));
    // Another quote (one sentence more) is appended after a blank line.
    session.send(b"]e");
    let grown = |text: &Result<String, String>| {
        text.as_ref()
            .is_ok_and(|t| t.starts_with(&format!("{entry}\n> ")) && t.matches("> — ").count() == 2)
    };
    if let Err(last) = poll(|| {
        let text = read();
        if grown(&text) { Ok(text) } else { Err(text) }
    }) {
        session.fail(&format!("after ] e, the quote file: {last:?}"));
    }

    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    // Nothing copied on the way.
    assert_eq!(osc52_after(&session.output, 0), None);
}

/// A private tmux server, its socket in a temporary folder (removed with
/// it), killed when dropped.
struct Tmux {
    folder: tempfile::TempDir,
}

impl Tmux {
    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        command.arg("-S").arg(self.folder.path().join("socket"));
        command
    }

    /// Runs a tmux command; its stdout if it succeeded.
    fn run(&self, args: &[&str]) -> Option<String> {
        let output = run(self.command().args(args))?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = run(self.command().arg("kill-server"));
    }
}

#[test]
fn inside_tmux_y_fills_the_tmux_buffer() {
    if !on_path("tmux") {
        eprintln!("note: tmux is not on PATH; the tmux clipboard is not tested");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let tmux = Tmux {
        folder: tempfile::tempdir().unwrap(),
    };
    // The shell tmux runs the reader with writes its exit status down.
    let status_file = tmux.folder.path().join("status");
    let reader = format!(
        "LC_ALL=C '{}'; echo $? > '{}'",
        env!("CARGO_BIN_EXE_reponses"),
        status_file.display()
    );
    // The server takes its environment from this first command: no outer
    // tmux, no display, the quote file in the temporary folder.
    let started = run(tmux
        .command()
        .args(["-f", "/dev/null", "new-session", "-d", "-s", "reponses"])
        .args(["-x", "120", "-y", "40", &reader])
        .env_remove("TMUX")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("TERM", "xterm-256color")
        .env("XDG_DATA_HOME", data.path())
        .envs(isolated::ENV))
    .expect("tmux new-session answers");
    assert!(started.status.success(), "tmux new-session: {started:?}");

    let screen = || tmux.run(&["capture-pane", "-p", "-t", "reponses"]);
    poll(|| screen().filter(|s| s.contains(LOADED)).ok_or(()))
        .unwrap_or_else(|()| panic!("the record never showed in tmux; the pane:\n{:?}", screen()));

    for keys in [
        &["Tab"][..],
        &["/"],
        &["-l", PHRASE],
        &["Enter"],
        &["v"],
        &["y"],
    ] {
        let args = [&["send-keys", "-t", "reponses"][..], keys].concat();
        assert!(tmux.run(&args).is_some(), "tmux {args:?} failed");
    }
    poll(|| equals(tmux.run(&["show-buffer"]), &Some(EXPECTED.to_owned()))).unwrap_or_else(
        |last| {
            panic!(
                "tmux buffer: {last:?}\nthe pane:\n{}",
                screen().unwrap_or_default()
            )
        },
    );

    assert!(tmux.run(&["send-keys", "-t", "reponses", "q"]).is_some());
    poll(|| {
        equals(
            std::fs::read_to_string(&status_file).ok(),
            &Some("0\n".to_owned()),
        )
    })
    .unwrap_or_else(|last| panic!("the reader's exit status in tmux: {last:?}"));
}

/// An X server of its own, killed when dropped.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    /// Starts Xvfb on the first free display from 90 + pid % 50, and waits
    /// for its socket.
    fn start() -> Xvfb {
        let first = 90 + std::process::id() % 50;
        for n in first..first + 20 {
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            if socket.exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let child = Command::new("Xvfb")
                .args([&format!(":{n}"), "-nolisten", "tcp"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start Xvfb");
            let mut xvfb = Xvfb {
                child,
                display: format!(":{n}"),
            };
            let deadline = Instant::now() + TIMEOUT;
            loop {
                if socket.exists() {
                    return xvfb;
                }
                // Display taken after all (a race), or Xvfb cannot run.
                if xvfb.child.try_wait().unwrap().is_some() {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "Xvfb :{n} made no socket within {TIMEOUT:?}"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("no display from :{first} to :{} would start", first + 19);
    }
}

impl Drop for Xvfb {
    /// SIGTERM first, so that Xvfb removes its lock file and socket; SIGKILL
    /// if it has not stopped within the timeout.
    fn drop(&mut self) {
        if let Ok(pid) = libc::pid_t::try_from(self.child.id()) {
            // SAFETY: kill(2) with our own child's pid and a valid signal.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let deadline = Instant::now() + TIMEOUT;
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn with_an_x11_display_y_fills_the_clipboard_and_the_reader_serves_it() {
    if !on_path("Xvfb") || !on_path("xclip") {
        eprintln!("note: Xvfb or xclip is not on PATH; the X11 clipboard is not tested");
        return;
    }
    let xvfb = Xvfb::start();
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::start_with(|command| {
        command.env_remove("TMUX");
        command.env_remove("WAYLAND_DISPLAY");
        command.env("DISPLAY", &xvfb.display);
        command.env("XDG_DATA_HOME", data.path());
    });
    session.wait_for(LOADED.as_bytes());
    session.send(&select_keys());
    session.send(b"y");
    // The terminal gets it too.
    let (copied, _) = next_osc52(&mut session, 0);
    assert_eq!(copied, EXPECTED);

    // xclip asks the owner of the selection, the reader, which must still
    // hold it.
    let clipboard = || {
        run(Command::new("xclip")
            .args(["-selection", "clipboard", "-o"])
            .env("DISPLAY", &xvfb.display))
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    poll(|| equals(clipboard(), &Some(EXPECTED.to_owned())))
        .unwrap_or_else(|last| session.fail(&format!("X11 clipboard: {last:?}")));

    // Still there a while later. A handle dropped after copying keeps
    // serving for a moment (arboard offers the text to a clipboard manager
    // for up to 100 ms), so the first read alone would not tell. Not a
    // timing assertion: waiting longer only makes the check stricter.
    std::thread::sleep(Duration::from_secs(1));
    let later = clipboard();
    if later.as_deref() != Some(EXPECTED) {
        session.fail(&format!("X11 clipboard a second later: {later:?}"));
    }

    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    // It was the reader's: with no clipboard manager, the text goes with it.
    poll(|| equals(clipboard(), &None))
        .unwrap_or_else(|last| panic!("X11 clipboard after the reader quit: {last:?}"));
}

/// Calls `check` until it returns `Ok`, for at most [`TIMEOUT`]; on
/// timeout, what `check` last saw.
fn poll<T, S>(mut check: impl FnMut() -> Result<T, S>) -> Result<T, S> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let seen = check();
        if seen.is_ok() || Instant::now() > deadline {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `Ok` if `seen` is `wanted`, else `Err` of what was seen.
fn equals<T: PartialEq<W>, W: ?Sized>(seen: T, wanted: &W) -> Result<T, T> {
    if seen == *wanted { Ok(seen) } else { Err(seen) }
}

/// Runs a command to its end, killing it after 5 s; `None` if it could not
/// start or was killed.
fn run(command: &mut Command) -> Option<Output> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().ok()? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Some(Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    })
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}
