//! The index answers exactly what testing each record answers: behaviour by
//! behaviour, then a property over random corpora and queries.

use proptest::prelude::*;

use super::postings::Postings;
use super::*;
use crate::model::Status;
use crate::model::{Answer, Author, Part};
use crate::search::Query;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the records are taken to be loaded on.
fn today() -> NaiveDate {
    day(2026, 11, 29)
}

/// A record with the given texts and short fields.
fn record(question: &str, answer: Option<&str>, author: &str, ministry: &str) -> Record {
    Record {
        id: "r".to_owned(),
        source: "doc.txt".to_owned(),
        line: 1,
        title: None,
        number: None,
        legislature: None,
        author: Author {
            name: Some(author.to_owned()),
            last_name: author.split(' ').next_back().map(str::to_uppercase),
            group: Some(format!("Groupe {author}")),
            ..Author::default()
        },
        question: Part {
            date: Some(day(2022, 11, 10)),
            page: None,
            text: question.to_owned(),
            ..Part::default()
        },
        transmitted_to: None,
        answer: answer.map(|text| Answer {
            ministry: Some(ministry.to_owned()),
            date: Some(day(2023, 2, 2)),
            page: None,
            text: text.to_owned(),
            ..Answer::default()
        }),
        errata: Vec::new(),
        withdrawn_reason: None,
        addressed_to: None,
        status: if answer.is_some() {
            Status::Answered
        } else {
            Status::Awaiting
        },
        ministry: Some(ministry.to_owned()),
        delay_days: None,
        late: answer.map(|a| a.len() % 2 == 0),
        ..Record::default()
    }
}

fn bare(question: &str) -> Record {
    record(question, None, "", "")
}

fn expected(records: &[Record], query: &Query) -> Vec<usize> {
    (0..records.len())
        .filter(|&i| query.matches(&records[i]))
        .collect()
}

fn q(text: &str) -> Query {
    Query::parse(text, today()).unwrap()
}

#[test]
fn words_are_substrings_of_tokens() {
    let records = vec![
        bare("La CNIL veille."),
        bare("rien"),
        bare("la (cnil) et l'usage"),
        bare("x"),
    ];
    let index = Index::build(&records);
    assert_eq!(index.filter(&records, &q("cnil")), [0, 2]);
    assert_eq!(index.filter(&records, &q("l'us")), [2]);
    assert_eq!(index.filter(&records, &q("cnil)")), [2]);
    assert_eq!(index.filter(&records, &q("CNIL")), [0]);
    assert_eq!(index.filter(&records, &q("\"la cnil\"")), [0]);
    assert_eq!(index.filter(&records, &q("\"a cni\"")), [0]);
    assert_eq!(index.filter(&records, &q("\"a (cnil) e\"")), [2]);
    assert_eq!(index.filter(&records, &q("")), [0, 1, 2, 3]);
    assert!(index.filter(&records, &q("la rien")).is_empty());
}

#[test]
fn records_it_does_not_cover_are_tested_alone() {
    let records = vec![bare("cnil"), bare("rien"), bare("la cnil"), bare("x")];
    let index = Index::build(&records[..2]);
    assert_eq!(index.filter(&records, &q("cnil")), [0, 2]);
    assert_eq!(index.filter(&records, &q("x")), [3]);
    assert_eq!(index.filter(&records, &q("")), [0, 1, 2, 3]);
}

#[test]
fn filters_look_at_their_fields() {
    let records = vec![
        record(
            "a",
            Some("b"),
            "Catherine Di Folco",
            "Ministère de l'intérieur",
        ),
        record("a", None, "Thomas Dossus", "Ministère de la culture"),
        record("a", Some("bb"), "Thomas Dossus", "Ministère de la culture"),
    ];
    let index = Index::build(&records);
    for (text, hits) in [
        ("author:dossus", vec![1, 2]),
        ("author:DOSSUS", vec![1, 2]),
        ("author:Dossus", vec![1, 2]),
        ("ministry:interieur a", vec![0]),
        ("ministry:intérieur", vec![0]),
        ("group:\"groupe thomas\"", vec![1, 2]),
        ("status:awaiting", vec![1]),
        ("late:yes", vec![2]),
        ("late:no", vec![0]),
        ("after:2022-11-09 before:2022-11-11", vec![0, 1, 2]),
        ("after:2022-11-10", vec![]),
        ("dossus", vec![1, 2]),
        ("culture b", vec![2]),
    ] {
        assert_eq!(index.filter(&records, &q(text)), hits, "{text}");
        assert_eq!(expected(&records, &q(text)), hits, "{text}");
    }
}

