//! The command line as a user and a script see it: `reponses parse --json`
//! and `reponses check` on the fixtures of tests/fixtures (one per variant
//! of the senat.fr format) and tests/fixtures/broken (one per way a file
//! goes wrong), with their exact output and exit status.

mod isolated;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

fn reponses() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    // Never the real home's cache.
    command.envs(isolated::ENV);
    // English, whatever the machine's locale: the expected texts are.
    command.env("LC_ALL", "C");
    command
}

/// `reponses parse --json ARGS`: the records, and the exit status.
fn parse(args: &[&str]) -> (Vec<Value>, i32) {
    let output = reponses()
        .arg("parse")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let records: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    let Value::Array(records) = records else {
        panic!("not an array: {records}")
    };
    (records, output.status.code().unwrap())
}

/// The single record of one fixture, which must load cleanly.
fn record(fixture: &str) -> Value {
    let output = reponses()
        .args(["parse", "--json", fixture])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "",
        "{fixture} has diagnostics"
    );
    assert_eq!(output.status.code(), Some(0), "{fixture}");
    let mut records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(records.len(), 1, "{fixture}");
    records.remove(0)
}

/// `reponses check ARGS`: stdout's lines, and the exit status.
fn check(args: &[&str]) -> (Vec<String>, i32) {
    let output = reponses().arg("check").args(args).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let stdout = String::from_utf8(output.stdout).unwrap();
    (
        stdout.lines().map(str::to_owned).collect(),
        output.status.code().unwrap(),
    )
}

const GOOD: &[&str] = &[
    "tests/fixtures/answered.txt",
    "tests/fixtures/awaiting.txt",
    "tests/fixtures/bom_crlf.txt",
    "tests/fixtures/concatenated_boms.txt",
    "tests/fixtures/lapsed.txt",
    "tests/fixtures/nbsp_structure.txt",
    "tests/fixtures/old_layout.txt",
    "tests/fixtures/old_errata.txt",
    "tests/fixtures/old_not_digitised.txt",
    "tests/fixtures/lapsed_no_ministry.txt",
    "tests/fixtures/withdrawn_deceased.txt",
    "tests/fixtures/premier_ministre.txt",
    "tests/fixtures/several.txt",
    "tests/fixtures/windows1252.txt",
    "tests/fixtures/withdrawn.txt",
];

const HEADER_GRAMMAR: &str =
    "\"Question de M./Mme NAME First name (constituency - group) publiée le dd/mm/yyyy\" header";

#[test]
fn parse_json_gives_every_key_scripts_rely_on() {
    let mut r = record("tests/fixtures/answered.txt");
    let id = r["id"].take();
    let id = id.as_str().unwrap();
    assert_eq!(id.len(), 16, "{id}");
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    assert_eq!(
        r,
        json!({
            "id": null,
            "source": "tests/fixtures/answered.txt",
            "line": 3,
            "chamber": "senat",
            "kind": "written",
            "url": null,
            "title": "Fermeture des trésoreries en zone rurale",
            "topic": null,
            "number": "05589",
            "legislature": 16,
            "author": {
                "civility": "Mme",
                "last_name": "DI FOLCO",
                "first_name": "Catherine",
                "name": "Catherine Di Folco",
                "constituency": "Rhône",
                "group": "Les Républicains",
                "group_relation": "affiliated",
                "group_name": null,
                "ref": null
            },
            "question": {
                "date": "2023-03-02",
                "page": 1402,
                "digitised": true,
                "in_session": false,
                "text": "Mme Catherine Di Folco attire l'attention de M. le ministre de l'économie, \
                         des finances et de la souveraineté industrielle et numérique sur la \
                         fermeture annoncée de trésoreries dans les communes rurales du Rhône.\
                         \n\nSelon la direction générale des finances publiques, 1\u{a0}200 \
                         usagers par mois se rendaient encore à la trésorerie de \
                         Thizy-les-Bourgs en 2022. Les maires y voient «\u{202f}un abandon des \
                         territoires\u{202f}».\
                         \n\nElle lui demande quelles mesures il entend prendre pour maintenir \
                         un accueil de proximité."
            },
            "transmitted_to": "Ministère de l'action et des comptes publics",
            "answer": {
                "ministry": "Ministère de l'action et des comptes publics",
                "date": "2023-04-27",
                "session_date": null,
                "page": 2890,
                "digitised": true,
                "earlier": [],
                "text": "Le nouveau réseau de proximité des finances publiques ne conduit à la \
                         fermeture d'aucun accueil sans solution de remplacement.\
                         \n\nDepuis le 1er\u{a0}janvier 2023, les usagers de Thizy-les-Bourgs \
                         sont reçus dans l'espace France services de la commune, ouvert \
                         24\u{a0}heures par semaine."
            },
            "errata": [],
            "status": "answered",
            "closure": null,
            "withdrawn_reason": null,
            "ministry": "Ministère de l'action et des comptes publics",
            "addressed_to": "ministre de l'économie, des finances et de la souveraineté \
                             industrielle et numérique",
            "delay_days": 56,
            "late": false
        })
    );
}

