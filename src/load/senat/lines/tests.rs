//! Tests of the line grammar: each kind of line, each broken header.
use super::*;

fn header_of(s: &str) -> Header<'_> {
    match line(s) {
        Ok(Line::Header(h)) => h,
        other => panic!("not a header: {other:?}"),
    }
}

#[test]
fn seed_header() {
    let h = header_of("Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022");
    assert_eq!(h.civility, "M.");
    assert_eq!(h.names, "DOSSUS Thomas");
    assert_eq!(h.affiliation, "Rhône - GEST");
    assert_eq!((h.date.day, h.date.month, h.date.year), (10, 11, 2022));
}

#[test]
fn header_with_parentheses_inside_constituency() {
    let h = header_of(
        "Question de Mme DI FOLCO Catherine (Rhône (69) - Les Républicains) publiée le 02/03/2023",
    );
    assert_eq!(h.civility, "Mme");
    assert_eq!(h.affiliation, "Rhône (69) - Les Républicains");
}

fn error_of(s: &str) -> (usize, &'static str) {
    match line(s) {
        Err(e) => (s.len() - e.at.len(), e.what),
        Ok(other) => panic!("parsed: {other:?}"),
    }
}

#[test]
fn header_cut_short_points_at_where_it_stops() {
    let s = "Question de M. DOSSUS Thomas (Rhône - GEST";
    use message::Expected as E;
    let (at, what) = error_of(s);
    assert_eq!(at, s.len());
    assert_eq!(expected(what), Some(E::ClosingParenthesis));

    let s = "Question de M. DOSSUS Thomas";
    let (at, what) = error_of(s);
    assert_eq!(at, s.len());
    assert_eq!(expected(what), Some(E::NamesThenAffiliation));

    let s = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le";
    let (at, what) = error_of(s);
    assert_eq!(at, s.len());
    assert_eq!(expected(what), Some(E::Date));

    let s = "Question de M. DOSSUS Thomas (Rhône - GEST) le 10/11/2022";
    let (at, what) = error_of(s);
    assert_eq!(at, s.len() - "le 10/11/2022".len());
    assert_eq!(expected(what), Some(E::PublishedOn));

    let s = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11";
    let (at, what) = error_of(s);
    assert_eq!(at, s.len() - "10/11".len());
    assert_eq!(expected(what), Some(E::Date));
}

#[test]
fn prose_that_starts_like_a_header_is_text() {
    assert_eq!(
        line("Question de principe : le ministre"),
        Ok(Line::Text("Question de principe : le ministre"))
    );
    assert_eq!(
        line("Réponse du ministre attendue"),
        Ok(Line::Text("Réponse du ministre attendue"))
    );
}

#[test]
fn numbers_pages_and_markers() {
    assert_eq!(
        line("Question écrite n° 05589 - 16e législature"),
        Ok(Line::Number {
            number: "05589",
            legislature: Some("16"),
            kind: crate::model::Kind::Written,
        })
    );
    assert_eq!(
        line("Question orale n°\u{a0}0827S - 16ème législature"),
        Ok(Line::Number {
            number: "0827S",
            legislature: Some("16"),
            kind: crate::model::Kind::Oral,
        })
    );
    assert_eq!(line("- page 5538"), Ok(Line::Page("5538")));
    assert_eq!(line("  - page 787  "), Ok(Line::Page("787")));
    assert_eq!(
        line("Transmise au Ministère de la culture"),
        Ok(Line::Transmitted("Ministère de la culture"))
    );
    assert_eq!(
        line("En attente de réponse du Ministère de l'économie."),
        Ok(Line::Awaiting("Ministère de l'économie"))
    );
    assert_eq!(line("La question est caduque"), Ok(Line::Lapsed));
    assert_eq!(
        line("La question a été retirée le 01/02/2023"),
        Ok(Line::Withdrawn(None))
    );
    assert_eq!(line("Page mise à jour le"), Ok(Line::Footer { cut: false }));
    assert_eq!(
        line("Page mise à jour le 03/02/2023"),
        Ok(Line::Footer { cut: false })
    );
    assert_eq!(line(" \u{a0}\t"), Ok(Line::Blank));
}

#[test]
fn no_break_spaces_in_structural_lines() {
    let h = header_of(
        "Question de M.\u{a0}DOSSUS Thomas (Rhône - GEST) publiée le\u{a0}10/11/2022\u{a0}",
    );
    assert_eq!(h.names, "DOSSUS Thomas");
    assert_eq!(h.date.day, 10);
    assert_eq!(line("-\u{a0}page\u{202f}5538"), Ok(Line::Page("5538")));
    assert_eq!(
        line("Question écrite n°\u{a0}05589\u{a0}-\u{a0}16e\u{a0}législature"),
        Ok(Line::Number {
            number: "05589",
            legislature: Some("16"),
            kind: crate::model::Kind::Written,
        })
    );
    let Ok(Line::Answer { ministry, date }) =
        line("Réponse du Ministère de l'intérieur publiée le\u{a0}02/02/2023")
    else {
        panic!()
    };
    assert_eq!(ministry, Some("Ministère de l'intérieur"));
    assert_eq!(date.map(|d| d.day), Some(2));
}

