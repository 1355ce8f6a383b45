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
use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::word_splitters::{WordSplitter, split_words};
use textwrap::wrap_algorithms::wrap_first_fit;
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
    let mut pieces = Vec::with_capacity(line.len() / 6);
    line_pieces(line, width, &mut pieces);
    // The gap after each piece: the whitespace up to the next one.
    for i in 1..pieces.len() {
        let (end, next) = (pieces[i - 1].range.end, pieces[i].range.start);
        // One space, nearly always.
        pieces[i - 1].gap = if next == end + 1 && line.as_bytes()[end] == b' ' {
            1
        } else {
            str_width(&line[end..next])
        };
    }
    let lines = wrap_first_fit(&pieces, &[width as f64]);
    if lines.is_empty() {
        out.push(base..base);
    }
    for line in lines {
        if let (Some(first), Some(last)) = (line.first(), line.last()) {
            out.push(base + first.range.start..base + last.range.end);
        }
    }
}

/// [`words`], [`units`] and [`pieces_of`] in one pass, without their
/// vectors: the words, glued as [`units`] glues them, and a unit that fits
/// the line is a piece; one that does not is left to [`pieces_of`].
fn line_pieces(line: &str, width: usize, out: &mut Vec<Piece>) {
    let bytes = line.as_bytes();
    // Where the characters that make a run not plain are, found in one
    // pass over the line rather than a look at each run.
    let odd = not_plain(line);
    let mut next_odd = 0;
    // The unit being built: its range and its last word's start.
    let mut unit: Option<(Range<usize>, usize)> = None;
    let close = |range: Range<usize>, out: &mut Vec<Piece>| {
        let cols = str_width(&line[range.clone()]);
        if cols <= width {
            out.push(Piece {
                range,
                width: cols,
                gap: 0,
            });
        } else {
            let inner: Vec<Range<usize>> = words(&line[range.clone()])
                .into_iter()
                .map(|w| range.start + w.start..range.start + w.end)
                .collect();
            pieces_of(line, &inner, width, out);
        }
    };
    let mut take_word = |run: Range<usize>, out: &mut Vec<Piece>| {
        let text = &line[run.clone()];
        let glued = unit.as_ref().is_some_and(|(range, last)| {
            line[*last..range.end].ends_with('«')
                || text.starts_with(['»', '?', '!', ';', ':']) && text.chars().count() <= 3
        });
        match unit.as_mut() {
            Some((range, last)) if glued => {
                range.end = run.end;
                *last = run.start;
            }
            _ => {
                if let Some((done, _)) = unit.take() {
                    close(done, out);
                }
                unit = Some((run.clone(), run.start));
            }
        }
    };
    let mut take = |run: Range<usize>, out: &mut Vec<Piece>| {
        while odd.get(next_odd).is_some_and(|&at| at < run.start) {
            next_odd += 1;
        }
        let first_odd = next_odd;
        while odd.get(next_odd).is_some_and(|&at| at < run.end) {
            next_odd += 1;
        }
        match &odd[first_odd..next_odd] {
            [] => take_word(run, out),
            // One character ("?" typed apart): nothing to break.
            _ if line[run.clone()].chars().nth(1).is_none() => take_word(run, out),
            hyphens if hyphens.iter().all(|&at| joins_letters(line, at)) => {
                // "vidéo-surveillance": a break after each hyphen.
                let mut start = run.start;
                for &at in hyphens {
                    take_word(start..at + 1, out);
                    start = at + 1;
                }
                take_word(start..run.end, out);
            }
            _ => {
                for word in uax14_words(line, run) {
                    take_word(word, out);
                }
            }
        }
    };
    let mut at = 0;
    for space in memchr::memchr2_iter(b' ', b'\t', bytes) {
        if space > at {
            take(at..space, out);
        }
        at = space + 1;
    }
    if line.len() > at {
        take(at..line.len(), out);
    }
    if let Some((done, _)) = unit {
        close(done, out);
    }
}

