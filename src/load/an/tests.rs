//! The Assemblée's JSON mapped to records: on the real documents of
//! tests/an/real/ and on the fixtures tests/an/derive.py makes from them.

use chrono::NaiveDate;

use super::mapping::status;
use super::raw::unescape_prefix;
use super::*;
use crate::load::{Loaded, Severity, Texts};
use crate::model::{Chamber, Closure, Kind, Status};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn fixture(path: &str) -> String {
    let full = format!("{}/tests/an/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn load(path: &str) -> Loaded {
    parse(path, &fixture(path), today(), Texts::Keep)
}

fn one(path: &str) -> Record {
    let loaded = load(path);
    assert_eq!(loaded.records.len(), 1, "{path}: {:?}", loaded.diagnostics);
    loaded.records.into_iter().next().unwrap()
}

#[test]
fn an_answer_dated_before_its_question_has_no_delay_and_a_warning() {
    let text = fixture("real/QANR5L17QE5268.json").replace(
        "\"dateJO\": \"2025-06-03\", \"pageJO\": \"4348\"",
        "\"dateJO\": \"2024-06-03\", \"pageJO\": \"4348\"",
    );
    let loaded = parse("x.json", &text, today(), Texts::Keep);
    let r = &loaded.records[0];
    assert_eq!(r.answer.as_ref().and_then(|a| a.date), day(2024, 6, 3));
    assert_eq!((r.delay_days, r.late), (None, None));
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    assert_eq!(loaded.diagnostics[0].severity, Severity::Warning);
}

#[test]
fn the_real_written_question_maps_field_by_field() {
    let loaded = load("real/QANR5L17QE5268.json");
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let r = &loaded.records[0];
    assert_eq!((r.chamber, r.kind), (Chamber::An, Kind::Written));
    assert!(r.id.starts_with("QANR5L17QE5268-"), "{}", r.id);
    assert_eq!(
        r.url.as_deref(),
        Some("https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE5268")
    );
    assert_eq!(r.number.as_deref(), Some("5268"));
    assert_eq!(r.legislature, Some(17));
    assert_eq!(
        r.title.as_deref(),
        Some("Révision de la terminologie des diamants synthétiques")
    );
    assert_eq!(r.topic.as_deref(), Some("commerce et artisanat"));
    let a = &r.author;
    assert_eq!(a.civility.as_deref(), Some("Mme"));
    assert_eq!(a.first_name.as_deref(), Some("Olivia"));
    assert_eq!(a.last_name.as_deref(), Some("Grégoire"));
    assert_eq!(a.name.as_deref(), Some("Olivia Grégoire"));
    assert_eq!(a.constituency, None);
    assert_eq!(a.group.as_deref(), Some("EPR"));
    assert_eq!(a.group_name.as_deref(), Some("Ensemble pour la République"));
    assert_eq!(a.reference.as_deref(), Some("PA721764"));
    assert_eq!(
        (r.question.date, r.question.page),
        (day(2025, 3, 25), Some(1958))
    );
    assert!(
        r.question
            .text
            .starts_with("Mme Olivia Grégoire interroge M. le ministre")
    );
    let answer = r.answer.as_ref().unwrap();
    let ministry =
        "Ministère de l’économie, des finances et de la souveraineté industrielle et numérique";
    assert_eq!(answer.ministry.as_deref(), Some(ministry));
    assert_eq!((answer.date, answer.page), (day(2025, 6, 3), Some(4348)));
    assert!(
        answer
            .text
            .ends_with("aux côtés des diamants naturels issus de mines.")
    );
    assert!(answer.earlier.is_empty());
    assert_eq!(r.addressed_to.as_deref(), Some(ministry));
    assert_eq!(r.ministry.as_deref(), Some(ministry));
    assert_eq!(r.status, Status::Answered);
    let closure = r.closure.as_ref().unwrap();
    assert_eq!(closure.code.as_deref(), Some("REP_PUB"));
    assert_eq!(closure.label.as_deref(), Some("Réponse publiée"));
    // 25 March to 3 June: past the two months.
    assert_eq!((r.delay_days, r.late), (Some(70), Some(true)));
}

#[test]
fn questions_to_the_government_keep_the_debate_as_the_answer() {
    for (file, name, group) in [
        ("real/QANR5L16QG1.json", "Marine Le Pen", "RN"),
        ("real/QANR5L16QG10.json", "Nathalie Bassire", "LIOT"),
        ("real/QANR5L16QG100.json", "Sophie Panonacle", "RE"),
    ] {
        let r = one(file);
        assert_eq!(r.kind, Kind::Government, "{file}");
        assert_eq!(r.author.name.as_deref(), Some(name), "{file}");
        assert_eq!(r.author.group.as_deref(), Some(group), "{file}");
        assert!(
            r.question.in_session && r.question.text.is_empty(),
            "{file}"
        );
        let answer = r.answer.as_ref().unwrap();
        assert_eq!(r.question.date, answer.date, "{file}: asked at the sitting");
        assert!(answer.page.is_some(), "{file}: the closure's page");
        assert!(answer.text.contains("La parole est à"), "{file}");
        // Markup gone, paragraphs kept.
        assert!(
            !answer.text.contains('<') && answer.text.contains("\n\n"),
            "{file}"
        );
        assert_eq!(
            (r.delay_days, r.late),
            (Some(0), Some(false)),
            "{file}: the same day"
        );
    }
}

#[test]
fn the_last_answer_and_the_last_attribution_win() {
    let r = one("derived/answer_list.json");
    let answer = r.answer.as_ref().unwrap();
    assert_eq!((answer.date, answer.page), (day(2025, 6, 3), Some(4348)));
    assert_eq!(
        answer.ministry.as_deref(),
        Some("Ministère chargé de l’industrie")
    );
    assert_eq!(
        r.ministry.as_deref(),
        Some("Ministère chargé de l’industrie")
    );
    assert_eq!(answer.earlier.len(), 1);
    let earlier = &answer.earlier[0];
    assert_eq!((earlier.date, earlier.page), (day(2025, 5, 13), Some(3512)));
    assert_eq!(
        earlier.text,
        "Une première réponse, provisoire, a été publiée."
    );
    // The analyse repeated: the last is the title.
    assert_eq!(
        r.title.as_deref(),
        Some("Révision de la terminologie des diamants synthétiques")
    );
    // The minister asked stays the addressee.
    assert!(
        r.addressed_to
            .unwrap()
            .starts_with("Ministère de l’économie")
    );
}

#[test]
fn statuses_come_from_the_closure() {
    let awaiting = one("derived/awaiting.json");
    assert_eq!(awaiting.status, Status::Awaiting);
    assert!(awaiting.answer.is_none() && awaiting.closure.is_none());
    assert_eq!(awaiting.late, Some(true), "asked in March 2025, unanswered");
    assert!(
        awaiting
            .ministry
            .unwrap()
            .starts_with("Ministère de l’économie")
    );

    let withdrawn = one("derived/withdrawn.json");
    assert_eq!(withdrawn.status, Status::Withdrawn);
    assert_eq!(
        withdrawn.closure.as_ref().unwrap().label.as_deref(),
        Some("Question retirée")
    );
    assert_eq!(one("derived/lapsed.json").status, Status::Lapsed);

    let loaded = load("derived/unknown_code.json");
    assert_eq!(loaded.records[0].status, Status::Answered);
    let [warning] = &loaded.diagnostics[..] else {
        panic!("{:?}", loaded.diagnostics)
    };
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.message, Message::UnknownClosure("REP_XYZ".into()));
}

