//! The corpus-wide search index: an inverted index of the tokens of every
//! record's searched text, built once at load.
//!
//! A *token* is a maximal run of non-space bytes of a field's insensitive
//! folding ([`crate::text::fold`]): folding turns every whitespace run into
//! one ASCII space, and punctuation stays attached (`l'usage`, `(cnil)`,
//! `78-17`). Tokens never span two fields. So a term without a space occurs
//! in a record's folded text if and only if it is a substring of one of the
//! record's tokens, and such a term, when insensitive, is answered exactly by
//! the index: the vocabulary (each distinct token once, in one string) is
//! scanned with `memmem` for the tokens holding it, and their posting lists
//! (which records hold each token) are united into a bit set over records.
//! Words combine by intersecting those sets.
//!
//! A phrase takes the index for candidates — every piece of it must be part
//! of a token: the first one a token's end, the middle ones whole tokens,
//! the last one a token's start — and then each candidate's *sequence* (its
//! tokens in order, as varint ids, with a mark at each field's end) is
//! searched for consecutive tokens that fit the pieces, which answers an
//! insensitive phrase exactly. When a piece may be only a few tokens, the
//! encodings of the rarest such piece's tokens (the index counts each
//! token's occurrences) are found in the sequence's bytes with `memmem`
//! and only their neighbours decoded (module `phrase`); otherwise the
//! phrase's regex on the raw text is faster than decoding every token.
//!
//! Case- or accent-sensitive terms are answered from *variants*: each
//! distinct unfolded token that holds an upper-case or accented letter,
//! with its own posting list (see `is_variant`). A sensitive word occurs in a
//! record exactly when it is part of one of its variants folded with the
//! word's options, so the variant vocabulary is folded and scanned per
//! query, as the vocabulary is for insensitive words. A sensitive phrase
//! takes the candidates its variant pieces give, then is checked on the
//! record's fields folded on the fly, as [`Query::matches`] does.
//!
//! Text filters (`author:`, `ministry:`, `group:`) look at short fields
//! that repeat across records: each distinct value is kept once, with its
//! folding, tested once per query, and records point at theirs.
//!
//! Records are indexed in the order they are added, which must be their
//! order in the slice a filter is given (the reader indexes after sorting
//! them). A filter answers for all the records it is given: those the
//! index does not cover yet are tested one by one.
//!
//! Memory: posting lists are delta-encoded varints, or a bit set when that
//! is smaller (words most records hold); the vocabularies are stored once,
//! with a hash table of token ids into it; sequences take a byte or two a
//! token (ids are given in order of first appearance, so frequent tokens
//! tend to get small ones). See [`Index::heap_bytes`].

use std::hash::BuildHasher;
use std::ops::Range;

use chrono::NaiveDate;
use hashbrown::{DefaultHashBuilder, HashMap, HashSet, HashTable};
use memchr::memmem::Finder;
use rayon::prelude::*;

use super::index::{Region, region_fields};
use crate::model::{Chamber, Kind, Record, Status};
use crate::text::fold::{FoldOptions, fold_into, is_sign};

/// The tokens of one record's searched text: what a loader thread prepares
/// so that adding a record ([`Index::add_batch`]) only has to look each
/// distinct one up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    /// Each distinct token followed by a `\n`.
    text: String,
    /// The text's tokens in order, as indices of the distinct ones, with
    /// [`FIELD_END`] after each field.
    order: Vec<u32>,
    /// Each distinct [variant](is_variant) of the unfolded text followed by
    /// a `\n`.
    variants: String,
}

/// The end of a field in [`Tokens::order`].
const FIELD_END: u32 = u32::MAX;