#[test]
fn answer_from_the_prime_minister_for_relations_with_parliament() {
    let r = record("tests/fixtures/premier_ministre.txt");
    assert_eq!(r["title"], Value::Null);
    assert_eq!(r["number"], Value::Null);
    assert_eq!(r["legislature"], Value::Null);
    assert_eq!(r["line"], 1);
    assert_eq!(r["author"]["last_name"], "THÉOPHILE");
    assert_eq!(r["author"]["name"], "Dominique Théophile");
    assert_eq!(r["author"]["group"], "RDPI");
    assert_eq!(r["author"]["group_relation"], "member");
    assert_eq!(r["status"], "answered");
    assert_eq!(
        r["ministry"],
        "Premier ministre - Relations avec le Parlement"
    );
    assert_eq!(r["answer"]["ministry"], r["ministry"]);
    assert_eq!(r["answer"]["date"], "2023-04-20");
    assert_eq!(r["answer"]["page"], 2655);
    // The footer has no date: still a footer, not text.
    assert_eq!(
        r["answer"]["text"],
        "Le Gouvernement attache une grande importance au contrôle parlementaire.\n\n\
         Au 31 mars 2023, 41 % des questions écrites posées depuis le début de la législature \
         avaient reçu une réponse."
    );
    // 12/01/2023 → 20/04/2023; the deadline was 12/03/2023.
    assert_eq!(r["delay_days"], 98);
    assert_eq!(r["late"], true);
}

#[test]
fn old_layout_answer_loses_its_reponse_marker() {
    let r = record("tests/fixtures/old_layout.txt");
    assert_eq!(r["number"], "15731");
    assert_eq!(r["legislature"], 12);
    assert_eq!(r["title"], Value::Null);
    assert_eq!(r["author"]["last_name"], "LE RUDULIER");
    assert_eq!(r["author"]["first_name"], "Stéphane");
    assert_eq!(r["author"]["name"], "Stéphane Le Rudulier");
    assert_eq!(r["author"]["constituency"], "Bouches-du-Rhône");
    assert_eq!(r["answer"]["ministry"], "Relations avec le Parlement");
    assert_eq!(r["ministry"], "Relations avec le Parlement");
    assert_eq!(
        r["answer"]["text"],
        "Le ministre délégué aux relations avec le Parlement fait connaître à l'honorable \
         parlementaire que les services des ministères sont régulièrement invités à respecter \
         les délais prévus par le règlement du Sénat.\n\n\
         Un tableau de bord trimestriel est désormais adressé à chaque cabinet."
    );
    assert_eq!(r["question"]["date"], "2005-03-03");
    assert_eq!(r["answer"]["date"], "2005-05-12");
    assert_eq!(r["delay_days"], 70);
    assert_eq!(r["late"], true);
}

