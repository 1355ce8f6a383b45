//! Document-level tests of the senat.fr grammar: one per variant of
//! ../shared/DOMAIN.md and one per error.

use chrono::NaiveDate;

use super::parse;
use crate::load::{Loaded, Severity, Texts};
use crate::model::{GroupRelation, PartKind, Status};

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
    assert!(
        d.message.to_string().contains("31/02/2023"),
        "{}",
        d.message
    );
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
    assert!(d.message.to_string().contains("\")\""), "{}", d.message);
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
        d.message.to_string(),
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
        assert!(
            d.message.to_string().contains("Question de"),
            "{}",
            d.message
        );
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
    assert!(
        d.message.to_string().contains("after the page footer"),
        "{}",
        d.message
    );
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
/// texts kept otherwise and searched, in order, and the records are
/// otherwise the same.
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
            // A notice that a text was never digitised is not searched.
            let paragraphs: Vec<&str> = [
                PartKind::Question.searched_text(record),
                PartKind::Answer.searched_text(record),
            ]
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
        warning.message.to_string().contains("second \"Réponse\""),
        "{}",
        warning.message
    );
    // Checking without texts reports it the same.
    let lean = parse("doc.txt", text, today(), Texts::Drop);
    assert_eq!(lean.diagnostics, loaded.diagnostics);
}

/// The header and question of an old page, for the shapes below.
const OLD: &str = "\
Question écrite n° 12840 - 7e législature
Question de M. LEFEVRE Andre (Paris - U.C.D.P.) publiée le 15/09/1983

M. André Lefèvre attire l'attention de M. le ministre de la santé sur les hôpitaux.

- page 1602
";

#[test]
fn an_answer_given_in_session_under_an_old_or_a_modern_header() {
    for header in [
        "Réponse du ministère : Santé publiée le 24/11/1983",
        "Réponse du Ministère de la santé publiée le 24/11/1983",
    ] {
        let text = format!(
            "{OLD}{header}\nRéponse apportée en séance publique le 18/11/1983\n\n\
             Réponse. - Le ministre répond.\n\n- page 3310\n"
        );
        let out = load(&text);
        assert_eq!(out.diagnostics, vec![], "{header}");
        let r = &out.records[0];
        let answer = r.answer.as_ref().unwrap();
        assert!(answer.ministry.as_deref().unwrap().ends_with("anté"));
        assert_eq!(r.ministry, answer.ministry);
        assert_eq!(answer.date, date(1983, 11, 24));
        assert_eq!(answer.session_date, date(1983, 11, 18));
        assert_eq!(answer.text, "Le ministre répond.");
        assert_eq!(answer.page, Some(3310));
        assert_eq!(r.delay_days, Some(70));
        assert_eq!(r.late, Some(true));
        assert_eq!(r.status, Status::Answered);
    }
}

#[test]
fn an_oral_answer_alone_is_dated_by_its_sitting() {
    let text = format!("{OLD}Réponse apportée en séance publique le 18/11/1983\nIl répond.\n");
    let r = &load(&text).records[0];
    let answer = r.answer.as_ref().unwrap();
    assert_eq!(answer.ministry, None);
    assert_eq!(answer.date, date(1983, 11, 18));
    assert_eq!(answer.session_date, date(1983, 11, 18));
    // A second sitting line is reported, the first kept.
    let text = format!(
        "{OLD}Réponse du ministère : Santé publiée le 24/11/1983\n\
         Réponse apportée en séance publique le 18/11/1983\n\
         Réponse apportée en séance publique le 19/11/1983\nIl répond.\n"
    );
    let out = load(&text);
    let answer = out.records[0].answer.as_ref().unwrap();
    assert_eq!(answer.session_date, date(1983, 11, 18));
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!((d.line, d.severity), (9, Severity::Warning));
}

#[test]
fn old_transfer_and_awaiting_lines_name_the_ministry() {
    let text = format!("{OLD}Transmise au ministère : Équipement\n");
    let r = &load(&text).records[0];
    assert_eq!(r.transmitted_to.as_deref(), Some("Équipement"));
    assert_eq!(r.ministry.as_deref(), Some("Équipement"));
}

