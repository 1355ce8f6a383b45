//! Long runs of spaces or closing marks, collapsed before Unicode's
//! sentence segmentation sees them.
//!
//! unicode-segmentation decides whether "a. " ends a sentence by looking
//! ahead for a lower-case letter (UAX #29, rule SB8), and does so again at
//! every space or closing mark of the run after the period: a period
//! followed by 60,000 spaces cost it 28 s. Its decisions depend only on
//! the categories of the characters, and a run of one category behaves as
//! one character of it: the rules collapse `Close*` and `Sp*`, never break
//! inside such a run, and their look-ahead skips it whole. Extend and
//! Format characters (combining marks, zero-width joiners, bidi marks) are
//! transparent to every rule but those about the start of the text and
//! paragraph separators, which cannot apply inside a run. So a run longer
//! than [`LONGEST`] keeps its first character only, and the offsets of the
//! bounds found are mapped back: the work is linear, the bounds the same.

use std::borrow::Cow;

/// Runs up to this many characters are left alone (no copy for ordinary
/// text).
const LONGEST: usize = 4;

/// The two kinds of run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// UAX #29's Sp: white space but the paragraph separators (the text
    /// given has no line breaks left).
    Space,
    /// Characters UAX #29 files as Close (opening and closing punctuation,
    /// quotation marks); a subset of them, the ones French text uses.
    Close,
}

fn kind(c: char) -> Option<Kind> {
    match c {
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => None,
        c if c.is_whitespace() => Some(Kind::Space),
        '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '“' | '”' | '‘' | '’' | '‹' | '›' | '"'
        | '\'' => Some(Kind::Close),
        _ => None,
    }
}

/// Extend and Format characters UAX #29 skips: combining marks, joiners,
/// zero-width and bidi formatting characters, the soft hyphen, the BOM.
fn transparent(c: char) -> bool {
    crate::text::fold::is_combining(c)
        || matches!(c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}' | '\u{feff}')
}

/// `text` with its long runs collapsed, and where bytes were taken out:
/// (offset in the collapsed text just after a run's kept character, bytes
/// taken out there), in order.
pub(super) fn collapse(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    let mut holes: Vec<(usize, usize)> = Vec::new();
    let mut out: Option<String> = None;
    // Bytes of `text` already copied to `out` (or, without `out`, looked
    // at and needing no copy).
    let mut copied = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let Some(run) = kind(c) else { continue };
        let kept = at + c.len_utf8();
        let mut end = kept;
        let mut count = 1;
        while let Some(&(next_at, next)) = chars.peek() {
            if kind(next) == Some(run) {
                count += 1;
            } else if !transparent(next) {
                break;
            }
            end = next_at + next.len_utf8();
            chars.next();
        }
        if count <= LONGEST {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..kept]);
        holes.push((out.len(), end - kept));
        copied = end;
    }
    match out {
        None => (Cow::Borrowed(text), holes),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            (Cow::Owned(out), holes)
        }
    }
}

/// The offset in the original text of `offset` in the collapsed one: a
/// bound at a hole lies after the whole run (bounds never fall inside one).
pub(super) fn original(holes: &[(usize, usize)], offset: usize) -> usize {
    let before = holes.partition_point(|&(at, _)| at <= offset);
    offset + holes[..before].iter().map(|&(_, n)| n).sum::<usize>()
}

/// The longest run of one kind left in `text` after [`collapse`], in
/// characters: what the segmentation's look-ahead may walk at each of its
/// characters. For the regression tests.
pub fn longest_run(text: &str) -> usize {
    let (collapsed, _) = collapse(text);
    let mut longest = 0;
    let mut current: Option<(Kind, usize)> = None;
    for c in collapsed.chars() {
        current = match (kind(c), current) {
            (Some(k), Some((run, n))) if k == run => Some((run, n + 1)),
            (None, Some(run)) if transparent(c) => Some(run),
            (Some(k), _) => Some((k, 1)),
            (None, _) => None,
        };
        longest = longest.max(current.map_or(0, |(_, n)| n));
    }
    longest
}