#[test]
fn awaiting_question_names_the_awaited_ministry() {
    let r = record("tests/fixtures/awaiting.txt");
    assert_eq!(r["status"], "awaiting");
    assert_eq!(
        r["ministry"],
        "Ministère de la transition écologique et de la cohésion des territoires"
    );
    assert_eq!(r["answer"], Value::Null);
    assert_eq!(r["transmitted_to"], Value::Null);
    assert_eq!(r["delay_days"], Value::Null);
    // Asked on 22/06/2023: long past its two months.
    assert_eq!(r["late"], true);
    assert_eq!(r["author"]["last_name"], "MULLER-BRONN");
    assert_eq!(r["author"]["name"], "Laurence Muller-Bronn");
    assert_eq!(r["author"]["group"], "Les Républicains");
    assert_eq!(r["author"]["group_relation"], "attached");
    assert_eq!(r["question"]["page"], 3901);
    assert_eq!(
        r["question"]["text"],
        "Mme Laurence Muller-Bronn attire l'attention de M. le ministre de la transition \
         écologique et de la cohésion des territoires sur la pollution des sols autour des \
         anciennes mines de potasse d'Alsace.\n\n\
         Elle lui demande quel calendrier est prévu pour la dépollution des terrils."
    );
}

#[test]
fn lapsed_question_keeps_its_transfer() {
    let r = record("tests/fixtures/lapsed.txt");
    assert_eq!(r["status"], "lapsed");
    assert_eq!(
        r["transmitted_to"],
        "Ministère de la santé et de la prévention"
    );
    assert_eq!(r["ministry"], "Ministère de la santé et de la prévention");
    assert_eq!(r["answer"], Value::Null);
    assert_eq!(r["delay_days"], Value::Null);
    assert_eq!(r["late"], true);
    assert_eq!(r["author"]["first_name"], "Jean Louis");
    assert_eq!(r["author"]["name"], "Jean Louis Laurent");
    assert_eq!(r["author"]["constituency"], "Alpes-de-Haute-Provence");
    assert_eq!(r["author"]["group"], "SER");
    assert_eq!(
        r["question"]["text"],
        "M. Jean Louis Laurent attire l'attention de M. le ministre de la santé et de la \
         prévention sur la fermeture estivale du service des urgences de l'hôpital de Manosque."
    );
}

#[test]
fn withdrawn_question_has_no_deadline() {
    let r = record("tests/fixtures/withdrawn.txt");
    assert_eq!(r["status"], "withdrawn");
    assert_eq!(r["late"], Value::Null);
    assert_eq!(r["delay_days"], Value::Null);
    // No header names a ministry: the question's opening does.
    assert_eq!(
        r["addressed_to"],
        "ministre de l'Europe et des affaires étrangères"
    );
    assert_eq!(r["ministry"], r["addressed_to"]);
    // "retirée le 16/11/2023" gives no reason.
    assert_eq!(r["withdrawn_reason"], Value::Null);
    assert_eq!(
        r["title"],
        "Scolarisation des enfants français à l'étranger"
    );
    assert_eq!(r["number"], Value::Null);
    assert_eq!(r["line"], 2);
    let author = &r["author"];
    assert_eq!(author["civility"], "Mme");
    assert_eq!(author["first_name"], "Marie-Claude");
    assert_eq!(author["constituency"], "Français établis hors de France");
    assert_eq!(author["group"], "CRCE-K");
    assert_eq!(author["group_relation"], "member");
}

