//! Matching and highlighting, behaviour by behaviour, then a property: the
//! index and its pre-filter find exactly what folding each field finds.

use std::ops::Range;

use proptest::prelude::*;

use super::*;
use crate::model::{Answer, Author, Part};
use crate::search::Index;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn record(question: &str) -> Record {
    Record {
        id: "r".to_owned(),
        source: "doc.txt".to_owned(),
        line: 1,
        title: Some("Usage des caméras".to_owned()),
        number: None,
        legislature: None,
        author: Author {
            last_name: Some("DI FOLCO".to_owned()),
            first_name: Some("Catherine".to_owned()),
            name: Some("Catherine Di Folco".to_owned()),
            group: Some("Les Républicains".to_owned()),
            ..Author::default()
        },
        question: Part {
            date: Some(day(2022, 11, 10)),
            page: None,
            text: question.to_owned(),
            ..Part::default()
        },
        transmitted_to: Some("Ministère de la culture".to_owned()),
        answer: Some(Answer {
            ministry: Some("Ministère de l'intérieur".to_owned()),
            date: Some(day(2023, 2, 2)),
            page: None,
            text: "La CNIL veille à l'œuvre.".to_owned(),
            ..Answer::default()
        }),
        errata: Vec::new(),
        withdrawn_reason: None,
        addressed_to: None,
        status: Status::Answered,
        ministry: Some("Ministère de l'intérieur".to_owned()),
        delay_days: Some(84),
        late: Some(true),
    }
}

/// A record with nothing searchable but its question.
fn bare(question: &str) -> Record {
    Record {
        title: None,
        author: Author::default(),
        ministry: None,
        transmitted_to: None,
        answer: None,
        ..record(question)
    }
}

fn hits(query: &str, record: &Record) -> bool {
    match Query::parse(query) {
        Ok(q) => q.matches(record),
        Err(e) => panic!("{query:?}: {e}"),
    }
}

fn seed() -> Record {
    record(
        "Loi du 6\u{a0}janvier\u{a0}1978 relative à l'informatique,\naux fichiers et aux libertés.",
    )
}

#[test]
fn unaccented_lower_case_words_find_everything() {
    let r = seed();
    assert!(hits("cameras", &r));
    assert!(hits("oeuvre", &r));
    assert!(hits("libertes", &r));
    assert!(hits("", &r));
}

#[test]
fn smart_case_and_smart_accents() {
    let r = seed();
    assert!(hits("caméras", &r));
    assert!(!hits("caméras", &bare("les cameras")));
    assert!(hits("CNIL", &r));
    assert!(!hits("Caméras", &r));
    assert!(hits("Caméras", &bare("Caméras")));
    assert!(hits("œuvre", &r));
    assert!(!hits("œuvre", &bare("une oeuvre")));
    assert!(hits("oeuvre", &bare("une oeuvre")));
}

#[test]
fn every_word_must_occur_somewhere() {
    let r = seed();
    assert!(hits("folco cnil culture fichiers", &r));
    assert!(!hits("folco cnil absent", &r));
    // Substrings, like a browser's find.
    assert!(hits("format", &r));
}

#[test]
fn phrases_match_across_whitespace_but_not_across_fields() {
    let r = seed();
    assert!(hits("\"6 janvier 1978\"", &r));
    assert!(hits("\"informatique, aux fichiers\"", &r));
    assert!(hits("\"informatique,\u{a0}\u{a0}aux\"", &r));
    assert!(!hits("\"janvier 1979\"", &r));
    // The title ends with "caméras", the question starts with "Loi".
    assert!(!hits("\"cameras loi\"", &r));
}

#[test]
fn text_filters_look_in_their_own_fields() {
    let r = seed();
    assert!(hits("author:\"di folco\"", &r));
    assert!(hits("author:catherine", &r));
    assert!(hits("author:DI", &r));
    assert!(!hits("author:DOSSUS", &r));
    assert!(!hits("author:cnil", &r));
    assert!(hits("ministry:interieur", &r));
    assert!(hits("ministry:culture", &r));
    assert!(!hits("ministry:Intérieur", &r));
    assert!(hits("ministry:intérieur", &r));
    assert!(hits("group:republicains", &r));
    assert!(!hits("group:gest", &r));
    assert!(!hits("group:folco", &r));
}

#[test]
fn exact_filters() {
    let r = seed();
    assert!(hits("status:answered late:yes", &r));
    assert!(!hits("status:awaiting", &r));
    assert!(!hits("late:no", &r));
    let unknown = Record {
        late: None,
        ..seed()
    };
    assert!(!hits("late:yes", &unknown) && !hits("late:no", &unknown));
}

#[test]
fn date_filters_are_strict() {
    let r = seed(); // asked 2022-11-10
    assert!(hits("after:2022-11-09", &r));
    assert!(!hits("after:2022-11-10", &r));
    assert!(hits("before:2022-11-11", &r));
    assert!(!hits("before:2022-11-10", &r));
    let mut undated = seed();
    undated.question.date = None;
    assert!(!hits("after:1900-01-01", &undated));
    assert!(!hits("before:2999-01-01", &undated));
}

