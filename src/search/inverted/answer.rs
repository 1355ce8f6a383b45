//! Answering a query from the index ([`Index::filter`]): the filters
//! narrow a set of records from what each record's [`Doc`] and the
//! distinct field values say, the words intersect it with their postings,
//! and what the index cannot answer exactly (a phrase, a word's start, a
//! sensitive phrase) is left to check on the candidates that remain.

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::phrase::{Phrase, Piece};
use super::{Bitset, Index, NONE, Postings, is_variant, slots};
use crate::model::Record;
use crate::search::index::Region;
use crate::search::matcher::{Check, Needle, OneByOne, Query};
use crate::text::fold::fold_into;

/// What is left to check on a candidate record.
enum Verify<'q> {
    /// Consecutive tokens of one field, each in its set: an insensitive
    /// phrase, exactly, or a pre-filter for a sensitive one.
    Phrase(Phrase),
    /// The needle in the region's fields folded on the fly.
    Fold(Region, &'q Needle),
}

/// How many candidates one task of [`Index::filter`] checks.
const CHECKED_TOGETHER: usize = 1024;

impl Index {
    /// The positions in `records` of those that pass, in order. The first
    /// [`Index::len`] records must be the ones indexed, in the order they
    /// were added; later ones are tested one by one.
    pub fn filter(&self, records: &[Record], query: &Query) -> Vec<usize> {
        if query.is_empty() {
            return (0..records.len()).collect();
        }
        let covered = self.docs.len().min(records.len());
        let (set, verify) = self.candidates(query);
        let mut hits: Vec<usize> = if verify.is_empty() {
            set.ones().collect()
        } else {
            let ids: Vec<usize> = set.ones().filter(|&id| id < records.len()).collect();
            // Chunks of candidates, not one task each: a check takes
            // microseconds, and splitting 70,000 of them into tasks and
            // gathering their results cost more than the checks.
            ids.par_chunks(CHECKED_TOGETHER)
                .map(|chunk| {
                    let (mut scratch, mut sequence) = (String::new(), Vec::new());
                    chunk
                        .iter()
                        .copied()
                        .filter(|&id| {
                            let record = &records[id];
                            verify.iter().all(|check| match check {
                                Verify::Phrase(phrase) => {
                                    phrase.holds(&self.docs[id].sequence, &mut sequence)
                                }
                                Verify::Fold(region, needle) => {
                                    needle.occurs_in_fields(record, *region, &mut scratch)
                                }
                            })
                        })
                        .collect::<Vec<usize>>()
                })
                .collect::<Vec<Vec<usize>>>()
                .concat()
        };
        hits.retain(|&at| at < records.len());
        if covered < records.len() {
            let one_by_one = OneByOne::new(query);
            let rest: Vec<usize> = records[covered..]
                .par_iter()
                .enumerate()
                .filter_map(|(i, record)| one_by_one.matches(record).then_some(covered + i))
                .collect();
            hits.extend(rest);
        }
        hits
    }

    /// The indexed records that may pass, and what must still be checked
    /// on each of them to know.
    fn candidates<'q>(&self, query: &'q Query) -> (Bitset, Vec<Verify<'q>>) {
        let len = self.docs.len();
        let mut set = Bitset::full(len);
        let mut verify = Vec::new();
        let mut scratch = String::new();
        for check in query.checks() {
            match check {
                Check::Status(s) => set.retain(|id| self.docs[id].status == *s),
                Check::Late(l) => set.retain(|id| self.docs[id].late == Some(*l)),
                Check::After(d) => set.retain(|id| self.docs[id].date.is_some_and(|q| q > *d)),
                Check::Before(d) => set.retain(|id| self.docs[id].date.is_some_and(|q| q < *d)),
                Check::Text(Region::Words, needle) => {
                    set.intersect(&self.words(needle).0);
                    verify.push(Verify::Fold(Region::Words, needle));
                }
                Check::Text(region, needle) => {
                    let values: Vec<bool> = self
                        .fields
                        .values
                        .iter()
                        .map(|(original, folded)| {
                            needle.occurs_in(original, Some(folded), &mut scratch)
                        })
                        .collect();
                    let slots = slots(*region);
                    set.retain(|id| {
                        self.docs[id].fields[slots.clone()]
                            .iter()
                            .any(|&f| f != NONE && values[f as usize])
                    });
                }
            }
        }
        for needle in query.words() {
            if set.is_empty() {
                break;
            }
            let (records, phrase) = self.words(needle);
            set.intersect(&records);
            let insensitive = needle.exact.is_none();
            // A word: the index answered, or for a sensitive one its
            // variants. An insensitive phrase: the sequences answer.
            // Anything else is folded again.
            let answered = if insensitive {
                phrase.is_some() || !needle.index.needle().contains(&b' ')
            } else {
                self.sensitive(needle, &mut set)
            };
            match phrase.map(Phrase::new) {
                Some(phrase) if phrase.is_anchored() => verify.push(Verify::Phrase(phrase)),
                // The raw-text regex checks a phrase faster than decoding
                // its tokens.
                Some(_) if needle.raw.is_some() => {
                    verify.push(Verify::Fold(Region::Words, needle));
                    continue;
                }
                Some(phrase) => verify.push(Verify::Phrase(phrase)),
                None => {}
            }
            if !answered {
                verify.push(Verify::Fold(Region::Words, needle));
            }
        }
        (set, verify)
    }

    /// The records whose tokens may hold `needle`'s insensitive folding:
    /// exactly those that hold it when it has no space. For a phrase of
    /// non-empty pieces, also the tokens each piece may be, by position.
    fn words(&self, needle: &Needle) -> (Bitset, Option<Vec<Piece>>) {
        let len = self.docs.len();
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
            let tokens = self.vocab.matching(piece, i > 0, i < last);
            set.intersect(&self.union(&self.postings, &tokens));
            if well_formed {
                let mut members = Bitset::empty(self.vocab.starts.len());
                for &t in &tokens {
                    members.insert(t);
                }
                let occurrences = tokens
                    .iter()
                    .map(|&t| u64::from(self.counts[t as usize]))
                    .sum();
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
            let ids: Vec<u32> = (0..self.variants.starts.len() as u32)
                .filter(|&id| {
                    folded.clear();
                    fold_into(self.variants.token(id), needle.options, &mut folded);
                    finder.find(folded.as_bytes()).is_some()
                })
                .collect();
            set.intersect(&self.union(&self.variant_postings, &ids));
        }
        pieces == 1 && narrowed == 1 && !text.contains(' ')
    }

    /// The records that hold one of `tokens`, ids into `postings`.
    fn union(&self, postings: &[Postings], tokens: &[u32]) -> Bitset {
        let len = self.docs.len();
        let mut set = Bitset::empty(len);
        let dense = |&&t: &&u32| matches!(postings[t as usize], Postings::Dense(_));
        for &t in tokens.iter().filter(dense) {
            postings[t as usize].union_into(&mut set);
        }
        if tokens.iter().any(|t| !dense(&t)) && set.count() < len {
            for (n, &t) in tokens.iter().filter(|t| !dense(t)).enumerate() {
                postings[t as usize].union_into(&mut set);
                if n % 256 == 255 && set.count() == len {
                    break;
                }
            }
        }
        set
    }
}
