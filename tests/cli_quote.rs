//! `reponses quote --match`: the exact quotation a journalist pastes, and
//! the exit statuses a script relies on.

mod isolated;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

const ANSWER_CITATION: &str = "Réponse du Ministère de l'intérieur et des outre-mer à la \
                               question de M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787";
const CADRE: &str = "Si aucun cadre juridique n'existe donc à cette heure, le Gouvernement est \
                     évidemment soucieux de s'en doter chaque fois qu'il envisage de recourir à \
                     de tels dispositifs.";
/// The sentence after CADRE; its dates hold non-breaking spaces.
const JEUX: &str = "A titre d'exemple, dans le cadre du projet de loi portant dispositions sur \
                    les Jeux Olympiques et Paralympiques, il a soumis à l'examen du Parlement \
                    des dispositions visant à autoriser l'expérimentation jusqu'au \
                    30\u{a0}juin\u{a0}2025 du recours à des systèmes d'intelligence \
                    artificielle appliqués aux dispositifs de vidéoprotection et des caméras \
                    installées sur des aéronefs.";

fn reponses() -> Command {
    let mut command = cargo_bin_cmd!("reponses");
    command.envs(isolated::ENV);
    // English, whatever the machine's locale: the expected texts are.
    command.env("LC_ALL", "C");
    command
}

fn quote(args: &[&str]) -> Command {
    let mut cmd = reponses();
    cmd.arg("quote").args(args);
    cmd
}

#[test]
fn the_sentence_of_the_match_with_the_answer_citation() {
    quote(&["--match", "cadre juridique n'existe"])
        .assert()
        .success()
        .stdout(
            "« Si aucun cadre juridique n'existe donc à cette heure, le Gouvernement est \
             évidemment soucieux de s'en doter chaque fois qu'il envisage de recourir à de tels \
             dispositifs. » — Réponse du Ministère de l'intérieur et des outre-mer à la question \
             de M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787\n",
        )
        .stderr("");
}

#[test]
fn more_sentences_follow_the_match() {
    quote(&["--match", "cadre juridique n'existe", "--sentences", "2"])
        .assert()
        .success()
        .stdout(format!("« {CADRE} {JEUX} » — {ANSWER_CITATION}\n"));
}

#[test]
fn markdown_is_a_block_quote_ending_with_the_citation() {
    quote(&[
        "--match",
        "cadre juridique n'existe",
        "--format",
        "markdown",
    ])
    .assert()
    .success()
    .stdout(format!("> {CADRE}\n>\n> — {ANSWER_CITATION}\n"));
}

#[test]
fn a_match_in_the_question_cites_the_question() {
    quote(&["--match", "utilisation illégale"])
        .assert()
        .success()
        .stdout(
            "« M. Thomas Dossus interroge M. le ministre de l'intérieur et des outre-mer sur \
             l'utilisation illégale des algorithmes de vidéosurveillance par les polices \
             municipales. » — Question de M. Thomas Dossus (Rhône - GEST), JO Sénat du \
             10/11/2022, p. 5538\n",
        );
}

#[test]
fn spaces_match_non_breaking_spaces_and_the_quote_keeps_them() {
    let expected = format!("« {JEUX} » — {ANSWER_CITATION}\n");
    quote(&["--match", "30 juin 2025"])
        .assert()
        .success()
        .stdout(expected.clone());
    quote(&["--match", "aux  dispositifs\nde vidéoprotection et"])
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn text_is_taken_literally_not_as_a_query() {
    // As queries, each of these would match the seed; as text, none occurs.
    for text in ["author:dossus", "\"cadre juridique\"", "status:answered"] {
        quote(&["--match", text]).assert().code(1).stdout("");
    }
}

#[test]
fn smart_case_and_accents() {
    quote(&["--match", "GOUVERNEMENT est"]).assert().code(1);
    quote(&["--match", "gouvernement est evidemment"])
        .assert()
        .success()
        .stdout(format!("« {CADRE} » — {ANSWER_CITATION}\n"));
}

#[test]
fn a_miss_exits_1_and_says_so() {
    quote(&["--match", "cadre juridique inexistant"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "reponses: \"cadre juridique inexistant\" not found in the questions and answers \
             of 1 record\n",
        );
}

#[test]
fn the_first_record_in_load_order_is_quoted_and_the_others_counted() {
    quote(&[
        "--match",
        "interroge le ministre",
        "tests/search-fixtures/docs",
    ])
    .assert()
    .success()
    .stdout(
        "« M. Jean Louis Muller-Bronn interroge le ministre sur les déserts médicaux et la \
             télémédecine. » — Question de M. Jean Louis Muller-Bronn (Bas-Rhin - Les \
             Indépendants), JO Sénat du 05/01/2023, p. 12\n",
    )
    .stderr(
        "reponses: quoted tests/search-fixtures/docs/several.txt:1; 2 other records also \
             match\n",
    );
}

#[test]
fn a_file_that_fails_to_load_exits_2_after_the_quote() {
    quote(&["--match", "gendarmerie seront", "tests/search-fixtures"])
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with(
            "« Les effectifs de la gendarmerie seront renforcés. » — Réponse",
        ))
        .stderr(predicate::str::starts_with(
            "tests/search-fixtures/broken.txt:1:1: error:",
        ));
}

#[test]
fn usage_errors_exit_2() {
    quote(&[]).assert().code(2);
    quote(&["--match", "cadre", "--sentences", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1 or more"));
    quote(&["--match", "cadre", "--format", "html"])
        .assert()
        .code(2);
    quote(&["--match", " \t "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to find"));
}

/// A page holding an escape sequence that retitles the terminal, one that
/// clears it, colours and bidi controls, in its text and its header: the
/// quote carries none of them, in either format, and stderr counts them.
#[test]
fn a_quote_carries_no_escape_control_or_bidi_character() {
    let dir = tempfile::tempdir().unwrap();
    let page = "Question de M. DOSSUS Thomas\u{202e} (Rhône - GEST\u{1b}[31m) publiée le 10/11/2022\n\
                Le texte \u{1b}]0;titre\u{7}dit\u{1b}[2J que la CNIL\u{2069} veille\u{200f}. Fin.\n\
                - page 5538\n";
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, page).unwrap();
    for format in ["text", "markdown"] {
        let output = quote(&["--match", "cnil", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            !stdout.chars().any(|c| (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')),
            "{stdout:?}"
        );
        assert!(
            stdout.contains("Le texte dit que la CNIL veille."),
            "{stdout:?}"
        );
        assert!(
            stdout.contains("M. Thomas Dossus (Rhône - GEST), JO"),
            "{stdout:?}"
        );
        assert!(
            !stdout.contains("titre") && !stdout.contains("[2J"),
            "{stdout:?}"
        );
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("6 control characters or escape sequences taken out of the quote"),
            "{stderr}"
        );
        assert_eq!(output.status.code(), Some(0));
    }
}
