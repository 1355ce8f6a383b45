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
//!
//! Layers: an index is one or more *segments*, each placed at positions
//! of the records it answers for. The reader building its index in
//! memory has one, growing at the end of the records. A reader opening a
//! cache has the cache's segment, mapped from the file ([`Frozen`]), with
//! the records of files changed since left out, and a segment built in
//! memory for the records of those files: each is queried alone, and
//! their answers, mapped to positions, merged. Facts and short fields are
//! always computed from the records (they are small, and an awaiting
//! question's lateness depends on the day).

use std::sync::Arc;

use hashbrown::{HashMap, HashSet};

use super::index::{Region, region_fields};
use crate::model::Record;
use crate::text::fold::{FoldOptions, fold_into, is_sign};

pub use answer::answer_alone;
pub use frozen::{Frozen, Memory, Owner, SEQUENCES, Sink, Unsound};
use postings::Bitset;
use segment::{Facts, FieldIds, NONE, Segment, slots};
use terms::Terms;

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

/// Where a segment's records are among the records a filter is given.
#[derive(Debug)]
enum Place {
    /// Record `i` of the segment is at `start + i`.
    From(usize),
    /// Record `i` is at `positions[i]`; [`GONE`] for one left out.
    At(Vec<u32>),
}

/// A record of a segment that is not among the records any more.
const GONE: u32 = u32::MAX;

/// A segment and where its records are.
#[derive(Debug)]
struct Layer {
    segment: Arc<Segment>,
    place: Place,
    /// The records of the segment still among the records, when some are
    /// not.
    alive: Option<Bitset>,
}

impl Layer {
    fn position(&self, id: usize) -> Option<usize> {
        match &self.place {
            Place::From(start) => Some(start + id),
            Place::At(positions) => positions
                .get(id)
                .filter(|&&p| p != GONE)
                .map(|&p| p as usize),
        }
    }

    /// How many records of the segment are among the records.
    fn alive(&self) -> usize {
        self.alive
            .as_ref()
            .map_or(self.segment.len(), Bitset::count)
    }
}

/// What a segment of [`Index::placed`] is made of.
pub enum Source {
    /// Terms mapped from a cache file.
    Frozen(Frozen),
    /// An index built in memory ([`Index::build`]) of records given alone.
    Built(Index),
}

/// Gives, for a record that may lack its texts, the record with them:
/// `None` when it has them already (or they cannot be read).
pub type Fetch<'f> = &'f (dyn Fn(&Record) -> Option<Record> + Sync);

/// The inverted index of a corpus: see the module's documentation.
#[derive(Debug, Default)]
pub struct Index {
    layers: Vec<Layer>,
    /// The records from this position on are not in any layer: the
    /// filter tests them one by one.
    covered: usize,
    /// Positions before `covered` in no layer (records of a
    /// [`Index::placed`] index that no segment placed).
    missing: Vec<usize>,
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

    /// An index of segments placed among `records`: each source with the
    /// position in `records` of each of its records (or [`u32::MAX`] for
    /// a record left out: a record of a file changed since). Facts and
    /// fields come from `records`. Records no segment places are tested
    /// one by one.
    pub fn placed(sources: Vec<(Source, Vec<u32>)>, records: &[Record]) -> Index {
        let mut layers = Vec::new();
        let mut placed = vec![false; records.len()];
        for (source, positions) in sources {
            let record = |i: usize| {
                positions
                    .get(i)
                    .and_then(|&p| records.get(p as usize).filter(|_| p != GONE))
            };
            let segment = match source {
                Source::Frozen(frozen) => {
                    let docs = frozen.docs();
                    Arc::new(Segment::frozen(frozen, (0..docs).map(record)))
                }
                Source::Built(mut index) => match index.layers.pop() {
                    Some(layer) if index.layers.is_empty() => layer.segment,
                    _ => continue,
                },
            };
            let mut alive = Bitset::empty(segment.len());
            for (id, &p) in positions.iter().enumerate().take(segment.len()) {
                if let Some(slot) = placed.get_mut(p as usize)
                    && p != GONE
                    && !*slot
                {
                    *slot = true;
                    alive.insert(id as u32);
                }
            }
            let all = alive.count() == segment.len();
            layers.push(Layer {
                segment,
                place: Place::At(positions),
                alive: (!all).then_some(alive),
            });
        }
        let missing = (0..records.len()).filter(|&p| !placed[p]).collect();
        Index {
            layers,
            covered: records.len(),
            missing,
        }
    }

