//! The one-line excerpt `reponses search` prints after each record: some
//! context around the first match, on one line, cut with "…".
//!
//! Whitespace runs (line breaks, paragraph breaks, non-breaking spaces)
//! become one space, so a match never wraps the output line; control
//! characters and escape sequences from the document become visible
//! placeholders ([`crate::text::sanitize`]), so the only escape sequences
//! written are ours. Widths are in terminal columns, not bytes: "é" and
//! "日" count as the terminal draws them.
//!
//! The window opens about a third of the free room before the first match
//! (more when little text follows it) and cuts at spaces where it can, so
//! words are not split; a match wider than the window is cut instead.

use std::ops::Range;

use crate::text::sanitize::{char_width, placeholder};

/// Columns of the excerpt, "…" included.
pub const WIDTH: usize = 80;

/// How a match is marked when colour is on: bold red, then reset.
pub const MARK_START: &str = "\x1b[1;31m";
pub const MARK_END: &str = "\x1b[0m";

const ELLIPSIS: char = '…';

/// One character of the collapsed text.
#[derive(Debug, Clone, Copy)]
struct Unit {
    c: char,
    width: usize,
    marked: bool,
}

/// At most `width` columns of `text` around the first of `marks` (sorted
/// byte ranges of `text`), or its start when there is none. With `color`,
/// the parts of every mark inside the window are wrapped in
/// [`MARK_START`]…[`MARK_END`].
pub fn snippet(text: &str, marks: &[Range<usize>], width: usize, color: bool) -> String {
    let units = collapse(text, marks);
    let (start, end) = window(&units, width);
    let mut out = String::new();
    if start > 0 {
        out.push(ELLIPSIS);
    }
    let mut open = false;
    for unit in &units[start..end] {
        if color && unit.marked != open {
            out.push_str(if unit.marked { MARK_START } else { MARK_END });
            open = unit.marked;
        }
        out.push(unit.c);
    }
    if open {
        out.push_str(MARK_END);
    }
    if end < units.len() {
        out.push(ELLIPSIS);
    }
    out
}

/// `text` trimmed, each whitespace run one space, each unsafe character its
/// placeholder; a unit is marked when the character it starts at is.
fn collapse(text: &str, marks: &[Range<usize>]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(text.len());
    let mut marks = marks.iter().peekable();
    // A pending whitespace run, and whether its first character is marked.
    let mut space: Option<bool> = None;
    for (at, c) in text.char_indices() {
        while marks.next_if(|m| m.end <= at).is_some() {}
        let marked = marks.peek().is_some_and(|m| m.start <= at);
        if c.is_whitespace() {
            space.get_or_insert(marked);
            continue;
        }
        if let Some(space_marked) = space.take()
            && !units.is_empty()
        {
            units.push(Unit {
                c: ' ',
                width: 1,
                marked: space_marked,
            });
        }
        units.push(Unit {
            c: placeholder(c).unwrap_or(c),
            width: char_width(c),
            marked,
        });
    }
    units
}