impl Tokens {
    /// Folds and splits `record`'s searched fields (the words region).
    pub fn new(record: &Record) -> Tokens {
        let mut folded = String::new();
        for field in region_fields(record, Region::Words).into_iter().flatten() {
            fold_into(field, FoldOptions::INSENSITIVE, &mut folded);
            folded.push('\n');
        }
        let mut distinct: HashMap<&str, u32> = HashMap::with_capacity(folded.len() / 16);
        let mut order = Vec::with_capacity(folded.len() / 5);
        let mut text = String::new();
        for field in folded.split_terminator('\n') {
            for token in field.split(' ').filter(|t| !t.is_empty()) {
                let next = u32::try_from(distinct.len()).unwrap_or(FIELD_END);
                let local = *distinct.entry(token).or_insert_with(|| {
                    text.push_str(token);
                    text.push('\n');
                    next
                });
                order.push(local);
            }
            order.push(FIELD_END);
        }
        let mut seen: HashSet<&str> = HashSet::with_capacity(distinct.len() / 2);
        let mut variants = String::new();
        for field in region_fields(record, Region::Words).into_iter().flatten() {
            for token in variants_of(field) {
                if seen.insert(token) {
                    variants.push_str(token);
                    variants.push('\n');
                }
            }
        }
        Tokens {
            text,
            order,
            variants,
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.text.split_terminator('\n')
    }
}

/// The whitespace-separated tokens of `text` that are variants, in order:
/// [`is_variant`] on `text.split(char::is_whitespace)`, a byte at a time
/// (most text is ASCII, and most tokens are not variants).
fn variants_of(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i;
            let mut variant = false;
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii() {
                    if matches!(b, b'\t'..=b'\r' | b' ') {
                        break;
                    }
                    variant |= b.is_ascii_uppercase();
                    i += 1;
                } else {
                    let c = text[i..].chars().next().unwrap_or_default();
                    if c.is_whitespace() {
                        break;
                    }
                    variant |= !is_sign(c);
                    i += c.len_utf8();
                }
            }
            let token = &text[start..i];
            // Past the whitespace character that ended the token.
            i += text[i..].chars().next().map_or(0, char::len_utf8);
            if variant {
                return Some(token);
            }
        }
        None
    })
}

/// Whether an unfolded token is a *variant*: one a case- or
/// accent-sensitive term may need to tell apart from its insensitive
/// folding, because it holds an upper-case ASCII letter or a non-ASCII
/// character other than a sign ([`is_sign`]: `’`, `«`, which every folding
/// keeps). Every token a sensitive word occurs in is one: such a word
/// folds (with its own options) to text holding an upper-case letter or an
/// accented one, and so does any token it is part of. So the variants'
/// postings answer sensitive words exactly, as the tokens' answer
/// insensitive ones, for a fraction of their size (most tokens are plain
/// lower-case words).
fn is_variant(token: &str) -> bool {
    token
        .chars()
        .any(|c| c.is_ascii_uppercase() || !(c.is_ascii() || is_sign(c)))
}

/// Which field values a record has, as ids into [`Fields`]: author display,
/// last and first names; ministry, answering ministry, transferred-to
/// ministry; group.
type FieldIds = [u32; 7];

/// No value.
const NONE: u32 = u32::MAX;

/// The slots of [`FieldIds`] a filter region looks at.
fn slots(region: Region) -> Range<usize> {
    match region {
        Region::Author => 0..3,
        Region::Ministry => 3..6,
        Region::Group => 6..7,
        Region::Words => 0..0,
    }
}

/// What filters on status, lateness, dates and delays compare, per
/// indexed record: apart from its [`Doc`], so that such a filter scans 16
/// bytes a record, not the doc's 48.
#[derive(Debug, Clone, Copy)]
struct Facts {
    /// The question's date.
    date: Option<NaiveDate>,
    answer_date: Option<NaiveDate>,
    /// The record's `delay_days`, or [`NO_DELAY`]: no corpus takes a
    /// delay past `i32` (chrono's dates span fewer days).
    delay_days: i32,
    status: Status,
    late: Option<bool>,
    chamber: Chamber,
    kind: Kind,
}

/// [`Facts::delay_days`] when the record has none.
const NO_DELAY: i32 = i32::MIN;

