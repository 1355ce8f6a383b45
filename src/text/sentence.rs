//! French sentence boundaries, so a reader can select and quote whole
//! sentences.
//!
//! The base is Unicode's default sentence segmentation (UAX #29). It is built
//! for English and breaks French text in known places: after titles ("M.
//! Thomas Dossus"), after abbreviations followed by a number ("p. 787"),
//! after initials ("J.-M. Dupont"), before a closing guillemet that follows
//! the final period ("… de ce système. »"), and after a "?" or "!" inside
//! guillemets when the sentence goes on in lower case ("« Est-ce légal ? »
//! demande-t-il"). Those wrong breaks are merged back. It also does not break
//! after an ellipsis "…", which French uses to end sentences: that break is
//! added. A blank line always ends a sentence; a single line break inside a
//! paragraph (a hand-wrapped copy) counts as a space.
//!
//! Ranges are byte ranges into the text given, trimmed of surrounding
//! whitespace (non-breaking spaces included), so callers can highlight and
//! extract without copying.
//!
//! The work is linear in the text: the segmentation's look-ahead made a
//! period followed by a long run of spaces quadratic, so such runs are
//! collapsed before it sees them ([`runs`]).

mod runs;

pub use runs::longest_run;

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Titles before a name: never the end of a sentence.
const TITLES: &[&str] = &[
    "M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Mlles.", "Me.", "Mes.", "Dr.", "Pr.", "Mgr.", "St.",
    "Ste.",
];

/// Abbreviations that end a sentence only when a capital follows: inside a
/// sentence they come before a lower-case word or a number ("art. 75").
/// Compared without regard to case ("Art. 75" opens sentences).
const ABBREVIATIONS: &[&str] = &[
    "art.", "al.", "p.", "pp.", "cf.", "etc.", "no.", "vol.", "chap.", "éd.", "ed.", "op.", "cit.",
    "ibid.", "id.", "ex.", "env.", "ch.", "sect.", "fasc.", "t.", "coll.", "min.", "av.", "apr.",
    "janv.", "févr.", "sept.", "oct.", "nov.", "déc.", "ann.", "bull.", "civ.", "crim.", "req.",
    "sq.", "suiv.",
];

/// Characters that close a quotation or a parenthesis.
const CLOSERS: &[char] = &['»', '”', '’', '"', ')', ']', '›'];

/// Characters that end a sentence.
const TERMINALS: &[char] = &['.', '!', '?', '…'];

/// The sentences of `text`, in order, as trimmed byte ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let chunk = &text[para.clone()];
        // Line breaks and spaces are both one byte, so offsets stay valid.
        let flat: Cow<'_, str> = if chunk.contains(['\n', '\r']) {
            Cow::Owned(chunk.replace(['\n', '\r'], " "))
        } else {
            Cow::Borrowed(chunk)
        };
        let (collapsed, holes) = runs::collapse(&flat);
        let pieces = collapsed
            .split_sentence_bound_indices()
            .map(|(at, s)| runs::original(&holes, at)..runs::original(&holes, at + s.len()))
            .filter_map(|r| trimmed(&flat, r))
            .flat_map(|r| split_after_ellipses(&flat, r));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for piece in pieces {
            let Some(prev) = merged.last_mut() else {
                merged.push(piece);
                continue;
            };
            match join(&flat, prev, &piece) {
                Join::Break => merged.push(piece),
                Join::Merge => prev.end = piece.end,
                Join::MoveTo(at) => {
                    prev.end = at;
                    merged.extend(trimmed(&flat, at..piece.end));
                }
            }
        }
        out.extend(
            merged
                .into_iter()
                .map(|r| r.start + para.start..r.end + para.start),
        );
    }
    out
}

/// The index of the sentence that contains `offset`, or of the first one
/// after it when `offset` falls between sentences; `None` past the last.
pub fn sentence_at(text: &str, offset: usize) -> Option<usize> {
    locate(&sentences(text), offset)
}

/// [`sentence_at`] for sentences already computed.
pub fn locate(sentences: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|r| r.end <= offset);
    (i < sentences.len()).then_some(i)
}

/// Paragraphs: runs of lines without a blank (or whitespace-only) line.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if line.trim().is_empty() {
            out.extend(current.take());
        } else {
            let content_end = start + line.trim_end_matches(['\n', '\r']).len();
            match current.as_mut() {
                Some(p) => p.end = content_end,
                None => current = Some(start..content_end),
            }
        }
        start = end;
    }
    out.extend(current);
    out
}

