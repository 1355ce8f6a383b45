//! One citation test per record shape the loader produces, and the exact
//! layout of each format.

use chrono::NaiveDate;

use super::*;
use crate::model::Record;
use crate::text::sentence::sentences;

const SEED: &str = include_str!("../../seeds/000_2a0bcd50e9b94967.txt");

fn load(text: &str) -> Record {
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut out = crate::load::load_bytes("doc.txt", text.as_bytes(), today);
    assert!(!out.has_errors(), "{:?}", out.diagnostics);
    out.records.remove(0)
}

fn seed() -> Record {
    load(SEED)
}

const NUMBERED: &str = "\
Fermeture des trésoreries en zone rurale
Question écrite n° 05589 - 16e législature
Question de Mme DI FOLCO Catherine (Rhône - Les Républicains-A) publiée le 02/03/2023

Mme Catherine Di Folco attire l'attention de M. le ministre sur les trésoreries.

- page 1402
Réponse du Ministère de l'économie, des finances et de la souveraineté industrielle et numérique publiée le 27/04/2023

Le réseau des finances publiques évolue.

- page 2890
";

#[test]
fn seed_question_has_no_number() {
    assert_eq!(
        citation(&seed(), PartKind::Question),
        "Question de M. Thomas Dossus (Rhône - GEST), JO Sénat du 10/11/2022, p. 5538"
    );
}

#[test]
fn seed_answer() {
    assert_eq!(
        citation(&seed(), PartKind::Answer),
        "Réponse du Ministère de l'intérieur et des outre-mer à la question de M. Thomas Dossus, \
         JO Sénat du 02/02/2023, p. 787"
    );
}

#[test]
fn numbered_written_question_with_affiliated_group() {
    let r = load(NUMBERED);
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question écrite n° 05589 de Mme Catherine Di Folco (Rhône - Les Républicains), \
         JO Sénat du 02/03/2023, p. 1402"
    );
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse du Ministère de l'économie, des finances et de la souveraineté industrielle et \
         numérique à la question écrite n° 05589 de Mme Catherine Di Folco, \
         JO Sénat du 27/04/2023, p. 2890"
    );
}

#[test]
fn oral_question_answered_in_session() {
    let r = load(
        "Question orale n° 0827S - 16e législature\n\
         Question de Mme DI FOLCO Catherine (Rhône - Les Républicains) publiée le 02/03/2023\n\
         Texte.\n- page 1402\nRéponse apportée en séance publique le 14/03/2023\nLe ministre répond.\n",
    );
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question orale n° 0827S de Mme Catherine Di Folco (Rhône - Les Républicains), \
         JO Sénat du 02/03/2023, p. 1402"
    );
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse en séance publique du 14/03/2023 à la question orale n° 0827S \
         de Mme Catherine Di Folco"
    );
}

#[test]
fn answer_by_the_prime_minister() {
    let r = load(
        "Question de M. DOSSUS Thomas (Français établis hors de France - GEST) publiée le 10/11/2022\n\
         M. Thomas Dossus interroge.\n- page 5538\n\
         Réponse du Premier ministre - Relations avec le Parlement publiée le 02/02/2023\n\
         Réponse.\n- page 787\n",
    );
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question de M. Thomas Dossus (Français établis hors de France - GEST), \
         JO Sénat du 10/11/2022, p. 5538"
    );
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse du Premier ministre - Relations avec le Parlement à la question de \
         M. Thomas Dossus, JO Sénat du 02/02/2023, p. 787"
    );
}

#[test]
fn old_layout_names_only_the_portfolio() {
    let r = load(
        "Question de M. THÉOPHILE Dominique (Guadeloupe - RDPI) publiée le 03/03/2005\n\n\
         M. Dominique Théophile demande.\n\n- page 580\n\
         Réponse du ministère : Relations avec le Parlement publiée le 12/05/2005\n\n\
         Réponse. - Le Gouvernement répond.\n\n- page 1350\n",
    );
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse du ministère (Relations avec le Parlement) à la question de \
         M. Dominique Théophile, JO Sénat du 12/05/2005, p. 1350"
    );
}

