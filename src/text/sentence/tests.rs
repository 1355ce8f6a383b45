use chrono::NaiveDate;

use super::*;

const SEED: &str = include_str!("../../../seeds/000_2a0bcd50e9b94967.txt");

fn seed() -> crate::model::Record {
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut out = crate::load::load_bytes("seed.txt", SEED.as_bytes(), today);
    out.records.remove(0)
}

/// The sentences as strings, for readable assertions.
fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|r| &text[r]).collect()
}

/// Asserts the sentences of `text` start exactly at these openings, in
/// order, and each runs up to the next one (less the space between).
fn assert_starts(text: &str, openings: &[&str]) {
    let got = sentences(text);
    let starts: Vec<usize> = got.iter().map(|r| r.start).collect();
    let expected: Vec<usize> = openings
        .iter()
        .map(|o| text.find(o).unwrap_or_else(|| panic!("{o:?} not in text")))
        .collect();
    assert_eq!(starts, expected, "{:#?}", split(text));
    for pair in got.windows(2) {
        assert!(text[pair[0].end..pair[1].start].trim().is_empty());
    }
    assert_eq!(got.last().map(|r| r.end), Some(text.trim_end().len()));
}

#[test]
fn the_seed_question_has_fourteen_sentences() {
    let r = seed();
    assert_starts(
        &r.question.text,
        &[
            "M. Thomas Dossus interroge",
            "Lors de son audition",
            "La question est de savoir si",
            "Mais il y a plein",
            "Ça existe déjà.",
            "Il y a un vide juridique",
            "En tout cas, pour l'État",
            "Par cet aveu",
            "Il porte tout d'abord",
            "Cette illégalité",
            "Deuxièmement",
            "Il pose le constat",
            "Troisièmement",
            "Dès lors",
        ],
    );
}

#[test]
fn the_seed_answer_has_eight_sentences() {
    let r = seed();
    let text = &r.answer.as_ref().unwrap().text;
    assert_starts(
        text,
        &[
            "L'usage par la puissance publique",
            "En effet, ni la loi",
            "Dans une publication",
            "Une proposition de règlement",
            "Si aucun cadre juridique",
            "A titre d'exemple",
            "Ce recours serait permis",
            "L'examen de ces dispositions",
        ],
    );
}

#[test]
fn seed_boundaries_around_numbers_and_guillemets() {
    let r = seed();
    let answer = &r.answer.as_ref().unwrap().text;
    let s = split(answer);
    assert!(s[1].contains("la loi n°\u{a0}78-17 du 6\u{a0}janvier\u{a0}1978 relative"));
    // The CNIL quotation closes with its guillemet and the final period.
    assert!(s[2].starts_with("Dans une publication de juillet"));
    assert!(s[2].ends_with("spécifique.\u{a0}»."), "{:?}", s[2]);
    assert!(s[3].starts_with("Une proposition"));

    let question = &r.question.text;
    let s = split(question);
    // A period inside guillemets keeps the closing guillemet.
    assert!(s[6].starts_with("En tout cas"));
    assert!(
        s[6].ends_with("fonctionnement de ce système. »"),
        "{:?}",
        s[6]
    );
    assert!(s[7].starts_with("Par cet aveu"));
    // "?" ends a sentence inside the quotation.
    assert!(s[5].ends_with("légal ou pas ?"));
    assert!(s[9].ends_with("vidéoprotection préexistantes »."));
}

#[test]
fn titles_never_end_a_sentence() {
    assert_eq!(
        split("M. le ministre répond. Mme Dupont insiste. MM. Durand et Martin aussi. Dr. Knock."),
        [
            "M. le ministre répond.",
            "Mme Dupont insiste.",
            "MM. Durand et Martin aussi.",
            "Dr. Knock."
        ]
    );
    assert_eq!(
        split("Il interroge M. Thomas Dossus. Puis Mme. Di Folco."),
        ["Il interroge M. Thomas Dossus.", "Puis Mme. Di Folco."]
    );
}

#[test]
fn abbreviations_before_numbers_and_lower_case() {
    assert_eq!(
        split(
            "Selon l'art. 75 du règlement, voir p. 787. Cf. supra et al. 2. Art. L. 2212-2 du code. Fin."
        ),
        [
            "Selon l'art. 75 du règlement, voir p. 787.",
            "Cf. supra et al. 2.",
            "Art. L. 2212-2 du code.",
            "Fin."
        ]
    );
    // "etc." before a capital does end the sentence.
    assert_eq!(
        split("Des caméras, des drones, etc. Le ministre répond."),
        ["Des caméras, des drones, etc.", "Le ministre répond."]
    );
    assert_eq!(
        split("Voir (cf. p. 12) et n° 5."),
        ["Voir (cf. p. 12) et n° 5."]
    );
}

