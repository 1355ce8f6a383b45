//! Answering a query from the index ([`Index::filter`]): in each segment,
//! the filters narrow a set of records from what each record's facts and
//! field ids and the distinct field values say, the words intersect it with their postings,
//! and what the index cannot answer exactly (a phrase, a word's start, a
//! sensitive phrase) is left to check on the candidates that remain.
//!
//! Exclusion is the same work turned around: `-word` subtracts the
//! records the index says hold the word when it answers exactly, and
//! otherwise checks, on the candidates that may hold it, that they do not;
//! `-field:value` keeps the records the filter would drop. So `-cnil` or
//! `-status:answered` costs what `cnil` or `status:answered` costs.
//!
//! Records may lack their texts (a reader opened from its cache reads
//! them on demand): then a phrase is checked on the token sequences,
//! which answer an insensitive one exactly, and what needs the texts
//! themselves (a sensitive phrase) reads them for the candidates left
//! ([`Fetch`]).

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::phrase::{Phrase, Piece};
use super::postings::{Bitset, PostingsRef};
use super::{Facts, Fetch, FieldIds, Frozen, Index, Layer, NONE, Segment, is_variant, slots};
use crate::model::{Record, Status, waited_days};
use crate::search::index::Region;
use crate::search::matcher::{
    Check, Needle, OneByOne, Query, Whole, exact_key, family_is, number_is,
};
use crate::text::fold::fold_into;

/// What is left to check on a candidate record.
enum Verify<'q> {
    /// Consecutive tokens of one field, each in its set: an insensitive
    /// phrase, exactly, or a pre-filter for a sensitive one.
    Phrase(Phrase),
    /// The needle in the region's fields folded on the fly.
    Fold(Region, &'q Needle),
    /// An excluded term: the record passes unless it is one of these
    /// records, which may hold the term, and the checks say it does.
    Absent(Bitset, Vec<Verify<'q>>),
}

impl Verify<'_> {
    /// Whether record `id` (`record`) passes.
    fn holds(
        &self,
        segment: &Segment,
        id: usize,
        record: &mut Texts<'_>,
        scratch: &mut Scratch,
    ) -> bool {
        match self {
            Verify::Phrase(phrase) => {
                phrase.holds(segment.terms.sequence(id), &mut scratch.sequence)
            }
            Verify::Fold(region, needle) => {
                needle.occurs_in_fields(record.full(), *region, &mut scratch.text)
            }
            Verify::Absent(holding, checks) => {
                !holding.contains(id as u32)
                    || !checks
                        .iter()
                        .all(|check| check.holds(segment, id, record, scratch))
            }
        }
    }
}

impl Verify<'_> {
    /// Whether the check needs nothing but the segment's terms: a phrase
    /// on the token sequences, or an exclusion made of such checks.
    fn textless(&self) -> bool {
        match self {
            Verify::Phrase(_) => true,
            Verify::Fold(..) => false,
            Verify::Absent(_, checks) => checks.iter().all(Verify::textless),
        }
    }

    /// [`Verify::holds`] for a [textless](Verify::textless) check.
    fn holds_alone(&self, segment: &Segment, id: usize, scratch: &mut Scratch) -> bool {
        match self {
            Verify::Phrase(phrase) => {
                phrase.holds(segment.terms.sequence(id), &mut scratch.sequence)
            }
            Verify::Fold(..) => false,
            Verify::Absent(holding, checks) => {
                !holding.contains(id as u32)
                    || !checks
                        .iter()
                        .all(|check| check.holds_alone(segment, id, scratch))
            }
        }
    }

    fn has_phrase(&self) -> bool {
        match self {
            Verify::Phrase(_) => true,
            Verify::Fold(..) => false,
            Verify::Absent(_, checks) => checks.iter().any(Verify::has_phrase),
        }
    }
}

