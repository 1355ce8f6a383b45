//! Document-level tests of the senat.fr grammar: one per variant of
//! ../shared/DOMAIN.md and one per error.

use chrono::NaiveDate;

use super::parse;
use crate::load::{Loaded, Severity, Texts};
use crate::model::{GroupRelation, Status};

const SEED: &str = include_str!("../../../seeds/000_2a0bcd50e9b94967.txt");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn load(text: &str) -> Loaded {
    parse("doc.txt", text, today(), Texts::Keep)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_seed_loads_whole() {
    let out = load(SEED);
    assert_eq!(out.diagnostics, vec![]);
    let [r] = out.records.as_slice() else {
        panic!("{:?}", out.records.len())
    };
    assert_eq!(r.line, 1);
    assert_eq!(r.title, None);
    assert_eq!(r.number, None);
    assert_eq!(r.author.civility.as_deref(), Some("M."));
    assert_eq!(r.author.last_name.as_deref(), Some("DOSSUS"));
    assert_eq!(r.author.first_name.as_deref(), Some("Thomas"));
    assert_eq!(r.author.name.as_deref(), Some("Thomas Dossus"));
    assert_eq!(r.author.constituency.as_deref(), Some("Rhône"));
    assert_eq!(r.author.group.as_deref(), Some("GEST"));
    assert_eq!(r.author.group_relation, Some(GroupRelation::Member));
    assert_eq!(r.question.date, date(2022, 11, 10));
    assert_eq!(r.question.page, Some(5538));
    assert!(r.question.text.starts_with("M. Thomas Dossus interroge"));
    assert!(r.question.text.ends_with("futures politiques publiques."));
    assert_eq!(r.question.text.matches("\n\n").count(), 6);
    let answer = r.answer.as_ref().unwrap();
    assert_eq!(
        answer.ministry.as_deref(),
        Some("Ministère de l'intérieur et des outre-mer")
    );
    assert_eq!(answer.date, date(2023, 2, 2));
    assert_eq!(answer.page, Some(787));
    assert!(answer.text.starts_with("L'usage par la puissance publique"));
    assert!(answer.text.ends_with("de cette question."));
    assert!(!answer.text.contains("- page"));
    assert!(!answer.text.contains("Page mise à jour"));
    assert_eq!(r.status, Status::Answered);
    assert_eq!(r.ministry, answer.ministry);
    assert_eq!(r.delay_days, Some(84));
    assert_eq!(r.late, Some(true));
    assert_eq!(r.transmitted_to, None);
}

const FULL: &str = "\
Fermeture des trésoreries en zone rurale
Question écrite n° 05589 - 16e législature
Question de Mme DI FOLCO Catherine (Rhône - Les Républicains-A) publiée le 02/03/2023

Mme Catherine Di Folco attire l'attention de M. le ministre sur les trésoreries.

Elle lui demande ses intentions.

- page 1402
Transmise au Ministère de l'économie, des finances et de la souveraineté industrielle et numérique
Réponse du Ministère de l'économie, des finances et de la souveraineté industrielle et numérique publiée le 27/04/2023

Le réseau des finances publiques évolue.
Il reste présent.

- page 2890
Page mise à jour le 28/04/2023
";

#[test]
fn title_number_transfer_and_affiliated_group() {
    let out = load(FULL);
    assert_eq!(out.diagnostics, vec![]);
    let r = &out.records[0];
    assert_eq!(r.line, 3);
    assert_eq!(
        r.title.as_deref(),
        Some("Fermeture des trésoreries en zone rurale")
    );
    assert_eq!(r.number.as_deref(), Some("05589"));
    assert_eq!(r.legislature, Some(16));
    assert_eq!(r.author.name.as_deref(), Some("Catherine Di Folco"));
    assert_eq!(r.author.group.as_deref(), Some("Les Républicains"));
    assert_eq!(r.author.group_relation, Some(GroupRelation::Affiliated));
    assert_eq!(
        r.transmitted_to.as_deref(),
        Some(
            "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique"
        )
    );
    let answer = r.answer.as_ref().unwrap();
    assert_eq!(answer.page, Some(2890));
    assert_eq!(
        answer.text,
        "Le réseau des finances publiques évolue.\n\nIl reste présent."
    );
    assert_eq!(r.delay_days, Some(56));
    assert_eq!(r.late, Some(false));
}

#[test]
fn several_documents_in_one_file() {
    let text = format!("{FULL}\n{FULL}{SEED}");
    let out = load(&text);
    assert_eq!(out.diagnostics, vec![]);
    assert_eq!(out.records.len(), 3);
    assert_eq!(out.records[1].line, 3 + FULL.lines().count() + 1);
    assert_eq!(
        out.records[1].title.as_deref(),
        Some("Fermeture des trésoreries en zone rurale")
    );
    assert_eq!(out.records[2].title, None);
    assert_eq!(out.records[2].author.last_name.as_deref(), Some("DOSSUS"));
    let ids: std::collections::HashSet<_> = out.records.iter().map(|r| &r.id).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn files_concatenated_with_their_byte_order_marks() {
    // `cat a.txt b.txt`: the decoder strips the first mark, not the second.
    let text = format!("{FULL}\u{feff}{SEED}");
    let out = load(&text);
    assert_eq!(out.diagnostics, vec![]);
    assert_eq!(out.records.len(), 2);
    assert_eq!(out.records[1].line, FULL.lines().count() + 1);
    assert_eq!(out.records[1].author.last_name.as_deref(), Some("DOSSUS"));
    assert_eq!(
        out.records[0].answer.as_ref().unwrap().text,
        "Le réseau des finances publiques évolue.\n\nIl reste présent."
    );
}

#[test]
fn awaiting_lapsed_and_withdrawn() {
    let awaiting = "Question de M. MULLER-BRONN Jean Louis (Bas-Rhin - Les Indépendants-R) publiée le 05/01/2023\n\
                    M. Jean Louis Muller-Bronn interroge le ministre.\n- page 12\n\
                    En attente de réponse du Ministère de la transition écologique.\n";
    let r = &load(awaiting).records[0];
    assert_eq!(r.status, Status::Awaiting);
    assert_eq!(
        r.ministry.as_deref(),
        Some("Ministère de la transition écologique")
    );
    assert_eq!(r.author.first_name.as_deref(), Some("Jean Louis"));
    assert_eq!(r.author.group_relation, Some(GroupRelation::Attached));
    assert_eq!(r.answer, None);
    assert_eq!(r.delay_days, None);
    assert_eq!(r.late, Some(true));

    let lapsed = "Question de M. LE RUDULIER Stéphane (Bouches-du-Rhône - Les Républicains) publiée le 05/01/2023\n\
                  Texte.\n- page 12\nTransmise au Ministère de la culture\nLa question est caduque\n";
    let r = &load(lapsed).records[0];
    assert_eq!(r.status, Status::Lapsed);
    assert_eq!(r.ministry.as_deref(), Some("Ministère de la culture"));

    let withdrawn = "Question de Mme CUKIERMAN Cécile (Loire - CRCE-K) publiée le 05/01/2023\n\
                     Texte.\n- page 12\nLa question a été retirée le 01/02/2023\n";
    let r = &load(withdrawn).records[0];
    assert_eq!(r.status, Status::Withdrawn);
    assert_eq!(r.late, None);
    assert_eq!(r.author.group.as_deref(), Some("CRCE-K"));
}

#[test]
fn old_layout_answer_marker_is_removed() {
    let text = "Question de M. THÉOPHILE Dominique (Guadeloupe - RDPI) publiée le 03/03/2005\n\n\
                M. Dominique Théophile demande.\n\n- page 580\n\
                Réponse du ministère : Relations avec le Parlement publiée le 12/05/2005\n\n\
                Réponse. - Le Gouvernement répond.\n\n- page 1350\n";
    let r = &load(text).records[0];
    let answer = r.answer.as_ref().unwrap();
    assert_eq!(
        answer.ministry.as_deref(),
        Some("Relations avec le Parlement")
    );
    assert_eq!(answer.text, "Le Gouvernement répond.");
    assert_eq!(r.author.name.as_deref(), Some("Dominique Théophile"));
}

#[test]
fn prime_minister_answer_and_footer_without_date() {
    let text = "Question de M. DOSSUS Thomas (Français établis hors de France - GEST) publiée le 10/11/2022\n\
                Texte.\n- page 5538\n\
                Réponse du Premier ministre - Relations avec le Parlement publiée le 02/02/2023\n\
                Réponse.\n- page 787\nPage mise à jour le\n";
    let r = &load(text).records[0];
    assert_eq!(
        r.author.constituency.as_deref(),
        Some("Français établis hors de France")
    );
    assert_eq!(
        r.ministry.as_deref(),
        Some("Premier ministre - Relations avec le Parlement")
    );
    assert_eq!(r.answer.as_ref().unwrap().text, "Réponse.");
}

#[test]
fn impossible_date_is_a_located_warning_and_a_null_field() {
    let text = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 31/02/2023\nTexte.\n";
    let out = load(text);
    assert_eq!(out.records.len(), 1);
    assert_eq!(out.records[0].question.date, None);
    assert_eq!(out.records[0].late, None);
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!((d.line, d.col, d.severity), (1, 56, Severity::Warning));
    assert!(d.message.contains("31/02/2023"), "{}", d.message);
}

#[test]
fn broken_header_costs_only_its_own_document() {
    let text = format!(
        "Question de M. DOSSUS Thomas (Rhône - GEST\nTexte perdu.\n- page 1\nPage mise à jour le\n{SEED}"
    );
    let out = load(&text);
    assert_eq!(out.records.len(), 1);
    assert_eq!(out.records[0].line, 5);
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!((d.line, d.col, d.severity), (1, 43, Severity::Error));
    assert!(d.message.contains("\")\""), "{}", d.message);
}

#[test]
fn broken_answer_header_skips_its_document_not_the_next() {
    let text = format!(
        "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\nTexte.\n- page 5538\n\
         Réponse du Ministère de l'intérieur publiée le 02/02/20\nLa réponse.\n- page 787\n\
         Page mise à jour le\n{SEED}"
    );
    let out = load(&text);
    let [r] = out.records.as_slice() else {
        panic!("{:?}", out.records)
    };
    assert_eq!(r.line, 8);
    assert_eq!(r.status, Status::Answered);
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!((d.line, d.col, d.severity), (4, 48, Severity::Error));
    assert_eq!(
        d.message,
        "broken \"Réponse\" header: expected a date dd/mm/yyyy; this document is skipped"
    );
}

#[test]
fn a_stray_line_before_the_header_is_located_in_characters() {
    let out = load(&format!("\u{a0}\u{a0}- page 12\n{SEED}"));
    assert_eq!(out.records.len(), 1);
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    // Two no-break spaces (two bytes each) before the "-".
    assert_eq!((d.line, d.col, d.severity), (1, 3, Severity::Warning));
}

#[test]
fn empty_and_headerless_documents_are_errors() {
    for text in ["", "\n \n", "Bonjour,\nceci n'est pas une question.\n"] {
        let out = load(text);
        assert!(out.records.is_empty());
        let [d] = out.diagnostics.as_slice() else {
            panic!("{:?}", out.diagnostics)
        };
        assert_eq!((d.line, d.col, d.severity), (1, 1, Severity::Error));
        assert!(d.message.contains("Question de"), "{}", d.message);
    }
}

#[test]
fn page_markers_never_reach_the_text() {
    let r = &load(SEED).records[0];
    for text in [&r.question.text, &r.answer.as_ref().unwrap().text] {
        assert!(!text.contains("\n\n\n"));
        assert!(!text.starts_with('\n') && !text.ends_with('\n'));
    }
}

#[test]
fn ids_are_stable_across_runs() {
    let a = load(SEED).records[0].id.clone();
    let b = load(SEED).records[0].id.clone();
    assert_eq!(a, b);
    assert_eq!(a.len(), 16);
}

#[test]
fn oral_answer_in_session() {
    let text = "Question orale n° 0827S - 16e législature\n\
                Question de Mme DI FOLCO Catherine (Rhône - Les Républicains) publiée le 02/03/2023\n\
                Texte.\n- page 1402\nRéponse apportée en séance publique le 14/03/2023\nLe ministre répond.\n";
    let r = &load(text).records[0];
    assert_eq!(r.number.as_deref(), Some("0827S"));
    assert_eq!(r.status, Status::Answered);
    assert_eq!(r.delay_days, Some(12));
    assert_eq!(r.answer.as_ref().unwrap().text, "Le ministre répond.");
}

#[test]
fn text_after_the_last_footer_is_not_the_answer() {
    let text =
        format!("{SEED}\nSénat - 15 rue de Vaugirard - 75291 Paris Cedex 06\nPlan du site\n");
    let out = load(&text);
    let answer = out.records[0].answer.as_ref().unwrap();
    assert!(
        answer.text.ends_with("de cette question."),
        "{}",
        answer.text
    );
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("after the page footer"), "{}", d.message);
}

#[test]
fn checking_without_texts_gives_the_same_diagnostics() {
    for text in [
        SEED.to_owned(),
        format!("{FULL}\n{SEED}"),
        "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 31/02/2023\n".to_owned(),
        format!(
            "Question de M. DOSSUS Thomas (Rhône - GEST\nTexte.\nPage mise à jour le\n{SEED}x\n"
        ),
    ] {
        let full = parse("doc.txt", &text, today(), Texts::Keep);
        let lean = parse("doc.txt", &text, today(), Texts::Drop);
        assert_eq!(full.diagnostics, lean.diagnostics);
        assert_eq!(full.records.len(), lean.records.len());
        assert!(lean.records.iter().all(|r| r.question.text.is_empty()));
    }
}

/// Every fixture and variant: the probe sees exactly the paragraphs of the
/// texts kept otherwise, in order, and the records are otherwise the same.
#[test]
fn the_probe_sees_the_paragraphs_the_texts_are_made_of() {
    let mut texts: Vec<String> = vec![SEED.to_owned(), format!("{FULL}\n{SEED}")];
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let broken = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/broken");
    for dir in [fixtures, broken] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap_or_default();
            if let Ok((text, _)) = crate::load::decode::decode(&bytes) {
                texts.push(text.into_owned());
            }
        }
    }
    assert!(texts.len() > 15, "the fixtures are found");
    for text in &texts {
        let seen = std::sync::Mutex::new(Vec::new());
        // Reports "found" for paragraphs with "loi", once per record.
        let probe = |paragraph: &str, found: u64| {
            seen.lock().unwrap().push(paragraph.to_owned());
            u64::from(found == 0 && paragraph.contains("loi"))
        };
        let full = parse("doc.txt", text, today(), Texts::Keep);
        let probed = parse("doc.txt", text, today(), Texts::Probe(&probe));
        let mut expected = Vec::new();
        let mut found = Vec::new();
        for record in &full.records {
            let answer = record.answer.as_ref().map(|a| a.text.as_str());
            let paragraphs: Vec<&str> = [Some(record.question.text.as_str()), answer]
                .into_iter()
                .flatten()
                .flat_map(|t| t.split("\n\n"))
                .filter(|p| !p.is_empty())
                .collect();
            found.push(u64::from(paragraphs.iter().any(|p| p.contains("loi"))));
            expected.extend(paragraphs.into_iter().map(str::to_owned));
        }
        // A skipped document was shown to the probe before it broke.
        if !full.has_errors() {
            assert_eq!(*seen.lock().unwrap(), expected);
        }
        assert_eq!(probed.probed, found);
        assert_eq!(probed.diagnostics, full.diagnostics);
        assert_eq!(probed.records.len(), full.records.len());
        for (p, f) in probed.records.iter().zip(&full.records) {
            assert!(p.question.text.is_empty());
            assert_eq!(p.author, f.author, "the display name is refined the same");
            assert_eq!(
                (&p.title, &p.ministry, p.status),
                (&f.title, &f.ministry, f.status)
            );
        }
    }
}

#[test]
fn a_second_answer_header_replaces_the_first_with_a_warning() {
    let text = "Question de M. DUPONT Jean (Rhône - UC) publiée le 02/03/2023\n\nUne question.\n\n\
                Réponse du Ministère de l'intérieur publiée le 27/04/2023\n\nLa CNIL a répondu.\n\n\
                Réponse du Ministère de la justice publiée le 28/04/2023\n\nRéponse. - Rien.\n";
    let loaded = load(text);
    let answer = loaded.records[0].answer.as_ref().unwrap();
    assert_eq!(answer.text, "Rien.");
    assert_eq!(answer.ministry.as_deref(), Some("Ministère de la justice"));
    let [warning] = &loaded.diagnostics[..] else {
        panic!("{:?}", loaded.diagnostics)
    };
    assert_eq!((warning.line, warning.severity), (9, Severity::Warning));
    assert!(
        warning.message.contains("second \"Réponse\""),
        "{}",
        warning.message
    );
    // Checking without texts reports it the same.
    let lean = parse("doc.txt", text, today(), Texts::Drop);
    assert_eq!(lean.diagnostics, loaded.diagnostics);
}
