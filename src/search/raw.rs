//! Matching words in text that has not been folded: the cold path of
//! `reponses search`, which reads a whole corpus once and must not pay for
//! folding every byte of it.
//!
//! A folded term (`cameras`) is turned into a regular expression that
//! matches exactly the original spellings whose folding contains it: each
//! letter becomes the class of every character that folds to it (`c` →
//! `[cCçÇćĆ…]`), each space a run of whitespace, and combining marks (which
//! folding drops) may follow any letter. Ligatures (`œ` folds to `oe`) are
//! alternatives where their folding falls, and may stand at either end of
//! the term, which can start or end inside them (`euvre` is in `œuvre`).
//! The classes are computed from [`crate::text::fold`] itself, by folding
//! every character once, so the two cannot drift apart; a property test
//! holds them equal.
//!
//! The regex engine then scans a file at the speed of a DFA, and a file in
//! which some term cannot occur is never parsed.

use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::query::ParsedQuery;
use crate::load::Probe;
use crate::model::{PartKind, Record};
use crate::text::fold::{FoldOptions, fold_str, is_combining};
use crate::text::{ceil_boundary, floor_boundary, next_non_ascii};

mod pattern;

pub(super) use pattern::LazyRegex;
use pattern::inverse;
#[cfg(test)]
use pattern::pattern;
pub use pattern::term_regex;

/// A term's plain spelling: its folding under its options, when that is
/// ASCII, written as is (ASCII case aside when the term is
/// case-insensitive). Every match of it is a match of the term, since
/// ASCII folds to itself, and it is found with SIMD, several times faster
/// than the full regex of [`term_regex`]: a case-sensitive one with
/// `memmem`, without a regex engine's cost per call (which counts when the
/// list filter checks 100,000 records one by one), a case-insensitive one
/// with the regex crate, which turns an ASCII literal into its case
/// variants for a multi-literal search (several times faster than
/// Aho-Corasick with ASCII case folding). Most matches are found this way;
/// the full regex is needed for the accented spellings and to say "no".
#[derive(Debug, Clone)]
pub(super) struct Plain {
    search: PlainSearch,
    /// Its length in bytes, whatever the case of its letters.
    len: usize,
}

#[derive(Debug, Clone)]
enum PlainSearch {
    Exact(Box<Finder<'static>>),
    AsciiCase(Regex),
}

impl Plain {
    /// The plain spelling of a term folded to `folded` under `options`;
    /// `None` when that is not ASCII.
    pub(super) fn new(folded: &str, options: FoldOptions) -> Option<Plain> {
        if !folded.is_ascii() {
            return None;
        }
        let search = if options.case_sensitive {
            PlainSearch::Exact(Box::new(Finder::new(folded.as_bytes()).into_owned()))
        } else {
            let regex = Regex::new(&format!("(?i-u:{})", regex::escape(folded))).ok()?;
            PlainSearch::AsciiCase(regex)
        };
        Some(Plain {
            search,
            len: folded.len(),
        })
    }

    pub(super) fn is_match(&self, text: &str) -> bool {
        match &self.search {
            PlainSearch::Exact(finder) => finder.find(text.as_bytes()).is_some(),
            PlainSearch::AsciiCase(regex) => regex.is_match(text),
        }
    }

    /// Where the first match at or after `start` starts.
    fn find_at(&self, text: &str, start: usize) -> Option<usize> {
        match &self.search {
            PlainSearch::Exact(finder) => {
                finder.find(&text.as_bytes()[start..]).map(|at| start + at)
            }
            PlainSearch::AsciiCase(regex) => regex.find_at(text, start).map(|m| m.start()),
        }
    }
}

/// One term over unfolded text.
#[derive(Debug, Clone)]
struct RawTerm {
    /// Exactly the spellings whose folding holds the term.
    regex: LazyRegex,
    /// For an ASCII term, its plain spelling, tried first.
    quick: Option<Plain>,
    /// With `quick`, for a word (no space): the characters other than
    /// ASCII that can be part of another spelling. A text with none of
    /// them holds no match the quick search missed, and the regex (several
    /// times slower) need not run: most French paragraphs have accents,
    /// but few have the ones a given word can take.
    triggers: Option<Triggers>,
    /// Whether the term has a space, which may match across paragraphs.
    phrase: bool,
}

impl RawTerm {
    fn is_match(&self, text: &str) -> bool {
        if self
            .quick
            .as_ref()
            .is_some_and(|quick| quick.is_match(text))
        {
            return true;
        }
        match &self.triggers {
            Some(triggers) => self.in_windows(triggers, text).is_some(),
            None => self.regex.is_match(text),
        }
    }