/// The records of a frozen index (by their id in it, in order) that
/// `query` matches, when its terms alone answer exactly, without a
/// record's metadata or texts: a query of words and phrases, no filter,
/// no sensitive phrase nor any term that must be checked on the texts.
/// `None` otherwise, and when `sequences` (asked before a phrase is
/// checked on the token sequences) says they cannot be trusted.
///
/// What [`Index::filter_with`] answers for the same records with their
/// metadata, when the query has no filter: the same candidates, the
/// same checks.
pub fn answer_alone(
    frozen: Frozen,
    query: &Query,
    sequences: &dyn Fn() -> bool,
) -> Option<Vec<usize>> {
    if !query.checks().is_empty() {
        return None;
    }
    let docs = frozen.docs();
    let segment = Segment::bare(frozen, docs);
    let (set, verify) = segment.candidates(&|_| None, query, true);
    if !verify.iter().all(Verify::textless) {
        return None;
    }
    if verify.is_empty() {
        return Some(set.ones().collect());
    }
    if verify.iter().any(Verify::has_phrase) && !set.is_empty() && !sequences() {
        return None;
    }
    Some(checked(set.ones(), |id, scratch| {
        verify
            .iter()
            .all(|check| check.holds_alone(&segment, id, scratch))
    }))
}

/// The candidates `ids` that pass `check`, in order, checked on all cores.
/// Chunks of candidates, not one task each: a check takes microseconds,
/// and splitting 70,000 of them into tasks and gathering their results
/// cost more than the checks.
fn checked(
    ids: impl Iterator<Item = usize>,
    check: impl Fn(usize, &mut Scratch) -> bool + Sync,
) -> Vec<usize> {
    let ids: Vec<usize> = ids.collect();
    ids.par_chunks(CHECKED_TOGETHER)
        .map(|chunk| {
            let mut scratch = Scratch::default();
            chunk
                .iter()
                .copied()
                .filter(|&id| check(id, &mut scratch))
                .collect::<Vec<usize>>()
        })
        .collect::<Vec<Vec<usize>>>()
        .concat()
}

/// Room a check reuses from record to record.
#[derive(Default)]
struct Scratch {
    text: String,
    sequence: Vec<u32>,
}

/// A candidate record, and the same with its texts once a check needed
/// them.
struct Texts<'r> {
    record: &'r Record,
    fetch: Option<Fetch<'r>>,
    full: Option<Record>,
}

impl Texts<'_> {
    /// The record with its texts: read once, when first wanted.
    fn full(&mut self) -> &Record {
        if self.full.is_none()
            && let Some(fetch) = self.fetch.take()
        {
            self.full = fetch(self.record);
        }
        self.full.as_ref().unwrap_or(self.record)
    }
}

/// How many candidates one task of [`Index::filter`] checks.
const CHECKED_TOGETHER: usize = 1024;

/// Keeps the ids of `set` whose facts `hold` (when `wanted`) or do not.
fn keep(set: &mut Bitset, facts: &[Facts], wanted: bool, hold: impl Fn(&Facts) -> bool) {
    set.retain(|id| facts.get(id).is_some_and(|f| hold(f) == wanted));
}

/// Keeps the ids of `set` whose field ids `hold` (when `wanted`) or do
/// not.
fn keep_fields(
    set: &mut Bitset,
    docs: &[FieldIds],
    wanted: bool,
    hold: impl Fn(&FieldIds) -> bool,
) {
    set.retain(|id| docs.get(id).is_some_and(|fields| hold(fields) == wanted));
}

impl Index {
    /// The positions in `records` of those that pass, in order. The
    /// records must be those the index was built or placed for, in the
    /// same order; records after those it covers are tested one by one.
    pub fn filter(&self, records: &[Record], query: &Query) -> Vec<usize> {
        self.filter_with(records, query, None)
    }

