//! Search folding: the text a search compares, and the way back to the text
//! a reader sees.
//!
//! A search for `cameras` must find `caméras`, `oeuvre` must find `œuvre`,
//! and a phrase typed with plain spaces must find text where the Journal
//! officiel put a non-breaking space or a line break. So both the query and
//! the text are *folded* before they are compared: lower-cased unless the
//! search is case-sensitive, diacritics stripped and ligatures spelled out
//! unless it is accent-sensitive, and every run of whitespace turned into one
//! ASCII space, always. To highlight a match, a byte range of the folded text
//! is mapped back to the original characters ([`Folded::original_range`]).
//!
//! Diacritics come from a hand table of Latin-1 and Latin Extended-A (every
//! letter French uses, and those of the names of Europe) plus dropping the
//! combining marks, rather than from Unicode decomposition: it needs no
//! dependency, no allocation per character, and it folds the letters NFD
//! leaves whole (`œ`→`oe`, `æ`→`ae`, `ø`→`o`, `ł`→`l`). Other scripts pass
//! through, lower-cased. Texts are not normalised: a query typed in composed
//! form (`é`) is accent-sensitive and will not find a decomposed `e` + U+0301;
//! accent-insensitive searches find both.
//!
//! Memory: a [`Folded`] keeps the folded text (about the size of the
//! original) and one `u32` per folded byte (the offset of the character it
//! came from), so about 5 bytes per byte of text: fine for the one record
//! being read, too much for a whole corpus, which keeps only the folded text
//! ([`fold_into`]). Offsets are `u32`: texts over 4 GiB are not supported.

use std::ops::Range;

/// What a search may tell apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FoldOptions {
    pub case_sensitive: bool,
    pub accent_sensitive: bool,
}

impl FoldOptions {
    /// Neither case nor accents matter: the folding of a corpus index.
    pub const INSENSITIVE: FoldOptions = FoldOptions {
        case_sensitive: false,
        accent_sensitive: false,
    };

    /// Smart case and smart accents: sensitive to what the term itself uses.
    pub fn smart(term: &str) -> FoldOptions {
        FoldOptions {
            case_sensitive: needs_case_sensitivity(term),
            accent_sensitive: needs_accent_sensitivity(term),
        }
    }

    /// Whether this is [`FoldOptions::INSENSITIVE`].
    pub fn is_insensitive(self) -> bool {
        self == FoldOptions::INSENSITIVE
    }
}

/// Smart case: a term with an upper-case letter is case-sensitive.
pub fn needs_case_sensitivity(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Smart accents: a term with a letter the accent folding changes (an
/// accented letter, `œ`, `æ`, a combining mark) is accent-sensitive.
pub fn needs_accent_sensitivity(query: &str) -> bool {
    query.chars().any(|c| is_combining(c) || strip(c).is_some())
}

/// A folded text and the way back to its original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// For each byte of `text`, the offset in the original of the character
    /// it came from; then one more entry, the original's length.
    starts: Vec<u32>,
    /// Whitespace runs whose first character does not end where the next
    /// unit starts: (index of the run's space in `text`, original end of the
    /// run's first character), sorted. Runs are short and rare enough that a
    /// side table beats a second offset per byte.
    run_ends: Vec<(u32, u32)>,
}

/// Folds `original` and keeps the map back to it.
pub fn fold(original: &str, options: FoldOptions) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(original.len()),
        starts: Vec::with_capacity(original.len() + 1),
        run_ends: Vec::new(),
    };
    let mut map = Map {
        starts: &mut folded.starts,
        run_ends: &mut folded.run_ends,
    };
    fold_core(original, options, &mut folded.text, Some(&mut map));
    folded.starts.push(offset(original.len()));
    folded
}

/// Appends the folding of `original` to `out`, without a map: what an index
/// keeps. Runs of ASCII letters, digits and punctuation, and the single
/// spaces between them, are copied whole (lower-cased unless
/// case-sensitive); everything else is folded a character at a time,
/// French letters and punctuation without the Unicode case tables.
pub fn fold_into(original: &str, options: FoldOptions, out: &mut String) {
    let bytes = original.as_bytes();
    out.reserve(original.len());
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let plain = |b: u8| b.is_ascii() && !is_ascii_space(b);
        // A single space between two such bytes stays as it is.
        while i < bytes.len()
            && (plain(bytes[i])
                || (bytes[i] == b' ' && i > start && bytes.get(i + 1).is_some_and(|&b| plain(b))))
        {
            i += 1;
        }
        if i > start {
            let from = out.len();
            out.push_str(&original[start..i]);
            if !options.case_sensitive {
                out[from..].make_ascii_lowercase();
            }
        }
        // Then whitespace and non-ASCII, up to the next ASCII non-space
        // byte: a whitespace run and the combining marks inside it are
        // folded together, as one piece.
        let start = i;
        let mut ascii = true;
        while i < bytes.len() && (!bytes[i].is_ascii() || is_ascii_space(bytes[i])) {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        if i > start {
            if ascii {
                out.push(' ');
            } else {
                fold_piece(&original[start..i], options, out);
            }
        }
    }
}

/// Folds a piece of whitespace and non-ASCII characters, without a map.
/// Whitespace runs never cross a piece's ends, so the run state is local.
/// French letters and punctuation skip the Unicode case tables.
fn fold_piece(piece: &str, options: FoldOptions, out: &mut String) {
    let mut in_run = false;
    for c in piece.chars() {
        if c.is_whitespace() {
            if !in_run {
                out.push(' ');
                in_run = true;
            }
            continue;
        }
        if !options.accent_sensitive && is_combining(c) {
            continue;
        }
        in_run = false;
        if !options.accent_sensitive
            && let Some(base) = strip(c)
        {
            let from = out.len();
            out.push_str(base);
            if !options.case_sensitive {
                out[from..].make_ascii_lowercase();
            }
        } else if is_sign(c) {
            out.push(c);
        } else if options.case_sensitive {
            push_accent(c, options, out);
        } else {
            for lower in c.to_lowercase() {
                push_accent(lower, options, out);
            }
        }
    }
}

