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

use unicode_segmentation::UnicodeSegmentation;

use super::sanitize::{char_width, str_width};

/// Wraps `text` to `width` columns (at least 1).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        wrap_line(line, start, width, &mut lines);
        start += line.len() + 1;
    }
    lines
}

fn wrap_line(line: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    if str_width(line) <= width {
        out.push(base..base + line.trim_end().len());
        return;
    }
    // The current display line: where it starts, where its last word ends,
    // and how many columns it takes up to that word's end.
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut used = 0;
    // Columns of spaces seen since the last word, pending.
    let mut pending = 0;
    for (at, token) in line.split_word_bound_indices() {
        let is_space = token.chars().all(char::is_whitespace);
        let cols = str_width(token);
        if is_space {
            if start.is_some() {
                pending += cols;
            }
            continue;
        }
        match start {
            None => {}
            Some(_) if used + pending + cols <= width => {
                used += pending + cols;
                end = at + token.len();
                pending = 0;
                continue;
            }
            Some(s) => out.push(base + s..base + end),
        }
        // The token opens a new display line.
        pending = 0;
        if cols <= width {
            start = Some(at);
            end = at + token.len();
            used = cols;
        } else {
            let (s, e, u) = break_word(token, at, width, base, out);
            start = Some(s);
            end = e;
            used = u;
        }
    }
    match start {
        Some(s) => out.push(base + s..base + end),
        None => out.push(base..base),
    }
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
        assert_eq!(lines("anticonstitutionnellement", 10), vec!["anticonsti", "tutionnell", "ement"]);
    }

    #[test]
    fn every_line_fits_and_no_text_is_lost() {
        let text = "Il porte tout d'abord une accusation grave contre les communes, \
                    en affirmant qu'elles ont recours à des technologies illégales.";
        for width in 1..40 {
            let ranges = wrap(text, width);
            for r in &ranges {
                assert!(str_width(&text[r.clone()]) <= width, "{width}: {:?}", &text[r.clone()]);
            }
            let kept: String = ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" ");
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squash(&kept), squash(text));
        }
    }

    #[test]
    fn zero_width_is_treated_as_one() {
        assert_eq!(lines("ab", 0), vec!["a", "b"]);
    }
}