#[test]
fn errata_never_reach_the_texts() {
    let text = format!(
        "{OLD}Erratum : JO du 04/10/1984 p.2231\n\
         Réponse du ministère : Santé publiée le 24/11/1983\n\n\
         Réponse. - Le ministre répond.\n\n- page 3310\nErratum : JO du 06/12/1983 p. 4319\n\
         Page mise à jour le\n"
    );
    let out = load(&text);
    assert_eq!(out.diagnostics, vec![]);
    let r = &out.records[0];
    assert_eq!(
        r.errata,
        vec![
            crate::model::Erratum {
                part: PartKind::Question,
                date: date(1984, 10, 4),
                page: Some(2231),
            },
            crate::model::Erratum {
                part: PartKind::Answer,
                date: date(1983, 12, 6),
                page: Some(4319),
            },
        ]
    );
    assert_eq!(r.answer.as_ref().unwrap().text, "Le ministre répond.");
    assert!(!r.question.text.contains("Erratum"));
    // Right after the text too, with no page line between.
    let text = format!(
        "{OLD}Réponse du ministère : Santé publiée le 24/11/1983\nIl répond.\nErratum : JO du 06/12/1983 p. 4319\n"
    );
    let r = &load(&text).records[0];
    assert_eq!(r.answer.as_ref().unwrap().text, "Il répond.");
    assert_eq!(r.errata.len(), 1);
    // `check` reads them the same.
    let lean = parse("doc.txt", &text, today(), Texts::Drop);
    assert_eq!(lean.records[0].errata, r.errata);
}

#[test]
fn a_page_cut_inside_its_footer() {
    for cut in [
        "Page mise à",
        "Page mise",
        "Pag",
        "P",
        "Page mise à jour",
        "Page mise à jour le 13/0",
    ] {
        // The seed ends with "Page mise à jour le".
        let text = SEED
            .trim_end()
            .strip_suffix("Page mise à jour le")
            .unwrap()
            .to_owned()
            + cut
            + "\n\n";
        let out = load(&text);
        let r = &out.records[0];
        assert!(
            r.answer
                .as_ref()
                .unwrap()
                .text
                .ends_with("de cette question."),
            "{cut}"
        );
        let [d] = out.diagnostics.as_slice() else {
            panic!("{cut}: {:?}", out.diagnostics)
        };
        assert_eq!(
            (d.line, d.col, d.severity),
            (26, 1, Severity::Warning),
            "{cut}"
        );
        assert!(d.message.to_string().contains("cut short"), "{}", d.message);
    }
    // Not on the last line, a "Page mise à" is no footer: a line that
    // cannot be placed, said so, and not text.
    let text = SEED.replace("- page 787", "Page mise à\n- page 787");
    let out = load(&text);
    assert!(
        out.records[0]
            .answer
            .as_ref()
            .unwrap()
            .text
            .ends_with("de cette question.")
    );
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert!(
        d.message.to_string().contains("unrecognised line"),
        "{}",
        d.message
    );
}

