//! Answers a ministry gave again: near-identical answers across the
//! records loaded, grouped into families.
//!
//! Ministries reuse their answers — the same text, or nearly, to every
//! member who asks about the same subject — and journalists look for
//! exactly that. Each answer gets a 128-byte fingerprint
//! ([`fingerprint`]: MinHash over word 3-shingles, figures left out), the
//! fingerprints are bucketed and checked ([`group`]: estimated Jaccard
//! similarity of the shingle sets ≥ 0.75, joined transitively), and each
//! record of a family of two or more gets a [`FamilyTag`]: the family's
//! key (the id of its earliest answer) and its size.
//!
//! An answer that is missing, empty, never digitised or a dozen words
//! long has no fingerprint, so it is in no family; a record is never
//! compared with itself. Memory: the fingerprints (129 bytes a record)
//! and a band's buckets (16 bytes a record) — 15 MB for 100,000 records
//! of 650 MB, 2.3 %.

pub mod fingerprint;
pub mod group;

use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{FamilyTag, PartKind, Record};
pub use fingerprint::{Signature, signature};

/// The fingerprint of a record's answer, if it has words to take one of.
pub fn of_record(record: &Record) -> Option<Signature> {
    PartKind::Answer
        .searched_text(record)
        .and_then(fingerprint::signature)
}

/// The fingerprints of `records`, in parallel.
pub fn fingerprints(records: &[Record]) -> Vec<Option<Signature>> {
    records.par_iter().map(of_record).collect()
}

/// Groups `records` by their fingerprints (one per record) and tags each
/// record of a family; other records lose any tag they had. Returns the
/// families, each sorted by answer date (then position).
pub fn tag(records: &mut [Record], signatures: &[Option<Signature>]) -> Vec<Vec<u32>> {
    apply(records, group::group(signatures))
}

/// Tags the records of `families` (positions into `records`, from
/// [`group::group`]); other records lose any tag they had. Returns the
/// families, each sorted by answer date (then position).
pub fn apply(records: &mut [Record], mut families: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
    for record in records.iter_mut() {
        record.family = None;
    }
    for family in &mut families {
        family.retain(|&i| (i as usize) < records.len());
        family.sort_by_key(|&i| (answer_date(&records[i as usize]), i));
        let Some(&first) = family.first() else {
            continue;
        };
        let tag = FamilyTag {
            key: Arc::from(records[first as usize].id.as_str()),
            size: u32::try_from(family.len()).unwrap_or(u32::MAX),
        };
        for &i in family.iter() {
            records[i as usize].family = Some(tag.clone());
        }
    }
    families.retain(|f| f.len() >= 2);
    families
}

/// Fingerprints and groups `records` at once: what a command does.
pub fn compute(records: &mut [Record]) -> Vec<Vec<u32>> {
    let signatures = fingerprints(records);
    tag(records, &signatures)
}

/// The answer's date, unknown last.
fn answer_date(record: &Record) -> (bool, Option<chrono::NaiveDate>) {
    let date = record.answer.as_ref().and_then(|a| a.date);
    (date.is_none(), date)
}

/// What a family is, for a list of families and the reader's status bar.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// The family's key ([`FamilyTag::key`]).
    pub key: String,
    pub size: usize,
    /// The ministry of its earliest answer.
    pub ministry: Option<String>,
    pub first: Option<chrono::NaiveDate>,
    pub last: Option<chrono::NaiveDate>,
    /// How many members asked (display names, distinct).
    pub authors: usize,
    /// A sentence of the earliest answer, to say what it is about.
    pub sentence: String,
    /// The records' ids, by answer date.
    pub ids: Vec<String>,
}

/// The summary of a family of `records` (positions, by answer date);
/// `sentence` stands for it ([`representative`] of its first answer).
pub fn summary(records: &[Record], family: &[u32], sentence: String) -> Summary {
    let members: Vec<&Record> = family
        .iter()
        .filter_map(|&i| records.get(i as usize))
        .collect();
    let (first_date, last_date, authors) = reach(&members);
    let first = members.first();
    Summary {
        key: first.map(|r| r.id.clone()).unwrap_or_default(),
        size: members.len(),
        ministry: first.and_then(|r| {
            r.answer
                .as_ref()
                .and_then(|a| a.ministry.clone())
                .or_else(|| r.ministry.clone())
        }),
        first: first_date,
        last: last_date,
        authors,
        sentence,
        ids: members.iter().map(|r| r.id.clone()).collect(),
    }
}

/// Over which dates and to how many authors `members` were answered: the
/// first and last answer dates, and the distinct authors' count.
pub fn reach(members: &[&Record]) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>, usize) {
    let dates = members
        .iter()
        .filter_map(|r| r.answer.as_ref().and_then(|a| a.date));
    let (first, last) = (dates.clone().min(), dates.max());
    let mut authors: Vec<&str> = members
        .iter()
        .filter_map(|r| r.author.name.as_deref())
        .collect();
    authors.sort_unstable();
    authors.dedup();
    (first, last, authors.len())
}

/// The first sentence of a record's answer long enough to say something
/// (40 characters or more), else its first sentence; on one line.
pub fn representative(record: &Record) -> String {
    let text = PartKind::Answer.searched_text(record).unwrap_or("");
    let sentences = crate::text::sentence::sentences(text);
    let pick = sentences
        .iter()
        .find(|r| text[(*r).clone()].chars().count() >= 40)
        .or(sentences.first());
    pick.map(|r| {
        text[r.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
    .unwrap_or_default()
}

/// Records reused: of `records`, how many belong to a family of two or
/// more.
pub fn reused(records: &[Record]) -> usize {
    records.iter().filter(|r| r.family.is_some()).count()
}