#[test]
fn missing_page_date_and_constituency_leave_no_trace() {
    let mut r = load(NUMBERED);
    r.question.page = None;
    r.author.constituency = None;
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question écrite n° 05589 de Mme Catherine Di Folco (Les Républicains), JO Sénat du 02/03/2023"
    );
    r.question.date = None;
    r.question.page = Some(1402);
    r.author.group = Some(" ".into());
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question écrite n° 05589 de Mme Catherine Di Folco, JO Sénat, p. 1402"
    );
    r.question.page = None;
    r.author.group = None;
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question écrite n° 05589 de Mme Catherine Di Folco"
    );
    let answer = r.answer.as_mut().unwrap();
    answer.page = None;
    answer.date = None;
    assert!(citation(&r, PartKind::Answer).ends_with("de Mme Catherine Di Folco"));
}

#[test]
fn names_fall_back_to_the_header_and_may_be_missing() {
    let mut r = seed();
    r.author.name = None;
    r.author.civility = None;
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question de Thomas DOSSUS (Rhône - GEST), JO Sénat du 10/11/2022, p. 5538"
    );
    r.author = Default::default();
    assert_eq!(
        citation(&r, PartKind::Question),
        "Question, JO Sénat du 10/11/2022, p. 5538"
    );
    // No author and no number: nothing to say after "Réponse du …".
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse du Ministère de l'intérieur et des outre-mer, JO Sénat du 02/02/2023, p. 787"
    );
    r.number = Some("01234".into());
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse du Ministère de l'intérieur et des outre-mer à la question écrite n° 01234, \
         JO Sénat du 02/02/2023, p. 787"
    );
}

#[test]
fn an_unanswered_question_still_has_an_answer_citation() {
    let mut r = seed();
    r.answer = None;
    assert_eq!(
        citation(&r, PartKind::Answer),
        "Réponse à la question de M. Thomas Dossus"
    );
    assert_eq!(PartKind::Answer.text(&r), None);
}

#[test]
fn quoting_sentences_of_the_seed_answer() {
    let r = seed();
    let text = PartKind::Answer.text(&r).unwrap();
    let s = sentences(text);
    let range = select(&s, 4, 1).unwrap();
    let q = quote(&r, PartKind::Answer, &text[range]);
    assert_eq!(
        q.render(Format::Text),
        "« Si aucun cadre juridique n'existe donc à cette heure, le Gouvernement est évidemment \
         soucieux de s'en doter chaque fois qu'il envisage de recourir à de tels dispositifs. » \
         — Réponse du Ministère de l'intérieur et des outre-mer à la question de M. Thomas Dossus, \
         JO Sénat du 02/02/2023, p. 787"
    );
    // Non-breaking spaces of the document are kept.
    let range = select(&s, 1, 1).unwrap();
    let q = quote(&r, PartKind::Answer, &text[range]);
    assert!(q.text.contains("n°\u{a0}78-17 du 6\u{a0}janvier\u{a0}1978"));
}

#[test]
fn select_clamps_and_refuses_what_is_not_there() {
    let s = [0..3, 4..9, 10..12];
    assert_eq!(select(&s, 0, 1), Some(0..3));
    assert_eq!(select(&s, 1, 2), Some(4..12));
    assert_eq!(select(&s, 1, 99), Some(4..12));
    assert_eq!(select(&s, 2, usize::MAX), Some(10..12));
    assert_eq!(select(&s, 3, 1), None);
    assert_eq!(select(&s, 0, 0), None);
    assert_eq!(select(&[], 0, 1), None);
}

#[test]
fn whitespace_is_tidied_but_paragraphs_and_nbsp_are_kept() {
    let r = seed();
    let q = quote(
        &r,
        PartKind::Question,
        "  Première ligne\ncoupée,\tet  espacée :\u{a0} «\u{a0}oui\u{a0}».\r\n \n\nDeuxième\u{202f}!\u{1b}[31m \n",
    );
    assert_eq!(
        q.text,
        "Première ligne coupée, et espacée :\u{a0}«\u{a0}oui\u{a0}».\n\nDeuxième\u{202f}!"
    );
    assert_eq!(quote(&r, PartKind::Question, " \n\n ").text, "");
}