    /// Whether the term occurs in a display name the headers of `text`
    /// make from capitals ([`crate::load::header_names`]), which the text
    /// does not spell: "Dossus" is in "Thomas Dossus", made from "DOSSUS
    /// Thomas". `names` keeps them for the other terms of the same file.
    fn in_names(&self, text: &str, names: &mut Option<Vec<String>>) -> bool {
        names
            .get_or_insert_with(|| crate::load::header_names(text))
            .iter()
            .any(|name| self.is_match(name))
    }

    /// For a text without the plain spelling: where its first match may
    /// start (none starts before), `None` when there is no match.
    fn first_other(&self, text: &str) -> Option<usize> {
        match &self.triggers {
            Some(triggers) => self.in_windows(triggers, text),
            None => self.regex.find(text),
        }
    }

    /// The start of the first window around a trigger in which the regex
    /// matches. A match the quick search missed holds a trigger and,
    /// unless it has combining marks (a mark is a trigger too, and then the
    /// whole text is searched), lies within [`Triggers::reach`] bytes of it.
    fn in_windows(&self, triggers: &Triggers, text: &str) -> Option<usize> {
        let reach = triggers.reach();
        for (n, (at, c)) in triggers.occurrences(text).enumerate() {
            if is_combining(c) {
                return self.regex.find(text);
            }
            let start = floor_boundary(text, at.saturating_sub(reach));
            // Triggers this frequent ("é" for a word with an "e"): one
            // pass of the regex over the rest costs less than windows.
            if n == WINDOWS {
                return self.regex.find(&text[start..]).map(|at| start + at);
            }
            let end = ceil_boundary(text, at + reach);
            if self.regex.is_match(&text[start..end]) {
                return Some(start);
            }
        }
        None
    }
}

/// How many windows around triggers [`RawTerm::in_windows`] searches
/// before it searches the rest of the text in one pass.
const WINDOWS: usize = 8;

/// What [`RawTerms`]' sieve keeps of a file for a term, two words each:
/// this tag, then a position.
///
/// With [`PLAIN`], the file holds the term's plain spelling (its ASCII
/// folding, see [`Plain`]) and the position is the start of the
/// first one at or after the last paragraph looked at: a cursor that
/// moves forward through the file, so a paragraph it has passed is not
/// searched again and a paragraph it lies in is found without a search.
/// Other spellings are left to the look at the whole record, which is
/// needed only when none of its paragraphs has the plain spelling.
///
/// With [`OTHER`], the file holds the term only in other spellings (or
/// the term has no plain spelling) and no match starts before the
/// position: paragraphs before it are passed over, the others are searched
/// in full.
const PLAIN: usize = 0;
const OTHER: usize = 1;

/// `search -l`'s probe: a file is parsed only if every term occurs in it.
/// Within a file, the plain spelling of a word is found with the
/// vectorised search and a cursor; the slow search for the other
/// spellings (the full regex) runs only for a record in which no
/// paragraph has the plain one.
impl Probe for RawTerms {
    /// For each term, its tag and position (see [`PLAIN`]); `None` if a
    /// term does not occur in `text`.
    fn sieve(&self, text: &str) -> Option<Vec<usize>> {
        let mut sieved = Vec::with_capacity(2 * self.terms.len());
        let mut names = None;
        for (i, term) in self.terms.iter().enumerate() {
            match term.quick.as_ref().and_then(|quick| quick.find_at(text, 0)) {
                Some(plain) => sieved.extend([PLAIN, plain]),
                None => match term.first_other(text) {
                    Some(other) => sieved.extend([OTHER, other]),
                    // An excluded term the file lacks: in no paragraph.
                    None if i >= self.wanted => sieved.extend([OTHER, usize::MAX]),
                    // Not in the texts, perhaps in a header's name: the
                    // record's fields will say.
                    None if term.in_names(text, &mut names) => sieved.extend([OTHER, usize::MAX]),
                    None => return None,
                },
            }
        }
        Some(sieved)
    }

    /// The terms not in `found` that occur in `paragraph`, one bit each in
    /// query order; a term with a plain spelling in the file is found only
    /// by it here.
    fn paragraph(
        &self,
        sieved: &[Cell<usize>],
        file: &str,
        paragraph: &str,
        span: Option<Range<usize>>,
        found: u64,
    ) -> u64 {
        let mut now = 0;
        for (i, (term, state)) in self.terms.iter().zip(sieved.chunks(2)).enumerate().take(64) {
            let bit = 1 << i;
            if found & bit != 0 {
                continue;
            }
            let [tag, position] = state else { continue };
            let holds = match (tag.get(), &term.quick, &span) {
                (PLAIN, Some(quick), Some(span)) => {
                    if position.get() < span.start {
                        let next = quick.find_at(file, span.start);
                        position.set(next.unwrap_or(usize::MAX));
                    }
                    // The plain spelling has a fixed length: if the first
                    // one from the paragraph's start runs past its end, no
                    // other lies within it.
                    position.get() < span.end && position.get() + quick.len <= span.end
                }
                (PLAIN, Some(quick), None) => quick.is_match(paragraph),
                (_, _, Some(span)) if span.end <= position.get() => false,
                _ => term.is_match(paragraph),
            };
            if holds {
                now |= bit;
            }
        }
        now
    }

