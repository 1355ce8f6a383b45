//! A parsed query compiled for matching: which records pass, and where its
//! words and phrases occur in a text to highlight them.
//!
//! Matching is substring matching on folded text, like a browser's find, not
//! whole words: `camera` finds `caméras`, `loi` finds `aloi`. Words may occur
//! in different fields; a phrase must occur within one field, across any
//! whitespace (non-breaking spaces, line breaks). Each term and each text
//! filter is folded once here, with its own smart sensitivity, and searched
//! with a prebuilt `memmem` finder.
//!
//! A query holds the day the corpus was loaded with ([`Query::parse`]):
//! `delay:` counts an awaiting question's days up to it, as its lateness
//! was judged on it when it was loaded, and a record does not carry it.

use std::ops::Range;

use chrono::NaiveDate;
use memchr::memmem::Finder;
use rayon::prelude::*;

use super::index::{Haystack, Region, fold_region, region_fields};
use super::query::{self, ParsedQuery, QueryError, Term};
use super::raw::{LazyRegex, Plain, RawTerms};
use crate::load::Probe;
use crate::model::Record;
use crate::text::fold::{FoldOptions, fold, fold_into, fold_str};

/// A query ready to match records and highlight text.
#[derive(Debug, Clone)]
pub struct Query {
    parsed: ParsedQuery,
    /// Word and phrase terms, longest first (usually the rarest).
    words: Vec<Needle>,
    /// Excluded words and phrases: none may occur.
    excluded: Vec<Needle>,
    /// Filters, cheap comparisons first.
    filters: Vec<Check>,
    /// The day the corpus was loaded with, to which an awaiting question's
    /// delay runs.
    today: NaiveDate,
}

/// One term folded for searching.
#[derive(Debug, Clone)]
pub(super) struct Needle {
    pub(super) options: FoldOptions,
    /// Its insensitive folding, searched in the index.
    pub(super) index: Finder<'static>,
    /// Its folding with its own options, when that is not the insensitive
    /// one: searched in the record's fields folded the same way.
    pub(super) exact: Option<Finder<'static>>,
    /// For such a term, the same search on the unfolded fields
    /// ([`super::raw`]): checking a candidate costs a scan, not a folding.
    pub(super) raw: Option<LazyRegex>,
    /// With `raw`, for a term that folds to ASCII: that spelling alone,
    /// tried first.
    quick: Option<Plain>,
    /// A field filter's value matches at the start of a word only:
    /// `ministry:culture` is not "agriculture", `author:mass` is Masson.
    word_start: bool,
}

impl Query {
    /// Parses and compiles `text`. `today` is the day the corpus was
    /// loaded with: an awaiting question's delay runs to it.
    ///
    /// # Errors
    /// See [`query::parse`].
    pub fn parse(text: &str, today: NaiveDate) -> Result<Query, QueryError> {
        query::parse(text).map(|parsed| Query::new(parsed, today))
    }

    /// Finds `text` literally, as one phrase: see [`ParsedQuery::phrase`].
    pub fn phrase(text: &str) -> Query {
        // No filter: no delay to count.
        Query::new(ParsedQuery::phrase(text), NaiveDate::default())
    }

    /// Compiles a parsed query, for a corpus loaded on `today`.
    pub fn new(parsed: ParsedQuery, today: NaiveDate) -> Query {
        let longest_first = |needles: &mut Vec<Needle>| {
            needles.sort_by_key(|n| std::cmp::Reverse(n.index.needle().len()));
        };
        let mut words: Vec<Needle> = parsed.terms.iter().filter_map(Needle::new).collect();
        longest_first(&mut words);
        let mut excluded: Vec<Needle> = parsed.excluded.iter().filter_map(Needle::new).collect();
        longest_first(&mut excluded);
        let mut filters: Vec<Check> = parsed.filters.iter().filter_map(Check::new).collect();
        filters.sort_by_key(Check::cost);
        Query {
            parsed,
            words,
            excluded,
            filters,
            today,
        }
    }

    /// Word and phrase terms, longest first.
    pub(super) fn words(&self) -> &[Needle] {
        &self.words
    }

    /// Excluded word and phrase terms, longest first.
    pub(super) fn excluded(&self) -> &[Needle] {
        &self.excluded
    }

    /// The day an awaiting question's delay runs to.
    pub(super) fn today(&self) -> NaiveDate {
        self.today
    }

    /// Filters, cheap comparisons first.
    pub(super) fn checks(&self) -> &[Check] {
        &self.filters
    }

    /// The query as parsed.
    pub fn parsed(&self) -> &ParsedQuery {
        &self.parsed
    }