#[test]
fn lines_shaped_like_furniture_are_warned_of_not_kept() {
    let text = format!(
        "{OLD}- page\nRéponse du ministère : Santé publiée le 24/11/1983\nIl répond.\n- page 12b\n"
    );
    let out = load(&text);
    let r = &out.records[0];
    assert_eq!(r.answer.as_ref().unwrap().text, "Il répond.");
    let lines: Vec<(usize, usize)> = out.diagnostics.iter().map(|d| (d.line, d.col)).collect();
    assert_eq!(lines, vec![(7, 1), (10, 1)]);
    assert!(
        out.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    assert_eq!(
        parse("doc.txt", &text, today(), Texts::Drop).diagnostics,
        out.diagnostics
    );
}

#[test]
fn texts_never_digitised_are_notices_not_words() {
    let text = "Question de M. LEFEVRE Andre (Paris - U.C.D.P.) publiée le 15/09/1983\n\n\
                Le texte de cette question n'est pas disponible en format numérique.\n\n\
                Réponse du ministère : Santé publiée le 24/11/1983\n\n\
                Le texte de cette réponse n'est pas disponible en format numérique.\n";
    let out = load(text);
    assert_eq!(
        out.diagnostics,
        vec![],
        "a notice is a text: no \"has no text\""
    );
    let r = &out.records[0];
    assert!(!r.question.digitised);
    assert!(r.question.text.starts_with("Le texte de cette question"));
    let answer = r.answer.as_ref().unwrap();
    assert!(!answer.digitised);
    assert!(answer.text.starts_with("Le texte de cette réponse"));
    assert_eq!(PartKind::Question.searched_text(r), None);
    assert_eq!(PartKind::Answer.searched_text(r), None);
    assert_eq!(r.addressed_to, None);
    assert_eq!(r.author.name.as_deref(), Some("Andre Lefevre"));
    // Digitised pages say so too.
    let seed = &load(SEED).records[0];
    assert!(seed.question.digitised && seed.answer.as_ref().unwrap().digitised);
}

#[test]
fn a_header_without_accents_takes_the_body_s_spelling() {
    let r = &load(OLD).records[0];
    assert_eq!(r.author.name.as_deref(), Some("André Lefèvre"));
    assert_eq!(r.author.last_name.as_deref(), Some("LEFEVRE"));
    // So does `search -l`, which keeps the opening only.
    let probe = |_: &str, _: u64| 0;
    let probed = parse("doc.txt", OLD, today(), Texts::Probe(&probe));
    assert_eq!(probed.records[0].author, r.author);
    assert_eq!(probed.records[0].ministry, r.ministry);
}

#[test]
fn lapsed_and_withdrawn_questions_are_counted_for_their_addressee() {
    let lapsed = format!("{OLD}La question est caduque\n");
    let r = &load(&lapsed).records[0];
    assert_eq!(r.status, Status::Lapsed);
    assert_eq!(r.addressed_to.as_deref(), Some("ministre de la santé"));
    assert_eq!(r.ministry.as_deref(), Some("ministre de la santé"));
    let withdrawn = format!("{OLD}La question a été retirée pour cause de fin de mandat.\n");
    let r = &load(&withdrawn).records[0];
    assert_eq!(r.status, Status::Withdrawn);
    assert_eq!(r.withdrawn_reason.as_deref(), Some("fin de mandat"));
    assert_eq!(r.ministry.as_deref(), Some("ministre de la santé"));
    // A ministry a header names comes first.
    let answered = format!(
        "{OLD}Réponse du ministère : Affaires sociales publiée le 24/11/1983\nIl répond.\n"
    );
    let r = &load(&answered).records[0];
    assert_eq!(r.ministry.as_deref(), Some("Affaires sociales"));
    assert_eq!(r.addressed_to.as_deref(), Some("ministre de la santé"));
    assert_eq!(r.withdrawn_reason, None);
}

#[test]
fn broken_dates_of_the_new_lines_cost_their_field_only() {
    let text = format!(
        "{OLD}Erratum : JO du 30/02/1986 p.7\n\
         Réponse du ministère : Santé publiée le 24/11/1983\n\
         Réponse apportée en séance publique le 45/13/1986\nIl répond.\n\
         Erratum : JO du 12/1983\n"
    );
    let out = load(&text);
    let r = &out.records[0];
    assert_eq!(r.status, Status::Answered);
    assert_eq!(r.answer.as_ref().unwrap().session_date, None);
    assert_eq!(r.answer.as_ref().unwrap().date, date(1983, 11, 24));
    assert_eq!(r.errata.len(), 2);
    assert_eq!((r.errata[0].date, r.errata[0].page), (None, Some(7)));
    assert_eq!((r.errata[1].date, r.errata[1].page), (None, None));
    let located: Vec<(usize, usize)> = out.diagnostics.iter().map(|d| (d.line, d.col)).collect();
    assert_eq!(located, vec![(7, 17), (9, 40), (11, 17)]);
    assert!(
        out.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    // A sitting line cut short is a warning too, not a skipped document.
    let text = format!(
        "{OLD}Réponse du ministère : Santé publiée le 24/11/1983\n\
         Réponse apportée en séance publique le 18/11\nIl répond.\n"
    );
    let out = load(&text);
    assert_eq!(out.records[0].answer.as_ref().unwrap().text, "Il répond.");
    let [d] = out.diagnostics.as_slice() else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!((d.line, d.col, d.severity), (8, 40, Severity::Warning));
}
