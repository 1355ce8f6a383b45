//! `reponses search`: what a script or a grep user sees, line by line, and
//! the exit statuses they rely on.

mod isolated;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

const SEED: &str = "seeds/000_2a0bcd50e9b94967.txt";
const DOCS: &str = "tests/search-fixtures/docs";
const CAMERAS: &str = "tests/search-fixtures/docs/cameras.txt";
const SEVERAL: &str = "tests/search-fixtures/docs/several.txt";
const GENDARMERIE: &str = "tests/search-fixtures/docs/sub/gendarmerie_cp1252.txt";
const TRESORERIES: &str = "tests/search-fixtures/docs/tresoreries.txt";
const DOSSUS_INTERIEUR: &str = "Thomas Dossus — Ministère de l'intérieur et des outre-mer";

fn reponses() -> Command {
    let mut cmd = cargo_bin_cmd!("reponses");
    for (name, value) in isolated::ENV {
        cmd.env(name, value);
    }
    // English, whatever the machine's locale: the expected texts are.
    cmd.env("LC_ALL", "C");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// The lines `search -l WORD DOCS` prints.
fn files_with(word: &str) -> Vec<String> {
    let output = reponses()
        .args(["search", "-l", word, DOCS])
        .output()
        .unwrap();
    assert!(output.stderr.is_empty(), "{word}: {output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_line_gives_path_line_author_ministry_and_context() {
    reponses()
        .args(["search", "cnil"])
        .assert()
        .success()
        .stdout(format!(
            "{SEED}:1: {DOSSUS_INTERIEUR} — …et des libertés (CNIL) elle-même qui déclare \
             « la loi française n'autorise pas…\n"
        ))
        .stderr("");
}

#[test]
fn a_phrase_is_marked_across_a_non_breaking_space_when_colour_is_on() {
    let marked = format!(
        "{SEED}:1: {DOSSUS_INTERIEUR} — …la loi n° 78-17 du \x1b[1;31m6 janvier 1978\x1b[0m \
         relative à l'informatique, aux fichiers et…\n"
    );
    reponses()
        .args(["search", "--color", "always", "\"6 janvier 1978\""])
        .assert()
        .success()
        .stdout(marked.clone());
    // An explicit flag wins over NO_COLOR.
    reponses()
        .env("NO_COLOR", "1")
        .args(["search", "--color=always", "\"6 janvier 1978\""])
        .assert()
        .stdout(marked);
}

#[test]
fn no_colour_into_a_pipe_or_when_told_never() {
    for args in [
        &["search", "1978"][..],
        &["search", "--color", "never", "1978"],
    ] {
        reponses()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("\x1b").not());
    }
}

#[test]
fn the_context_is_cut_at_words_with_ellipses() {
    reponses()
        .args(["search", "aeronefs"])
        .assert()
        .success()
        .stdout(format!(
            "{SEED}:1: {DOSSUS_INTERIEUR} — …installées sur des aéronefs. Ce recours serait \
             permis uniquement en vue…\n"
        ));
}

#[test]
fn filters_alone_show_the_start_of_the_question() {
    reponses()
        .args(["search", "status:answered late:yes"])
        .assert()
        .success()
        .stdout(format!(
            "{SEED}:1: {DOSSUS_INTERIEUR} — M. Thomas Dossus interroge M. le ministre de \
             l'intérieur et des outre-mer sur…\n"
        ));
}

#[test]
fn each_record_of_a_file_has_its_own_line_and_a_ministry_or_none() {
    reponses()
        .args(["search", "interroge", SEVERAL])
        .assert()
        .success()
        .stdout(format!(
            "{SEVERAL}:1: Jean Louis Muller-Bronn — Ministère de la santé et de la prévention — \
             …Louis Muller-Bronn interroge le ministre sur les déserts médicaux et la…\n\
             {SEVERAL}:8: Stéphane Le Rudulier — Ministère de la culture — M. Stéphane Le \
             Rudulier interroge la ministre sur les musées de province.\n\
             {SEVERAL}:16: Cécile Cukierman — no ministry — Mme Cécile Cukierman interroge \
             le ministre sur la vidéoprotection dans les…\n"
        ));
}

#[test]
fn dash_l_prints_each_file_once_in_load_order() {
    assert_eq!(
        files_with("ministre"),
        [CAMERAS, SEVERAL, GENDARMERIE, TRESORERIES]
    );
}

/// What `rg -l -i -F WORD tests/search-fixtures/docs` lists, for
/// lower-case ASCII words of the searched fields, in UTF-8 files and a
/// Windows-1252 one with CRLF line ends. Checked with `grep -rliF`, which
/// agrees with rg on this folder (no hidden or ignored files); the test
/// does not run either, since CI may have neither.
#[test]
fn dash_l_lists_what_rg_lists_for_ascii_words() {
    let cases: [(&str, &[&str]); 8] = [
        ("cnil", &[CAMERAS, GENDARMERIE]),
        ("dossus", &[CAMERAS]),
        ("gendarmerie", &[GENDARMERIE]),
        ("rurale", &[GENDARMERIE, TRESORERIES]),
        ("zone", &[GENDARMERIE, TRESORERIES]),
        ("muller", &[SEVERAL]),
        ("ministre", &[CAMERAS, SEVERAL, GENDARMERIE, TRESORERIES]),
        ("zzz", &[]),
    ];
    for (word, expected) in cases {
        assert_eq!(files_with(word), expected, "{word}");
    }
}

/// Where `search -l` and `rg -l -i -F` part ways, on purpose: the search
/// folds accents and ligatures, and it searches the records' fields, not
/// the page boilerplate around them.
#[test]
fn dash_l_differs_from_rg_on_accents_and_page_boilerplate() {
    // rg lists nothing: the files spell "intérieur", "œuvres", "trésoreries".
    assert_eq!(files_with("interieur"), [CAMERAS, GENDARMERIE]);
    assert_eq!(files_with("oeuvre"), [TRESORERIES]);
    assert_eq!(files_with("tresorerie"), [TRESORERIES]);
    // rg lists every file: "- page 787", "publiée le 02/02/2023".
    assert_eq!(files_with("page"), Vec::<String>::new());
    assert_eq!(files_with("2023"), Vec::<String>::new());
    // rg lists the files whose headers hold "(Rhône - GEST)", "(Loire - …)".
    assert_eq!(files_with("gest"), Vec::<String>::new());
    assert_eq!(files_with("loi"), [CAMERAS, TRESORERIES]);
}

#[test]
fn a_capital_makes_a_word_case_sensitive_like_rg_smart_case() {
    assert_eq!(files_with("CNIL"), [CAMERAS, GENDARMERIE]);
    assert_eq!(files_with("Cnil"), Vec::<String>::new());
}

#[test]
fn nothing_found_exits_1_and_says_nothing() {
    reponses()
        .args(["search", "zzz"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
}

#[test]
fn a_bad_query_exits_2_with_its_column() {
    reponses()
        .args(["search", "cnil autor:dossus"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "reponses: bad query: column 6: unknown filter 'autor:'",
        ));
}

#[test]
fn a_file_that_fails_to_load_exits_2_after_the_matches() {
    reponses()
        .args(["search", "-l", "cnil", "tests/search-fixtures"])
        .assert()
        .code(2)
        .stdout(format!("{CAMERAS}\n{GENDARMERIE}\n"))
        .stderr(predicate::str::starts_with(
            "tests/search-fixtures/broken.txt:1:1: error: no \"Question de",
        ));
    reponses()
        .args(["search", "cnil", "tests/search-fixtures/nonexistent.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("nonexistent.txt"));
}

#[test]
fn usage_errors_exit_2() {
    reponses().args(["search"]).assert().code(2);
    reponses()
        .args(["search", "--color", "sometimes", "cnil"])
        .assert()
        .code(2);
}

/// What `search 1978` writes to a terminal, with NO_COLOR set or not.
fn on_a_terminal(no_color: Option<&str>) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;

    let size = PtySize {
        rows: 24,
        cols: 200,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pty = native_pty_system().openpty(size).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_reponses"));
    for (name, value) in isolated::ENV {
        cmd.env(name, value);
    }
    cmd.args(["search", "1978"]);
    cmd.env("LC_ALL", "C");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    match no_color {
        Some(value) => cmd.env("NO_COLOR", value),
        None => cmd.env_remove("NO_COLOR"),
    }
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut out = Vec::new();
    let mut buf = [0; 4096];
    // Linux reports the closed terminal as an error (EIO) rather than EOF.
    while let Ok(n @ 1..) = reader.read(&mut buf) {
        out.extend_from_slice(&buf[..n]);
    }
    assert!(child.wait().unwrap().success());
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let marked = "\x1b[1;31m1978\x1b[0m";
    assert!(on_a_terminal(None).contains(marked));
    assert!(
        on_a_terminal(Some("")).contains(marked),
        "empty means unset"
    );
    let plain = on_a_terminal(Some("1"));
    assert!(
        plain.contains("1978") && !plain.contains('\x1b'),
        "{plain:?}"
    );
}

/// A folder holding a binary file (a PDF saved as .txt): skipped as
/// ripgrep skips it, so the status says whether something matched.
#[test]
fn binary_files_are_skipped_as_ripgrep_skips_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/answered.txt",
        dir.path().join("answered.txt"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/broken/binary.txt",
        dir.path().join("binary.txt"),
    )
    .unwrap();
    let dir = dir.path().to_str().unwrap();
    for args in [
        vec!["search", "-l", "trésorerie", dir],
        vec!["search", "trésorerie", dir],
    ] {
        reponses()
            .args(&args)
            .assert()
            .code(0)
            .stderr("")
            .stdout(predicate::str::contains("answered.txt"));
    }
    reponses()
        .args(["search", "-l", "quelconque", dir])
        .assert()
        .code(1)
        .stderr("")
        .stdout("");
    // check still reports it.
    reponses()
        .args(["check", dir])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "binary.txt:4:17: error: binary data",
        ));
}