impl Facts {
    fn new(record: &Record) -> Facts {
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

    fn delay_days(&self) -> Option<i64> {
        (self.delay_days != NO_DELAY).then_some(i64::from(self.delay_days))
    }
}

/// What text filters and phrases look at, per indexed record.
#[derive(Debug, Clone)]
struct Doc {
    fields: FieldIds,
    /// The record's tokens in order, as varints: token id plus one, or 0
    /// at the end of each field.
    sequence: Box<[u8]>,
}

/// The distinct values of the short fields, each with its folding.
#[derive(Debug, Default)]
struct Fields {
    ids: HashMap<Box<str>, u32>,
    values: Vec<(Box<str>, Box<str>)>,
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

    fn heap_bytes(&self) -> usize {
        let strings: usize = self.values.iter().map(|(o, f)| 2 * o.len() + f.len()).sum();
        strings
            + self.values.capacity() * size_of::<(Box<str>, Box<str>)>()
            + self.ids.capacity() * (size_of::<(Box<str>, u32)>() + 1)
    }
}

/// Each distinct token once, and a hash table to find a token's id.
#[derive(Default)]
struct Vocab {
    /// Tokens in id order, each followed by a `\n`.
    text: String,
    /// Where each token starts in `text`.
    starts: Vec<u32>,
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocab")
            .field("tokens", &self.starts.len())
            .finish_non_exhaustive()
    }
}

/// Token `id` of a vocabulary's `text` and `starts`.
fn token_at<'a>(text: &'a str, starts: &[u32], id: u32) -> &'a str {
    let id = id as usize;
    let start = starts[id] as usize;
    let end = starts.get(id + 1).map_or(text.len(), |&e| e as usize) - 1;
    &text[start..end]
}

impl Vocab {
    fn token(&self, id: u32) -> &str {
        token_at(&self.text, &self.starts, id)
    }

    fn find(&self, token: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(token);
        self.table
            .find(hash, |&id| self.token(id) == token)
            .copied()
    }

    /// The id of `token`, added if new.
    fn intern(&mut self, token: &str) -> u32 {
        let hash = self.hasher.hash_one(token);
        let Vocab {
            text,
            starts,
            table,
            hasher,
        } = self;
        if let Some(&id) = table.find(hash, |&id| token_at(text, starts, id) == token) {
            return id;
        }
        let id = u32::try_from(starts.len()).expect("fewer than 2^32 distinct tokens");
        starts.push(u32::try_from(text.len()).expect("a vocabulary under 4 GiB"));
        text.push_str(token);
        text.push('\n');
        table.insert_unique(hash, id, |&id| hasher.hash_one(token_at(text, starts, id)));
        id
    }

    /// The ids of the tokens that hold `piece`, and start with it when
    /// `at_start`, end with it when `at_end`. `piece` holds no space and no
    /// `\n`.
    fn matching(&self, piece: &str, at_start: bool, at_end: bool) -> Vec<u32> {
        if at_start && at_end {
            return self.find(piece).into_iter().collect();
        }
        let finder = Finder::new(piece.as_bytes());
        let bytes = self.text.as_bytes();
        let mut ids = Vec::new();
        let mut from = 0;
        let mut id = 0;
        while let Some(at) = finder.find(&bytes[from..]) {
            let at = from + at;
            while id + 1 < self.starts.len() && self.starts[id + 1] as usize <= at {
                id += 1;
            }
            let token = token_at(&self.text, &self.starts, id as u32);
            let fits =
                (!at_start || token.starts_with(piece)) && (!at_end || token.ends_with(piece));
            if fits {
                ids.push(id as u32);
            }
            match self.starts.get(id + 1) {
                Some(&next) => from = next as usize,
                None => break,
            }
        }
        ids
    }

    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.starts.shrink_to_fit();
        let hasher = &self.hasher;
        let (text, starts) = (&self.text, &self.starts);
        self.table
            .shrink_to_fit(|&id| hasher.hash_one(token_at(text, starts, id)));
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.starts.capacity() * size_of::<u32>()
            + self.table.capacity() * (size_of::<u32>() + 1)
    }
}

