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
        query in "(author|ministry|status|late|after|before|answer-after|delay|number|x|é|œ|\"|:|=|>|<|>=| |\u{a0}|-|[0-9]|answered|yes){0,16}",
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

fn excluded(parsed: &ParsedQuery) -> Vec<(&str, bool)> {
    parsed
        .excluded
        .iter()
        .map(|t| (t.text.as_str(), t.phrase))
        .collect()
}

fn not(filter: Filter) -> Filter {
    Filter::Not(Box::new(filter))
}

#[test]
fn a_dash_before_a_word_a_phrase_or_a_filter_excludes_it() {
    let parsed = ok("cnil -caméras -\"cadre  juridique\" -status:answered -Ministry:culture");
    assert_eq!(texts(&parsed), [("cnil", false)]);
    assert_eq!(
        excluded(&parsed),
        [("caméras", false), ("cadre  juridique", true)]
    );
    assert_eq!(parsed.excluded[0].column, 7);
    assert_eq!(parsed.excluded[1].column, 17);
    assert!(parsed.excluded[0].options.accent_sensitive);
    let [status, Filter::Not(ministry)] = parsed.filters.as_slice() else {
        panic!("{parsed:?}")
    };
    assert_eq!(*status, not(Filter::Status(Status::Answered)));
    let Filter::Ministry(term) = &**ministry else {
        panic!("{ministry:?}")
    };
    assert_eq!((term.text.as_str(), term.column), ("culture", 62));
    // Only exclusions: a query all the same.
    assert!(!ok("-cnil").is_empty());
    assert!(ok("-\"\"").is_empty());
}

#[test]
fn a_dash_that_is_not_before_a_letter_or_a_quote_is_text() {
    let parsed = ok("- -12 -- 78-17 outre-mer -:x -(cnil)");
    assert_eq!(
        texts(&parsed),
        [
            ("-", false),
            ("-12", false),
            ("--", false),
            ("78-17", false),
            ("outre-mer", false),
            ("-:x", false),
            ("-(cnil)", false),
        ]
    );
    assert!(parsed.excluded.is_empty() && parsed.filters.is_empty());
    // A word typed twice is kept once, on each side.
    let parsed = ok("-x -x x");
    assert_eq!(
        (texts(&parsed), excluded(&parsed)),
        (vec![("x", false)], vec![("x", false)])
    );
}

#[test]
fn delays_compare_days() {
    let delay = |op, days| Filter::Delay(Comparison { op, days });
    assert_eq!(
        ok("delay:>60 delay:<=30 delay:<7 delay:>=90 delay:=84 delay:0 -delay:>365").filters,
        [
            delay(Op::Greater, 60),
            delay(Op::AtMost, 30),
            delay(Op::Less, 7),
            delay(Op::AtLeast, 90),
            delay(Op::Equal, 84),
            delay(Op::Equal, 0),
            not(delay(Op::Greater, 365)),
        ]
    );
    assert_eq!(ok("delay:\">60\"").filters, [delay(Op::Greater, 60)]);
}

#[test]
fn a_bad_delay_points_at_what_is_not_a_number() {
    for (query, column) in [
        ("delay:>x", 8),
        ("delay:>", 8),
        ("delay:>=", 9),
        ("x delay:6O", 10),
        ("delay:=>60", 8),
        ("-delay:<-1", 9),
        ("delay:60d", 9),
        ("delay:99999999999999999999", 7),
    ] {
        let e = err(query);
        assert_eq!(e.column, column, "{query}");
        assert!(matches!(e.problem, Problem::BadDelay(_)), "{query}: {e:?}");
    }
    let e = err("delay:>x");
    assert_eq!(
        e.message(Lang::En),
        "'>x' is not a delay; expected a number of days, perhaps after >, >=, <, <= or =: \
         delay:>60, delay:<=30, delay:45"
    );
    assert!(
        e.message(Lang::Fr)
            .starts_with("'>x' n'est pas un délai ; un nombre de jours attendu"),
        "{}",
        e.message(Lang::Fr)
    );
    let e = err("delay:");
    assert_eq!(e.column, 1);
    assert!(e.message(Lang::En).contains("expected a number of days"));
}

