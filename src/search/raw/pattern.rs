//! The regular expression of every spelling whose folding holds a term:
//! each letter the class of every character that folds to it, computed
//! from [`crate::text::fold`] itself by folding every character once (the
//! inverse table), so the two cannot drift apart; see [`super`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use rayon::prelude::*;
use regex::Regex;

use crate::text::fold::{FoldOptions, fold_into, fold_str};

/// The combining marks folding drops, as a regex class body.
const MARKS: &str =
    r"\x{300}-\x{36F}\x{1AB0}-\x{1AFF}\x{1DC0}-\x{1DFF}\x{20D0}-\x{20FF}\x{FE20}-\x{FE2F}";

pub(super) type Inverse = HashMap<String, Vec<char>>;

/// Every character whose folding under `options` is non-empty and not
/// itself, grouped by that folding; computed once per options.
///
/// Folding all 196,000 characters takes a core about 10 ms, before a
/// search can read its first file: the planes are folded in parallel, each
/// chunk into one reused buffer.
pub(super) fn inverse(options: FoldOptions) -> &'static Inverse {
    static INVERSES: [OnceLock<Inverse>; 4] = [const { OnceLock::new() }; 4];
    let slot = usize::from(options.case_sensitive) * 2 + usize::from(options.accent_sensitive);
    INVERSES[slot].get_or_init(|| {
        const CHUNK: u32 = 0x1000;
        let pairs: Vec<Vec<(String, char)>> = (0..=0x2_FFFF / CHUNK)
            .into_par_iter()
            .map(|chunk| {
                let mut pairs = Vec::new();
                let (mut buffer, mut folded) = ([0u8; 4], String::new());
                let chars = (chunk * CHUNK..(chunk + 1) * CHUNK).filter_map(char::from_u32);
                for c in chars.filter(|c| !c.is_whitespace()) {
                    let original = c.encode_utf8(&mut buffer);
                    folded.clear();
                    fold_into(original, options, &mut folded);
                    if !folded.is_empty() && folded != *original {
                        pairs.push((folded.clone(), c));
                    }
                }
                pairs
            })
            .collect();
        let mut map: Inverse = HashMap::new();
        for (folded, c) in pairs.into_iter().flatten() {
            map.entry(folded).or_default().push(c);
        }
        map
    })
}

/// The foldings of two characters or more (ligatures: `œ` → `oe`) and
/// the characters that fold to each, per options: a few dozen of the
/// inverse's thousands of entries, which a class needs at a term's ends.
fn ligatures(options: FoldOptions) -> &'static [(String, Vec<char>)] {
    type Table = Vec<(String, Vec<char>)>;
    static LIGATURES: [OnceLock<Table>; 4] = [const { OnceLock::new() }; 4];
    let slot = usize::from(options.case_sensitive) * 2 + usize::from(options.accent_sensitive);
    LIGATURES[slot].get_or_init(|| {
        let mut out: Vec<(String, Vec<char>)> = inverse(options)
            .iter()
            .filter(|(fold, _)| fold.chars().nth(1).is_some())
            .map(|(fold, chars)| (fold.clone(), chars.clone()))
            .collect();
        // The inverse is a hash map: a stable order for stable patterns.
        out.sort();
        out
    })
}

/// The class of every character that folds to `folded` (one character),
/// plus, at the ends of a term, the ligatures that begin or end with it.
fn class(folded: char, first: bool, last: bool, inverse: &Inverse, options: FoldOptions) -> String {
    let mut members: Vec<char> = vec![folded];
    let mut buffer = [0u8; 4];
    if let Some(chars) = inverse.get(&*folded.encode_utf8(&mut buffer)) {
        members.extend(chars);
    }
    if first || last {
        for (fold, chars) in ligatures(options) {
            let starts = fold.starts_with(folded);
            let ends = fold.ends_with(folded);
            if (first && ends) || (last && starts) {
                members.extend(chars);
            }
        }
    }
    let mut out = String::from("[");
    for c in members {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
    out.push(']');
    out
}

/// The regex source for a term folded under `options`.
pub(super) fn pattern(folded: &str, options: FoldOptions) -> String {
    let chars: Vec<char> = folded.chars().collect();
    let inverse = inverse(options);
    // Combining marks are dropped by accent-insensitive folding only.
    let marks = if options.accent_sensitive {
        String::new()
    } else {
        format!("[{MARKS}]*")
    };
    let space = if options.accent_sensitive {
        r"\s+".to_owned()
    } else {
        format!(r"\s(?:\s|[{MARKS}])*")
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            out.push_str(&space);
            i += 1;
            continue;
        }
        let first = i == 0;
        // A two-letter folding (œ → oe) may stand where both letters are.
        let pair: String = chars[i..chars.len().min(i + 2)].iter().collect();
        let ligatures = (pair.chars().count() == 2)
            .then(|| inverse.get(&pair))
            .flatten();
        match ligatures {
            Some(ligatures) => {
                let last = i + 2 == chars.len();
                out.push_str("(?:");
                out.push_str(&class(c, first, false, inverse, options));
                out.push_str(&marks);
                out.push_str(&class(chars[i + 1], false, last, inverse, options));
                out.push('|');
                out.push('[');
                for l in ligatures {
                    let _ = write!(out, "\\x{{{:X}}}", *l as u32);
                }
                out.push_str("])");
                i += 2;
            }
            None => {
                out.push_str(&class(c, first, i + 1 == chars.len(), inverse, options));
                i += 1;
            }
        }
        out.push_str(&marks);
    }
    out
}

/// The regex of every spelling whose folding under `options` holds
/// `folded` (a term already folded under `options`); `None` if too large.
pub fn term_regex(folded: &str, options: FoldOptions) -> Option<Regex> {
    Regex::new(&pattern(folded, options)).ok()
}

/// A term's [`term_regex`], compiled the first time it is needed: most
/// words of a pasted paragraph are found by their plain spelling and
/// never need theirs, and compiling a thousand cost a third of a second.
/// A regex too large to compile is replaced by folding the text searched
/// ([`LazyRegex::is_match`]), which gives the same answers, slower.
#[derive(Debug, Clone)]
pub(crate) struct LazyRegex {
    /// The term, folded under `options`.
    folded: String,
    options: FoldOptions,
    regex: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    pub(crate) fn new(folded: &str, options: FoldOptions) -> LazyRegex {
        // The table the regex is made from is built now, on all cores, not
        // when the regex is first needed: that can be inside a file's
        // parse, on a thread that must not wait for other tasks (it would
        // take another file's parse meanwhile, and share its buffers).
        inverse(options);
        LazyRegex {
            folded: folded.to_owned(),
            options,
            regex: OnceLock::new(),
        }
    }

    fn get(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| term_regex(&self.folded, self.options))
            .as_ref()
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        match self.get() {
            Some(regex) => regex.is_match(text),
            None => fold_str(text, self.options).contains(&self.folded),
        }
    }

    /// Where the first match starts; without a regex, a bound: no match
    /// starts before it.
    pub(super) fn find(&self, text: &str) -> Option<usize> {
        match self.get() {
            Some(regex) => regex.find(text).map(|m| m.start()),
            None => self.is_match(text).then_some(0),
        }
    }
}