#[test]
fn text_format_is_one_line() {
    let q = Quote {
        text: "Premier paragraphe.\n\nSecond.".into(),
        citation: "Question de M. Thomas Dossus".into(),
        removed: 0,
        link: None,
        markdown_citation: None,
    };
    assert_eq!(
        q.render(Format::Text),
        "« Premier paragraphe. Second. » — Question de M. Thomas Dossus"
    );
    let empty = Quote {
        text: String::new(),
        citation: "Question".into(),
        removed: 0,
        link: None,
        markdown_citation: None,
    };
    assert_eq!(empty.render(Format::Text), "« » — Question");
}

#[test]
fn markdown_format_is_a_block_quote_ending_with_the_citation() {
    let q = Quote {
        text: "Premier paragraphe.\n\nSecond.".into(),
        citation: "Question de M. Thomas Dossus".into(),
        removed: 0,
        link: None,
        markdown_citation: None,
    };
    assert_eq!(
        q.render(Format::Markdown),
        "> Premier paragraphe.\n>\n> Second.\n>\n> — Question de M. Thomas Dossus"
    );
    let empty = Quote {
        text: String::new(),
        citation: "Question".into(),
        removed: 0,
        link: None,
        markdown_citation: None,
    };
    assert_eq!(empty.render(Format::Markdown), "> — Question");
}

#[test]
fn markdown_escapes_what_would_become_markup() {
    let q = Quote {
        text:
            "1. Un *point* [lien](x) <b>\n\n- tiret\n\n# titre\n\n2023) année\n\n12,5 % seulement"
                .into(),
        citation: "Question_x".into(),
        removed: 0,
        link: None,
        markdown_citation: None,
    };
    assert_eq!(
        q.render(Format::Markdown),
        "> 1\\. Un \\*point\\* \\[lien\\](x) \\<b>\n>\n> \\- tiret\n>\n> \\# titre\n>\n\
         > 2023\\) année\n>\n> 12,5 % seulement\n>\n> — Question\\_x"
    );
}

#[test]
fn seed_quote_in_markdown() {
    let r = seed();
    let text = PartKind::Question.text(&r).unwrap();
    let s = sentences(text);
    let range = select(&s, 7, 2).unwrap();
    let q = quote(&r, PartKind::Question, &text[range]);
    assert_eq!(
        q.render(Format::Markdown),
        "> Par cet aveu stupéfiant, le ministre chargé de la sécurité avoue plusieurs choses.\n>\n\
         > Il porte tout d'abord une accusation grave contre les communes, en affirmant qu'elles \
         ont recours à des technologies illégales.\n>\n\
         > — Question de M. Thomas Dossus (Rhône - GEST), JO Sénat du 10/11/2022, p. 5538"
    );
}

