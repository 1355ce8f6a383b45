//! What must hold whatever the input: the properties the fuzz targets
//! (`fuzz/`) check on arbitrary bytes, and `tests/regressions.rs` checks
//! again on every input that ever failed, hung or ran slowly
//! (`tests/regressions/<target>/`), on stable, in `cargo test`.
//!
//! Each function takes raw bytes, as a fuzzer gives them, and panics when
//! a property fails: that is its job, so it asserts freely. Slowness is
//! checked as work done (the longest run the sentence segmentation is
//! given), never as time. The reader's own target is
//! [`crate::tui::invariants`], where the terminal types may be used.

use std::ops::Range;

use chrono::NaiveDate;
use unicode_segmentation::UnicodeSegmentation;

use crate::load::{self, Texts};
use crate::model::Record;
use crate::quote::{self, Format, PartKind};
use crate::search::{Index, OneByOne, Query, filter};
use crate::text::sanitize::{char_width, is_bidi_control, str_width, strip_controls, visible};
use crate::text::sentence::{longest_run, sentences};
use crate::text::wrap::wrap;

/// A check of one input; it panics when a property fails.
pub type Check = fn(&[u8]);

/// The names of the targets, as `fuzz/fuzz_targets/` and
/// `tests/regressions/` spell them, and what checks each.
pub const TARGETS: [(&str, Check); 7] = [
    ("load", load),
    ("query", query),
    ("sentences", sentences_of),
    ("wrap", wrap_at),
    ("sanitize", sanitize),
    ("quote", quote_of),
    ("app", crate::tui::invariants::app),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Loading: never a panic; every diagnostic located in the file (or about
/// the whole file); every record from a line that exists, ids unique.
pub fn load(data: &[u8]) {
    let loaded = load::load_bytes("fuzz.txt", data, today());
    // Lines as decoded: a lone CR ends one too.
    let lines = match load::decode::decode(data) {
        Ok((text, _)) => text.split('\n').count(),
        Err(_) => data.split(|&b| b == b'\n').count(),
    };
    for d in &loaded.diagnostics {
        assert!(d.line <= lines + 1, "{d} past the end ({lines} lines)");
        assert!(d.line == 0 || d.col >= 1, "{d}");
    }
    let mut ids: Vec<&str> = loaded.records.iter().map(|r| r.id.as_str()).collect();
    for r in &loaded.records {
        assert!(r.line >= 1 && r.line <= lines, "record at line {}", r.line);
    }
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "ids are unique");
}

/// A query (the first line) against a document (the rest): the folding
/// matcher, the index, the one-by-one matcher over raw text, and the
/// probe of `search -l` find the same records, and the raw-text sieve of
/// `search` never rejects a file holding a match.
pub fn query(data: &[u8]) {
    let data = text(data);
    let (query, document) = data.split_once('\n').unwrap_or((&data, ""));
    let Ok(query) = Query::parse(query, today()) else {
        return;
    };
    let loaded = load::load_bytes("fuzz.txt", document.as_bytes(), today());
    let records = &loaded.records;
    let folded: Vec<usize> = (0..records.len())
        .filter(|&i| query.matches(&records[i]))
        .collect();
    let index = Index::build(records);
    assert_eq!(filter(records, &index, &query), folded, "the index");
    let one = OneByOne::new(&query);
    let raw: Vec<usize> = (0..records.len())
        .filter(|&i| one.matches(&records[i]))
        .collect();
    assert_eq!(raw, folded, "one by one over raw text");
    if let Some(terms) = one.raw()
        && !folded.is_empty()
    {
        assert!(terms.may_match(document), "the sieve rejected a match");
    }
    if let Some(probe) = one.probe() {
        let probed = load::load_bytes_if(
            "fuzz.txt",
            document.as_bytes(),
            today(),
            &|_| true,
            Texts::Probe(probe),
        );
        // The probe settles records by their texts and gives them back
        // bare, so they are compared by line.
        let lines: Vec<usize> = probed
            .records
            .iter()
            .zip(&probed.probed)
            .filter(|(r, found)| one.matches_probed(r, Some(**found)))
            .map(|(r, _)| r.line)
            .collect();
        let expected: Vec<usize> = folded.iter().map(|&i| records[i].line).collect();
        assert_eq!(lines, expected, "the probe of search -l");
    }
}

/// Sentence bounds: in order, apart, trimmed, on character boundaries,
/// inside the text; the segmentation never walks a long run.
pub fn sentences_of(data: &[u8]) {
    let text = text(data);
    let bounds = sentences(&text);
    check_ranges(&text, &bounds, "sentence");
    for r in &bounds {
        let s = &text[r.clone()];
        assert!(!s.is_empty() && s.trim() == s, "{s:?} is not trimmed");
    }
    for paragraph in text.split('\n') {
        assert!(longest_run(&paragraph.replace('\r', " ")) <= 4);
    }
}

/// Wrapping at any width, 0 and 1 included (the first byte): lines in
/// order, on character boundaries, none wider than the width unless it
/// holds one grapheme cluster that is (and clusters of no width).
pub fn wrap_at(data: &[u8]) {
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let width = usize::from(width % 100);
    let text = text(rest);
    let lines = wrap(&text, width);
    for line in &lines {
        assert!(line.start <= line.end && line.end <= text.len());
        assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
        let s = &text[line.clone()];
        assert!(!s.contains('\n'), "{s:?} holds a line end");
        // A word wider than the line is broken between grapheme clusters
        // ("\u{600}x" is one: a prepended mark and what follows); a
        // cluster of no width (a lone joiner) may stand beside it.
        let wide = s.graphemes(true).filter(|g| str_width(g) > 0).count();
        assert!(
            wide <= 1 || str_width(s) <= width.max(1),
            "{s:?} at {width}"
        );
    }
    for pair in lines.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}

/// Sanitising: nothing the terminal would obey is left, widths add up.
pub fn sanitize(data: &[u8]) {
    let text = text(data);
    let shown = visible(&text);
    assert!(!shown.chars().any(unsafe_on_screen), "{shown:?}");
    assert_eq!(
        str_width(&text),
        text.chars().map(char_width).sum::<usize>()
    );
    let (stripped, removed) = strip_controls(&text);
    assert!(!stripped.chars().any(unsafe_in_quote), "{stripped:?}");
    assert!(removed <= text.chars().count());
    assert_eq!(removed == 0, stripped == text);
}

/// Quotes: every sentence of every record, in both formats, carries no
/// control, escape or bidi character, and its citation's parentheses
/// pair up.
pub fn quote_of(data: &[u8]) {
    let loaded = load::load_bytes("fuzz.txt", data, today());
    for record in loaded.records.iter().take(4) {
        for part in [PartKind::Question, PartKind::Answer] {
            let text = part.text(record).unwrap_or("");
            let bounds = sentences(text);
            for first in 0..bounds.len().min(4) {
                let Some(range) = quote::select(&bounds, first, 2) else {
                    continue;
                };
                check_quote(record, part, &text[range]);
            }
            check_quote(record, part, text);
        }
    }
}

fn check_quote(record: &Record, part: PartKind, passage: &str) {
    let quote = quote::quote(record, part, passage);
    for format in [Format::Text, Format::Markdown] {
        let out = quote.render(format);
        assert!(
            !out.chars().any(|c| c != '\n' && unsafe_in_quote(c)),
            "{out:?}"
        );
    }
    assert!(!quote.citation.contains('\n'), "{:?}", quote.citation);
    let mut depth = 0i64;
    for c in quote.citation.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "unopened ) in {:?}", quote.citation);
    }
    assert_eq!(depth, 0, "unclosed ( in {:?}", quote.citation);
}

/// What a screen must never receive.
fn unsafe_on_screen(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// What a quote must never carry (whitespace controls are tidied).
fn unsafe_in_quote(c: char) -> bool {
    (c.is_control() && !c.is_whitespace()) || is_bidi_control(c)
}

fn check_ranges(text: &str, ranges: &[Range<usize>], what: &str) {
    for r in ranges {
        assert!(r.start < r.end && r.end <= text.len(), "{what} {r:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what} {r:?} not on characters"
        );
    }
    for pair in ranges.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{what}s {pair:?} overlap");
    }
}
