//! One segment of an index: its text side ([`Terms`]) and, per record,
//! the facts (status, dates, delay, lateness) and short fields (author,
//! ministries, group) that filters compare, with the distinct values of
//! those fields each kept once. A segment built in memory grows record by
//! record; a frozen one is read from a cache, its facts and fields made
//! from the records' metadata, never stored with it.

use std::ops::Range;

use chrono::NaiveDate;
use hashbrown::HashMap;
use rayon::prelude::*;

use super::frozen::Frozen;
use super::postings::{Postings, for_each_value, push_varint};
use super::terms::Terms;
use super::{FIELD_END, Tokens};
use crate::model::{Chamber, Kind, Record, Status};
use crate::search::index::Region;
use crate::text::fold::{FoldOptions, fold_into};

/// Which field values a record has, as ids into [`Fields`]: author display,
/// last and first names; ministry, answering ministry, transferred-to
/// ministry; group.
pub(super) type FieldIds = [u32; 7];

/// No value.
pub(super) const NONE: u32 = u32::MAX;

/// The slots of [`FieldIds`] a filter region looks at.
pub(super) fn slots(region: Region) -> Range<usize> {
    match region {
        Region::Author => 0..3,
        Region::Ministry => 3..6,
        Region::Group => 6..7,
        Region::Words => 0..0,
    }
}

/// What filters on status, lateness, dates and delays compare, per
/// indexed record: apart from its field ids, so that such a filter scans
/// 16 bytes a record.
#[derive(Debug, Clone, Copy)]
pub(super) struct Facts {
    /// The question's date.
    pub(super) date: Option<NaiveDate>,
    pub(super) answer_date: Option<NaiveDate>,
    /// The record's `delay_days`, or [`NO_DELAY`]: no corpus takes a
    /// delay past `i32` (chrono's dates span fewer days).
    pub(super) delay_days: i32,
    pub(super) status: Status,
    pub(super) late: Option<bool>,
    pub(super) chamber: Chamber,
    pub(super) kind: Kind,
}

/// [`Facts::delay_days`] when the record has none.
const NO_DELAY: i32 = i32::MIN;

impl Facts {
    pub(super) fn new(record: &Record) -> Facts {
        let delay_days = record.delay_days.map_or(NO_DELAY, |d| {
            i32::try_from(d.max(i64::from(NO_DELAY + 1))).unwrap_or(i32::MAX)
        });
        Facts {
            date: record.question.date,
            answer_date: record.answer.as_ref().and_then(|a| a.date),
            delay_days,
            status: record.status,
            late: record.late,
            chamber: record.chamber,
            kind: record.kind,
        }
    }

    /// For a record left out of its segment: it is never a candidate.
    fn none() -> Facts {
        Facts {
            date: None,
            answer_date: None,
            delay_days: NO_DELAY,
            status: Status::Withdrawn,
            late: None,
            chamber: Chamber::Senat,
            kind: Kind::Written,
        }
    }

    pub(super) fn delay_days(&self) -> Option<i64> {
        (self.delay_days != NO_DELAY).then_some(i64::from(self.delay_days))
    }
}

/// The distinct values of the short fields, each with its folding.
#[derive(Debug, Default)]
pub(super) struct Fields {
    ids: HashMap<Box<str>, u32>,
    pub(super) values: Vec<(Box<str>, Box<str>)>,
}

impl Fields {
    fn intern(&mut self, value: Option<&str>) -> u32 {
        let Some(value) = value else {
            return NONE;
        };
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = u32::try_from(self.values.len()).unwrap_or(NONE);
        let mut folded = String::with_capacity(value.len());
        fold_into(value, FoldOptions::INSENSITIVE, &mut folded);
        self.values.push((value.into(), folded.into_boxed_str()));
        self.ids.insert(value.into(), id);
        id
    }

    /// The ids of `record`'s short fields.
    fn of(&mut self, record: &Record) -> FieldIds {
        let a = &record.author;
        let answer_ministry = record.answer.as_ref().and_then(|a| a.ministry.as_deref());
        [
            a.name.as_deref(),
            a.last_name.as_deref(),
            a.first_name.as_deref(),
            record.ministry.as_deref(),
            answer_ministry,
            record.transmitted_to.as_deref(),
            a.group.as_deref(),
        ]
        .map(|value| self.intern(value))
    }

    fn heap_bytes(&self) -> usize {
        let strings: usize = self.values.iter().map(|(o, f)| 2 * o.len() + f.len()).sum();
        strings
            + self.values.capacity() * size_of::<(Box<str>, Box<str>)>()
            + self.ids.capacity() * (size_of::<(Box<str>, u32)>() + 1)
    }
}

/// One segment of an index: the text side ([`Terms`]), and per record
/// (by its id in the segment, the order records were added) its facts
/// and field ids.
#[derive(Debug, Default)]
pub(super) struct Segment {
    pub(super) terms: Terms,
    /// By record id.
    pub(super) docs: Vec<FieldIds>,
    /// By record id.
    pub(super) facts: Vec<Facts>,
    pub(super) fields: Fields,
    /// The tokens of the next batch, prepared while the last one was
    /// added ([`Segment::add_batch`]): the position of its first record.
    prepared: Option<(usize, Vec<Tokens>)>,
    /// For a [bare](Segment::bare) segment, which keeps no facts nor
    /// fields: how many records it has.
    bare: usize,
}