/// Documents can hold escape sequences, controls and bidi controls, in
/// their texts and in their headers: none reaches a quote, in either
/// format, and the quote says how many were taken out.
#[test]
fn a_quote_carries_no_control_escape_or_bidi_character() {
    let hostile = "\u{1b}]0;pwned\u{7}";
    let mut r = seed();
    r.author.name = Some(format!("Thomas{hostile} Dossus\u{202e}"));
    r.author.group = Some("GEST\u{1b}[2J".to_owned());
    if let Some(answer) = r.answer.as_mut() {
        answer.ministry = Some("Ministère\u{200f} de l'intérieur\u{2069}".to_owned());
    }
    let passage = format!("Le {hostile}texte\u{1b}[31m rouge\u{1b}[0m et\u{9b}2J\u{202e} inversé.");
    for part in [PartKind::Question, PartKind::Answer] {
        let q = quote(&r, part, &passage);
        for format in [Format::Text, Format::Markdown] {
            let out = q.render(format);
            assert!(
                !out.chars()
                    .any(|c| (c.is_control() && c != '\n')
                        || crate::text::sanitize::is_bidi_control(c)),
                "{out:?}"
            );
            assert!(!out.contains("pwned") && !out.contains("[31m"), "{out:?}");
        }
        assert!(
            q.text.starts_with("Le texte rouge et inversé."),
            "{:?}",
            q.text
        );
    }
    let q = quote(&r, PartKind::Question, &passage);
    // Passage: OSC, two CSI, C1 CSI, RLO; citation: OSC, RLO, CSI.
    assert_eq!(q.removed, 5 + 3);
    assert!(
        q.citation.contains("de M. Thomas Dossus (Rhône - GEST)"),
        "{}",
        q.citation
    );
    let a = quote(&r, PartKind::Answer, "x");
    assert!(
        a.citation
            .starts_with("Réponse du Ministère de l'intérieur à"),
        "{}",
        a.citation
    );
    assert_eq!(a.removed, 4);
}

/// A header's affiliation may hold stray parentheses: the citation's own
/// stay balanced.
#[test]
fn citations_stay_well_formed_whatever_the_header_holds() {
    let mut r = seed();
    for (group, expected) in [
        ("GEST(", "(Rhône - GEST)"),
        ("GEST)", "(Rhône - GEST)"),
        ("(GEST", "(Rhône - GEST)"),
        ("GEST (SER)", "(Rhône - GEST (SER))"),
        ("  \t ", "(Rhône)"),
        ("]", "(Rhône)"),
    ] {
        r.author.group = Some(group.to_owned());
        let c = citation(&r, PartKind::Question);
        assert!(
            c.contains(&format!("Dossus {expected}, JO")),
            "{group:?}: {c}"
        );
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let page = "Question de M. DOSSUS Thomas (Rhône - GEST() publiée le 10/11/2022\nTexte.\n";
    let loaded = crate::load::load_bytes("odd.txt", page.as_bytes(), today);
    let c = citation(&loaded.records[0], PartKind::Question);
    assert_eq!(
        c,
        "Question de M. Thomas Dossus (Rhône - GEST), JO Sénat du 10/11/2022"
    );
}

/// The seed's answer nests quotations: « Caméras dites « intelligentes »
/// … », then « sauf à ce que … » over several sentences. A selection cut
/// inside them is closed (or opened) where it was cut.
#[test]
fn a_selection_cut_inside_a_quotation_is_balanced() {
    let r = load(SEED);
    let mut cut_open = 0;
    let mut cut_closed = 0;
    for part in [PartKind::Question, PartKind::Answer] {
        let text = part.text(&r).unwrap();
        let sentences = crate::text::sentence::sentences(text);
        for first in 0..sentences.len() {
            for count in 1..4 {
                let Some(range) = select(&sentences, first, count) else {
                    continue;
                };
                let q = quote(&r, part, &text[range.clone()]);
                let opens = q.text.matches('«').count();
                let closes = q.text.matches('»').count();
                assert_eq!(opens, closes, "{:?}", q.text);
                let raw = &text[range];
                if raw.matches('«').count() > raw.matches('»').count() {
                    assert!(q.text.ends_with(" […] »"), "{:?}", q.text);
                    cut_open += 1;
                }
                if raw.matches('»').count() > raw.matches('«').count() {
                    assert!(q.text.starts_with("« […] "), "{:?}", q.text);
                    cut_closed += 1;
                }
                // Whatever the format, the pasted text is balanced too.
                let rendered = q.render(Format::Text);
                assert_eq!(rendered.matches('«').count(), rendered.matches('»').count());
            }
        }
    }
    assert!(cut_open > 0 && cut_closed > 0, "{cut_open} {cut_closed}");
    // A balanced passage is left alone.
    let q = quote(
        &r,
        PartKind::Answer,
        "de caméras « augmentées » à des fins.",
    );
    assert_eq!(q.text, "de caméras « augmentées » à des fins.");
}