#[test]
fn answered_and_the_answer_s_dates() {
    assert_eq!(
        ok("answered:yes Answered:NO answer-after:2023-01-31 Answer-Before:2023-03-01").filters,
        [
            Filter::Answered(true),
            Filter::Answered(false),
            Filter::AnswerAfter(day(2023, 1, 31)),
            Filter::AnswerBefore(day(2023, 3, 1)),
        ]
    );
    let e = err("x answered:maybe");
    assert_eq!(e.column, 12);
    assert_eq!(
        e.message(Lang::En),
        "'maybe' for answered:; expected yes or no"
    );
    assert_eq!(
        e.message(Lang::Fr),
        "'maybe' pour answered: ; yes ou no attendu"
    );
    assert_eq!(err("answer-after:2023-02-30").column, 14);
    assert!(matches!(
        err("answer-before:").problem,
        Problem::EmptyValue(_)
    ));
}

#[test]
fn hyphenated_names_are_filters_when_they_are_known_or_look_like_one() {
    let e = err("answer-afer:2023-01-01");
    assert_eq!(e.column, 1);
    assert!(
        e.message(Lang::En)
            .starts_with("unknown filter 'answer-afer:'"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(err("x -answer-befor:2023-01-01").column, 4);
    assert_eq!(
        texts(&ok("outre-mer:x 78-17:30 a--b:c")),
        [
            ("outre-mer:x", false),
            ("78-17:30", false),
            ("a--b:c", false)
        ]
    );
}

#[test]
fn numbers_are_letters_and_digits() {
    assert_eq!(
        ok("number:05589 -number:0827S").filters,
        [
            Filter::Number("05589".to_owned()),
            not(Filter::Number("0827S".to_owned())),
        ]
    );
    let e = err("number:");
    assert_eq!((e.column, e.problem.clone()), (1, Problem::EmptyValue(11)));
    assert!(
        e.message(Lang::En)
            .contains("expected the question's number")
    );
    let e = err("number:=5589");
    assert_eq!(e.column, 8);
    assert_eq!(
        e.message(Lang::En),
        "'=5589' is not a question number; expected the question's number, letters and digits: \
         number:05589"
    );
    assert_eq!(err("x number:55-89").column, 12);
}

#[test]
fn an_equals_sign_asks_for_the_whole_field() {
    assert_eq!(
        ok("ministry:=\"Ministère de la culture\" author:=\"Thomas Dossus\" group:=GEST").filters,
        [
            Filter::MinistryIs("Ministère de la culture".to_owned()),
            Filter::AuthorIs("Thomas Dossus".to_owned()),
            Filter::GroupIs("GEST".to_owned()),
        ]
    );
    // No ministry, and every other.
    assert_eq!(
        ok("ministry:=\"\" -group:=\" \"").filters,
        [
            Filter::MinistryIs(String::new()),
            not(Filter::GroupIs(String::new())),
        ]
    );
    let e = err("x ministry:=");
    assert_eq!((e.column, e.problem), (3, Problem::EmptyValue(1)));
    // Elsewhere, `=` is part of the value.
    assert!(matches!(
        err("status:=answered").problem,
        Problem::NoStatus(_)
    ));
    assert!(matches!(
        err("after:=2023-01-01").problem,
        Problem::MalformedDate(_)
    ));
    // Without the colon's `=`, a value may hold one.
    let parsed = ok("ministry:a=b");
    let [Filter::Ministry(term)] = parsed.filters.as_slice() else {
        panic!("{parsed:?}")
    };
    assert_eq!(term.text, "a=b");
}

#[test]
fn the_unknown_filter_message_lists_the_new_ones() {
    let message = err("foo:bar").message(Lang::En);
    assert!(
        message.contains(
            "known: author, ministry, group, status, late, after, before, answered, \
             answer-after, answer-before, delay, number"
        ),
        "{message}"
    );
}
