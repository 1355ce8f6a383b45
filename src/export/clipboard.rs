//! The clipboard, however the user reaches the terminal.
//!
//! Two ways, used together when both exist:
//! - OSC 52, an escape sequence that asks the terminal itself to set its
//!   clipboard: it works over SSH, where no display is reachable. Inside
//!   tmux the sequence would reach tmux, not the terminal, so the text goes
//!   through `tmux load-buffer -w -` instead, which fills tmux's buffer and
//!   forwards it outward as OSC 52 when tmux's `set-clipboard` allows.
//! - The native clipboard (X11, Wayland, macOS, Windows) through `arboard`,
//!   when a display exists. On X11 the owner of a selection serves it: the
//!   handle must live as long as the reader, so [`Clipboard`] keeps it.
//!
//! Terminals cap what they accept in one OSC 52 sequence (xterm and hterm
//! at about 100 000 bytes); longer quotes are refused, not cut, and the
//! caller points the user to the quote file.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use base64::Engine;

/// The most text (in bytes) sent through OSC 52: its base64 form, with the
/// sequence around it, stays under 100 000 bytes.
pub const OSC52_MAX_BYTES: usize = 74_994;

/// How a text reached a clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// An OSC 52 sequence written to the terminal.
    Osc52,
    /// tmux's paste buffer (and, through it, the outer terminal's clipboard).
    Tmux,
    /// The system clipboard, through the display server.
    Native,
}

impl Way {
    pub fn describe(self) -> &'static str {
        match self {
            Way::Osc52 => "OSC 52",
            Way::Tmux => "tmux buffer",
            Way::Native => "system clipboard",
        }
    }
}

/// Why nothing was copied.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("{bytes} bytes is more than terminals accept through OSC 52 ({max})")]
    TooLong { bytes: usize, max: usize },
    #[error("no clipboard could be reached: {0}")]
    Unreachable(String),
}

/// The OSC 52 sequence that sets the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// The clipboard ways available to this process, with the native handle
/// kept alive.
pub struct Clipboard {
    in_tmux: bool,
    native: Option<arboard::Clipboard>,
    native_tried: bool,
}

impl Default for Clipboard {
    fn default() -> Self {
        Clipboard::from_env()
    }
}

impl Clipboard {
    /// Looks at the environment: `$TMUX`, `$DISPLAY`, `$WAYLAND_DISPLAY`.
    pub fn from_env() -> Clipboard {
        Clipboard {
            in_tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
            native: None,
            native_tried: false,
        }
    }

    /// Copies `text`; `terminal` is where OSC 52 is written. Returns the
    /// ways that worked.
    ///
    /// # Errors
    /// The text is too long for OSC 52 (nothing is copied, so the user is
    /// not left with half a quote), or no way worked.
    pub fn copy(&mut self, text: &str, terminal: &mut dyn Write) -> Result<Vec<Way>, CopyError> {
        if text.len() > OSC52_MAX_BYTES {
            return Err(CopyError::TooLong {
                bytes: text.len(),
                max: OSC52_MAX_BYTES,
            });
        }
        let mut ways = Vec::new();
        let mut problems = Vec::new();
        if self.in_tmux {
            match tmux_load_buffer(text) {
                Ok(()) => ways.push(Way::Tmux),
                Err(e) => problems.push(format!("tmux: {e}")),
            }
        } else {
            match terminal
                .write_all(osc52(text).as_bytes())
                .and_then(|()| terminal.flush())
            {
                Ok(()) => ways.push(Way::Osc52),
                Err(e) => problems.push(format!("terminal: {e}")),
            }
        }
        if let Some(native) = self.native() {
            match native.set_text(text) {
                Ok(()) => ways.push(Way::Native),
                Err(e) => problems.push(format!("system clipboard: {e}")),
            }
        }
        if ways.is_empty() {
            Err(CopyError::Unreachable(problems.join("; ")))
        } else {
            Ok(ways)
        }
    }

    /// OSC 52 alone, whatever the environment: what tests drive.
    pub fn terminal_only() -> Clipboard {
        Clipboard {
            in_tmux: false,
            native: None,
            native_tried: true,
        }
    }

    /// The native clipboard, opened once, when a display exists.
    fn native(&mut self) -> Option<&mut arboard::Clipboard> {
        if !self.native_tried {
            self.native_tried = true;
            let display = ["DISPLAY", "WAYLAND_DISPLAY"]
                .iter()
                .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()));
            if display || cfg!(any(target_os = "macos", target_os = "windows")) {
                self.native = arboard::Clipboard::new().ok();
            }
        }
        self.native.as_mut()
    }
}

fn tmux_load_buffer(text: &str) -> io::Result<()> {
    let mut child = Command::new("tmux")
        .args(["load-buffer", "-w", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "tmux load-buffer exited with {status}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_introducer_and_bel() {
        assert_eq!(osc52("« CNIL »"), "\x1b]52;c;wqsgQ05JTCDCuw==\x07");
    }

    #[test]
    fn the_largest_accepted_text_fits_in_100_000_bytes() {
        let text = "a".repeat(OSC52_MAX_BYTES);
        assert!(osc52(&text).len() <= 100_000);
    }

    #[test]
    fn too_long_is_refused_and_writes_nothing() {
        let mut clipboard = Clipboard {
            in_tmux: false,
            native: None,
            native_tried: true,
        };
        let mut out = Vec::new();
        let text = "a".repeat(OSC52_MAX_BYTES + 1);
        assert!(matches!(
            clipboard.copy(&text, &mut out),
            Err(CopyError::TooLong { .. })
        ));
        assert!(out.is_empty());
        assert_eq!(clipboard.copy("court", &mut out).unwrap(), vec![Way::Osc52]);
        assert_eq!(out, osc52("court").as_bytes());
    }
}
