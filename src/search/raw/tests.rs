//! The raw-text search, behaviour by behaviour, then properties: a
//! regex match is exactly a folded match, and the probe finds what the
//! kept texts do.

use super::*;
use proptest::prelude::*;

fn raw(query: &str) -> RawTerms {
    RawTerms::new(&super::super::query::parse(query).unwrap()).unwrap()
}

#[test]
fn accents_case_ligatures_and_spaces() {
    assert!(raw("cameras").may_match("des CAMÉRAS augmentées"));
    assert!(raw("oeuvre").may_match("la mise en œuvre"));
    assert!(raw("euvre").may_match("la mise en Œuvre"));
    assert!(raw("mise en oe").may_match("la mise en œuvre"));
    assert!(raw("\"6 janvier 1978\"").may_match("du 6\u{a0}janvier\n1978"));
    assert!(raw("cafe").may_match("cafe\u{301}"));
    assert!(!raw("cameras").may_match("des cameraz"));
    assert!(!raw("loi cnil").may_match("la loi seulement"));
}

#[test]
fn triggers_are_the_accents_a_word_can_take() {
    let terms = raw("cnil");
    let triggers = terms.terms[0].triggers.as_ref().unwrap();
    for c in ['ç', 'Ç', 'î', 'ï', 'Í', 'ñ', '\u{301}'] {
        assert!(triggers.contains(c), "{c:?}");
    }
    for c in ['é', 'à', 'œ', '«', '\u{a0}'] {
        assert!(!triggers.contains(c), "{c:?}");
    }
    assert_eq!(triggers.occurrences("l'été à Paris « déjà »").count(), 0);
    assert_eq!(
        triggers
            .occurrences("le français, l'aîné")
            .collect::<Vec<_>>(),
        [(7, 'ç'), (17, 'î')]
    );
    assert!(raw("cnil").may_match("la ĈNIL"));
    // "oe" can be written œ; a phrase or an accented word has no triggers.
    assert!(
        raw("oeuvre").terms[0]
            .triggers
            .as_ref()
            .unwrap()
            .contains('œ')
    );
    assert!(raw("\"mise en\"").terms[0].triggers.is_none());
    assert!(raw("caméra").terms[0].triggers.is_none());
}