#[test]
fn dense_and_sparse_postings_agree() {
    let mut postings = Postings::new();
    let ids: Vec<u32> = (0..500)
        .filter(|i| i % 3 != 1)
        .chain([900, 70_000])
        .collect();
    let mut seen = Vec::new();
    for (n, &id) in ids.iter().enumerate() {
        postings.push(id);
        if n == 5 {
            assert!(matches!(postings, Postings::Sparse { .. }));
        }
    }
    assert!(matches!(postings, Postings::Dense(_)));
    let mut set = Bitset::empty(100_000);
    postings.union_into(&mut set);
    seen.extend(set.ones().map(|i| i as u32));
    assert_eq!(seen, ids);
}

/// Words the random corpora are made of: accents, ligatures, capitals,
/// punctuation, shared prefixes and suffixes.
const WORDS: &[&str] = &[
    "la",
    "le",
    "Le",
    "cnil",
    "CNIL",
    "(cnil)",
    "caméras",
    "cameras",
    "CAMÉRAS",
    "œuvre",
    "oeuvre",
    "Œuvre",
    "l'usage",
    "l'œuvre",
    "78-17",
    "mini",
    "ministre",
    "Ministre",
    "ministère",
    "é",
    "e",
    "İ",
    "i",
    "a\u{301}",
    "cadre",
    "juridique",
    "juridiques.",
    "«",
    "l’usage",
    "L’usage",
    "»",
];
const SPACES: &[&str] = &[" ", " ", " ", "\u{a0}", "\n", "  ", " \u{301} "];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..SPACES.len()), 0..12).prop_map(|words| {
        words
            .into_iter()
            .map(|(w, s)| format!("{}{}", WORDS[w], SPACES[s]))
            .collect()
    })
}

fn records() -> impl Strategy<Value = Vec<Record>> {
    let authors = prop::sample::select(vec![
        "Catherine Di Folco",
        "Thomas Dossus",
        "Cécile Cukierman",
    ]);
    let ministries = prop::sample::select(vec![
        "Ministère de l'intérieur",
        "Ministère de la culture",
        "Premier ministre",
    ]);
    prop::collection::vec(
        (text(), prop::option::of(text()), authors, ministries),
        0..12,
    )
    .prop_map(|docs| {
        docs.into_iter()
            .map(|(q, a, author, ministry)| record(&q, a.as_deref(), author, ministry))
            .collect()
    })
}

fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS.to_vec()).prop_map(str::to_owned);
    let piece = prop_oneof![
        4 => word.clone(),
        2 => word.clone().prop_map(|w| w.chars().skip(1).collect()),
        2 => word.clone().prop_map(|w| w.chars().take(2).collect()),
        2 => (word.clone(), word.clone(), 0..SPACES.len())
            .prop_map(|(a, b, s)| format!("\"{a}{}{b}\"", SPACES[s])),
        1 => (word.clone(), word.clone())
            .prop_map(|(a, b)| {
                let tail: String = a.chars().skip(a.chars().count() / 2).collect();
                let head: String = b.chars().take(2).collect();
                format!("\"{tail} {head}\"")
            }),
        1 => prop::sample::select(vec![
            "author:dossus", "author:DI", "ministry:intérieur", "ministry:\"de la\"",
            "group:groupe", "status:awaiting", "status:answered", "late:yes", "late:no",
            "after:2022-11-09", "before:2022-11-10",
        ]).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #[test]
    fn the_index_finds_what_testing_each_record_finds(
        records in records(),
        split in 0usize..13,
        queries in prop::collection::vec(query(), 1..6),
    ) {
        let covered = split.min(records.len());
        let whole = Index::build(&records);
        let part = Index::build(&records[..covered]);
        for text in &queries {
            let Ok(query) = Query::parse(text, today()) else { continue };
            let want = expected(&records, &query);
            prop_assert_eq!(&whole.filter(&records, &query), &want, "{}", text);
            prop_assert_eq!(&part.filter(&records, &query), &want, "{} (covering {})", text, covered);
        }
    }
}

