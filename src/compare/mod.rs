//! Two answers side by side: their sentences aligned, and inside a
//! sentence changed in a few words, the words.
//!
//! Sentences are the quote selection's ([`crate::text::sentence`]), and
//! compare by their words (whitespace aside). The two lists are diffed as
//! sequences (patience diff, [`similar`]): what both hold in order is
//! shared. What the diff leaves on one side only is then looked for
//! elsewhere on the other (a sentence moved is shared, not removed and
//! added), and what is still alone is paired, inside the stretch where
//! the diff left it, with the most alike sentence across (half its words
//! or more in common): a sentence changed in a few words, whose words are
//! diffed in turn. The rest is found on one side only.
//!
//! All of it stops at a deadline when one is given: two 3 MB answers that
//! have nothing in common are 40,000 sentences each, and a diff of them
//! could take seconds. Past the deadline, what is left is reported
//! unpaired and [`Alignment::complete`] says so; the reader computes
//! alignments off its thread anyway.

mod print;

pub use print::{write_json, write_text};

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::text::sentence::sentences;

/// What a row of an alignment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// In both answers, word for word.
    Shared,
    /// In both, a few words changed.
    Changed,
    /// In the first (left) answer only.
    Left,
    /// In the second (right) answer only.
    Right,
}

/// A word of a changed sentence: kept, or on one side only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WordKind {
    Equal,
    /// In the left sentence only.
    Delete,
    /// In the right sentence only.
    Insert,
}

/// A run of words of a changed sentence, as byte ranges into the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub kind: WordKind,
    /// In the left text (empty for an insertion).
    pub left: Range<usize>,
    /// In the right text (empty for a deletion).
    pub right: Range<usize>,
}

/// One row: a sentence of either side, or of both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// Index of the sentence in [`Alignment::left`].
    pub left: Option<usize>,
    pub right: Option<usize>,
    /// For a changed sentence, its words.
    pub words: Vec<Word>,
}

/// Two texts' sentences and how they align.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Sentences of the left text, byte ranges.
    pub left: Vec<Range<usize>>,
    pub right: Vec<Range<usize>>,
    /// In the left text's order, the right's rows where they fall.
    pub rows: Vec<Row>,
    /// Whether the work finished before the deadline.
    pub complete: bool,
}

/// How many sentences of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub shared: usize,
    pub changed: usize,
    pub only_left: usize,
    pub only_right: usize,
}

impl Alignment {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for row in &self.rows {
            match row.kind {
                RowKind::Shared => c.shared += 1,
                RowKind::Changed => c.changed += 1,
                RowKind::Left => c.only_left += 1,
                RowKind::Right => c.only_right += 1,
            }
        }
        c
    }

    /// The rows that are differences, as positions in [`Alignment::rows`].
    pub fn differences(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind != RowKind::Shared)
            .map(|(i, _)| i)
    }
}

/// A sentence's words: their hashes, case kept, whitespace aside.
fn word_hashes(sentence: &str) -> Vec<u64> {
    sentence
        .split_whitespace()
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
        .collect()
}