#[test]
fn several_documents_in_one_file_keep_their_titles_and_numbers() {
    let (records, status) = parse(&["tests/fixtures/several.txt"]);
    assert_eq!(status, 0);
    let [rail, permis, oral] = records.as_slice() else {
        panic!("{records:#?}")
    };

    assert_eq!(rail["line"], 3);
    assert_eq!(rail["title"], "Desserte ferroviaire du Cantal");
    assert_eq!(rail["number"], "03012");
    assert_eq!(rail["author"]["group"], "UC");
    assert_eq!(rail["author"]["group_relation"], "affiliated");
    assert_eq!(rail["status"], "answered");
    assert_eq!(
        rail["answer"]["text"],
        "La ligne Aurillac-Brive fera l'objet de travaux de régénération en 2024."
    );
    assert_eq!(rail["delay_days"], 56);
    assert_eq!(rail["late"], false);

    // After the first page's footer: a title, no number line.
    assert_eq!(permis["line"], 18);
    assert_eq!(permis["title"], "Accès au permis de conduire en Guyane");
    assert_eq!(permis["number"], Value::Null);
    assert_eq!(permis["author"]["group"], "NI");
    assert_eq!(permis["status"], "awaiting");
    assert_eq!(
        permis["ministry"],
        "Ministère de l'intérieur et des outre-mer"
    );

    // An oral question answered in session: a number with a letter, no
    // title, no ministry named.
    assert_eq!(oral["line"], 29);
    assert_eq!(oral["title"], Value::Null);
    assert_eq!(oral["number"], "0827S");
    assert_eq!(oral["legislature"], 16);
    assert_eq!(oral["author"]["name"], "Marie-Claude Varaillas");
    assert_eq!(oral["status"], "answered");
    assert_eq!(oral["answer"]["date"], "2023-03-14");
    assert_eq!(oral["answer"]["ministry"], Value::Null);
    assert_eq!(oral["delay_days"], 12);
    assert_eq!(oral["late"], false);
}

#[test]
fn texts_hold_paragraphs_only() {
    let (records, status) = parse(GOOD);
    assert_eq!(status, 0);
    assert_eq!(records.len(), 19);
    for r in &records {
        let mut texts = vec![r["question"]["text"].as_str().unwrap()];
        if let Some(answer) = r["answer"].as_object() {
            texts.push(answer["text"].as_str().unwrap());
        }
        for text in texts {
            assert!(!text.is_empty(), "{}", r["source"]);
            for paragraph in text.split("\n\n") {
                assert!(!paragraph.is_empty(), "two blank lines in {text:?}");
                assert!(!paragraph.contains('\n'), "{paragraph:?}");
                assert_eq!(paragraph.trim(), paragraph, "{paragraph:?}");
                assert!(!paragraph.starts_with("- page"), "{paragraph:?}");
                assert!(!paragraph.starts_with("Page mise à jour"), "{paragraph:?}");
                assert!(!paragraph.starts_with("Réponse. -"), "{paragraph:?}");
                assert!(!paragraph.starts_with("Transmise"), "{paragraph:?}");
                assert!(!paragraph.starts_with("En attente"), "{paragraph:?}");
                assert!(!paragraph.starts_with("La question"), "{paragraph:?}");
                assert!(!paragraph.contains(['\r', '\u{feff}']), "{paragraph:?}");
            }
        }
    }
}

#[test]
fn crlf_and_bom_are_invisible() {
    let plain = record("tests/fixtures/answered.txt");
    let mut windows = record("tests/fixtures/bom_crlf.txt");
    assert_eq!(windows["source"], "tests/fixtures/bom_crlf.txt");
    assert_ne!(windows["id"], plain["id"]);
    windows["source"] = plain["source"].clone();
    windows["id"] = plain["id"].clone();
    assert_eq!(windows, plain);
}

#[test]
fn pages_concatenated_with_their_byte_order_marks_all_load() {
    let (records, status) = parse(&["tests/fixtures/concatenated_boms.txt"]);
    assert_eq!(status, 0);
    let strip = |mut r: Value| {
        r["source"] = Value::Null;
        r["id"] = Value::Null;
        r["line"] = Value::Null;
        r
    };
    let lines: Vec<&Value> = records.iter().map(|r| &r["line"]).collect();
    assert_eq!(lines, [3, 14, 32]);
    let records: Vec<Value> = records.into_iter().map(strip).collect();
    let pages = [
        "tests/fixtures/awaiting.txt",
        "tests/fixtures/premier_ministre.txt",
        "tests/fixtures/withdrawn.txt",
    ]
    .map(|page| strip(record(page)));
    assert_eq!(records, pages);
}