/// The records that hold one token, in increasing order.
#[derive(Debug, Clone)]
enum Postings {
    /// Differences to the previous id plus one, as LEB128 varints; `next`
    /// is the last id plus one.
    Sparse { bytes: Vec<u8>, next: u32 },
    /// A bit per record: smaller once most records hold the token.
    Dense(Vec<u64>),
}

impl Postings {
    fn new() -> Postings {
        Postings::Sparse {
            bytes: Vec::new(),
            next: 0,
        }
    }

    /// Adds `id`, greater than every id already in.
    fn push(&mut self, id: u32) {
        match self {
            Postings::Sparse { bytes, next } => {
                push_varint(bytes, id - *next);
                *next = id + 1;
                let words = id as usize / 64 + 1;
                if bytes.len() > 16 && bytes.len() >= words * 8 {
                    let mut dense = vec![0; words];
                    for_each_varint(bytes, |id| set_bit(&mut dense, id));
                    *self = Postings::Dense(dense);
                }
            }
            Postings::Dense(words) => {
                let word = id as usize / 64;
                if words.len() <= word {
                    words.resize(word + 1, 0);
                }
                set_bit(words, id);
            }
        }
    }

    /// Sets the bits of its records in `set`.
    fn union_into(&self, set: &mut Bitset) {
        match self {
            Postings::Sparse { bytes, .. } => for_each_varint(bytes, |id| set.insert(id)),
            Postings::Dense(words) => {
                for (a, b) in set.words.iter_mut().zip(words) {
                    *a |= b;
                }
            }
        }
    }

    fn shrink(&mut self) {
        match self {
            Postings::Sparse { bytes, .. } => bytes.shrink_to_fit(),
            Postings::Dense(words) => words.shrink_to_fit(),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Postings::Sparse { bytes, .. } => bytes.capacity(),
            Postings::Dense(words) => words.capacity() * size_of::<u64>(),
        }
    }
}