/// A sentence's key: the hash of its words in order.
fn key(words: &[u64]) -> u64 {
    let mut bytes = Vec::with_capacity(words.len() * 8);
    for w in words {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

/// The share of words two sentences have in common (of the longer).
fn alike(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut x = a.to_vec();
    let mut y = b.to_vec();
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / x.len().max(y.len()) as f64
}

/// Sentences are paired as changed from this share of common words.
const ALIKE: f64 = 0.5;

/// A stretch left by the diff holds at most this many pairs to weigh:
/// past it, its sentences stay unpaired (a rewritten answer, not an
/// answer with a few words changed).
const PAIRS: usize = 4096;

/// A side with this many sentences or fewer is looked up, not diffed.
const FEW: usize = 16;

fn past(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() >= d)
}

/// Aligns the sentences of `left` and `right`, stopping at `deadline`.
pub fn align(left: &str, right: &str, deadline: Option<Instant>) -> Alignment {
    let ls = sentences(left);
    let rs = sentences(right);
    let lw: Vec<Vec<u64>> = ls.iter().map(|r| word_hashes(&left[r.clone()])).collect();
    let rw: Vec<Vec<u64>> = rs.iter().map(|r| word_hashes(&right[r.clone()])).collect();
    let lk: Vec<u64> = lw.iter().map(|w| key(w)).collect();
    let rk: Vec<u64> = rw.iter().map(|w| key(w)).collect();
    // Against a handful of sentences, a diff finds nothing a lookup does
    // not, and Myers's fallback inside it costs the product of the sizes
    // (a 3 MB answer against one sentence: a second): one stretch then.
    let ops = if lk.len().min(rk.len()) <= FEW {
        vec![DiffOp::Replace {
            old_index: 0,
            old_len: lk.len(),
            new_index: 0,
            new_len: rk.len(),
        }]
    } else {
        capture_diff_slices_deadline(Algorithm::Patience, &lk, &rk, deadline)
    };
    // Stretches the diff left unmatched: (left range, right range).
    let mut hunks: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut equal: Vec<(usize, usize)> = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => equal.extend((0..len).map(|k| (old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => hunks.push((old_index..old_index + old_len, new_index..new_index)),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => hunks.push((old_index..old_index, new_index..new_index + new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => hunks.push((
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            )),
        }
    }
    // Moved sentences: alone on one side here, alone on the other there.
    let mut alone_right: HashMap<u64, Vec<usize>> = HashMap::new();
    for (_, r) in &hunks {
        for j in r.clone().rev() {
            alone_right.entry(rk[j]).or_default().push(j);
        }
    }
    let mut right_taken = vec![false; rs.len()];
    let mut left_pair: Vec<Option<(usize, RowKind)>> = vec![None; ls.len()];
    for &(i, j) in &equal {
        left_pair[i] = Some((j, RowKind::Shared));
        right_taken[j] = true;
    }
    for (l, _) in &hunks {
        for i in l.clone() {
            if let Some(j) = alone_right.get_mut(&lk[i]).and_then(Vec::pop) {
                left_pair[i] = Some((j, RowKind::Shared));
                right_taken[j] = true;
            }
        }
    }
    let mut complete = !past(deadline);
    // Changed sentences: the most alike across, in the same stretch.
    for (l, r) in &hunks {
        let weighed = l.len() * r.len() <= PAIRS || l.len().min(r.len()) <= FEW;
        if !weighed || past(deadline) {
            complete &= weighed;
            continue;
        }
        for i in l.clone() {
            if left_pair[i].is_some() {
                continue;
            }
            let best = r
                .clone()
                .filter(|&j| !right_taken[j])
                .map(|j| (alike(&lw[i], &rw[j]), j))
                .filter(|&(share, _)| share >= ALIKE)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, j)) = best {
                left_pair[i] = Some((j, RowKind::Changed));
                right_taken[j] = true;
            }
        }
    }
    // Rows in the left's order; a right sentence alone goes after the
    // left row that precedes it in the right's order.
    let mut rows = Vec::with_capacity(ls.len() + rs.len());
    let mut next_right = 0;
    let flush_right = |rows: &mut Vec<Row>, upto: usize, next_right: &mut usize| {
        while *next_right < upto.min(rs.len()) {
            if !right_taken[*next_right] {
                rows.push(Row {
                    kind: RowKind::Right,
                    left: None,
                    right: Some(*next_right),
                    words: Vec::new(),
                });
            }
            *next_right += 1;
        }
    };
    for i in 0..ls.len() {
        match left_pair[i] {
            Some((j, kind)) => {
                // Only pairs in order move the right side along: a moved
                // sentence leaves it where it was.
                if j >= next_right {
                    flush_right(&mut rows, j, &mut next_right);
                    next_right = next_right.max(j + 1);
                }
                let words = if kind == RowKind::Changed && !past(deadline) {
                    word_diff(left, ls[i].clone(), right, rs[j].clone(), deadline)
                } else {
                    Vec::new()
                };
                rows.push(Row {
                    kind,
                    left: Some(i),
                    right: Some(j),
                    words,
                });
            }
            None => rows.push(Row {
                kind: RowKind::Left,
                left: Some(i),
                right: None,
                words: Vec::new(),
            }),
        }
    }
    flush_right(&mut rows, rs.len(), &mut next_right);
    Alignment {
        left: ls,
        right: rs,
        rows,
        complete: complete && !past(deadline),
    }
}

/// Words of a sentence with their byte ranges (absolute, in `text`).
fn tokens(text: &str, sentence: Range<usize>) -> Vec<(&str, Range<usize>)> {
    let s = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                out.push((&s[from..at], sentence.start + from..sentence.start + at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push((&s[from..], sentence.start + from..sentence.end));
    }
    out
}

/// The words of two sentences, diffed: runs kept, removed, added.
fn word_diff(
    left: &str,
    l: Range<usize>,
    right: &str,
    r: Range<usize>,
    deadline: Option<Instant>,
) -> Vec<Word> {
    let a = tokens(left, l);
    let b = tokens(right, r);
    let aw: Vec<&str> = a.iter().map(|(w, _)| *w).collect();
    let bw: Vec<&str> = b.iter().map(|(w, _)| *w).collect();
    let span = |t: &[(&str, Range<usize>)], from: usize, len: usize| -> Range<usize> {
        match (t.get(from), t.get(from + len.max(1) - 1)) {
            (Some(first), Some(last)) if len > 0 => first.1.start..last.1.end,
            _ => {
                let at = t
                    .get(from)
                    .map_or_else(|| t.last().map_or(0, |w| w.1.end), |w| w.1.start);
                at..at
            }
        }
    };
    let mut out = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &aw, &bw, deadline) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.push(Word {
                kind: WordKind::Equal,
                left: span(&a, old_index, len),
                right: span(&b, new_index, len),
            }),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => out.push(Word {
                kind: WordKind::Delete,
                left: span(&a, old_index, old_len),
                right: span(&b, new_index, 0),
            }),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => out.push(Word {
                kind: WordKind::Insert,
                left: span(&a, old_index, 0),
                right: span(&b, new_index, new_len),
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                out.push(Word {
                    kind: WordKind::Delete,
                    left: span(&a, old_index, old_len),
                    right: span(&b, new_index, 0),
                });
                out.push(Word {
                    kind: WordKind::Insert,
                    left: span(&a, old_index + old_len, 0),
                    right: span(&b, new_index, new_len),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