/// Signs and punctuation beyond ASCII («, », ’, –, …, °): they have no case
/// and no accent, so every folding keeps them as they are.
pub fn is_sign(c: char) -> bool {
    matches!(c, '\u{a1}'..='\u{bf}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// The ASCII characters [`char::is_whitespace`] holds.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The folding of `original`, without a map.
pub fn fold_str(original: &str, options: FoldOptions) -> String {
    let mut out = String::with_capacity(original.len());
    fold_into(original, options, &mut out);
    out
}

impl Folded {
    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of the original characters that gave the folded bytes
    /// `folded`. A range that starts or ends inside what one character gave
    /// (the `o` of the `oe` of `œ`) grows to the whole character; combining
    /// marks dropped after a letter go with the letter; a range that ends on
    /// a whitespace run's space takes only the run's first character, one
    /// that starts on it takes the whole run. Out-of-bounds ranges are
    /// clamped. The result is always on character boundaries.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let a = folded.start.min(len);
        let b = folded.end.min(len).max(a);
        let start = self.starts[a] as usize;
        if a == b {
            return start..start;
        }
        let last = b - 1;
        if let Ok(k) = self
            .run_ends
            .binary_search_by_key(&offset(last), |&(space, _)| space)
        {
            return start..self.run_ends[k].1 as usize;
        }
        let unit = self.starts[last];
        let mut k = b;
        while k < len && self.starts[k] == unit {
            k += 1;
        }
        start..self.starts[k] as usize
    }

    /// Heap bytes held, for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.starts.capacity() * size_of::<u32>()
            + self.run_ends.capacity() * size_of::<(u32, u32)>()
    }
}

/// Where [`fold_core`] writes the map, when one is wanted.
struct Map<'a> {
    starts: &'a mut Vec<u32>,
    run_ends: &'a mut Vec<(u32, u32)>,
}

/// An open whitespace run: the index of its space in the folded text and
/// the original end of its first character.
struct Run {
    space: usize,
    first_end: usize,
}

fn fold_core(original: &str, options: FoldOptions, out: &mut String, mut map: Option<&mut Map>) {
    let mut run: Option<Run> = None;
    for (i, c) in original.char_indices() {
        if c.is_whitespace() {
            if run.is_none() {
                run = Some(Run {
                    space: out.len(),
                    first_end: i + c.len_utf8(),
                });
                out.push(' ');
                if let Some(map) = map.as_deref_mut() {
                    map.starts.push(offset(i));
                }
            }
            continue;
        }
        if !options.accent_sensitive && is_combining(c) {
            // Dropped; it does not break a whitespace run either.
            continue;
        }
        if let Some(run) = run.take() {
            close_run(&run, i, map.as_deref_mut());
        }
        let before = out.len();
        if c.is_ascii() {
            out.push(if options.case_sensitive {
                c
            } else {
                c.to_ascii_lowercase()
            });
        } else if options.case_sensitive {
            push_accent(c, options, out);
        } else {
            for lower in c.to_lowercase() {
                push_accent(lower, options, out);
            }
        }
        if let Some(map) = map.as_deref_mut() {
            let start = offset(i);
            map.starts
                .extend(std::iter::repeat_n(start, out.len() - before));
        }
    }
    if let Some(run) = run {
        close_run(&run, original.len(), map);
    }
}

/// Records where a run's first character ends when that is not where the
/// next unit starts (`next`).
fn close_run(run: &Run, next: usize, map: Option<&mut Map>) {
    if let Some(map) = map
        && run.first_end != next
    {
        map.run_ends
            .push((offset(run.space), offset(run.first_end)));
    }
}

fn push_accent(c: char, options: FoldOptions, out: &mut String) {
    if !options.accent_sensitive {
        if is_combining(c) {
            return;
        }
        if let Some(base) = strip(c) {
            out.push_str(base);
            return;
        }
    }
    out.push(c);
}

fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Combining marks, which accent-insensitive folding drops.
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Base letters of U+00C0..=U+00FF; `?` keeps the character (or is a
/// ligature, handled before the table).
const LATIN1: &[u8; 64] = b"AAAAAA?CEEEEIIII?NOOOOO?OUUUUY??aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";
/// Base letters of U+0100..=U+017F, same convention.
const EXTENDED_A: &[u8; 128] = b"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKk?LlLlLlLlLlNnNnNn???OoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// What accent-insensitive folding makes of a letter, if it changes it.
fn strip(c: char) -> Option<&'static str> {
    let base = match c {
        'Æ' => return Some("AE"),
        'æ' => return Some("ae"),
        'Œ' => return Some("OE"),
        'œ' => return Some("oe"),
        'Ĳ' => return Some("IJ"),
        'ĳ' => return Some("ij"),
        '\u{C0}'..='\u{FF}' => LATIN1[c as usize - 0xC0],
        '\u{100}'..='\u{17F}' => EXTENDED_A[c as usize - 0x100],
        _ => return None,
    };
    let index = match base {
        b'A'..=b'Z' => base - b'A',
        b'a'..=b'z' => base - b'a' + 26,
        _ => return None,
    } as usize;
    LETTERS.get(index..index + 1)
}

#[cfg(test)]
mod tests;