    /// A record whose texts hold every word of a query without filters
    /// or exclusions.
    fn settles(&self, found: u64) -> bool {
        self.words_alone && self.all_found(found)
    }

    /// The terms with a plain spelling in the file that the record's
    /// paragraphs hold only in other spellings.
    fn record(
        &self,
        sieved: &[Cell<usize>],
        paragraphs: &mut dyn Iterator<Item = &str>,
        found: u64,
    ) -> u64 {
        let missed: Vec<(u64, &RawTerm)> = self
            .terms
            .iter()
            .zip(sieved.chunks(2))
            .enumerate()
            .take(64)
            .filter(|&(i, (_, state))| found & (1 << i) == 0 && state[0].get() == PLAIN)
            .map(|(i, (term, _))| (1 << i, term))
            .collect();
        if missed.is_empty() {
            return 0;
        }
        let mut now = 0;
        for paragraph in paragraphs {
            for &(bit, term) in &missed {
                if now & bit == 0 && term.is_match(paragraph) {
                    now |= bit;
                }
            }
        }
        now
    }
}

/// A set of characters other than ASCII, as a bit set over code points.
#[derive(Debug, Clone)]
struct Triggers {
    bits: Vec<u64>,
    /// The term's length in characters.
    chars: usize,
}

impl Triggers {
    /// Every character other than ASCII that a regex of [`pattern`] for
    /// `folded` (ASCII, no space) can match: those whose folding shares a
    /// letter with the term (the classes and ligatures), and the combining
    /// marks when accents are folded away.
    fn new(folded: &str, options: FoldOptions) -> Triggers {
        let mut triggers = Triggers {
            bits: Vec::new(),
            chars: folded.chars().count(),
        };
        let by_letter = Self::by_letter(options);
        let mut seen: Vec<char> = Vec::new();
        for letter in folded.chars() {
            if seen.contains(&letter) {
                continue;
            }
            seen.push(letter);
            for &c in by_letter.get(&letter).into_iter().flatten() {
                triggers.insert(c);
            }
        }
        if !options.accent_sensitive {
            static MARKS: OnceLock<Vec<char>> = OnceLock::new();
            let marks = MARKS.get_or_init(|| {
                (0x300..=0xFE2F)
                    .filter_map(char::from_u32)
                    .filter(|&c| is_combining(c))
                    .collect()
            });
            for &c in marks {
                triggers.insert(c);
            }
        }
        triggers
    }

    /// For each character of a folding, the characters other than ASCII
    /// whose folding holds it; per options, computed once (going through
    /// the whole inverse for every word cost a pasted paragraph a tenth of
    /// a second).
    fn by_letter(options: FoldOptions) -> &'static HashMap<char, Vec<char>> {
        static BY_LETTER: [OnceLock<HashMap<char, Vec<char>>>; 4] = [const { OnceLock::new() }; 4];
        let slot = usize::from(options.case_sensitive) * 2 + usize::from(options.accent_sensitive);
        BY_LETTER[slot].get_or_init(|| {
            let mut map: HashMap<char, Vec<char>> = HashMap::new();
            for (fold, chars) in inverse(options) {
                let mut letters: Vec<char> = fold.chars().collect();
                letters.dedup();
                for letter in letters {
                    let list = map.entry(letter).or_default();
                    list.extend(chars.iter().filter(|c| !c.is_ascii()));
                }
            }
            map
        })
    }

    /// How far from a trigger a match holding it can reach, in bytes.
    fn reach(&self) -> usize {
        4 * self.chars + 4
    }

    fn insert(&mut self, c: char) {
        let (word, bit) = (c as usize / 64, c as usize % 64);
        if self.bits.len() <= word {
            self.bits.resize(word + 1, 0);
        }
        self.bits[word] |= 1 << bit;
    }

    fn contains(&self, c: char) -> bool {
        let (word, bit) = (c as usize / 64, c as usize % 64);
        self.bits.get(word).is_some_and(|w| w & (1 << bit) != 0)
    }

    /// Where the characters occur in `text`, and which.
    fn occurrences<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, char)> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(next) = next_non_ascii(bytes, at) {
                at = next;
                let c = text[at..].chars().next()?;
                let here = at;
                at += c.len_utf8();
                if self.contains(c) {
                    return Some((here, c));
                }
            }
            None
        })
    }
}