#[test]
fn labels_decide_withdrawn_and_lapsed() {
    let closure = |code: &str, label: &str| Closure {
        code: Some(code.into()),
        label: Some(label.into()),
    };
    let mut warnings = Vec::new();
    for (label, expected) in [
        ("Retrait", Status::Withdrawn),
        ("Question retirée", Status::Withdrawn),
        ("Caducité", Status::Lapsed),
        ("Question caduque", Status::Lapsed),
        ("Fin de mandat", Status::Lapsed),
        ("Changement de gouvernement", Status::Lapsed),
    ] {
        assert_eq!(
            status(Some(&closure("X", label)), false, &mut warnings),
            expected,
            "{label}"
        );
    }
    assert!(warnings.is_empty());
    assert_eq!(
        status(
            Some(&closure("REP_PUB", "Réponse publiée")),
            true,
            &mut warnings
        ),
        Status::Answered
    );
    assert_eq!(status(None, false, &mut warnings), Status::Awaiting);
}

#[test]
fn html_becomes_paragraphs_of_plain_text() {
    let r = one("derived/html_variants.json");
    assert_eq!(
        r.question.text,
        "Mme Olivia Grégoire interroge M. le ministre sur les pierres\u{a0}gemmes.\n\n\
         Deuxième\u{a0}paragraphe : l’usage de «\u{a0}synthétique\u{a0}» & de <laboratoire>.\n\n\
         Une ligne après un saut.\n\n\
         Troisième, en italique, en gras et un &unknown; laissé tel quel."
    );
}

#[test]
fn numbers_given_as_numbers_read_the_same() {
    let r = one("derived/numbers.json");
    assert_eq!(r.number.as_deref(), Some("5268"));
    assert_eq!(r.legislature, Some(17));
    assert_eq!(r.question.page, Some(1958));
}

