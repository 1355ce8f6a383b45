//! `reponses search` with the query language of issue 14: delays,
//! answers, numbers, whole fields and exclusions, as a script sees them,
//! and their mistakes, located in both languages.
//!
//! The fixtures: cameras.txt (answered in 84 days), several.txt (awaiting
//! since 05/01/2023 at line 1, lapsed at 8, withdrawn with no ministry at
//! 16), sub/gendarmerie_cp1252.txt (answered in 63 days, on 16/03/2023),
//! tresoreries.txt (n° 05589, answered in 56 days, on 27/04/2023). The
//! awaiting question has waited more than a year on any day these tests
//! can run.

mod isolated;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

const DOCS: &str = "tests/search-fixtures/docs";
const CAMERAS: &str = "tests/search-fixtures/docs/cameras.txt:1";
const AWAITING: &str = "tests/search-fixtures/docs/several.txt:1";
const LAPSED: &str = "tests/search-fixtures/docs/several.txt:8";
const WITHDRAWN: &str = "tests/search-fixtures/docs/several.txt:16";
const GENDARMERIE: &str = "tests/search-fixtures/docs/sub/gendarmerie_cp1252.txt:1";
const TRESORERIES: &str = "tests/search-fixtures/docs/tresoreries.txt:3";

fn reponses() -> Command {
    let mut cmd = cargo_bin_cmd!("reponses");
    cmd.envs(isolated::ENV);
    cmd.env("LC_ALL", "C");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// The `path:line` of each line `search ARGS… DOCS` prints, and its exit
/// status; nothing on stderr.
fn found(args: &[&str]) -> (Vec<String>, Option<i32>) {
    let output = reponses()
        .arg("search")
        .args(args)
        .arg(DOCS)
        .output()
        .unwrap();
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    let lines = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| line.splitn(3, ':').take(2).collect::<Vec<_>>().join(":"))
        .collect();
    (lines, output.status.code())
}

#[test]
fn delay_counts_an_answer_s_days_and_an_awaiting_question_s_days_so_far() {
    assert_eq!(
        found(&["delay:>60"]),
        (
            vec![CAMERAS.into(), AWAITING.into(), GENDARMERIE.into()],
            Some(0)
        )
    );
    assert_eq!(found(&["delay:<=60"]), (vec![TRESORERIES.into()], Some(0)));
    assert_eq!(found(&["delay:63"]), (vec![GENDARMERIE.into()], Some(0)));
    assert_eq!(found(&["delay:>365 delay:<=30"]), (vec![], Some(1)));
}

#[test]
fn answered_answer_dates_and_numbers() {
    assert_eq!(
        found(&["answered:no"]),
        (
            vec![AWAITING.into(), LAPSED.into(), WITHDRAWN.into()],
            Some(0)
        )
    );
    assert_eq!(
        found(&["answer-after:2023-03-01"]),
        (vec![GENDARMERIE.into(), TRESORERIES.into()], Some(0))
    );
    assert_eq!(
        found(&["answer-before:2023-03-16"]),
        (vec![CAMERAS.into()], Some(0))
    );
    for number in ["number:05589", "number:5589"] {
        assert_eq!(found(&[number]), (vec![TRESORERIES.into()], Some(0)));
    }
    assert_eq!(found(&["number:558"]), (vec![], Some(1)));
}

#[test]
fn an_equals_sign_matches_the_whole_ministry() {
    assert_eq!(
        found(&["ministry:=\"ministère de la santé et de la prévention\""]),
        (vec![AWAITING.into()], Some(0))
    );
    assert_eq!(
        found(&["ministry:=\"Ministère de la santé\""]),
        (vec![], Some(1))
    );
    assert_eq!(
        found(&["ministry:=\"\""]),
        (vec![WITHDRAWN.into()], Some(0))
    );
    assert_eq!(
        found(&["ministry:=\"Ministère de la culture\" -status:lapsed"]),
        (vec![], Some(1))
    );
}

/// A query that starts with `-` comes after `--`, as with grep and
/// ripgrep; inside a query, `-` excludes.
#[test]
fn a_dash_excludes_and_a_leading_one_follows_double_dash() {
    assert_eq!(
        found(&["--", "-status:answered"]),
        (
            vec![AWAITING.into(), LAPSED.into(), WITHDRAWN.into()],
            Some(0)
        )
    );
    assert_eq!(
        found(&["cnil -caméras"]),
        (vec![GENDARMERIE.into()], Some(0))
    );
    assert_eq!(
        found(&["-l", "--", "-ministry:intérieur -answered:no"]),
        (
            vec!["tests/search-fixtures/docs/tresoreries.txt".into(),],
            Some(0)
        )
    );
    // The seed says "vide juridique".
    let output = reponses()
        .args(["search", "--", "-\"vide juridique\"", "seeds"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty());
}

#[test]
fn bad_comparisons_are_located_in_either_language() {
    for (query, en, fr) in [
        (
            "delay:>x",
            "reponses: bad query: column 8: '>x' is not a delay; expected a number of days, \
             perhaps after >, >=, <, <= or =: delay:>60, delay:<=30, delay:45\n",
            "reponses : requête invalide : colonne 8 : '>x' n'est pas un délai ; un nombre de \
             jours attendu, précédé si besoin de >, >=, <, <= ou = : delay:>60, delay:<=30, \
             delay:45\n",
        ),
        (
            "cnil answered:maybe",
            "reponses: bad query: column 15: 'maybe' for answered:; expected yes or no\n",
            "reponses : requête invalide : colonne 15 : 'maybe' pour answered: ; yes ou no \
             attendu\n",
        ),
        (
            "number:",
            "reponses: bad query: column 1: empty value for 'number:'; expected the question's \
             number, letters and digits: number:05589\n",
            "reponses : requête invalide : colonne 1 : valeur vide pour 'number:' ; le numéro \
             de la question attendu, en lettres et chiffres : number:05589\n",
        ),
    ] {
        reponses()
            .args(["search", query, DOCS])
            .assert()
            .code(2)
            .stdout("")
            .stderr(en);
        reponses()
            .env("LC_ALL", "fr_FR.UTF-8")
            .args(["search", query, DOCS])
            .assert()
            .code(2)
            .stdout("")
            .stderr(fr);
    }
}