#[test]
fn answer_headers() {
    let Ok(Line::Answer { ministry, date }) =
        line("Réponse du Ministère de l'intérieur et des outre-mer publiée le 02/02/2023")
    else {
        panic!()
    };
    assert_eq!(ministry, Some("Ministère de l'intérieur et des outre-mer"));
    assert_eq!(date.map(|d| (d.day, d.month, d.year)), Some((2, 2, 2023)));

    let Ok(Line::Answer { ministry, .. }) =
        line("Réponse du Premier ministre - Relations avec le Parlement publiée le 02/02/2023")
    else {
        panic!()
    };
    assert_eq!(
        ministry,
        Some("Premier ministre - Relations avec le Parlement")
    );

    let Ok(Line::Answer { ministry, .. }) =
        line("Réponse du ministère : Relations avec le Parlement publiée le 12/05/2005")
    else {
        panic!()
    };
    assert_eq!(ministry, Some("Relations avec le Parlement"));

    let Ok(Line::Session(Ok(date))) = line("Réponse apportée en séance publique le 14/02/2023")
    else {
        panic!()
    };
    assert_eq!((date.day, date.month, date.year), (14, 2, 2023));
}

#[test]
fn lines_of_old_pages() {
    assert_eq!(
        line("Transmise au ministère : Équipement"),
        Ok(Line::Transmitted("Équipement"))
    );
    assert_eq!(
        line("En attente de réponse du ministère : Santé."),
        Ok(Line::Awaiting("Santé"))
    );
    // A date well formed and impossible is the parser's to check; a date
    // that cannot be read is where reading stopped.
    let Ok(Line::Session(Ok(date))) = line("Réponse apportée en séance publique le 45/13/1986")
    else {
        panic!()
    };
    assert_eq!((date.day, date.month), (45, 13));
    assert_eq!(
        line("Réponse apportée en séance publique le 18/11"),
        Ok(Line::Session(Err("18/11")))
    );
    assert_eq!(
        line("Réponse apportée en séance publique"),
        Ok(Line::Session(Err("")))
    );
    assert_eq!(
        line("La question a été retirée pour cause de décès."),
        Ok(Line::Withdrawn(Some("décès")))
    );
    assert_eq!(
        line("La question a été retirée pour cause de fin de mandat."),
        Ok(Line::Withdrawn(Some("fin de mandat")))
    );
    for notice in [
        "Le texte de cette question n'est pas disponible en format numérique.",
        "Le texte de cette réponse n\u{2019}est pas disponible en format numérique",
    ] {
        assert_eq!(line(notice), Ok(Line::NotDigitised(notice)));
    }
}

#[test]
fn errata_in_their_spellings() {
    let erratum = |text| match line(text) {
        Ok(Line::Erratum(e)) => (e.date.map(|d| (d.day, d.month, d.year)), e.page, e.unread),
        other => panic!("{text}: {other:?}"),
    };
    let read = (Some((4, 10, 1984)), Some("2231"), None);
    assert_eq!(erratum("Erratum : JO du 04/10/1984 p.2231"), read);
    assert_eq!(erratum("Erratum : JO du 04/10/1984 p. 2231"), read);
    assert_eq!(erratum("Erratum: JO du 04/10/1984, p. 2231."), read);
    assert_eq!(erratum("Erratum : JO du\u{a0}04/10/1984 page 2231"), read);
    assert_eq!(
        erratum("Erratum : JO du 04/10/1984"),
        (Some((4, 10, 1984)), None, None)
    );
    assert_eq!(
        erratum("Erratum : JO du 30/02/1986 p.7"),
        (Some((30, 2, 1986)), Some("7"), None)
    );
    assert_eq!(
        erratum("Erratum : voir plus bas"),
        (None, None, Some("voir plus bas"))
    );
    assert_eq!(
        erratum("Erratum : JO du 04/10 p. 3"),
        (None, None, Some("04/10 p. 3"))
    );
    // A word that starts like it is text.
    assert_eq!(line("Errata corrige"), Ok(Line::Text("Errata corrige")));
}

#[test]
fn furniture_that_is_not_any() {
    assert!(matches!(line("- page"), Ok(Line::Unplaced(_))));
    assert!(matches!(line("- page 12a"), Ok(Line::Unplaced(_))));
    assert!(matches!(line("Page mise en ligne"), Ok(Line::Unplaced(_))));
    assert_eq!(
        line("- page d'accueil du site"),
        Ok(Line::Text("- page d'accueil du site"))
    );
    assert_eq!(line("- pages web"), Ok(Line::Text("- pages web")));
    assert_eq!(line("Page mise à jour"), Ok(Line::Footer { cut: true }));
    assert_eq!(
        line("Page mise à jour le 13/0"),
        Ok(Line::Footer { cut: true })
    );
    for cut in ["Page mise à", "Page mi", "P", "Page mise à jour l"] {
        assert!(is_cut_footer(cut), "{cut}");
    }
    for whole in ["Page mise à jour le", "Pages", "", "Pour"] {
        assert!(!is_cut_footer(whole), "{whole}");
    }
}

proptest::proptest! {
    /// The short searches find what the standard library's find.
    #[test]
    fn short_searches_agree_with_the_standard_library(
        haystack in "[ (é)a-c]{0,24}",
        needle in "[ (é)a-c]{1,3}",
    ) {
        proptest::prop_assert_eq!(find_short(&haystack, &needle), haystack.find(&needle));
        proptest::prop_assert_eq!(rfind_short(&haystack, &needle), haystack.rfind(&needle));
    }
}