#[test]
fn initials_belong_to_the_name() {
    assert_eq!(
        split("J.-M. Dupont et J. Martin ont écrit. J.M. Durand aussi."),
        ["J.-M. Dupont et J. Martin ont écrit.", "J.M. Durand aussi."]
    );
}

#[test]
fn numbers_are_not_broken() {
    assert_eq!(
        split("La loi 78-17 prévoit 4,2 % de hausse, soit 1.5 point. Ensuite 3.2."),
        [
            "La loi 78-17 prévoit 4,2 % de hausse, soit 1.5 point.",
            "Ensuite 3.2."
        ]
    );
    assert_eq!(
        split("Le taux est de 4,2\u{a0}%. Il baisse."),
        ["Le taux est de 4,2\u{a0}%.", "Il baisse."]
    );
}

#[test]
fn question_and_exclamation_marks_inside_guillemets() {
    assert_eq!(
        split("« Est-ce légal ? » demande-t-il. « Non ! » Le ministre se tait."),
        [
            "« Est-ce légal ? » demande-t-il.",
            "« Non ! »",
            "Le ministre se tait."
        ]
    );
    assert_eq!(
        split("Il a dit «\u{a0}Assez\u{202f}!\u{a0}», puis il est parti."),
        ["Il a dit «\u{a0}Assez\u{202f}!\u{a0}», puis il est parti."]
    );
    // French asks questions mid-sentence too.
    assert_eq!(
        split("Pourquoi ? parce que. Et alors ? Rien."),
        ["Pourquoi ? parce que.", "Et alors ?", "Rien."]
    );
}

#[test]
fn guillemets_closing_after_the_period() {
    assert_eq!(
        split("Il déclare : « Ça existe. » Puis il part."),
        ["Il déclare : « Ça existe. »", "Puis il part."]
    );
    assert_eq!(
        split("Il déclare « ça existe\u{a0}». Puis il part."),
        ["Il déclare « ça existe\u{a0}».", "Puis il part."]
    );
    assert_eq!(
        split("Il déclare « ça existe.\u{a0}». Puis il part."),
        ["Il déclare « ça existe.\u{a0}».", "Puis il part."]
    );
    assert_eq!(
        split("(Voir la note.) Suite."),
        ["(Voir la note.)", "Suite."]
    );
}

#[test]
fn ellipsis_ends_a_sentence_before_a_capital() {
    assert_eq!(
        split("Il hésite… Puis il part… et revient. Trois points... Voilà."),
        [
            "Il hésite…",
            "Puis il part… et revient.",
            "Trois points...",
            "Voilà."
        ]
    );
    // A cut inside a quotation is not an end.
    assert_eq!(
        split("« Le recours […] Le juge (…) Paris » dit-il."),
        ["« Le recours […] Le juge (…) Paris » dit-il."]
    );
    assert_eq!(
        split("Il dit « assez… » Puis il part."),
        ["Il dit « assez… »", "Puis il part."]
    );
}

#[test]
fn paragraphs_always_break_and_line_breaks_are_spaces() {
    let text = "Un titre sans point\n\nSuite du texte\nsur deux lignes. Fin\r\n \nDernier.";
    assert_eq!(
        split(text),
        [
            "Un titre sans point",
            "Suite du texte\nsur deux lignes.",
            "Fin",
            "Dernier."
        ]
    );
}

#[test]
fn ranges_are_trimmed_of_every_kind_of_space() {
    let text = "\u{a0} Première.\u{202f}\u{a0} Deuxième. \n";
    assert_eq!(split(text), ["Première.", "Deuxième."]);
    assert_eq!(split(""), Vec::<&str>::new());
    assert_eq!(split(" \n\n \u{a0}"), Vec::<&str>::new());
}

#[test]
fn sentence_at_finds_the_containing_or_next_sentence() {
    let text = "Un.  Deux trois. Quatre.";
    assert_eq!(sentence_at(text, 0), Some(0));
    assert_eq!(sentence_at(text, 2), Some(0));
    // Between sentences: the next one.
    assert_eq!(sentence_at(text, 3), Some(1));
    assert_eq!(sentence_at(text, 4), Some(1));
    assert_eq!(sentence_at(text, text.find("trois").unwrap()), Some(1));
    assert_eq!(sentence_at(text, text.len() - 1), Some(2));
    assert_eq!(sentence_at(text, text.len()), None);
    assert_eq!(sentence_at(text, 1000), None);
    assert_eq!(sentence_at("", 0), None);
}

