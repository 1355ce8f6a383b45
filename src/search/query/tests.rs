//! The query language, one behaviour and one error at a time.

use proptest::prelude::*;

use super::*;
use crate::i18n::Lang;

fn ok(query: &str) -> ParsedQuery {
    match parse(query) {
        Ok(parsed) => parsed,
        Err(e) => panic!("{query:?}: {e}"),
    }
}

fn err(query: &str) -> QueryError {
    match parse(query) {
        Ok(parsed) => panic!("{query:?} parsed: {parsed:?}"),
        Err(e) => e,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn texts(parsed: &ParsedQuery) -> Vec<(&str, bool)> {
    parsed
        .terms
        .iter()
        .map(|t| (t.text.as_str(), t.phrase))
        .collect()
}

#[test]
fn words_and_phrases() {
    let parsed = ok("  cnil \"6 janvier  1978\"\tcaméras ");
    assert_eq!(
        texts(&parsed),
        [
            ("cnil", false),
            ("6 janvier  1978", true),
            ("caméras", false)
        ]
    );
    assert_eq!(parsed.terms[1].column, 9);
    assert!(parsed.filters.is_empty());
    assert!(ok("").is_empty());
    assert!(ok(" \"  \" ").is_empty());
}

#[test]
fn each_term_decides_its_own_sensitivity() {
    let parsed = ok("CNIL cnil caméras \"Conseil d'État\"");
    let options: Vec<(bool, bool)> = parsed
        .terms
        .iter()
        .map(|t| (t.options.case_sensitive, t.options.accent_sensitive))
        .collect();
    assert_eq!(
        options,
        [(true, false), (false, false), (false, true), (true, true)]
    );
}

#[test]
fn text_filters_take_words_or_phrases() {
    let parsed = ok("author:\"di folco\" ministry:Intérieur group:gest");
    let [Filter::Author(a), Filter::Ministry(m), Filter::Group(g)] = parsed.filters.as_slice()
    else {
        panic!("{parsed:?}")
    };
    assert_eq!((a.text.as_str(), a.column), ("di folco", 9));
    assert!(!a.options.case_sensitive);
    assert_eq!(m.text, "Intérieur");
    assert!(m.options.case_sensitive && m.options.accent_sensitive);
    assert_eq!(g.text, "gest");
    assert!(parsed.terms.is_empty());
}

#[test]
fn status_late_and_dates() {
    let parsed = ok("Status:answered late:YES after:2023-01-31 before:2024-02-29 late:no");
    assert_eq!(
        parsed.filters,
        [
            Filter::Status(Status::Answered),
            Filter::Late(true),
            Filter::After(day(2023, 1, 31)),
            Filter::Before(day(2024, 2, 29)),
            Filter::Late(false),
        ]
    );
    for status in Status::ALL {
        assert_eq!(
            ok(&format!("status:{status}")).filters,
            [Filter::Status(status)]
        );
    }
}

#[test]
fn a_colon_after_non_letters_is_a_plain_word() {
    assert_eq!(texts(&ok("10:30 :x")), [("10:30", false), (":x", false)]);
    assert_eq!(texts(&ok("\"http://x\"")), [("http://x", true)]);
}

#[test]
fn a_filter_value_ends_at_whitespace_or_quote() {
    let parsed = ok("author:dossus\"la cnil\" x");
    assert_eq!(texts(&parsed), [("la cnil", true), ("x", false)]);
    assert_eq!(parsed.filters.len(), 1);
}

#[test]
fn unknown_filter_is_located_and_lists_the_known_ones() {
    let e = err("cnil foo:bar");
    assert_eq!(e.column, 6);
    assert!(
        e.message(Lang::En).starts_with(
            "unknown filter 'foo:'; known: author, ministry, group, status, late, after, before"
        ),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(err("é http://x").column, 3);
    assert_eq!(e.to_string(), format!("column 6: {}", e.message(Lang::En)));
}

#[test]
fn unbalanced_quote_points_at_the_opening_quote() {
    let e = err("été \"6 janvier");
    assert_eq!(e.column, 5);
    assert!(e.message(Lang::En).contains("unbalanced quote"));
    assert_eq!(err("author:\"di folco").column, 8);
}

#[test]
fn empty_filter_value_points_at_the_filter() {
    let e = err("cnil author: dossus");
    assert_eq!(e.column, 6);
    assert!(
        e.message(Lang::En).starts_with("empty value for 'author:'"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(err("x status:").column, 3);
    assert_eq!(err("group:\"  \"").column, 1);
}

#[test]
fn bad_status_and_late_values_point_at_the_value() {
    let e = err("status:pending");
    assert_eq!(e.column, 8);
    assert!(
        e.message(Lang::En)
            .contains("answered, awaiting, lapsed or withdrawn"),
        "{}",
        e.message(Lang::En)
    );
    let e = err("é late:maybe");
    assert_eq!(e.column, 8);
    assert!(e.message(Lang::En).contains("yes or no"));
}

#[test]
fn malformed_and_impossible_dates() {
    let e = err("after:2023-02-31");
    assert_eq!(e.column, 7);
    assert_eq!(
        e.message(Lang::En),
        "impossible date 2023-02-31: 2023-02 has 28 days"
    );
    let e = err("x before:2023-13-01");
    assert_eq!(e.column, 10);
    assert_eq!(
        e.message(Lang::En),
        "impossible date 2023-13-01: there is no month 13"
    );
    for bad in [
        "10/11/2022",
        "2023-2-3",
        "2023-02-031",
        "２０２３-02-03",
        "2023-0a-03",
    ] {
        let e = err(&format!("after:{bad}"));
        assert_eq!(e.column, 7);
        assert!(
            e.message(Lang::En).starts_with("malformed date"),
            "{bad}: {}",
            e.message(Lang::En)
        );
    }
    assert_eq!(
        ok("before:\"2024-02-29\"").filters,
        [Filter::Before(day(2024, 2, 29))]
    );
}

proptest! {
    #[test]
    fn the_parser_never_panics(query in any::<String>()) {
        let _ = parse(&query);
    }

    #[test]
    fn the_parser_never_panics_on_query_like_text(
        query in "(author|status|late|after|before|x|é|œ|\"|:| |\u{a0}|-|[0-9]|answered|yes){0,16}",
    ) {
        match parse(&query) {
            Ok(_) => {}
            Err(e) => prop_assert!(e.column >= 1 && e.column <= query.chars().count() + 1),
        }
    }
}

#[test]
fn a_literal_phrase_is_never_query_syntax() {
    let parsed = ParsedQuery::phrase("  author:dossus \"cadre\" status:x ");
    assert_eq!(texts(&parsed), [("author:dossus \"cadre\" status:x", true)]);
    assert_eq!(parsed.terms[0].column, 3);
    assert!(parsed.filters.is_empty());
    assert!(parsed.terms[0].options.is_insensitive());
    assert!(ParsedQuery::phrase(" \t ").is_empty());
}

/// A query over 16 KB is refused at once, at the column where it passes
/// the limit; one under it is parsed in one pass, its repeated words kept
/// once.
#[test]
fn long_queries_are_refused_and_repeated_words_kept_once() {
    let long = "cnil ".repeat(4000);
    let err = parse(&long).unwrap_err();
    assert_eq!(err.column, MAX_BYTES + 1);
    assert!(err.to_string().contains("20,000 bytes"), "{}", err);
    let long = "é".repeat(MAX_BYTES);
    assert_eq!(parse(&long).unwrap_err().column, MAX_BYTES / 2 + 1);

    let paragraph = "la cnil et la loi de la République ".repeat(400);
    assert!(paragraph.len() <= MAX_BYTES);
    let parsed = parse(&paragraph).unwrap();
    let words: Vec<&str> = parsed.terms.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(words, ["la", "cnil", "et", "loi", "de", "République"]);
    // Columns stay exact when counted from one word to the next.
    let parsed = parse("é \"à b\" author:x c").unwrap();
    let columns: Vec<usize> = parsed.terms.iter().map(|t| t.column).collect();
    assert_eq!(columns, [1, 4, 18]);
}
