//! `o`: the record's public page (the Assemblée's question page) in the
//! browser. The browser is started and left alone: the reader never waits
//! for it, and its output never reaches the reader's screen. Where no
//! browser can be shown (over SSH, without a display), the address is
//! copied instead, and the status bar says so.

use std::process::{Command, Stdio};

use super::App;
use crate::export::clipboard::Way;
use crate::i18n::fill;

/// How pages are opened, read from the environment once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// A program given the address: `$BROWSER`, else `xdg-open` on a
    /// desktop, `open` on macOS.
    Program(String),
    /// No display: the address is copied.
    Copy,
}

impl Opener {
    /// `$BROWSER` if set; `open` on macOS; `xdg-open` where a display
    /// (`$DISPLAY`, `$WAYLAND_DISPLAY`) is; else copying.
    pub fn from_env() -> Opener {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if let Some(browser) = std::env::var("BROWSER")
            .ok()
            .filter(|b| !b.trim().is_empty())
        {
            return Opener::Program(browser);
        }
        if cfg!(target_os = "macos") {
            return Opener::Program("open".to_owned());
        }
        if set("DISPLAY") || set("WAYLAND_DISPLAY") {
            return Opener::Program("xdg-open".to_owned());
        }
        Opener::Copy
    }
}

/// Starts `program` on `url` without waiting for it; a thread reaps it.
fn launch(program: &str, url: &str) -> std::io::Result<()> {
    // `$BROWSER` may hold arguments ("firefox --new-tab"), and several
    // browsers separated by colons, the first taken.
    let first = program.split(':').next().unwrap_or(program);
    let mut words = first.split_whitespace();
    let name = words.next().unwrap_or(first);
    let mut child = Command::new(name)
        .args(words)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

impl App {
    /// `o`: opens the current record's page, or copies its address.
    pub(super) fn open_page(&mut self) {
        let t = self.lang.t();
        let Some(url) = self.current().and_then(|r| r.url.clone()) else {
            self.fail(t.no_page.to_owned());
            return;
        };
        // The address is made from the document's fields: only a plain
        // https address goes to a program.
        let plain = url.starts_with("https://") && url.chars().all(|c| c.is_ascii_graphic());
        if !plain {
            self.fail(t.no_page.to_owned());
            return;
        }
        let why = match &self.opener {
            Opener::Program(program) => match launch(program, &url) {
                Ok(()) => {
                    self.say(&fill(t.page_opened, &[&url]));
                    return;
                }
                Err(e) => fill(t.page_cannot_open, &[program, &e.to_string()]),
            },
            Opener::Copy => t.page_no_display.to_owned(),
        };
        match self.clipboard.copy(&url, &mut *self.terminal_out) {
            Ok(ways) => {
                let ways: Vec<&str> = ways
                    .iter()
                    .map(|way| match way {
                        Way::Osc52 => t.way_osc52,
                        Way::Tmux => t.way_tmux,
                        Way::Native => t.way_native,
                    })
                    .collect();
                self.say(&fill(t.page_copied, &[&why, &ways.join(" + "), &url]));
            }
            Err(_) => self.fail(fill(t.page_shown, &[&why, &url])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_words_and_lists_are_split() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let script = dir.path().join("browser.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho \"$@\" > {}\n", out.display()),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let program = format!("{} --new-tab:other-browser", script.display());
        launch(&program, "https://example.org/x").unwrap();
        let mut said = String::new();
        for _ in 0..200 {
            said = std::fs::read_to_string(&out).unwrap_or_default();
            if !said.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(said.trim(), "--new-tab https://example.org/x");
        assert!(launch("/nonexistent/browser", "https://example.org").is_err());
    }
}

#[cfg(test)]
mod app_tests {
    use chrono::NaiveDate;
    use ratatui::layout::Rect;

    use super::Opener;
    use crate::corpus::{Corpus, Input};
    use crate::tui::action::Action;
    use crate::tui::app::App;

    fn reader(paths: &[&str]) -> App {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let root = env!("CARGO_MANIFEST_DIR");
        let input = Input::Paths(paths.iter().map(|p| format!("{root}/{p}").into()).collect());
        let mut app = App::new(
            Corpus::load(&input, today),
            None,
            Rect::new(0, 0, 120, 30),
            false,
            today,
        );
        app.lang = crate::i18n::Lang::En;
        app
    }

    #[test]
    fn o_starts_the_browser_on_the_page_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("url");
        let script = dir.path().join("browser");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf %s \"$1\" > {}\n", out.display()),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let mut app = reader(&["tests/an/real/QANR5L17QE5268.json"]);
        app.opener = Opener::Program(script.display().to_string());
        app.update(Action::OpenPage);
        let url = "https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE5268";
        let message = app.message.as_ref().unwrap();
        assert!(!message.error);
        assert_eq!(message.text, format!("opening {url}"));
        let mut opened = String::new();
        for _ in 0..300 {
            opened = std::fs::read_to_string(&out).unwrap_or_default();
            if opened == url {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(opened, url);
    }

    #[test]
    fn without_a_display_the_address_is_copied_and_a_senat_page_has_none() {
        let mut app = reader(&["tests/an/real/QANR5L16QG10.json"]);
        app.opener = Opener::Copy;
        app.clipboard = crate::export::clipboard::Clipboard::terminal_only();
        app.terminal_out = Box::new(std::io::Cursor::new(Vec::new()));
        app.update(Action::OpenPage);
        let message = app.message.clone().unwrap();
        assert!(
            message
                .text
                .starts_with("no display to open a browser on: address copied (OSC 52"),
            "{}",
            message.text
        );
        assert!(message.text.ends_with("/dyn/16/questions/QANR5L16QG10"));

        let mut senat = reader(&["seeds"]);
        senat.opener = Opener::Copy;
        senat.update(Action::OpenPage);
        let message = senat.message.unwrap();
        assert!(message.error);
        assert_eq!(
            message.text,
            "no public page for this record (senat.fr pages give none)"
        );
    }
}