/// The index written as sections and opened from them, mapped as a cache
/// file would be.
fn frozen(index: &Index, records: &[Record]) -> Index {
    let mut memory = Memory::default();
    index.write(&mut memory).unwrap();
    let owner: Owner = Arc::new(memory.bytes.clone());
    let frozen = Frozen::open(owner, &|id| memory.range(id)).unwrap();
    let positions = (0..records.len() as u32).collect();
    Index::placed(vec![(Source::Frozen(frozen), positions)], records)
}

proptest! {
    #[test]
    fn a_frozen_index_answers_as_the_built_one(
        records in records(),
        queries in prop::collection::vec(query(), 1..6),
    ) {
        let records: Vec<Record> = records.into_iter().enumerate().map(|(i, mut r)| {
            r.id = i.to_string();
            r
        }).collect();
        let built = Index::build(&records);
        let frozen = frozen(&built, &records);
        for text in &queries {
            let Ok(query) = Query::parse(text, today()) else { continue };
            let want = expected(&records, &query);
            prop_assert_eq!(&frozen.filter(&records, &query), &want, "{}", text);
            // Without texts, the sequences answer phrases, and the texts
            // are fetched for what they cannot answer.
            let bare: Vec<Record> = records.iter().map(|r| {
                let mut r = r.clone();
                r.question.text.clear();
                if let Some(a) = r.answer.as_mut() { a.text.clear(); }
                r
            }).collect();
            let fetch = |r: &Record| records.iter().find(|full| full.id == r.id).cloned();
            prop_assert_eq!(&frozen.filter_with(&bare, &query, Some(&fetch)), &want, "{} (no texts)", text);
        }
    }

    /// A cache's segment with some records left out (their files changed)
    /// and a segment of those records built again, each placed where the
    /// records now are, answer as an index of the records built whole.
    #[test]
    fn placed_segments_answer_as_one_index(
        records in records(),
        changed in prop::collection::vec(any::<bool>(), 12),
        queries in prop::collection::vec(query(), 1..6),
    ) {
        let old: Vec<Record> = records.clone();
        let base = frozen(&Index::build(&old), &old);
        let mut now = Vec::new();
        let mut base_positions = Vec::new();
        let mut fresh = Vec::new();
        let mut fresh_positions = Vec::new();
        for (i, record) in records.iter().enumerate() {
            if changed[i % changed.len()] {
                base_positions.push(u32::MAX);
                let mut record = record.clone();
                record.question.text.push_str(" nouveau");
                fresh_positions.push(now.len() as u32);
                fresh.push(record.clone());
                now.push(record);
            } else {
                base_positions.push(now.len() as u32);
                now.push(record.clone());
            }
        }
        let Index { mut layers, .. } = base;
        let Some(layer) = layers.pop() else { return Ok(()) };
        let Ok(segment) = Arc::try_unwrap(layer.segment) else { panic!() };
        let Terms::Frozen(terms) = segment.terms else { panic!() };
        let placed = Index::placed(vec![
            (Source::Frozen(terms), base_positions),
            (Source::Built(Index::build(&fresh)), fresh_positions),
        ], &now);
        let compact = placed.compact(&now);
        for text in &queries {
            let Ok(query) = Query::parse(text, today()) else { continue };
            let want = expected(&now, &query);
            prop_assert_eq!(&placed.filter(&now, &query), &want, "{}", text);
            prop_assert_eq!(&compact.filter(&now, &query), &want, "{} (compacted)", text);
        }
    }
}

proptest! {
    #[test]
    fn variants_are_the_variant_tokens(text in "[aZé’« \u{a0}\u{2009}\t\n\u{301}.]{0,24}") {
        let want: Vec<&str> = text.split(char::is_whitespace).filter(|t| is_variant(t)).collect();
        let got: Vec<&str> = variants_of(&text).collect();
        prop_assert_eq!(got, want);
    }
}

/// A filter on status, dates or delays scans one `Facts` a record: they
/// stay small.
#[test]
fn the_facts_filters_scan_stay_small() {
    assert!(size_of::<Facts>() <= 16, "{}", size_of::<Facts>());
    let mut record = bare("x");
    record.delay_days = Some(i64::MIN);
    assert_eq!(
        Facts::new(&record).delay_days(),
        Some(i64::from(i32::MIN) + 1)
    );
    record.delay_days = Some(84);
    assert_eq!(Facts::new(&record).delay_days(), Some(84));
    record.delay_days = None;
    assert_eq!(Facts::new(&record).delay_days(), None);
}