    /// Adds the next `size` records of `records` (the slice the index
    /// covers the start of), their tokens prepared in parallel; meanwhile
    /// the batch after is tokenised on the other threads, for the next
    /// call. So a caller can build an index in steps, between key presses.
    /// The last batch gives back the room kept for growth.
    pub fn add_batch(&mut self, records: &[Record], size: usize) {
        let start = self.covered;
        if start >= records.len() {
            return;
        }
        let growing = self.layers.last_mut().and_then(|layer| match layer.place {
            Place::From(from) if from + layer.segment.len() == start => {
                Arc::get_mut(&mut layer.segment).map(|s| (from, s))
            }
            _ => None,
        });
        let (from, segment) = match growing {
            Some((from, segment)) if matches!(segment.terms, Terms::Built(_)) => (from, segment),
            _ => {
                self.layers.push(Layer {
                    segment: Arc::new(Segment::default()),
                    place: Place::From(start),
                    alive: None,
                });
                let Some(segment) = self
                    .layers
                    .last_mut()
                    .and_then(|l| Arc::get_mut(&mut l.segment))
                else {
                    return;
                };
                (start, segment)
            }
        };
        segment.add_batch(&records[from..], size);
        self.covered = from + segment.len();
    }

    /// How many records it covers.
    pub fn len(&self) -> usize {
        self.layers.iter().map(Layer::alive).sum()
    }

    /// Whether it covers no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap bytes held, for memory accounting (a mapped segment's bytes
    /// are the file's, not the heap's).
    pub fn heap_bytes(&self) -> usize {
        self.layers.iter().map(|l| l.segment.heap_bytes()).sum()
    }

    /// How many distinct tokens it holds (in its first segment).
    pub fn tokens(&self) -> usize {
        self.layers.first().map_or(0, |l| l.segment.terms.tokens())
    }

    /// Whether it is one segment built in memory covering `records`
    /// exactly, in order: what [`Index::write`] writes as is.
    pub fn is_whole(&self, records: usize) -> bool {
        matches!(self.layers.as_slice(), [layer]
            if matches!(layer.place, Place::From(0))
                && layer.segment.len() == records
                && matches!(layer.segment.terms, Terms::Built(_)))
    }

    /// Writes the text side of a whole index ([`Index::is_whole`]) as the
    /// sections [`Frozen::open`] reads; an index of several segments is
    /// compacted into one first ([`Index::compact`]).
    ///
    /// # Errors
    /// The sink failed, or the index is not whole.
    pub fn write(&self, sink: &mut dyn Sink) -> std::io::Result<()> {
        match self.layers.as_slice() {
            [] => frozen::write(&terms::Built::default(), sink),
            [layer] if matches!(layer.place, Place::From(0)) => match &layer.segment.terms {
                Terms::Built(built) => frozen::write(built, sink),
                Terms::Frozen(_) => Err(std::io::Error::other("a frozen index is written already")),
            },
            _ => Err(std::io::Error::other("compact the index before writing it")),
        }
    }

    /// One segment built in memory with the records of every segment, in
    /// the order of `records` (those the index places), made from the
    /// segments' token sequences and variants, without the records'
    /// texts: what a cache of changed files is written from. Records no
    /// segment places are indexed from their texts (so they must hold
    /// them).
    pub fn compact(&self, records: &[Record]) -> Index {
        let mut owner: Vec<Option<(usize, usize)>> = vec![None; records.len()];
        for (l, layer) in self.layers.iter().enumerate() {
            for id in 0..layer.segment.len() {
                let alive = layer.alive.as_ref().is_none_or(|a| a.contains(id as u32));
                if let Some(p) = layer.position(id).filter(|_| alive)
                    && let Some(slot) = owner.get_mut(p)
                {
                    *slot = Some((l, id));
                }
            }
        }
        let variants: Vec<Vec<Vec<u32>>> = self
            .layers
            .iter()
            .map(|l| l.segment.variants_by_record())
            .collect();
        let mut segment = Segment::default();
        for (record, owner) in records.iter().zip(&owner) {
            let tokens = match owner {
                Some((l, id)) => {
                    let list = variants[*l].get(*id).map_or(&[][..], Vec::as_slice);
                    self.layers[*l].segment.tokens_of(*id, list)
                }
                None => Tokens::new(record),
            };
            segment.add(record, &tokens);
        }
        segment.shrink();
        Index {
            layers: vec![Layer {
                segment: Arc::new(segment),
                place: Place::From(0),
                alive: None,
            }],
            covered: records.len(),
            missing: Vec::new(),
        }
    }

    /// A handle on the whole index that another thread can write from
    /// while this one keeps answering queries with it.
    pub fn share(&self) -> Index {
        Index {
            layers: self
                .layers
                .iter()
                .map(|layer| Layer {
                    segment: Arc::clone(&layer.segment),
                    place: match &layer.place {
                        Place::From(start) => Place::From(*start),
                        Place::At(positions) => Place::At(positions.clone()),
                    },
                    alive: layer.alive.clone(),
                })
                .collect(),
            covered: self.covered,
            missing: self.missing.clone(),
        }
    }
}

mod answer;
mod frozen;
mod phrase;
mod postings;
mod segment;
mod terms;
#[cfg(test)]
mod tests;