    /// [`Index::filter`] over records that may lack their texts: `fetch`
    /// gives a record with them when a check needs them (a sensitive
    /// phrase), and phrases are checked on token sequences rather than
    /// on texts.
    pub fn filter_with(
        &self,
        records: &[Record],
        query: &Query,
        fetch: Option<Fetch<'_>>,
    ) -> Vec<usize> {
        if query.is_empty() {
            return (0..records.len()).collect();
        }
        let mut hits = Vec::new();
        for layer in &self.layers {
            let found = layer.filter(records, query, fetch);
            if hits.is_empty() {
                hits = found;
            } else {
                hits.extend(found);
                hits.sort_unstable();
            }
        }
        hits.retain(|&at| at < records.len());
        let covered = self.covered.min(records.len());
        let mut rest: Vec<usize> = self
            .missing
            .iter()
            .copied()
            .filter(|&p| p < records.len())
            .collect();
        rest.extend(covered..records.len());
        if !rest.is_empty() {
            let one_by_one = OneByOne::new(query);
            let passed: Vec<usize> = rest
                .par_iter()
                .copied()
                .filter(|&p| {
                    let mut texts = Texts {
                        record: &records[p],
                        fetch,
                        full: None,
                    };
                    one_by_one.matches(texts.full())
                })
                .collect();
            hits.extend(passed);
            hits.sort_unstable();
            hits.dedup();
        }
        hits
    }
}

impl Layer {
    /// The positions of the records of this layer that pass, in order.
    fn filter(&self, records: &[Record], query: &Query, fetch: Option<Fetch<'_>>) -> Vec<usize> {
        let segment = &*self.segment;
        let record = |id: usize| self.position(id).and_then(|p| records.get(p));
        let (mut set, verify) = segment.candidates(&record, query, fetch.is_some());
        if let Some(alive) = &self.alive {
            set.intersect(alive);
        }
        let ids: Vec<usize> = if verify.is_empty() {
            set.ones().collect()
        } else {
            checked(set.ones(), |id, scratch| {
                let Some(record) = record(id) else {
                    return false;
                };
                let mut texts = Texts {
                    record,
                    fetch,
                    full: None,
                };
                verify
                    .iter()
                    .all(|check| check.holds(segment, id, &mut texts, scratch))
            })
        };
        ids.into_iter().filter_map(|id| self.position(id)).collect()
    }
}

impl Segment {
    /// The indexed records that may pass, and what must still be checked
    /// on each of them to know.
    fn candidates<'q, 'r>(
        &self,
        record: &dyn Fn(usize) -> Option<&'r Record>,
        query: &'q Query,
        textless: bool,
    ) -> (Bitset, Vec<Verify<'q>>) {
        let mut set = Bitset::full(self.len());
        let mut verify = Vec::new();
        for check in query.checks() {
            self.narrow(record, query, check, true, &mut set, &mut verify);
        }
        let terms = query.words().iter().map(|needle| (needle, true));
        let excluded = query.excluded().iter().map(|needle| (needle, false));
        for (needle, present) in terms.chain(excluded) {
            if set.is_empty() {
                break;
            }
            self.term(needle, present, textless, &mut set, &mut verify);
        }
        (set, verify)
    }

