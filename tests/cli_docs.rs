//! What a packaged tool ships: `--version`, completion scripts for every
//! shell clap_complete knows, and a man page that `man` can render, all
//! made from the same definitions as `--help`.

use assert_cmd::Command;

fn output(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_reponses"))
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn version_is_the_crate_s() {
    let (out, status) = output(&["--version"]);
    assert_eq!(status, 0);
    assert_eq!(
        out.trim(),
        format!("reponses {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_name_every_command_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, status) = output(&["completions", shell]);
        assert_eq!(status, 0, "{shell}");
        for command in ["search", "stats", "quote", "check", "completions", "man"] {
            assert!(out.contains(command), "{shell} completion lacks {command}");
        }
    }
    let (_, status) = output(&["completions", "tcsh"]);
    assert_eq!(status, 2, "an unknown shell is a usage error");
}

#[test]
fn the_man_page_is_roff_with_every_command_and_the_files() {
    let (page, status) = output(&["man"]);
    assert_eq!(status, 0);
    assert!(
        page.starts_with(".ie") || page.contains(".TH reponses"),
        "{}",
        &page[..200]
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        "REPONSES SEARCH",
        "REPONSES STATS",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    // Each command's own words, not another's.
    let stats = page.split("REPONSES STATS\"").nth(1).unwrap();
    assert!(
        stats.trim_start().starts_with("Per ministry"),
        "{}",
        &stats[..80]
    );
}

#[test]
fn the_man_page_renders_without_warnings_when_man_is_installed() {
    let Ok(man) = std::process::Command::new("man").arg("--version").output() else {
        return;
    };
    if !man.status.success() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reponses.1");
    std::fs::write(&file, output(&["man"]).0).unwrap();
    let rendered = std::process::Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(text.contains("EXIT STATUS"), "{text}");
    assert!(
        String::from_utf8_lossy(&rendered.stderr).trim().is_empty(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
}
