//! Display lines that keep byte ranges into the original text.
//!
//! Highlights and selections are byte ranges into a record's text, so the
//! wrapper does not produce new strings: each display line is a range of
//! the original. Lines break at word boundaries (UAX #29), measured in
//! terminal columns ([`super::sanitize::char_width`]: accented letters take
//! one, CJK and emoji two, control placeholders one); a word wider than the
//! line is broken between grapheme clusters. Spaces at a break are left out
//! of both lines. Each `\n` ends a line, so the blank line between
//! paragraphs stays a blank display line.

use std::ops::Range;

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::sanitize::{char_width, fits_in, str_width};

/// Wraps `text` to `width` columns (at least 1).
///
/// Lines wrap independently, so a long text (the largest answers run to
/// 3 MB, 20 ms of wrapping on one core) is cut at line ends into pieces
/// wrapped on all cores: opening such an answer is one key press, and it
/// must be answered within a frame.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    if text.len() < PARALLEL_FROM {
        let mut lines = Vec::new();
        wrap_lines(text, 0, width, &mut lines);
        return lines;
    }
    wrap_in_pieces(text, width, PIECE)
}

/// [`wrap`] on all cores, the text cut at the first line end after every
/// `piece` bytes.
fn wrap_in_pieces(text: &str, width: usize, piece: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + piece.max(1)).min(text.len());
        // A line end is a character boundary.
        match memchr::memchr(b'\n', &text.as_bytes()[end..]) {
            Some(at) => {
                pieces.push(start..end + at);
                start = end + at + 1;
            }
            None => {
                pieces.push(start..text.len());
                break;
            }
        }
    }
    pieces
        .into_par_iter()
        .map(|piece| {
            let mut lines = Vec::new();
            wrap_lines(&text[piece.clone()], piece.start, width, &mut lines);
            lines
        })
        .collect::<Vec<_>>()
        .concat()
}

/// Texts from this long are wrapped in parallel, in pieces of about
/// [`PIECE`] bytes.
const PARALLEL_FROM: usize = 256 << 10;
const PIECE: usize = 64 << 10;

/// Wraps each line of `text`, which starts at `base` in the whole text.
fn wrap_lines(text: &str, base: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    let mut start = base;
    for line in text.split('\n') {
        wrap_line(line, start, width, lines);
        start += line.len() + 1;
    }
}

fn wrap_line(line: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    if fits_in(line, width) {
        out.push(base..base + line.trim_end().len());
        return;
    }
    // The current display line: where it starts, where its last unit ends,
    // and how many columns it takes up to there.
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut used = 0;
    let mut gap_from = 0;
    let mut pending = units(line, 0..line.len(), usize::MAX);
    pending.reverse();
    while let Some(unit) = pending.pop() {
        let cols = str_width(&line[unit.clone()]);
        if cols > width && line[unit.clone()].contains([' ', '\t']) {
            // Glued words that do not fit together: glue pairs only.
            let mut words = units(line, unit.clone(), 2);
            if words.len() == 1 {
                words = units(line, unit, 1);
            }
            words.reverse();
            pending.extend(words);
            continue;
        }
        if let Some(s) = start {
            let gap = str_width(&line[gap_from..unit.start]);
            if used + gap + cols <= width {
                used += gap + cols;
                end = unit.end;
                gap_from = unit.end;
                continue;
            }
            out.push(base + s..base + end);
        }
        // The unit opens a new display line.
        if cols <= width {
            start = Some(unit.start);
            end = unit.end;
            used = cols;
        } else {
            let (s, e, u) = break_word(&line[unit.clone()], unit.start, width, base, out);
            start = Some(s);
            end = e;
            used = u;
        }
        gap_from = unit.end;
    }
    match start {
        Some(s) => out.push(base + s..base + end),
        None => out.push(base..base),
    }
}

/// The unbreakable pieces of a line: runs of text between breakable spaces
/// (space and tab; non-breaking spaces glue). French typography glues more:
/// no break after « nor before », ?, !, ; and : even when a plain space
/// was typed there.
/// A unit holds at most `max_words` words.
fn units(line: &str, range: Range<usize>, max_words: usize) -> Vec<Range<usize>> {
    let mut units: Vec<(Range<usize>, usize)> = Vec::new();
    for word in split_words(line, range) {
        let text = &line[word.clone()];
        let glued = units.last().is_some_and(|(last, words)| {
            *words < max_words
                && (line[last.clone()].ends_with('«')
                    || text.starts_with(['»', '?', '!', ';', ':']) && text.chars().count() <= 3)
        });
        match units.last_mut() {
            Some((last, words)) if glued => {
                last.end = word.end;
                *words += 1;
            }
            _ => units.push((word, 1)),
        }
    }
    units.into_iter().map(|(unit, _)| unit).collect()
}