#[test]
fn ranges_are_char_boundaries_on_odd_input() {
    for text in [
        "»",
        "« »",
        ". . .",
        "…",
        "M.",
        "J.-",
        "« … » ! ? .",
        "é. É. «. ». ‹›",
        "\u{202f}»\u{a0}.\u{a0}",
        "a\r\n\r\nb",
        "M.\n\nMme",
        "art. \n\n 5",
    ] {
        let got = sentences(text);
        for r in &got {
            assert!(r.start < r.end && r.end <= text.len(), "{text:?} {r:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            assert_eq!(s, s.trim(), "{text:?}");
        }
        for pair in got.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{text:?} {got:?}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn ranges_are_ordered_trimmed_and_on_char_boundaries(
        text in "[aAéÉMJLp«»…. ?!,\n\u{a0}\u{202f}()\\[\\]'’0-9-]{0,60}"
    ) {
        let got = sentences(&text);
        for r in &got {
            proptest::prop_assert!(r.start < r.end && r.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            proptest::prop_assert_eq!(s, s.trim());
        }
        for pair in got.windows(2) {
            proptest::prop_assert!(pair[0].end <= pair[1].start);
        }
        // Every non-space character belongs to a sentence.
        let covered: usize = got.iter().map(|r| text[r.clone()].chars().filter(|c| !c.is_whitespace()).count()).sum();
        proptest::prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }
}

#[test]
fn elided_words_before_abbreviations() {
    assert_eq!(
        split("Selon l’art. 5 du code."),
        ["Selon l’art. 5 du code."]
    );
    assert_eq!(split("’… J"), ["’…", "J"]);
}

/// A period, a long run of spaces or closers, then lower case: the
/// segmentation looked ahead again at every character of the run
/// (quadratic; 60,000 spaces took 28 s). The run it is given is one
/// character long, whatever the text holds, and the bounds do not change.
#[test]
fn a_long_run_after_a_period_reaches_the_segmentation_as_one_character() {
    for run in [" ", "\t", "\u{a0}", "»", ")", " \u{301}", "\u{200f} "] {
        let text = format!("a.{}b. Fin.", run.repeat(60_000));
        assert!(longest_run(&text) <= 1, "{run:?}: {}", longest_run(&text));
        let got = sentences(&text);
        assert_eq!(got.len(), 2, "{run:?}");
        assert_eq!(&text[got[1].clone()], "Fin.");
    }
    assert_eq!(longest_run("a.    b"), 4, "short runs are left alone");
}

proptest::proptest! {
    /// Collapsing runs never moves a bound: the same sentences as the
    /// segmentation of the whole text gives (short texts, where it is
    /// cheap), from an alphabet of the characters whose runs collapse.
    #[test]
    fn collapsed_runs_give_the_same_bounds(
        pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just(" "), proptest::strategy::Just("  \u{a0}  "),
                proptest::strategy::Just("."), proptest::strategy::Just("?"),
                proptest::strategy::Just("»"), proptest::strategy::Just("« "),
                proptest::strategy::Just(")"), proptest::strategy::Just("\u{301}"),
                proptest::strategy::Just("\u{200f}"), proptest::strategy::Just("a"),
                proptest::strategy::Just("Le"), proptest::strategy::Just("1"),
                proptest::strategy::Just("M."), proptest::strategy::Just("…"),
                proptest::strategy::Just("\n"), proptest::strategy::Just("\u{2029}"),
            ],
            0..40,
        ),
    ) {
        let text = pieces.concat();
        let flat = text.replace(['\n', '\r'], " ");
        let (collapsed, holes) = runs::collapse(&flat);
        let ours: Vec<(usize, usize)> = collapsed
            .split_sentence_bound_indices()
            .map(|(at, s)| (runs::original(&holes, at), runs::original(&holes, at + s.len())))
            .collect();
        let theirs: Vec<(usize, usize)> = flat
            .split_sentence_bound_indices()
            .map(|(at, s)| (at, at + s.len()))
            .collect();
        proptest::prop_assert_eq!(ours, theirs, "{:?}", flat);
    }
}