    /// Whether it has a filter (`ministry:`, `after:`, …).
    pub fn has_filters(&self) -> bool {
        !self.filters.is_empty()
    }

    /// Whether it matches anything (no term, no filter).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.excluded.is_empty() && self.filters.is_empty()
    }

    /// Whether `record` passes. Folds its fields on the spot: to filter
    /// many records, use the reader's index ([`filter`]); to scan files,
    /// [`super::raw`].
    pub fn matches(&self, record: &Record) -> bool {
        self.matches_indexed(record, &Haystack::new(record), &mut String::new())
    }

    /// Whether `record`, indexed as `haystack`, passes. `scratch` is reused
    /// for the fields a sensitive term folds again.
    pub fn matches_indexed(
        &self,
        record: &Record,
        haystack: &Haystack,
        scratch: &mut String,
    ) -> bool {
        self.filters
            .iter()
            .all(|check| check.holds(record, haystack, self.today, scratch))
            && self
                .words
                .iter()
                .all(|needle| needle.occurs(record, haystack, Region::Words, scratch))
            && !self
                .excluded
                .iter()
                .any(|needle| needle.occurs(record, haystack, Region::Words, scratch))
    }

    /// Where the words and phrases occur in `text` (filters are not
    /// highlighted): sorted, non-overlapping byte ranges of `text`, exact to
    /// its characters (a match of `oeuvre` covers the whole `œ`, one of a
    /// phrase its non-breaking spaces). Overlapping matches of different
    /// terms merge into one range; adjacent ones stay apart.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        let mut done: Vec<FoldOptions> = Vec::new();
        for options in self.words.iter().map(|n| n.options) {
            if done.contains(&options) {
                continue;
            }
            done.push(options);
            let folded = fold(text, options);
            for needle in self.words.iter().filter(|n| n.options == options) {
                let finder = needle.exact.as_ref().unwrap_or(&needle.index);
                let len = finder.needle().len();
                ranges.extend(
                    finder
                        .find_iter(folded.text().as_bytes())
                        .map(|at| folded.original_range(at..at + len)),
                );
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

impl Needle {
    /// `None` for a term that folds to nothing.
    fn new(term: &Term) -> Option<Needle> {
        let options = term.options;
        let folded = fold_str(&term.text, options);
        if folded.is_empty() {
            return None;
        }
        let insensitive = fold_str(&term.text, FoldOptions::INSENSITIVE);
        let exact =
            (!options.is_insensitive()).then(|| Finder::new(folded.as_bytes()).into_owned());
        // Phrases too: a DFA over a candidate's text beats walking its
        // token sequence.
        let raw =
            (exact.is_some() || folded.contains(' ')).then(|| LazyRegex::new(&folded, options));
        let quick = raw.as_ref().and_then(|_| Plain::new(&folded, options));
        Some(Needle {
            options,
            index: Finder::new(insensitive.as_bytes()).into_owned(),
            exact,
            raw,
            quick,
            word_start: false,
        })
    }

    /// A field filter's value: matched at word starts.
    fn field(term: &Term) -> Option<Box<Needle>> {
        Needle::new(term).map(|needle| {
            Box::new(Needle {
                word_start: true,
                ..needle
            })
        })
    }

    /// Whether `finder` finds its needle in `folded` (a folding), at the
    /// start of a word when the needle asks for it.
    fn found(&self, finder: &Finder<'_>, folded: &[u8]) -> bool {
        if !self.word_start {
            return finder.find(folded).is_some();
        }
        finder.find_iter(folded).any(|at| starts_word(folded, at))
    }

    pub(super) fn occurs(
        &self,
        record: &Record,
        haystack: &Haystack,
        region: Region,
        scratch: &mut String,
    ) -> bool {
        if !self.found(&self.index, haystack.region(region)) {
            return false;
        }
        let Some(exact) = &self.exact else {
            return true;
        };
        scratch.clear();
        fold_region(record, region, self.options, scratch);
        self.found(exact, scratch.as_bytes())
    }

    /// Whether it occurs in one of `record`'s fields of `region`, each
    /// folded alone with the needle's options: the exact check, without a
    /// pre-filter.
    pub(super) fn occurs_in_fields(
        &self,
        record: &Record,
        region: Region,
        scratch: &mut String,
    ) -> bool {
        let fields = region_fields(record, region);
        let mut fields = fields.iter().flatten();
        match &self.raw {
            // The raw-text regex knows no word starts.
            Some(raw) if !self.word_start => {
                self.quick
                    .as_ref()
                    .is_some_and(|quick| fields.clone().any(|field| quick.is_match(field)))
                    || fields.any(|field| raw.is_match(field))
            }
            _ => fields.any(|field| self.occurs_in(field, None, scratch)),
        }
    }

    /// Whether it occurs in `field`, whose insensitive folding may be
    /// given.
    pub(super) fn occurs_in(
        &self,
        field: &str,
        insensitive: Option<&str>,
        scratch: &mut String,
    ) -> bool {
        if let Some(folded) = insensitive
            && !self.found(&self.index, folded.as_bytes())
        {
            return false;
        }
        if insensitive.is_some() && self.exact.is_none() {
            return true;
        }
        scratch.clear();
        fold_into(field, self.options, scratch);
        let finder = self.exact.as_ref().unwrap_or(&self.index);
        self.found(finder, scratch.as_bytes())
    }
}

/// Whether byte `at` of `folded` starts a word: nothing before it, or
/// something that is not a letter or a digit ("l'intérieur", "outre-mer",
/// a field's end).
fn starts_word(folded: &[u8], at: usize) -> bool {
    // The character before: back over UTF-8 continuation bytes.
    let start = (at.saturating_sub(4)..at)
        .rev()
        .find(|&i| folded[i] & 0xc0 != 0x80)
        .unwrap_or(at);
    std::str::from_utf8(&folded[start..at])
        .ok()
        .and_then(|c| c.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The indices of the records that pass, in order, each record tested on
/// its own: what a one-off search over a corpus does, with no index to
/// build. Parallel.
pub fn scan(records: &[Record], query: &Query) -> Vec<usize> {
    if query.is_empty() {
        return (0..records.len()).collect();
    }
    let one_by_one = OneByOne::new(query);
    records
        .par_iter()
        .enumerate()
        .filter_map(|(i, record)| one_by_one.matches(record).then_some(i))
        .collect()
}

/// A query testing records one at a time, as fast as it can: its words on
/// the records' raw texts ([`super::raw`]: a SIMD literal search, the
/// regex only around the accents a word can take) rather than on their
/// foldings, which cost ten times more to make; its filters as
/// [`Query::matches`] does. What `search` does over files, and the
/// reader's filter for the records not indexed yet (a keystroke on 80,000
/// of them took 1.5 s folding).
pub struct OneByOne<'q> {
    query: &'q Query,
    /// The words over raw text, and the filters alone.
    raw: Option<(RawTerms, Query)>,
}

impl<'q> OneByOne<'q> {
    pub fn new(query: &'q Query) -> OneByOne<'q> {
        let raw = RawTerms::new(&query.parsed).map(|terms| {
            let filters = ParsedQuery {
                filters: query.parsed.filters.clone(),
                ..ParsedQuery::default()
            };
            (terms, Query::new(filters, query.today))
        });
        OneByOne { query, raw }
    }

    /// The words over raw text, when every word could be made one.
    pub fn raw(&self) -> Option<&RawTerms> {
        self.raw.as_ref().map(|(terms, _)| terms)
    }

    /// The probe of a search that keeps no text
    /// ([`crate::load::Texts::Probe`]), when the words can be looked for
    /// paragraph by paragraph: the words over raw text, whose findings
    /// [`OneByOne::matches_probed`] then takes.
    pub fn probe(&self) -> Option<&dyn Probe> {
        let terms = self.raw().filter(|terms| terms.can_probe())?;
        Some(terms as &dyn Probe)
    }

    pub fn matches(&self, record: &Record) -> bool {
        self.matches_probed(record, None)
    }

    /// [`OneByOne::matches`] for a record whose texts a probe of
    /// [`OneByOne::raw`] has seen instead (`found`: the words it found in
    /// them, [`crate::load::Texts::Probe`]).
    pub fn matches_probed(&self, record: &Record, found: Option<u64>) -> bool {
        match &self.raw {
            Some((terms, filters)) => {
                (filters.is_empty() || filters.matches(record))
                    && match found {
                        Some(found) => terms.probed_record_matches(record, found),
                        None => terms.record_matches(record),
                    }
            }
            None => self.query.matches(record),
        }
    }
}

/// The indices of the records that pass, in order, answered from `index`
/// ([`super::inverted::Index`]); records it does not cover yet (those
/// after [`super::inverted::Index::len`]) are tested on their own.
pub fn filter(records: &[Record], index: &super::inverted::Index, query: &Query) -> Vec<usize> {
    index.filter(records, query)
}

mod checks;
#[cfg(test)]
mod tests;

pub(in crate::search) use checks::{Check, Whole, exact_key, family_is, number_is};