#[test]
fn excluded_terms_never_reject_a_file_nor_settle_a_record() {
    let terms = raw("cnil -loi -avis");
    assert!(terms.may_match("la CNIL et la loi"));
    assert!(!terms.may_match("la loi"));
    // A file without the excluded words is parsed all the same.
    let sieved = terms.sieve("La CNIL.").unwrap();
    assert_eq!(sieved, [PLAIN, 3, OTHER, usize::MAX, OTHER, usize::MAX]);
    // Every wanted word found: still to check the record's title and
    // author for the excluded ones.
    assert!(terms.all_found(0b001) && !terms.settles(0b001));
    assert!(raw("cnil").settles(0b1));
    let mut record = crate::load::load_bytes(
        "doc.txt",
        "Question de M. DUPONT Jean (Rhône - UC) publiée le 02/03/2023\n\nLa CNIL.\n".as_bytes(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
    )
    .records
    .remove(0);
    assert!(terms.record_matches(&record));
    assert!(terms.probed_record_matches(&record, 0b001));
    assert!(!terms.probed_record_matches(&record, 0b011));
    record.title = Some("Un avis".to_owned());
    assert!(!terms.record_matches(&record));
    assert!(!terms.probed_record_matches(&record, 0b001));
}

/// The sieve's state as the parser hands it to the probe.
fn cells(sieved: &mut [usize]) -> &[Cell<usize>] {
    Cell::from_mut(sieved).as_slice_of_cells()
}

#[test]
fn the_probe_finds_plain_spellings_with_a_cursor() {
    let terms = raw("cnil loi");
    assert_eq!(
        terms.sieve("la loi, rien d'autre"),
        None,
        "a file without cnil"
    );
    let file = "Un avis.\n\nLa CNIL et la loi.";
    let mut sieved = terms.sieve(file).unwrap();
    assert_eq!(sieved, [PLAIN, 13, PLAIN, 24]);
    let state = cells(&mut sieved);
    let (first, second) = ("Un avis.", "La CNIL et la loi.");
    assert_eq!(terms.paragraph(state, file, first, Some(0..8), 0), 0);
    assert_eq!(terms.paragraph(state, file, second, Some(10..28), 0), 0b11);
    assert_eq!(terms.paragraph(state, file, second, Some(10..28), 1), 0b10);
    // A copied line is searched whatever the cursor says.
    assert_eq!(terms.paragraph(state, file, "cnil", None, 0), 0b01);
}

#[test]
fn the_cursor_moves_past_a_plain_spelling_outside_the_paragraphs() {
    let terms = raw("cnil");
    // The title's CNIL is no paragraph's; the next one is in the third.
    let file = "La CNIL\n\nUn avis.\n\nLa cnil, enfin.";
    let mut sieved = terms.sieve(file).unwrap();
    assert_eq!(sieved, [PLAIN, 3]);
    let state = cells(&mut sieved);
    assert_eq!(terms.paragraph(state, file, "Un avis.", Some(9..17), 0), 0);
    assert_eq!(state[1].get(), 22, "the cursor is at the next one");
    let third = "La cnil, enfin.";
    assert_eq!(terms.paragraph(state, file, third, Some(19..34), 0), 1);
    // A spelling cut by the paragraph's end is not in it.
    assert_eq!(terms.paragraph(state, file, "La cn", Some(19..24), 0), 0);
}

#[test]
fn other_spellings_are_left_to_the_record_when_the_file_has_the_plain_one() {
    let terms = raw("cnil");
    let file = "La CNIL\n\nLa Çnil.";
    let mut sieved = terms.sieve(file).unwrap();
    let state = cells(&mut sieved);
    let paragraph = "La Çnil.";
    assert_eq!(terms.paragraph(state, file, paragraph, Some(9..18), 0), 0);
    assert_eq!(state[1].get(), usize::MAX, "no plain spelling is left");
    let mut paragraphs = [paragraph].into_iter();
    assert_eq!(terms.record(state, &mut paragraphs, 0), 1);
    let mut paragraphs = ["Un avis."].into_iter();
    assert_eq!(terms.record(state, &mut paragraphs, 0), 0);
    // Found already: the paragraphs are not looked at.
    assert_eq!(terms.record(state, &mut std::iter::empty(), 1), 0);
}

#[test]
fn a_file_with_other_spellings_only_is_searched_in_full_per_paragraph() {
    let terms = raw("cnil");
    let file = "Un avis.\n\nLa Çnil.";
    let mut sieved = terms.sieve(file).unwrap();
    assert_eq!(sieved[0], OTHER);
    assert!(sieved[1] <= 13);
    let state = cells(&mut sieved);
    assert_eq!(terms.paragraph(state, file, "Un avis.", Some(0..8), 0), 0);
    assert_eq!(terms.paragraph(state, file, "La Çnil.", Some(10..19), 0), 1);
    assert_eq!(
        terms.record(state, &mut ["La Çnil."].into_iter(), 0),
        0,
        "nothing was missed"
    );
    assert_eq!(terms.sieve("Un avis."), None);
}

/// Words a paragraph of a generated page is made of: the searched
/// words in several spellings, and filler.
fn words() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("cnil"),
        Just("CNIL"),
        Just("Çnil"),
        Just("cni\u{301}l"),
        Just("loi"),
        Just("LOÏ"),
        Just("avis"),
        Just("été"),
        Just("et"),
    ];
    proptest::collection::vec(piece, 1..5).prop_map(|v| v.join(" "))
}

/// A senat.fr page, or two, with the words in the title, the
/// paragraphs of the question and the answer, and text after the last
/// page line (the end of the answer) or before the next header.
fn pages() -> impl Strategy<Value = String> {
    let page = (
        words(),
        proptest::collection::vec(words(), 1..3),
        proptest::option::of(proptest::collection::vec(words(), 1..3)),
        proptest::option::of(words()),
        proptest::option::of(words()),
    )
        .prop_map(|(title, question, answer, after, second)| {
            let mut page = format!(
                "{title}\nQuestion écrite n° 00001 - 16e législature\n\
                 Question de M. DUPONT Jean (Rhône - UC) publiée le 02/03/2023\n\n{}\n\n\
                 - page 1402\n",
                question.join("\n\n")
            );
            if let Some(answer) = answer {
                page.push_str(&format!(
                    "Réponse du Ministère de l'intérieur publiée le 27/04/2023\n\n{}\n\n\
                     - page 2001\n",
                    answer.join("\n\n")
                ));
            }
            if let Some(second) = second {
                // A second answer replaces the first, marker stripped.
                page.push_str(&format!(
                    "Réponse du Ministère de la justice publiée le 28/04/2023\n\n\
                     Réponse. - {second}\n"
                ));
            }
            if let Some(after) = after {
                page.push_str(&format!("\n{after}\n"));
            }
            page
        });
    proptest::collection::vec(page, 1..3).prop_map(|pages| pages.concat())
}

/// Which records of `file` match, parsed with their texts kept
/// (`kept`), and parsed with `probe` (`probed`, given the probe's
/// findings); `None` when the sieve rejected the file.
fn with_and_without_texts(
    file: &str,
    probe: &dyn Probe,
    kept: impl Fn(&Record) -> bool,
    probed: impl Fn(&Record, u64) -> bool,
) -> (Vec<bool>, Option<Vec<bool>>) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let full = crate::load::load_bytes("doc.txt", file.as_bytes(), today);
    let lean = crate::load::load_bytes_if(
        "doc.txt",
        file.as_bytes(),
        today,
        &|_| true,
        crate::load::Texts::Probe(probe),
    );
    let expected = full.records.iter().map(kept).collect();
    let got = (!lean.records.is_empty()).then(|| {
        lean.records
            .iter()
            .zip(&lean.probed)
            .map(|(r, &found)| probed(r, found))
            .collect()
    });
    (expected, got)
}