#[test]
fn filter_keeps_order_and_uses_the_index() {
    let records = vec![bare("cnil"), bare("rien"), bare("la cnil"), bare("x")];
    let index = Index::build(&records);
    let q = |s: &str| Query::parse(s).unwrap();
    assert_eq!(filter(&records, &index, &q("cnil")), [0, 2]);
    assert_eq!(filter(&records, &index, &q("\"la cnil\"")), [2]);
    assert_eq!(filter(&records, &index, &q("")), [0, 1, 2, 3]);
    assert_eq!(scan(&records, &q("cnil")), [0, 2]);
    // Records the index does not cover yet are tested one by one.
    let part = Index::build(&records[..2]);
    assert_eq!(filter(&records[..2], &part, &q("")), [0, 1]);
    assert_eq!(filter(&records[..2], &part, &q("rien")), [1]);
    assert_eq!(filter(&records, &part, &q("x")), [3]);
}

#[test]
fn highlights_are_exact_to_the_original() {
    let text = "L'œuvre du 6\u{a0}janvier\n1978 ; une OEUVRE.";
    let q = Query::parse("oeuvre \"6 janvier 1978\"").unwrap();
    let shown: Vec<&str> = q.highlights(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(shown, ["œuvre", "6\u{a0}janvier\n1978", "OEUVRE"]);
    let q = Query::parse("OEUVRE author:oeuvre").unwrap();
    let shown: Vec<&str> = q.highlights(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(shown, ["OEUVRE"]);
    let text = "les caméras et les cameras";
    let q = Query::parse("caméras").unwrap();
    assert_eq!(q.highlights(text), vec![Range { start: 4, end: 12 }]);
}

#[test]
fn highlights_merge_overlaps_and_keep_neighbours_apart() {
    let q = Query::parse("janvier vier 1978 a").unwrap();
    let text = "janvier1978 aa";
    let ranges = q.highlights(text);
    assert_eq!(ranges, [0..7, 7..11, 12..13, 13..14]);
}

proptest! {
    #[test]
    fn the_index_finds_what_folding_finds(
        question in "(é|É|e|E|œ|Œ|oe|OE|\u{a0}|\n| |\u{301}|a|A|İ|i){0,12}",
        term in "(é|É|e|E|œ|Œ|oe|OE|\u{a0}| |\u{301}|a|A|İ|i){1,4}",
    ) {
        let r = bare(&question);
        let trimmed = term.trim();
        let options = FoldOptions::smart(trimmed);
        let needle = fold_str(trimmed, options);
        let expected = fold_str(&question, options).contains(&needle);
        let query = Query::parse(&format!("\"{term}\"")).unwrap();
        prop_assert_eq!(query.matches(&r), expected);
        prop_assert_eq!(query.highlights(&question).is_empty(), !expected || needle.is_empty());
    }
}

#[test]
fn a_literal_phrase_finds_quotes_and_colons() {
    let r = record("Il cite « l'article 2 : \"pas de caméras\" ».");
    let q = Query::phrase("2 : \"pas de cameras\"");
    assert!(q.matches(&r));
    let text = &r.question.text;
    let found: Vec<&str> = q.highlights(text).into_iter().map(|h| &text[h]).collect();
    assert_eq!(found, ["2 : \"pas de caméras\""]);
    assert!(!Query::phrase("author:di").matches(&r));
}

#[test]
fn field_filters_match_at_word_starts() {
    let culture = Record {
        ministry: Some("Ministère de la culture".to_owned()),
        ..seed()
    };
    let agriculture = Record {
        ministry: Some("Ministère de l'agriculture et de la souveraineté alimentaire".to_owned()),
        answer: None,
        transmitted_to: None,
        ..seed()
    };
    assert!(hits("ministry:culture", &culture));
    assert!(!hits("ministry:culture", &agriculture));
    assert!(hits("ministry:agri", &agriculture));
    assert!(hits("ministry:souveraineté", &agriculture));
    assert!(hits("ministry:\"de l'agriculture\"", &agriculture));
    // After an apostrophe or a hyphen, a word starts.
    assert!(hits("ministry:intérieur", &seed()));
    let masson = Record {
        author: Author {
            last_name: Some("MASSON".to_owned()),
            name: Some("Jean-Louis Masson".to_owned()),
            first_name: Some("Jean-Louis".to_owned()),
            ..Author::default()
        },
        ..seed()
    };
    assert!(hits("author:mass", &masson));
    assert!(hits("author:louis", &masson));
    assert!(!hits("author:asson", &masson));
    assert!(!hits("group:publicains", &seed()));
    assert!(hits("group:républicains", &seed()));
    // Words of the text still match anywhere.
    assert!(hits("ulture", &culture));
    // The index says the same.
    let records = vec![culture, agriculture, masson];
    let index = Index::build(&records);
    for q in [
        "ministry:culture",
        "ministry:agri",
        "author:asson",
        "author:mass",
    ] {
        let query = Query::parse(q).unwrap();
        let expected: Vec<usize> = (0..records.len())
            .filter(|&i| query.matches(&records[i]))
            .collect();
        assert_eq!(index.filter(&records, &query), expected, "{q}");
        assert_eq!(scan(&records, &query), expected, "{q}");
    }
}