/// A piece of a line that is never broken, as textwrap's wrapping
/// algorithms see it: its columns and the columns of the whitespace after
/// it, kept as a byte range of the line.
#[derive(Debug, Clone)]
struct Piece {
    range: Range<usize>,
    width: usize,
    gap: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.gap as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of a line, as byte ranges: the runs between spaces and tabs,
/// themselves broken where Unicode's line breaking algorithm (UAX #14,
/// textwrap's `UnicodeBreakProperties`) breaks inside a run: after a
/// hyphen between letters (textwrap's `HyphenSplitter`: "vidéo-|
/// surveillance"), after a slash or an ellipsis, between ideographs.
/// Non-breaking spaces glue, as they should; between runs, French
/// typography decides what stays together ([`units`]).
///
/// Most runs are plain words, where the algorithm has nothing to break:
/// those are taken whole without asking it ([`plain`]), which keeps
/// wrapping a 3 MB answer within a frame.
fn words(line: &str) -> Vec<Range<usize>> {
    let mut words = Vec::with_capacity(line.len() / 5);
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut push_run = |run: Range<usize>| {
        let text = &line[run.clone()];
        if plain(text) {
            words.push(run);
            return;
        }
        words.extend(uax14_words(line, run));
    };
    for space in memchr::memchr2_iter(b' ', b'\t', bytes) {
        if space > at {
            push_run(at..space);
        }
        at = space + 1;
    }
    if line.len() > at {
        push_run(at..line.len());
    }
    words
}

/// The words UAX #14 and the hyphen splitter find in `line[run]`, a run
/// between spaces.
fn uax14_words(line: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let text = &line[run.clone()];
    let start_of = |word: &str| run.start + (word.as_ptr() as usize - text.as_ptr() as usize);
    let found = WordSeparator::UnicodeBreakProperties.find_words(text);
    split_words(found, &WordSplitter::HyphenSplitter)
        .filter(|word| !word.word.is_empty())
        .map(|word| {
            let from = start_of(word.word);
            from..from + word.word.len()
        })
        .collect()
}

/// Whether the byte at `at` is a hyphen between two letters or digits:
/// textwrap's hyphen splitter breaks after it ("outre-|mer", "n° 78-|17"),
/// where UAX #14 breaks too or not at all, and nothing else breaks there.
/// A property test holds this to the algorithm.
fn joins_letters(line: &str, at: usize) -> bool {
    line.as_bytes()[at] == b'-'
        && line[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        && line[at + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Where the characters of `line` are that no [`plain`] run holds (spaces
/// and tabs aside), in order.
fn not_plain(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut odd = Vec::new();
    for (at, &b) in bytes.iter().enumerate() {
        // One look-up a byte: most are plain ASCII or a character's
        // continuation; only a character's first byte past ASCII needs the
        // character.
        match BYTE_CLASS[usize::from(b)] {
            PLAIN => {}
            ODD => odd.push(at),
            _ => {
                let plain = match line[at..].chars().next() {
                    Some('°') => degree_glued(line, at),
                    c => c.is_some_and(plain_char),
                };
                if !plain {
                    odd.push(at);
                }
            }
        }
    }
    odd
}

const PLAIN: u8 = 0;
const ODD: u8 = 1;
const LEAD: u8 = 2;

/// What a byte says of plainness ([`not_plain`]): plain (ASCII of plain
/// runs, spaces and tabs, continuation bytes), odd (other ASCII), or the
/// first byte of a character to look at.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b {
            0..128 if PLAIN_ASCII[b] || b == b' ' as usize || b == b'\t' as usize => PLAIN,
            0..128 => ODD,
            0x80..0xC0 => PLAIN,
            _ => LEAD,
        };
        b += 1;
    }
    table
};

/// The ASCII bytes of plain runs: letters, digits, and the punctuation
/// that never opens a break inside a run.
const PLAIN_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(c, b'.' | b',' | b';' | b':' | b'\'' | b'"' | b')' | b']');
        b += 1;
    }
    table
};