/// The space-separated words of `line[range]`, as ranges of `line`.
fn split_words(line: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut at = range.start;
    let bytes = &line.as_bytes()[..range.end];
    for space in memchr::memchr2_iter(b' ', b'\t', &bytes[range.start..]) {
        let space = range.start + space;
        if space > at {
            words.push(at..space);
        }
        at = space + 1;
    }
    if range.end > at {
        words.push(at..range.end);
    }
    words
}

/// Breaks a word wider than the line between grapheme clusters; pushes the
/// full lines and returns the last, partial one (start, end, columns).
fn break_word(
    word: &str,
    at: usize,
    width: usize,
    base: usize,
    out: &mut Vec<Range<usize>>,
) -> (usize, usize, usize) {
    let mut start = at;
    let mut used = 0;
    for (offset, grapheme) in word.grapheme_indices(true) {
        let cols: usize = grapheme.chars().map(char_width).sum();
        if used + cols > width && used > 0 {
            out.push(base + start..base + at + offset);
            start = at + offset;
            used = 0;
        }
        used += cols;
    }
    (start, at + word.len(), used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    proptest::proptest! {
        /// Wrapping in pieces, in parallel, gives the lines of wrapping the
        /// whole text.
        #[test]
        fn pieces_wrap_as_the_whole(text in "[ab é\n]{0,60}", width in 1usize..8, piece in 1usize..20) {
            let mut whole = Vec::new();
            wrap_lines(&text, 0, width, &mut whole);
            proptest::prop_assert_eq!(wrap_in_pieces(&text, width, piece), whole);
        }

        /// Words are what splitting on spaces and tabs leaves.
        #[test]
        fn words_are_split_on_spaces_and_tabs(line in "[a \té]{0,30}", from in 0usize..30) {
            let from = crate::text::floor_boundary(&line, from);
            let mut expected = Vec::new();
            let mut at = from;
            for piece in line[from..].split([' ', '\t']) {
                if !piece.is_empty() {
                    expected.push(at..at + piece.len());
                }
                at += piece.len() + 1;
            }
            proptest::prop_assert_eq!(split_words(&line, from..line.len()), expected);
        }
    }

    #[test]
    fn breaks_at_words_and_keeps_paragraph_gaps() {
        assert_eq!(
            lines("L'usage par la puissance publique\n\nde caméras", 12),
            vec!["L'usage par", "la puissance", "publique", "", "de caméras"]
        );
    }

    #[test]
    fn accented_letters_take_one_column() {
        assert_eq!(lines("éé éé éé", 5), vec!["éé éé", "éé"]);
    }

    #[test]
    fn wide_characters_take_two() {
        assert_eq!(lines("日本語 日本", 6), vec!["日本語", "日本"]);
        assert_eq!(lines("日本語日本", 4), vec!["日本", "語日", "本"]);
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(
            lines("anticonstitutionnellement", 10),
            vec!["anticonsti", "tutionnell", "ement"]
        );
    }

    #[test]
    fn every_line_fits_and_no_text_is_lost() {
        let text = "Il porte tout d'abord une accusation grave contre les communes, \
                    en affirmant qu'elles ont recours à des technologies illégales.";
        for width in 1..40 {
            let ranges = wrap(text, width);
            for r in &ranges {
                assert!(
                    str_width(&text[r.clone()]) <= width,
                    "{width}: {:?}",
                    &text[r.clone()]
                );
            }
            let kept: String = ranges
                .iter()
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>()
                .join(" ");
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squash(&kept), squash(text));
        }
    }

    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(
            lines("de caméras « augmentées » ? Oui : non", 12),
            vec!["de caméras", "« augmentées", "» ? Oui :", "non"]
        );
        assert_eq!(
            lines("une bonne chose, et donc", 16),
            vec!["une bonne chose,", "et donc"]
        );
        assert_eq!(
            lines("6\u{a0}janvier\u{a0}1978 x", 14),
            vec!["6\u{a0}janvier\u{a0}1978", "x"]
        );
    }

    #[test]
    fn a_glued_pair_wider_than_the_line_still_breaks() {
        assert_eq!(
            lines("« anticonstitutionnellement »", 10),
            vec!["«", "anticonsti", "tutionnell", "ement »"]
        );
    }

    #[test]
    fn zero_width_is_treated_as_one() {
        assert_eq!(lines("ab", 0), vec!["a", "b"]);
    }
}