/// The words and phrases of a query as regexes over unfolded text, each
/// under its own smart case and accents: a match is exactly a folded match.
///
/// The excluded ones (`-word`) come after the others, and are looked for
/// the same way: a record matches when it holds every term before
/// [`RawTerms::wanted`] and none after. A file is never passed over for
/// lacking an excluded term, and a record the probe has seen is settled
/// by its texts only when nothing is excluded: its title or its author
/// could hold the excluded word.
#[derive(Debug, Clone)]
pub struct RawTerms {
    terms: Vec<RawTerm>,
    /// How many of `terms`, from the first, must occur; the rest must not.
    wanted: usize,
    /// Whether the query is its words alone, without filters or exclusions:
    /// then a record whose texts hold every word matches, whatever else it
    /// holds.
    words_alone: bool,
}

impl RawTerms {
    /// The terms of `query`; `None` when a term cannot be expressed (a
    /// regex too large), in which case every file is a candidate.
    pub fn new(query: &ParsedQuery) -> Option<RawTerms> {
        let mut terms = Vec::with_capacity(query.terms.len() + query.excluded.len());
        let mut wanted = 0;
        for (n, term) in query.terms.iter().chain(&query.excluded).enumerate() {
            let folded = fold_str(&term.text, term.options);
            let folded = folded.trim();
            if n == query.terms.len() {
                wanted = terms.len();
            }
            if folded.is_empty() {
                continue;
            }
            let quick = Plain::new(folded, term.options);
            let phrase = folded.contains(' ');
            let triggers =
                (quick.is_some() && !phrase).then(|| Triggers::new(folded, term.options));
            terms.push(RawTerm {
                regex: LazyRegex::new(folded, term.options),
                quick,
                triggers,
                phrase,
            });
        }
        if query.excluded.is_empty() {
            wanted = terms.len();
        }
        let words_alone = query.filters.is_empty() && wanted == terms.len();
        Some(RawTerms {
            terms,
            wanted,
            words_alone,
        })
    }

    /// The terms that must occur.
    fn wanted(&self) -> &[RawTerm] {
        &self.terms[..self.wanted]
    }

    /// Whether `text` may hold a match of every term that must occur:
    /// `false` means no record of it can match.
    pub fn may_match(&self, text: &str) -> bool {
        let mut names = None;
        self.wanted()
            .iter()
            .all(|term| term.is_match(text) || term.in_names(text, &mut names))
    }

    /// Whether every wanted term occurs in a searched field of `record`,
    /// and no excluded one.
    pub fn record_matches(&self, record: &Record) -> bool {
        let texts = [
            PartKind::Question.searched_text(record),
            PartKind::Answer.searched_text(record),
        ];
        self.terms.iter().enumerate().all(|(i, term)| {
            let occurs = Self::short_fields(record)
                .iter()
                .chain(&texts)
                .flatten()
                .any(|field| term.is_match(field));
            occurs == (i < self.wanted)
        })
    }

    /// Whether the terms can be looked for paragraph by paragraph: one
    /// bit each in a `u64`, and no phrase (whose space may match a
    /// paragraph break, as in the record's whole text).
    pub fn can_probe(&self) -> bool {
        self.terms.len() <= 64 && self.terms.iter().all(|term| !term.phrase)
    }

    /// Whether `found` (a bit per term, as the probe gives them) holds
    /// every wanted term.
    fn all_found(&self, found: u64) -> bool {
        let all = match self.wanted {
            n @ 0..64 => (1u64 << n) - 1,
            _ => u64::MAX,
        };
        found & all == all
    }

    /// [`RawTerms::record_matches`] for a record parsed with the probe:
    /// `found` holds the terms of its texts, the other fields are searched
    /// here.
    pub fn probed_record_matches(&self, record: &Record, found: u64) -> bool {
        let fields = Self::short_fields(record);
        self.terms.iter().enumerate().all(|(i, term)| {
            let occurs = (i < 64 && found & (1 << i) != 0)
                || fields.iter().flatten().any(|field| term.is_match(field));
            occurs == (i < self.wanted)
        })
    }

    /// The searched fields besides the question and answer texts.
    fn short_fields(record: &Record) -> [Option<&str>; 7] {
        let author = &record.author;
        let answer = record.answer.as_ref();
        [
            author.name.as_deref(),
            author.last_name.as_deref(),
            author.first_name.as_deref(),
            record.ministry.as_deref(),
            answer.and_then(|a| a.ministry.as_deref()),
            record.transmitted_to.as_deref(),
            record.title.as_deref(),
        ]
    }
}

#[cfg(test)]
mod tests;