    /// Narrows `set` to the records for which `check` holds (`wanted`) or
    /// does not; what the index cannot tell goes to `verify`.
    fn narrow<'q, 'r>(
        &self,
        record: &dyn Fn(usize) -> Option<&'r Record>,
        query: &Query,
        check: &'q Check,
        wanted: bool,
        set: &mut Bitset,
        verify: &mut Vec<Verify<'q>>,
    ) {
        let facts = &self.facts;
        match check {
            Check::Status(s) => keep(set, facts, wanted, |f| f.status == *s),
            Check::Chamber(c) => keep(set, facts, wanted, |f| f.chamber == *c),
            Check::Kind(k) => keep(set, facts, wanted, |f| f.kind == *k),
            Check::Late(l) => keep(set, facts, wanted, |f| f.late == Some(*l)),
            Check::After(d) => keep(set, facts, wanted, |f| f.date.is_some_and(|q| q > *d)),
            Check::Before(d) => keep(set, facts, wanted, |f| f.date.is_some_and(|q| q < *d)),
            Check::Answered(a) => {
                keep(set, facts, wanted, |f| (f.status == Status::Answered) == *a)
            }
            Check::AnswerAfter(d) => keep(set, facts, wanted, |f| {
                f.answer_date.is_some_and(|a| a > *d)
            }),
            Check::AnswerBefore(d) => keep(set, facts, wanted, |f| {
                f.answer_date.is_some_and(|a| a < *d)
            }),
            Check::Delay(comparison) => {
                let today = query.today();
                keep(set, facts, wanted, |f| {
                    waited_days(f.status, f.date, f.delay_days(), today)
                        .is_some_and(|days| comparison.holds(days))
                });
            }
            Check::Number(number) => set
                .retain(|id| record(id).is_some_and(|record| number_is(record, number)) == wanted),
            // Families are the records' own, computed after the index.
            Check::Family(key) => {
                set.retain(|id| record(id).is_some_and(|record| family_is(record, key)) == wanted)
            }
            Check::Reused(yes) => set.retain(|id| {
                record(id).is_some_and(|record| record.family.is_some() == *yes) == wanted
            }),
            Check::Exact(whole, key) => {
                let values: Vec<bool> = self
                    .fields
                    .values
                    .iter()
                    .map(|(_, folded)| exact_key(folded) == &**key)
                    .collect();
                // The display name, the ministry that must answer, the group.
                let slot = match whole {
                    Whole::Author => 0,
                    Whole::Ministry => 3,
                    Whole::Group => 6,
                };
                keep_fields(set, &self.docs, wanted, |fields| match fields[slot] {
                    NONE => key.is_empty(),
                    value => values[value as usize],
                });
            }
            Check::Text(Region::Words, needle) => {
                let holding = self.words(needle).0;
                let checks = vec![Verify::Fold(Region::Words, needle)];
                if wanted {
                    set.intersect(&holding);
                    verify.extend(checks);
                } else {
                    verify.push(Verify::Absent(holding, checks));
                }
            }
            Check::Text(region, needle) => {
                let mut scratch = String::new();
                let values: Vec<bool> = self
                    .fields
                    .values
                    .iter()
                    .map(|(original, folded)| {
                        needle.occurs_in(original, Some(folded), &mut scratch)
                    })
                    .collect();
                let slots = slots(*region);
                keep_fields(set, &self.docs, wanted, |fields| {
                    fields[slots.clone()]
                        .iter()
                        .any(|&f| f != NONE && values[f as usize])
                });
            }
            Check::Not(check) => self.narrow(record, query, check, !wanted, set, verify),
        }
    }

