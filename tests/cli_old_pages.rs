//! Pages of 1978–2002 as `reponses parse --json` and `check` read them
//! (../shared/DOMAIN.md): answers given in session under an old-layout
//! header, old transfer lines, errata, texts never digitised, headers
//! without accents, lapsed and withdrawn questions that name their
//! addressee only in their opening, and pages cut inside their footer.
//! Each fixture in tests/fixtures is written in the shape of those pages.

mod isolated;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

fn reponses() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.envs(isolated::ENV);
    // English, whatever the machine's locale: the expected texts are.
    command.env("LC_ALL", "C");
    command
}

/// The single record of a fixture, and what `check` says of it.
fn load(fixture: &str) -> (Value, Vec<String>) {
    let output = reponses()
        .args(["parse", "--json", fixture])
        .output()
        .unwrap();
    let mut records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(records.len(), 1, "{fixture}");
    let check = reponses().args(["check", fixture]).output().unwrap();
    let lines = String::from_utf8(check.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    (records.remove(0), lines)
}

fn summary(warnings: usize) -> String {
    format!(
        "1 file checked, 1 record loaded, 0 errors, {warnings} warning{}; every file loaded cleanly",
        if warnings == 1 { "" } else { "s" }
    )
}

#[test]
fn an_answer_given_in_session_keeps_its_ministry_and_jo_date() {
    let (r, check) = load("tests/fixtures/old_not_digitised.txt");
    assert_eq!(check, [summary(0)], "no warning of a replaced answer");
    let answer = &r["answer"];
    assert_eq!(answer["ministry"], "Santé");
    assert_eq!(r["ministry"], "Santé");
    assert_eq!(answer["date"], "1983-11-24");
    assert_eq!(answer["session_date"], "1983-11-18");
    // From the JO dates: 15/09/1983 → 24/11/1983.
    assert_eq!(r["delay_days"], 70);
    assert_eq!(r["late"], true);
    assert_eq!(r["status"], "answered");
    // The old transfer line names the ministry after "ministère :".
    assert_eq!(r["transmitted_to"], "Santé");
}

#[test]
fn texts_never_digitised_are_notices() {
    let (r, _) = load("tests/fixtures/old_not_digitised.txt");
    assert_eq!(r["question"]["digitised"], false);
    assert_eq!(
        r["question"]["text"],
        "Le texte de cette question n'est pas disponible en format numérique."
    );
    assert_eq!(r["answer"]["digitised"], false);
    assert_eq!(
        r["answer"]["text"],
        "Le texte de cette réponse n'est pas disponible en format numérique."
    );
    // Nobody's words: neither searched nor quoted.
    reponses()
        .args([
            "search",
            "disponible",
            "tests/fixtures/old_not_digitised.txt",
        ])
        .assert()
        .code(1)
        .stdout("");
    reponses()
        .args([
            "search",
            "-l",
            "numérique",
            "tests/fixtures/old_not_digitised.txt",
        ])
        .assert()
        .code(1)
        .stdout("");
    reponses()
        .args([
            "quote",
            "--match",
            "format numérique",
            "tests/fixtures/old_not_digitised.txt",
        ])
        .assert()
        .code(1);
    // The record itself is found by what is known of it.
    reponses()
        .args([
            "search",
            "ministry:santé",
            "tests/fixtures/old_not_digitised.txt",
        ])
        .assert()
        .code(0);
}

#[test]
fn errata_are_kept_beside_the_texts() {
    let (r, check) = load("tests/fixtures/old_errata.txt");
    assert_eq!(check, [summary(0)]);
    assert_eq!(
        r["errata"],
        json!([
            {"part": "question", "date": "1991-02-14", "page": 312},
            {"part": "answer", "date": "1991-04-11", "page": 748},
        ])
    );
    for part in ["question", "answer"] {
        let text = r[part]["text"].as_str().unwrap();
        assert!(!text.contains("Erratum"), "{part}: {text}");
        assert!(!text.contains("JO du"), "{part}: {text}");
    }
    assert!(
        r["answer"]["text"]
            .as_str()
            .unwrap()
            .ends_with("à la fin de l'année 1991.")
    );
    // The quote of the answer's last sentence is the minister's words.
    reponses()
        .args([
            "quote",
            "--match",
            "premiers effets",
            "tests/fixtures/old_errata.txt",
        ])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("à la fin de l'année 1991. »"))
        .stdout(predicates::str::contains("Erratum").not());
    assert_eq!(r["answer"]["session_date"], Value::Null);
    assert_eq!(r["question"]["digitised"], true);
}