#[test]
fn no_break_spaces_in_headers_and_page_lines_are_spaces() {
    let r = record("tests/fixtures/nbsp_structure.txt");
    assert_eq!(r["number"], "07734");
    assert_eq!(r["legislature"], 16);
    assert_eq!(r["author"]["civility"], "M.");
    assert_eq!(r["author"]["last_name"], "DANTEC");
    assert_eq!(r["author"]["name"], "Ronan Dantec");
    assert_eq!(r["question"]["date"], "2023-07-06");
    assert_eq!(r["question"]["page"], 4210);
    assert_eq!(
        r["question"]["text"],
        "M.\u{a0}Ronan Dantec interroge M.\u{a0}le ministre de l'agriculture et de la \
         souveraineté alimentaire sur l'étiquetage de l'origine des viandes en restauration \
         collective."
    );
    assert_eq!(r["status"], "answered");
    assert_eq!(r["answer"]["date"], "2023-09-14");
    assert_eq!(r["answer"]["page"], 5498);
    assert_eq!(
        r["answer"]["text"],
        "Le décret du 26\u{a0}janvier 2022 impose déjà l'affichage de l'origine des viandes \
         servies."
    );
    assert_eq!(r["delay_days"], 70);
    assert_eq!(r["late"], true);
}

#[test]
fn windows_1252_file_decodes() {
    let r = record("tests/fixtures/windows1252.txt");
    assert_eq!(r["title"], "Revitalisation des centres-bourgs");
    assert_eq!(r["number"], "05120");
    assert_eq!(r["line"], 3);
    assert_eq!(r["author"]["last_name"], "VÉRIEN");
    assert_eq!(r["author"]["name"], "Dominique Vérien");
    assert_eq!(
        r["question"]["text"],
        "Mme Dominique Vérien attire l'attention de M. le ministre délégué chargé de la ville \
         sur le programme «\u{a0}Petites villes de demain\u{a0}».\n\n\
         Elle souhaite savoir si l'aide de 5\u{a0}000\u{a0}€ par commune pour rénover le cœur \
         de ville sera reconduite."
    );
    assert_eq!(
        r["answer"]["text"],
        "L'aide est reconduite en 2024 ; l'œuvre de revitalisation se poursuit."
    );
    assert_eq!(
        r["ministry"],
        "Ministère de la transition écologique et de la cohésion des territoires"
    );
    assert_eq!(r["delay_days"], 56);
    assert_eq!(r["late"], false);
}