    /// Narrows `set` to the records that hold `needle` (`present`) or do
    /// not; what the index cannot tell goes to `verify`.
    fn term<'q>(
        &self,
        needle: &'q Needle,
        present: bool,
        textless: bool,
        set: &mut Bitset,
        verify: &mut Vec<Verify<'q>>,
    ) {
        let (mut holding, phrase) = self.words(needle);
        let insensitive = needle.exact.is_none();
        // A word: the index answered, or for a sensitive one its
        // variants. An insensitive phrase: the sequences answer.
        // Anything else is folded again.
        let answered = if insensitive {
            phrase.is_some() || !needle.index.needle().contains(&b' ')
        } else {
            self.sensitive(needle, &mut holding)
        };
        let mut checks = Vec::new();
        let mut folds = !answered;
        match phrase.map(Phrase::new) {
            Some(phrase) if phrase.is_anchored() || textless => {
                checks.push(Verify::Phrase(phrase));
                // Without texts, the sequences answer an insensitive
                // phrase exactly.
                folds &= !(textless && insensitive);
            }
            // The raw-text regex checks a phrase faster than decoding
            // its tokens.
            Some(_) if needle.raw.is_some() => folds = true,
            Some(phrase) => checks.push(Verify::Phrase(phrase)),
            None => {}
        }
        if folds {
            checks.push(Verify::Fold(Region::Words, needle));
        }
        if present {
            set.intersect(&holding);
            verify.extend(checks);
        } else if checks.is_empty() {
            set.subtract(&holding);
        } else {
            verify.push(Verify::Absent(holding, checks));
        }
    }

    /// The records whose tokens may hold `needle`'s insensitive folding:
    /// exactly those that hold it when it has no space. For a phrase of
    /// non-empty pieces, also the tokens each piece may be, by position.
    fn words(&self, needle: &Needle) -> (Bitset, Option<Vec<Piece>>) {
        let len = self.len();
        let mut set = Bitset::full(len);
        let text = std::str::from_utf8(needle.index.needle()).unwrap_or_default();
        let pieces: Vec<&str> = text.split(' ').collect();
        let last = pieces.len() - 1;
        let well_formed = last > 0 && pieces.iter().all(|p| !p.is_empty());
        let mut phrase = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            if piece.is_empty() {
                continue;
            }
            let tokens = self.terms.matching(piece, i > 0, i < last);
            set.intersect(&self.union(&tokens, |t| self.terms.postings(t)));
            if well_formed {
                let mut members = Bitset::empty(self.terms.tokens());
                for &t in &tokens {
                    members.insert(t);
                }
                let occurrences = tokens.iter().map(|&t| u64::from(self.terms.count(t))).sum();
                phrase.push(Piece {
                    members,
                    ids: tokens,
                    occurrences,
                });
            }
        }
        (set, well_formed.then_some(phrase))
    }

    /// Narrows `set` to the records whose variants ([`is_variant`]) may
    /// hold a sensitive `needle`: those holding, for each space-separated
    /// piece of its folding that has an upper-case ASCII letter or a
    /// non-ASCII character, a variant whose folding with the needle's
    /// options holds the piece. Returns whether that answered exactly: a
    /// word (one piece, which then always has such a character). An
    /// insensitive needle leaves `set` as it is.
    fn sensitive(&self, needle: &Needle, set: &mut Bitset) -> bool {
        let Some(exact) = needle.exact.as_ref() else {
            return false;
        };
        let text = std::str::from_utf8(exact.needle()).unwrap_or_default();
        let mut pieces = 0;
        let mut narrowed = 0;
        let mut folded = String::new();
        for piece in text.split(' ').filter(|p| !p.is_empty()) {
            pieces += 1;
            if !is_variant(piece) || set.is_empty() {
                continue;
            }
            narrowed += 1;
            let finder = Finder::new(piece.as_bytes());
            let variants = self.terms.variants();
            let ids: Vec<u32> = (0..variants.len() as u32)
                .filter(|&id| {
                    folded.clear();
                    fold_into(variants.token(id), needle.options, &mut folded);
                    finder.find(folded.as_bytes()).is_some()
                })
                .collect();
            set.intersect(&self.union(&ids, |v| self.terms.variant_postings(v)));
        }
        pieces == 1 && narrowed == 1 && !text.contains(' ')
    }

    /// The records that hold one of `tokens`, whose lists `postings`
    /// gives.
    fn union<'a>(&self, tokens: &[u32], postings: impl Fn(u32) -> PostingsRef<'a>) -> Bitset {
        let len = self.len();
        let mut set = Bitset::empty(len);
        let dense = |&&t: &&u32| postings(t).is_dense();
        for &t in tokens.iter().filter(dense) {
            postings(t).union_into(&mut set);
        }
        if tokens.iter().any(|t| !dense(&t)) && set.count() < len {
            for (n, &t) in tokens.iter().filter(|t| !dense(t)).enumerate() {
                postings(t).union_into(&mut set);
                if n % 256 == 255 && set.count() == len {
                    break;
                }
            }
        }
        set
    }
}