/// Appends `value` as a LEB128 varint.
fn push_varint(bytes: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Calls `f` with each value of a sequence of varints.
fn for_each_value(bytes: &[u8], mut f: impl FnMut(u32)) {
    let mut value = 0u32;
    let mut shift = 0;
    for &b in bytes {
        value |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            f(value);
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Calls `f` with each id of a sparse posting list.
fn for_each_varint(bytes: &[u8], mut f: impl FnMut(u32)) {
    let mut next = 0u32;
    let mut value = 0u32;
    let mut shift = 0;
    for &b in bytes {
        value |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            let id = next + value;
            f(id);
            next = id + 1;
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

fn set_bit(words: &mut [u64], id: u32) {
    words[id as usize / 64] |= 1 << (id % 64);
}

/// A set of record ids below `len`.
#[derive(Debug, Clone)]
struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    fn empty(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    fn full(len: usize) -> Bitset {
        let mut set = Bitset {
            words: vec![!0; len.div_ceil(64)],
            len,
        };
        if let Some(last) = set.words.last_mut()
            && !len.is_multiple_of(64)
        {
            *last = (1 << (len % 64)) - 1;
        }
        set
    }

    fn insert(&mut self, id: u32) {
        if (id as usize) < self.len {
            set_bit(&mut self.words, id);
        }
    }

    fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    fn contains(&self, id: u32) -> bool {
        self.words
            .get(id as usize / 64)
            .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn intersect(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    fn subtract(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Keeps the ids for which `keep` holds.
    fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (w, word) in self.words.iter_mut().enumerate() {
            let mut bits = *word;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if !keep(w * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }

    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// The inverted index of a corpus: see the module's documentation.
#[derive(Debug, Default)]
pub struct Index {
    vocab: Vocab,
    /// By token id.
    postings: Vec<Postings>,
    /// By token id: how many times it occurs in all, to pick the rarest
    /// piece of a phrase as its anchor.
    counts: Vec<u32>,
    /// The unfolded tokens sensitive terms are answered from ([`is_variant`]).
    variants: Vocab,
    /// By variant id.
    variant_postings: Vec<Postings>,
    /// By record id (the order records were added).
    docs: Vec<Doc>,
    /// By record id.
    facts: Vec<Facts>,
    fields: Fields,
    /// The tokens of the next batch, prepared while the last one was
    /// added ([`Index::add_batch`]): the position of its first record.
    prepared: Option<(usize, Vec<Tokens>)>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// The index of `records`, in order.
    pub fn build(records: &[Record]) -> Index {
        let mut index = Index::new();
        while index.len() < records.len() {
            index.add_batch(records, 2048);
        }
        index
    }

    /// Adds the next `size` records of `records` (the slice the index
    /// covers the start of), their tokens prepared in parallel; meanwhile
    /// the batch after is tokenised on the other threads, for the next
    /// call. So a caller can build an index in steps, between key presses.
    /// The last batch gives back the room kept for growth.
    pub fn add_batch(&mut self, records: &[Record], size: usize) {
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

    /// How many records it covers: the first ones added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether it covers no record.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds the next record, whose tokens are `tokens` ([`Tokens::new`]).
    fn add(&mut self, record: &Record, tokens: &Tokens) {
        let id = u32::try_from(self.docs.len()).expect("fewer than 2^32 records");
        let mut global = Vec::with_capacity(tokens.order.len() / 4);
        for token in tokens.iter() {
            let token = self.vocab.intern(token);
            if token as usize == self.postings.len() {
                self.postings.push(Postings::new());
                self.counts.push(0);
            }
            self.postings[token as usize].push(id);
            global.push(token);
        }
        for variant in tokens.variants.split_terminator('\n') {
            let variant = self.variants.intern(variant);
            if variant as usize == self.variant_postings.len() {
                self.variant_postings.push(Postings::new());
            }
            self.variant_postings[variant as usize].push(id);
        }
        let mut sequence = Vec::with_capacity(tokens.order.len() * 2);
        for &local in &tokens.order {
            let value = if local == FIELD_END {
                0
            } else {
                let token = global[local as usize];
                let count = &mut self.counts[token as usize];
                *count = count.saturating_add(1);
                token + 1
            };
            push_varint(&mut sequence, value);
        }
        let a = &record.author;
        let answer_ministry = record.answer.as_ref().and_then(|a| a.ministry.as_deref());
        let fields = [
            a.name.as_deref(),
            a.last_name.as_deref(),
            a.first_name.as_deref(),
            record.ministry.as_deref(),
            answer_ministry,
            record.transmitted_to.as_deref(),
            a.group.as_deref(),
        ]
        .map(|value| self.fields.intern(value));
        self.facts.push(Facts::new(record));
        self.docs.push(Doc {
            fields,
            sequence: sequence.into_boxed_slice(),
        });
    }

    /// Gives back the room kept for growth, once loading is over.
    fn shrink(&mut self) {
        self.vocab.shrink();
        self.postings.par_iter_mut().for_each(Postings::shrink);
        self.postings.shrink_to_fit();
        self.counts.shrink_to_fit();
        self.variants.shrink();
        self.variant_postings
            .par_iter_mut()
            .for_each(Postings::shrink);
        self.variant_postings.shrink_to_fit();
        self.docs.shrink_to_fit();
        self.facts.shrink_to_fit();
    }

    /// Heap bytes held, for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.vocab.heap_bytes()
            + self.postings.capacity() * size_of::<Postings>()
            + self
                .postings
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>()
            + self.counts.capacity() * size_of::<u32>()
            + self.variants.heap_bytes()
            + self.variant_postings.capacity() * size_of::<Postings>()
            + self
                .variant_postings
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>()
            + self.docs.capacity() * size_of::<Doc>()
            + self.facts.capacity() * size_of::<Facts>()
            + self.docs.iter().map(|d| d.sequence.len()).sum::<usize>()
            + self.fields.heap_bytes()
    }

    /// How many distinct tokens it holds.
    pub fn tokens(&self) -> usize {
        self.vocab.starts.len()
    }
}

mod answer;
mod phrase;
#[cfg(test)]
mod tests;