/// The characters past ASCII of plain runs.
fn plain_char(c: char) -> bool {
    matches!(c, '«' | '»' | '’' | '‘' | '\u{a0}' | '\u{202f}')
        || matches!(c, 'À'..='ÿ' | 'Ā'..='ɏ') && c != '×' && c != '÷'
}

/// Whether a run between spaces is one word for UAX #14: letters and
/// digits, Latin accented letters, and the punctuation that never opens a
/// break inside a run (quotes, guillemets, apostrophes, brackets, the
/// period, the comma, the semicolon and the colon, the no-break spaces,
/// the ° of "n°").
/// A property test holds this to the algorithm.
fn plain(run: &str) -> bool {
    run.char_indices().all(|(at, c)| match u32::from(c) {
        n @ 0..128 => PLAIN_ASCII[n as usize],
        _ if c == '°' => degree_glued(run, at),
        _ => plain_char(c),
    })
}

/// Whether the ° at `at` follows a letter or a digit ("n°", "12°"), where
/// UAX #14 does not break before it, nor after it before anything plain.
fn degree_glued(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// The words glued by French typography into units that never break: no
/// break after « nor before », ?, !, ; and : even when a plain space was
/// typed there. A unit holds at most `max_words` words; units are ranges
/// of `words`.
fn units(line: &str, words: &[Range<usize>], max_words: usize) -> Vec<Range<usize>> {
    let mut units: Vec<Range<usize>> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let text = &line[word.clone()];
        let glued = units.last().is_some_and(|last| {
            let previous = &line[words[last.end - 1].clone()];
            last.len() < max_words
                && (previous.ends_with('«')
                    || text.starts_with(['»', '?', '!', ';', ':']) && text.chars().count() <= 3)
        });
        match units.last_mut() {
            Some(last) if glued => last.end = i + 1,
            _ => units.push(i..i + 1),
        }
    }
    units
}

/// The pieces of a unit: the unit whole when it fits the line; else glued
/// pairs, then words; a word wider than the line, cut between grapheme
/// clusters.
fn pieces_of(line: &str, words: &[Range<usize>], width: usize, out: &mut Vec<Piece>) {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    let range = first.start..last.end;
    let cols = str_width(&line[range.clone()]);
    if cols <= width {
        out.push(Piece {
            range,
            width: cols,
            gap: 0,
        });
        return;
    }
    if words.len() > 1 {
        let most = if words.len() > 2 { 2 } else { 1 };
        for unit in units(line, words, most) {
            pieces_of(line, &words[unit], width, out);
        }
        return;
    }
    let word = &line[range.clone()];
    // A word with spaces in it: the line breaking algorithm glued words
    // around quotation marks ("« augmentées » ?"); they part as French
    // typography allows.
    if word.contains(' ') {
        let inner: Vec<Range<usize>> = word
            .split(' ')
            .scan(range.start, |at, part| {
                let piece = *at..*at + part.len();
                *at += part.len() + 1;
                Some(piece)
            })
            .filter(|piece| !piece.is_empty())
            .collect();
        for unit in units(line, &inner, 2) {
            pieces_of(line, &inner[unit], width, out);
        }
        return;
    }
    let (mut start, mut used) = (range.start, 0);
    for (offset, grapheme) in word.grapheme_indices(true) {
        let cols: usize = grapheme.chars().map(char_width).sum();
        if used + cols > width && used > 0 {
            let at = range.start + offset;
            out.push(Piece {
                range: start..at,
                width: used,
                gap: 0,
            });
            start = at;
            used = 0;
        }
        used += cols;
    }
    out.push(Piece {
        range: start..range.end,
        width: used,
        gap: 0,
    });
}

#[cfg(test)]
mod tests;