/// `range` without surrounding whitespace, or `None` if nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    (start < end).then_some(start..end)
}

/// UAX #29 does not end a sentence at "…"; French does, when a capital
/// follows. "[…]" and "(…)" mark a cut inside a quotation and never end one.
fn split_after_ellipses(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let s = &text[range.clone()];
    for (i, _) in s.match_indices('…') {
        let at = range.start + i;
        if text[..at].ends_with(['[', '(']) {
            continue;
        }
        let after = at + '…'.len_utf8();
        let end = after + closing(&text[after..range.end]);
        let rest = &text[end..range.end];
        let next = rest.trim_start();
        if next.len() < rest.len() && next.chars().next().is_some_and(char::is_uppercase) {
            out.extend(trimmed(text, start..end));
            start = end;
        }
    }
    out.extend(trimmed(text, start..range.end));
    out
}

/// Byte length of the closers, spaced or not, that open `s`: "\u{a0}»)".
fn closing(s: &str) -> usize {
    let mut end = 0;
    loop {
        let rest = &s[end..];
        let spaces = rest.len() - rest.trim_start().len();
        let closers = leading(&rest[spaces..], CLOSERS);
        if closers == 0 {
            return end;
        }
        end += spaces + closers;
    }
}

/// What to do at a boundary UAX #29 found.
#[derive(Debug, PartialEq, Eq)]
enum Join {
    Break,
    Merge,
    /// The first bytes of the next piece belong to the previous sentence:
    /// it ends at this offset.
    MoveTo(usize),
}

fn join(text: &str, prev: &Range<usize>, next: &Range<usize>) -> Join {
    let next_text = &text[next.clone()];
    let Some(first) = next_text.chars().next() else {
        return Join::Merge;
    };
    // A French sentence never opens in lower case: "? » demande-t-il".
    if first.is_lowercase() {
        return Join::Merge;
    }
    // "système. »", "spécifique. ».": the closers and any final period go
    // with the sentence they close.
    let closers = leading(next_text, CLOSERS);
    if closers > 0 {
        let after = &next_text[closers..];
        let spaced = after.len() - after.trim_start().len();
        let terminals = leading(&after[spaced..], TERMINALS);
        let end = if terminals > 0 {
            closers + spaced + terminals
        } else {
            closers
        };
        let rest = next_text[end..].trim_start();
        return match rest.chars().next() {
            None => Join::Merge,
            Some(c) if c.is_lowercase() || ",;:".contains(c) => Join::Merge,
            Some(_) => Join::MoveTo(next.start + end),
        };
    }
    let token = last_token(&text[prev.clone()]);
    if TITLES.contains(&token) {
        return Join::Merge;
    }
    let lower = token.to_lowercase();
    // "art. 75", "art. L. 2212-2", "p. 787".
    if ABBREVIATIONS.contains(&lower.as_str())
        && (first.is_ascii_digit() || is_initials(last_token(first_word(next_text))))
    {
        return Join::Merge;
    }
    // "J. Dupont", "J.-M. Dupont", "L. 2212-2".
    if is_initials(token) && (first.is_uppercase() || first.is_ascii_digit()) {
        return Join::Merge;
    }
    Join::Break
}

/// Byte length of the run of `set` characters that opens `s`.
fn leading(s: &str, set: &[char]) -> usize {
    s.len() - s.trim_start_matches(set).len()
}

/// The last word of a sentence piece, without opening punctuation or an
/// elided article: "(cf." → "cf.", "l'art." → "art.".
fn last_token(s: &str) -> &str {
    let word = s
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let word = word.trim_start_matches(['(', '[', '«', '“', '‹', '"']);
    word.rsplit(['\'', '’']).next().unwrap_or(word)
}

/// The first word of a sentence piece.
fn first_word(s: &str) -> &str {
    s.split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default()
}

/// "J.", "J.-M.", "J.M.": capitals each followed by a period, joined by
/// hyphens or nothing.
fn is_initials(token: &str) -> bool {
    let mut chars = token.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        letters += 1;
        if chars.peek() == Some(&'-') {
            chars.next();
            if chars.peek().is_none() {
                return false;
            }
        }
    }
    letters > 0
}

#[cfg(test)]
mod tests;