#[test]
fn ids_are_stable_across_runs() {
    let ids = || -> Vec<String> {
        let (records, _) = parse(&["tests/fixtures"]);
        records
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let first = ids();
    assert_eq!(first.len(), 25);
    assert_eq!(ids(), first);
    let unique: std::collections::HashSet<_> = first.iter().collect();
    assert_eq!(unique.len(), first.len());
    // The id depends on the path as given and the header's line only, not
    // on which other files were loaded with it.
    let alone = record("tests/fixtures/answered.txt");
    let (all, _) = parse(GOOD);
    assert_eq!(all[0]["source"], "tests/fixtures/answered.txt");
    assert_eq!(all[0]["id"], alone["id"]);
}

#[test]
fn no_path_means_the_bundled_seeds() {
    let (records, status) = parse(&[]);
    assert_eq!(status, 0);
    let [seed] = records.as_slice() else {
        panic!("{records:#?}")
    };
    assert_eq!(seed["source"], "seeds/000_2a0bcd50e9b94967.txt");
    assert_eq!(seed["author"]["name"], "Thomas Dossus");
    assert_eq!(seed["question"]["date"], "2022-11-10");
    assert_eq!(seed["question"]["page"], 5538);
    assert_eq!(seed["answer"]["date"], "2023-02-02");
    assert_eq!(seed["answer"]["page"], 787);
    assert_eq!(
        seed["ministry"],
        "Ministère de l'intérieur et des outre-mer"
    );
    assert_eq!(seed["delay_days"], 84);
    assert_eq!(seed["late"], true);

    reponses().arg("check").assert().success().stdout(
        "1 file checked, 1 record loaded, 0 errors, 0 warnings; every file loaded cleanly\n",
    );
}

#[test]
fn check_is_quiet_but_for_its_summary_when_all_is_well() {
    let (lines, status) = check(GOOD);
    assert_eq!(status, 0);
    assert_eq!(
        lines,
        ["15 files checked, 19 records loaded, 0 errors, 0 warnings; every file loaded cleanly"]
    );
}

#[test]
fn check_reports_an_empty_file() {
    let (lines, status) = check(&["tests/fixtures/broken/empty.txt"]);
    assert_eq!(status, 1);
    assert_eq!(
        lines,
        [
            format!(
                "tests/fixtures/broken/empty.txt:1:1: error: empty document: expected a \
                 {HEADER_GRAMMAR}"
            ),
            "1 file checked, 0 records loaded, 1 error, 0 warnings; 1 file with errors".into(),
        ]
    );
}

#[test]
fn check_locates_the_nul_byte_of_a_binary_file() {
    let (lines, status) = check(&["tests/fixtures/broken/binary.txt"]);
    assert_eq!(status, 1);
    assert_eq!(
        lines[0],
        "tests/fixtures/broken/binary.txt:4:17: error: binary data (a NUL byte), not a text \
         document; expected a senat.fr question page or Assemblée nationale JSON"
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn check_says_a_file_without_header_is_not_a_question_page() {
    let (lines, status) = check(&["tests/fixtures/broken/no_header.txt"]);
    assert_eq!(status, 1);
    assert_eq!(
        lines[0],
        format!(
            "tests/fixtures/broken/no_header.txt:1:1: error: no {HEADER_GRAMMAR} found: not a \
             senat.fr question page"
        )
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn check_locates_a_header_cut_short() {
    let (lines, status) = check(&["tests/fixtures/broken/header_cut_short.txt"]);
    assert_eq!(status, 1);
    // Column 43: just after "(Rhône - GEST", where ")" was expected.
    assert_eq!(
        lines,
        [
            "tests/fixtures/broken/header_cut_short.txt:2:43: error: broken \"Question de\" \
             header: expected \")\" closing \"(constituency - group\"; this document is skipped",
            "1 file checked, 0 records loaded, 1 error, 0 warnings; 1 file with errors",
        ]
    );
    let (records, status) = parse(&["tests/fixtures/broken/header_cut_short.txt"]);
    assert_eq!((records.len(), status), (0, 1));
}

#[test]
fn an_impossible_date_is_a_warning_and_a_null_field() {
    let (lines, status) = check(&["tests/fixtures/broken/impossible_date.txt"]);
    assert_eq!(status, 0, "a warning is not a failure");
    assert_eq!(
        lines,
        [
            "tests/fixtures/broken/impossible_date.txt:1:56: warning: impossible date \
             31/02/2023; the field is left empty",
            "1 file checked, 1 record loaded, 0 errors, 1 warning; every file loaded cleanly",
        ]
    );
    let (records, status) = parse(&["tests/fixtures/broken/impossible_date.txt"]);
    assert_eq!(status, 0);
    let r = &records[0];
    assert_eq!(r["question"]["date"], Value::Null);
    assert_eq!(r["question"]["page"], 1501);
    assert_eq!(r["status"], "awaiting");
    assert_eq!(r["late"], Value::Null, "no date, no deadline");
}

#[test]
fn a_broken_document_does_not_cost_the_next_one() {
    let (lines, status) = check(&["tests/fixtures/broken/broken_then_good.txt"]);
    assert_eq!(status, 1);
    assert_eq!(
        lines,
        [
            "tests/fixtures/broken/broken_then_good.txt:1:74: error: broken \"Question de\" \
             header: expected a date dd/mm/yyyy; this document is skipped",
            "1 file checked, 1 record loaded, 1 error, 0 warnings; 1 file with errors",
        ]
    );
    let (records, status) = parse(&["tests/fixtures/broken/broken_then_good.txt"]);
    assert_eq!(status, 1);
    let [r] = records.as_slice() else {
        panic!("{records:#?}")
    };
    assert_eq!(r["line"], 11);
    assert_eq!(r["title"], "Maisons France services");
    assert_eq!(r["number"], "05601");
    assert_eq!(
        r["question"]["text"],
        "Mme Catherine Di Folco interroge M. le ministre de la transformation et de la fonction \
         publiques sur le financement des maisons France services."
    );
    assert_eq!(r["delay_days"], 42);
}

#[test]
fn a_broken_answer_header_skips_its_document_instead_of_hiding_the_answer() {
    let (lines, status) = check(&["tests/fixtures/broken/answer_date_cut_short.txt"]);
    assert_eq!(status, 1);
    assert_eq!(
        lines,
        [
            "tests/fixtures/broken/answer_date_cut_short.txt:7:65: error: broken \"Réponse\" \
             header: expected a date dd/mm/yyyy; this document is skipped",
            "1 file checked, 1 record loaded, 1 error, 0 warnings; 1 file with errors",
        ]
    );
    // Not the first question passed off as still awaiting its answer: only
    // the next one.
    let (records, status) = parse(&["tests/fixtures/broken/answer_date_cut_short.txt"]);
    assert_eq!(status, 1);
    let [r] = records.as_slice() else {
        panic!("{records:#?}")
    };
    assert_eq!(r["line"], 15);
    assert_eq!(r["question"]["date"], "2022-11-17");
    assert_eq!(r["status"], "awaiting");
}

#[test]
fn a_broken_file_does_not_cost_the_good_ones() {
    reponses()
        .args([
            "parse",
            "--json",
            "tests/fixtures/broken/empty.txt",
            "tests/fixtures/answered.txt",
            "tests/fixtures/broken/binary.txt",
            "tests/fixtures/awaiting.txt",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::starts_with("tests/fixtures/broken/empty.txt:1:1: error: ")
                .and(predicate::str::contains(
                    "\ntests/fixtures/broken/binary.txt:4:17: error: ",
                ))
                .and(predicate::str::ends_with("\n"))
                .and(predicate::function(|s: &str| s.lines().count() == 2)),
        );
    let (records, status) = parse(&[
        "tests/fixtures/broken/empty.txt",
        "tests/fixtures/answered.txt",
        "tests/fixtures/broken/binary.txt",
        "tests/fixtures/awaiting.txt",
    ]);
    assert_eq!(status, 1);
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["tests/fixtures/answered.txt", "tests/fixtures/awaiting.txt"]
    );
}

#[test]
fn parse_prints_an_empty_array_when_nothing_loads() {
    reponses()
        .args(["parse", "--json", "tests/fixtures/broken/empty.txt"])
        .assert()
        .code(1)
        .stdout("[]\n");
}

#[test]
fn a_folder_is_searched_recursively_for_txt_files() {
    let (lines, status) = check(&["tests/fixtures"]);
    assert_eq!(status, 1);
    // Sorted, sub-folders included, encode.py left out; good files say
    // nothing.
    assert_eq!(
        lines,
        [
            "tests/fixtures/answer_before_question.txt:15:68: warning: the answer is dated \
             27/04/2022, before its question (02/03/2023): one of the dates is wrong; no delay \
             or lateness is counted"
                .to_owned(),
            "tests/fixtures/broken/answer_date_cut_short.txt:7:65: error: broken \"Réponse\" \
             header: expected a date dd/mm/yyyy; this document is skipped"
                .to_owned(),
            "tests/fixtures/broken/binary.txt:4:17: error: binary data (a NUL byte), not a text \
             document; expected a senat.fr question page or Assemblée nationale JSON"
                .to_owned(),
            "tests/fixtures/broken/broken_then_good.txt:1:74: error: broken \"Question de\" \
             header: expected a date dd/mm/yyyy; this document is skipped"
                .to_owned(),
            "tests/fixtures/broken/cut_in_footer.txt:13:1: warning: the page looks cut short: \
             it ends inside its \"Page mise à jour le\" footer"
                .to_owned(),
            format!(
                "tests/fixtures/broken/empty.txt:1:1: error: empty document: expected a \
                 {HEADER_GRAMMAR}"
            ),
            "tests/fixtures/broken/header_cut_short.txt:2:43: error: broken \"Question de\" \
             header: expected \")\" closing \"(constituency - group\"; this document is skipped"
                .to_owned(),
            "tests/fixtures/broken/impossible_date.txt:1:56: warning: impossible date \
             31/02/2023; the field is left empty"
                .to_owned(),
            format!(
                "tests/fixtures/broken/no_header.txt:1:1: error: no {HEADER_GRAMMAR} found: not \
                 a senat.fr question page"
            ),
            "tests/fixtures/broken/old_impossible_dates.txt:7:17: warning: impossible date \
             30/02/1986; the field is left empty"
                .to_owned(),
            "tests/fixtures/broken/old_impossible_dates.txt:9:40: warning: impossible date \
             45/13/1986; the field is left empty"
                .to_owned(),
            "25 files checked, 25 records loaded, 6 errors, 5 warnings; 6 files with errors"
                .to_owned(),
        ]
    );
    let (records, _) = parse(&["tests/fixtures"]);
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "tests/fixtures/answer_before_question.txt",
            "tests/fixtures/answered.txt",
            "tests/fixtures/awaiting.txt",
            "tests/fixtures/bom_crlf.txt",
            "tests/fixtures/broken/answer_date_cut_short.txt",
            "tests/fixtures/broken/broken_then_good.txt",
            "tests/fixtures/broken/cut_in_footer.txt",
            "tests/fixtures/broken/impossible_date.txt",
            "tests/fixtures/broken/old_impossible_dates.txt",
            "tests/fixtures/concatenated_boms.txt",
            "tests/fixtures/concatenated_boms.txt",
            "tests/fixtures/concatenated_boms.txt",
            "tests/fixtures/lapsed.txt",
            "tests/fixtures/lapsed_no_ministry.txt",
            "tests/fixtures/nbsp_structure.txt",
            "tests/fixtures/old_errata.txt",
            "tests/fixtures/old_layout.txt",
            "tests/fixtures/old_not_digitised.txt",
            "tests/fixtures/premier_ministre.txt",
            "tests/fixtures/several.txt",
            "tests/fixtures/several.txt",
            "tests/fixtures/several.txt",
            "tests/fixtures/windows1252.txt",
            "tests/fixtures/withdrawn.txt",
            "tests/fixtures/withdrawn_deceased.txt",
        ]
    );
}

#[test]
fn a_missing_path_is_an_error_not_a_crash() {
    reponses()
        .args([
            "check",
            "tests/fixtures/nope.txt",
            "tests/fixtures/answered.txt",
        ])
        .assert()
        .code(1)
        .stdout(
            "tests/fixtures/nope.txt: error: no such file or folder\n\
             2 files checked, 1 record loaded, 1 error, 0 warnings; 1 file with errors\n",
        );
}

#[test]
fn exit_status_is_2_on_a_usage_error() {
    for args in [
        &["--frobnicate"][..],
        &["parse", "--frobnicate"],
        &["check", "--json"],
    ] {
        reponses()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("error:"));
    }
}