#[test]
fn a_header_without_accents_takes_the_body_s_spelling() {
    let (r, _) = load("tests/fixtures/old_errata.txt");
    let author = &r["author"];
    assert_eq!(author["name"], "André Lefèvre");
    assert_eq!(author["last_name"], "LEFEVRE");
    assert_eq!(author["first_name"], "Andre");
    assert_eq!(author["group"], "U.R.E.I.");
    // Not digitised: nothing to take the spelling from.
    let (r, _) = load("tests/fixtures/old_not_digitised.txt");
    assert_eq!(r["author"]["name"], "Andre Lefevre");
    assert_eq!(r["author"]["group"], "U.C.D.P.");
}

#[test]
fn old_transfer_lines_name_the_ministry_alone() {
    let (r, _) = load("tests/fixtures/old_errata.txt");
    assert_eq!(r["transmitted_to"], "Équipement");
    assert_eq!(r["answer"]["ministry"], "Équipement");
    assert_eq!(
        r["addressed_to"],
        "ministre de l'équipement, du logement, des transports et de la mer"
    );
}

#[test]
fn a_lapsed_question_is_counted_for_its_addressee() {
    let (r, check) = load("tests/fixtures/lapsed_no_ministry.txt");
    assert_eq!(check, [summary(0)]);
    assert_eq!(r["status"], "lapsed");
    assert_eq!(r["addressed_to"], "ministre des armées");
    assert_eq!(r["ministry"], "ministre des armées");
    for query in [
        "ministry:armées",
        "ministry:armees",
        "ministry:\"ministre des armées\"",
    ] {
        reponses()
            .args([
                "search",
                "-l",
                query,
                "tests/fixtures/lapsed_no_ministry.txt",
            ])
            .assert()
            .code(0)
            .stdout("tests/fixtures/lapsed_no_ministry.txt\n");
    }
}

#[test]
fn a_withdrawn_question_keeps_its_reason() {
    let (r, check) = load("tests/fixtures/withdrawn_deceased.txt");
    assert_eq!(check, [summary(0)]);
    assert_eq!(r["status"], "withdrawn");
    assert_eq!(r["withdrawn_reason"], "décès");
    assert_eq!(r["addressed_to"], "Premier ministre");
    assert_eq!(r["ministry"], "Premier ministre");
    assert_eq!(r["late"], Value::Null);
}

#[test]
fn a_page_cut_inside_its_footer_is_warned_of_and_not_text() {
    let (r, check) = load("tests/fixtures/broken/cut_in_footer.txt");
    assert_eq!(
        check,
        [
            "tests/fixtures/broken/cut_in_footer.txt:13:1: warning: the page looks cut short: \
             it ends inside its \"Page mise à jour le\" footer"
                .to_owned(),
            summary(1),
        ]
    );
    assert_eq!(
        r["answer"]["text"],
        "Le Gouvernement est soucieux de se doter d'un cadre juridique."
    );
    assert_eq!(r["answer"]["page"], 787);
}

#[test]
fn impossible_dates_of_old_lines_are_located_and_null() {
    let (r, check) = load("tests/fixtures/broken/old_impossible_dates.txt");
    assert_eq!(
        check,
        [
            "tests/fixtures/broken/old_impossible_dates.txt:7:17: warning: impossible date \
             30/02/1986; the field is left empty"
                .to_owned(),
            "tests/fixtures/broken/old_impossible_dates.txt:9:40: warning: impossible date \
             45/13/1986; the field is left empty"
                .to_owned(),
            summary(2),
        ]
    );
    assert_eq!(
        r["errata"],
        json!([{"part": "question", "date": null, "page": 7}])
    );
    assert_eq!(r["answer"]["session_date"], Value::Null);
    assert_eq!(r["answer"]["date"], "1986-04-10");
    assert_eq!(r["answer"]["ministry"], "Agriculture");
    assert_eq!(r["delay_days"], 49);
}

#[test]
fn an_answer_dated_before_its_question_is_said_and_counts_no_delay() {
    // A misprint in one of the two dates: both are kept as printed (a
    // citation gives them), the delay and lateness are not guessed.
    let (r, check) = load("tests/fixtures/answer_before_question.txt");
    assert_eq!(r["question"]["date"], "2023-03-02");
    assert_eq!(r["answer"]["date"], "2022-04-27");
    assert_eq!(r["status"], "answered");
    assert_eq!(r["delay_days"], Value::Null);
    assert_eq!(r["late"], Value::Null);
    assert_eq!(
        check,
        [
            "tests/fixtures/answer_before_question.txt:15:68: warning: the answer is dated \
             27/04/2022, before its question (02/03/2023): one of the dates is wrong; no delay \
             or lateness is counted"
                .to_owned(),
            summary(1)
        ]
    );
}