proptest! {
    /// The probe (plain spellings by cursor, the others per record)
    /// finds exactly the records that match when their texts are kept.
    #[test]
    fn the_probe_matches_the_records_the_kept_texts_match(
        file in pages(),
        query in prop_oneof![
            Just("cnil"),
            Just("loi"),
            Just("cnil loi"),
            Just("CNIL"),
            Just("reponse"),
            Just("cnil -loi"),
            Just("-CNIL"),
            Just("-avis -été"),
        ],
    ) {
        let terms = raw(query);
        let (expected, got) = with_and_without_texts(
            &file,
            &terms,
            |r| terms.record_matches(r),
            |r, found| terms.probed_record_matches(r, found),
        );
        match got {
            None => prop_assert!(!expected.contains(&true), "the sieve rejected a match in {:?}", file),
            Some(got) => prop_assert_eq!(got, expected, "{:?}", file),
        }
    }

    /// `search -l`'s probe (records settled by their texts alone come
    /// back as stubs) lists the records the kept texts match, with
    /// filters and with words found in the header only.
    #[test]
    fn the_listing_probe_matches_what_the_kept_texts_match(
        file in pages(),
        query in prop_oneof![
            Just("cnil"),
            Just("cnil loi"),
            Just("loi status:answered"),
            Just("dupont cnil"),
            Just("CNIL"),
            Just("reponse"),
            Just("cnil -loi"),
            Just("-cnil"),
            Just("loi -avis status:answered"),
            Just("cnil -dupont"),
            Just("-Dupont loi"),
        ],
    ) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let query = crate::search::Query::parse(query, today).unwrap();
        let one = crate::search::OneByOne::new(&query);
        let (expected, got) = with_and_without_texts(
            &file,
            one.probe().unwrap(),
            |r| one.matches(r),
            |r, found| one.matches_probed(r, Some(found)),
        );
        match got {
            None => prop_assert!(!expected.contains(&true), "the sieve rejected a match in {:?}", file),
            Some(got) => prop_assert_eq!(got, expected, "{:?}", file),
        }
    }
}

/// Text made of the pieces folding treats specially.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("é".to_owned()),
        Just("É".to_owned()),
        Just("œ".to_owned()),
        Just("Æ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\u{301}".to_owned()),
        Just("İ".to_owned()),
        Just("K".to_owned()),
        Just("ſ".to_owned()),
        "[a-eoA-E]{1,3}",
    ];
    proptest::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn a_regex_match_is_exactly_a_folded_match(original in text(), needle in "[a-eoks]{1,3}( [a-e]{1,2})?") {
        let folded = fold_str(&original, FoldOptions::INSENSITIVE);
        let expected = folded.contains(&needle);
        let regex = Regex::new(&pattern(&needle, FoldOptions::INSENSITIVE)).unwrap();
        prop_assert_eq!(regex.is_match(&original), expected, "{:?} in {:?} (folded {:?})", needle, original, folded);
    }

    #[test]
    fn skipping_the_regex_without_triggers_changes_nothing(
        pieces in proptest::collection::vec(text(), 1..5),
        needle in "[a-eoksA-E]{1,4}",
    ) {
        // Long enough for the windows around triggers to matter.
        let original = pieces.join("abcdeoks ");
        let terms = raw(&needle);
        let term = &terms.terms[0];
        prop_assert!(term.triggers.is_some());
        prop_assert_eq!(term.is_match(&original), term.regex.is_match(&original), "{:?} in {:?}", needle, original);
        // Without the plain spelling, no match starts before
        // `first_other`, which is none without a match.
        let first = term.regex.find(&original);
        let plain = term.quick.as_ref().is_some_and(|quick| quick.is_match(&original));
        match (term.first_other(&original), first) {
            _ if plain => {}
            (Some(bound), Some(first)) => prop_assert!(bound <= first, "{bound} > {first}"),
            (bound, first) => prop_assert_eq!(bound, first),
        }
    }

    #[test]
    fn sensitive_terms_match_exactly_too(
        original in text(),
        needle in "[a-eA-Eé]{1,3}( [a-eé]{1,2})?",
    ) {
        let options = FoldOptions::smart(&needle);
        let folded = fold_str(&original, options);
        let expected = folded.contains(&fold_str(&needle, options));
        let regex = Regex::new(&pattern(&fold_str(&needle, options), options)).unwrap();
        prop_assert_eq!(regex.is_match(&original), expected, "{:?} in {:?} (folded {:?})", needle, original, folded);
    }
}