impl Segment {
    /// A segment of frozen terms, the facts and fields of its records
    /// taken from `records` (one per record of `terms`, `None` for a
    /// record left out).
    pub(super) fn frozen<'r>(
        terms: Frozen,
        records: impl Iterator<Item = Option<&'r Record>>,
    ) -> Segment {
        let mut segment = Segment {
            terms: Terms::Frozen(terms),
            ..Segment::default()
        };
        for record in records {
            match record {
                Some(record) => {
                    segment.facts.push(Facts::new(record));
                    let fields = segment.fields.of(record);
                    segment.docs.push(fields);
                }
                None => {
                    segment.facts.push(Facts::none());
                    segment.docs.push([NONE; 7]);
                }
            }
        }
        segment
    }

    /// A segment of `docs` records of frozen terms, without their
    /// records: for queries the terms alone answer
    /// ([`super::answer::answer_alone`]), which look at no fact nor field.
    pub(super) fn bare(terms: Frozen, docs: usize) -> Segment {
        Segment {
            terms: Terms::Frozen(terms),
            bare: docs,
            ..Segment::default()
        }
    }

    pub(super) fn len(&self) -> usize {
        self.docs.len().max(self.bare)
    }

    /// Adds the next `size` records of `records` (the slice the segment
    /// covers the start of), their tokens prepared in parallel; meanwhile
    /// the batch after is tokenised on the other threads, for the next
    /// call. The last batch gives back the room kept for growth.
    pub(super) fn add_batch(&mut self, records: &[Record], size: usize) {
        let prepare = |range: Range<usize>| -> (usize, Vec<Tokens>) {
            (
                range.start,
                records[range].par_iter().map(Tokens::new).collect(),
            )
        };
        let start = self.len();
        let end = (start + size).min(records.len());
        let tokens = match self.prepared.take() {
            Some((at, tokens)) if at == start && tokens.len() == end - start => tokens,
            _ => prepare(start..end).1,
        };
        let next = end..(end + size).min(records.len());
        let (prepared, ()) = rayon::join(
            || (!next.is_empty()).then(|| prepare(next)),
            || {
                for (record, tokens) in records[start..end].iter().zip(&tokens) {
                    self.add(record, tokens);
                }
            },
        );
        self.prepared = prepared;
        if end == records.len() {
            self.shrink();
        }
    }

    /// Adds the next record, whose tokens are `tokens` ([`Tokens::new`]).
    /// Only a segment built in memory grows; a frozen one is left as is.
    pub(super) fn add(&mut self, record: &Record, tokens: &Tokens) {
        let Terms::Built(built) = &mut self.terms else {
            return;
        };
        let id = u32::try_from(self.docs.len()).expect("fewer than 2^32 records");
        let mut global = Vec::with_capacity(tokens.order.len() / 4);
        for token in tokens.iter() {
            let token = built.vocab.intern(token);
            if token as usize == built.postings.len() {
                built.postings.push(Postings::new());
                built.counts.push(0);
            }
            built.postings[token as usize].push(id);
            global.push(token);
        }
        for variant in tokens.variants.split_terminator('\n') {
            let variant = built.variants.intern(variant);
            if variant as usize == built.variant_postings.len() {
                built.variant_postings.push(Postings::new());
            }
            built.variant_postings[variant as usize].push(id);
        }
        let mut sequence = Vec::with_capacity(tokens.order.len() * 2);
        for &local in &tokens.order {
            let value = if local == FIELD_END {
                0
            } else {
                let token = global[local as usize];
                let count = &mut built.counts[token as usize];
                *count = count.saturating_add(1);
                token + 1
            };
            push_varint(&mut sequence, value);
        }
        built.sequences.push(sequence.into_boxed_slice());
        self.facts.push(Facts::new(record));
        let fields = self.fields.of(record);
        self.docs.push(fields);
    }

    /// Gives back the room kept for growth, once loading is over.
    pub(super) fn shrink(&mut self) {
        if let Terms::Built(built) = &mut self.terms {
            built.shrink();
        }
        self.docs.shrink_to_fit();
        self.facts.shrink_to_fit();
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.terms.heap_bytes()
            + self.docs.capacity() * size_of::<FieldIds>()
            + self.facts.capacity() * size_of::<Facts>()
            + self.fields.heap_bytes()
    }

    /// Each record's variants, as lists of variant ids: what a record's
    /// [`Tokens`] are made again from ([`Segment::tokens_of`]).
    pub(super) fn variants_by_record(&self) -> Vec<Vec<u32>> {
        let mut lists = vec![Vec::new(); self.len()];
        for id in 0..self.terms.variants().len() as u32 {
            self.terms.variant_postings(id).for_each(|doc| {
                if let Some(list) = lists.get_mut(doc as usize) {
                    list.push(id);
                }
            });
        }
        lists
    }

    /// Record `doc`'s tokens, made again from its sequence and
    /// `variants` (its variant ids), as [`Tokens::new`] made them from
    /// its texts: the same tokens, in the same order.
    pub(super) fn tokens_of(&self, doc: usize, variants: &[u32]) -> Tokens {
        let vocab = self.terms.vocab();
        let mut local: HashMap<u32, u32> = HashMap::new();
        let mut tokens = Tokens::default();
        for_each_value(self.terms.sequence(doc), |value| {
            if value == 0 {
                tokens.order.push(FIELD_END);
                return;
            }
            let next = u32::try_from(local.len()).unwrap_or(FIELD_END);
            let id = *local.entry(value - 1).or_insert_with(|| {
                tokens.text.push_str(vocab.token(value - 1));
                tokens.text.push('\n');
                next
            });
            tokens.order.push(id);
        });
        let list = self.terms.variants();
        for &v in variants {
            tokens.variants.push_str(list.token(v));
            tokens.variants.push('\n');
        }
        tokens
    }
}