/// The units `start..end` to show within `width` columns, ellipses
/// included.
fn window(units: &[Unit], width: usize) -> (usize, usize) {
    let total: usize = units.iter().map(|u| u.width).sum();
    if total <= width {
        return (0, units.len());
    }
    let cols = |range: Range<usize>| -> usize { units[range].iter().map(|u| u.width).sum() };
    let anchor = units.iter().position(|u| u.marked).unwrap_or(0);
    let mark_end = units[anchor..]
        .iter()
        .position(|u| !u.marked)
        .map_or(units.len(), |n| anchor + n);
    let room = width.saturating_sub(cols(anchor..mark_end) + 2);
    let after = cols(mark_end..units.len());
    let lead = cols(0..anchor).min((room / 3).max(room.saturating_sub(after)));

    let mut start = anchor;
    let mut used = 0;
    while start > 0 && used + units[start - 1].width <= lead {
        start -= 1;
        used += units[start].width;
    }
    if start > 0 {
        // Begin at a word: after the first space of the window, if any.
        if let Some(space) = units[start..anchor].iter().position(|u| u.c == ' ') {
            start += space + 1;
        }
    }

    let budget = width.saturating_sub(usize::from(start > 0) + 1);
    let mut end = start;
    let mut used = 0;
    while end < units.len() && used + units[end].width <= budget {
        used += units[end].width;
        end += 1;
    }
    if end == units.len() {
        return (start, end);
    }
    if end < units.len() && units[end].c != ' ' {
        // End at a word, unless that would cut the match.
        let from = mark_end.max(start + 1).min(end);
        if let Some(space) = units[from..end].iter().rposition(|u| u.c == ' ') {
            end = from + space;
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sanitize::str_width;

    fn plain(text: &str, marks: &[Range<usize>], width: usize) -> String {
        snippet(text, marks, width, false)
    }

    fn find(text: &str, needle: &str) -> Range<usize> {
        let at = text.find(needle).unwrap();
        at..at + needle.len()
    }

    #[test]
    fn short_text_is_whole_and_on_one_line() {
        let text = "  Le cadre\n\njuridique\u{a0}n'existe  pas.\n";
        assert_eq!(plain(text, &[], 80), "Le cadre juridique n'existe pas.");
    }

    #[test]
    fn a_long_text_is_cut_at_words_around_the_match() {
        let text = "un deux trois quatre cinq six sept huit neuf dix onze douze treize \
                    quatorze quinze seize dix-sept dix-huit";
        let out = plain(text, &[find(text, "douze")], 30);
        assert_eq!(out, "…onze douze treize quatorze…");
        assert!(str_width(&out) <= 30);
    }

    #[test]
    fn no_match_shows_the_start() {
        let text = "Le Gouvernement est évidemment soucieux de s'en doter chaque fois.";
        assert_eq!(plain(text, &[], 30), "Le Gouvernement est…");
    }

    #[test]
    fn a_match_near_the_end_takes_more_context_before() {
        let text = "un deux trois quatre cinq six sept huit neuf dix fin";
        let out = plain(text, &[find(text, "fin")], 30);
        assert_eq!(out, "…six sept huit neuf dix fin");
        assert!(str_width(&out) <= 30, "{out}");
    }

    #[test]
    fn a_match_wider_than_the_window_is_cut() {
        let text = "avant abcdefghijklmnopqrstuvwxyz après";
        let out = plain(text, &[find(text, "abcdefghijklmnopqrstuvwxyz")], 12);
        assert!(str_width(&out) <= 12, "{out}");
        assert!(out.starts_with('…') && out.ends_with('…'), "{out}");
        assert!(out.contains("abcdefghi"), "{out}");
    }

    #[test]
    fn colour_marks_every_match_in_the_window_and_phrase_spaces() {
        let text = "la CNIL et la\u{a0}CNIL";
        let marks = [find(text, "CNIL"), text.rfind("la").unwrap()..text.len()];
        assert_eq!(
            snippet(text, &marks, 80, true),
            "la \x1b[1;31mCNIL\x1b[0m et \x1b[1;31mla CNIL\x1b[0m"
        );
    }

    #[test]
    fn document_escapes_are_shown_not_obeyed() {
        assert_eq!(plain("a\u{1b}[31mb", &[], 80), "a␛[31mb");
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let text = "日本語の文章です日本語の文章です";
        let out = plain(text, &[], 10);
        assert!(str_width(&out) <= 10, "{out}");
        assert_eq!(out, "日本語の…");
    }

    proptest::proptest! {
        #[test]
        fn never_wider_than_asked_and_never_panics(
            text in "[a-zé日 \u{a0}\n\u{1b}]{0,200}",
            a in 0usize..220,
            b in 0usize..220,
            width in 8usize..100,
        ) {
            let floor = |i: usize| (0..=i.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let (a, b) = (floor(a.min(b)), floor(a.max(b)));
            let mark = a..b;
            let out = snippet(&text, std::slice::from_ref(&mark), width, false);
            proptest::prop_assert!(str_width(&out) <= width, "{:?} → {:?}", text, out);
            proptest::prop_assert!(!out.contains(['\n', '\u{a0}', '\u{1b}']), "{:?}", out);
        }
    }
}