#[test]
fn arrays_and_json_lines_hold_several_documents() {
    for file in ["derived/array.json", "derived/lines.jsonl"] {
        let loaded = load(file);
        assert!(
            loaded.diagnostics.is_empty(),
            "{file}: {:?}",
            loaded.diagnostics
        );
        let numbers: Vec<_> = loaded.records.iter().map(|r| r.number.clone()).collect();
        assert_eq!(
            numbers,
            [Some("5268".into()), Some("5269".into())],
            "{file}"
        );
        assert_ne!(loaded.records[0].id, loaded.records[1].id);
    }
    let lines = load("derived/lines.jsonl");
    assert_eq!((lines.records[0].line, lines.records[1].line), (1, 2));
}

#[test]
fn broken_documents_are_located_and_the_others_load() {
    let cut = load("broken/truncated.json");
    let [error] = &cut.diagnostics[..] else {
        panic!("{:?}", cut.diagnostics)
    };
    assert_eq!((error.line, error.severity), (1, Severity::Error));
    assert_eq!(error.col, fixture("broken/truncated.json").len());
    assert_eq!(
        error.message,
        Message::Json("EOF while parsing a string".into())
    );

    let lines = load("broken/one_bad_line.jsonl");
    assert_eq!(lines.records.len(), 2, "the good lines load");
    let [error] = &lines.diagnostics[..] else {
        panic!("{:?}", lines.diagnostics)
    };
    assert_eq!((error.line, error.col), (2, 300));

    let other = load("broken/not_a_question.json");
    assert!(other.records.is_empty());
    assert_eq!(other.diagnostics[0].severity, Severity::Warning);
    assert_eq!(other.diagnostics[0].message, Message::NotAQuestion);
}

#[test]
fn odd_values_warn_or_load_empty_never_fail() {
    let text = r#"{"question": {"uid": "QANR5L17QE1", "type": "QE",
        "identifiant": {"numero": "1", "legislature": "dix-sept"},
        "textesQuestion": {"texteQuestion": {"infoJO": {"dateJO": "2025-02-30", "pageJO": "x"},
        "texte": null}}, "textesReponse": null, "cloture": null, "minAttribs": null,
        "@xmlns": "ignored", "unknown": {"nested": [1, 2]}}}"#;
    let loaded = parse("x.json", text, today(), Texts::Keep);
    let r = &loaded.records[0];
    assert_eq!(
        (r.legislature, r.question.date, r.question.page),
        (None, None, None)
    );
    assert_eq!(r.url, None, "no page address without a legislature number");
    assert_eq!(
        loaded.diagnostics[0].message,
        Message::JsonDate("2025-02-30".into())
    );
    // Wrong types: an error, located, not a panic.
    let wrong = parse(
        "y.json",
        r#"{"question": {"uid": ["a"]}}"#,
        today(),
        Texts::Keep,
    );
    assert!(wrong.records.is_empty());
    assert_eq!(wrong.diagnostics[0].severity, Severity::Error);
}

#[test]
fn check_keeps_no_text_and_agrees_otherwise() {
    for file in ["real/QANR5L17QE5268.json", "real/QANR5L16QG10.json"] {
        let kept = load(file);
        let dropped = parse(file, &fixture(file), today(), Texts::Drop);
        let (k, d) = (&kept.records[0], &dropped.records[0]);
        assert!(d.question.text.is_empty());
        assert!(d.answer.as_ref().unwrap().text.is_empty());
        assert_eq!(
            (&k.id, k.status, k.delay_days, &k.author.name),
            (&d.id, d.status, d.delay_days, &d.author.name),
            "{file}"
        );
    }
}

#[test]
fn detection_is_by_content() {
    assert!(is_json(" \u{feff}\n{\"question\": {}}"));
    assert!(is_json("[{}]"));
    assert!(!is_json("Question de M. DOSSUS Thomas"));
}

proptest::proptest! {
    /// The openings `check` reads agree with serde's full decoding.
    #[test]
    fn prefixes_unescape_as_serde_does(s in "(\\PC|[\"\\\\\n\t\u{1}]|\u{1F600}|\u{e9}){0,80}", cut in 0usize..400) {
        let literal = serde_json::to_string(&s).unwrap();
        // As the Assemblée writes them: every character past ASCII escaped.
        let mut ascii = String::new();
        for c in literal.chars() {
            if c.is_ascii() {
                ascii.push(c);
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    ascii.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
        for literal in [&literal, &ascii] {
            proptest::prop_assert_eq!(&unescape_prefix(literal, usize::MAX), &s);
            let prefix = unescape_prefix(literal, cut);
            proptest::prop_assert!(s.starts_with(&prefix));
            proptest::prop_assert!(prefix.len() >= cut.min(s.len()));
        }
    }
}

#[test]
fn a_debate_names_its_member_without_being_decoded_whole() {
    let text = fixture("real/QANR5L16QG10.json");
    let dropped = parse("qg.json", &text, today(), Texts::Drop);
    assert_eq!(
        dropped.records[0].author.name.as_deref(),
        Some("Nathalie Bassire")
    );
}
