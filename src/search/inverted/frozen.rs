//! The text side of an index as flat sections of bytes: what the cache
//! file stores ([`write`]) and what a mapped cache file is read as
//! ([`Frozen`]), without building anything: a posting list or a token
//! sequence is a slice of the mapping, looked at when a query needs it.
//!
//! Sections (each numbered, little-endian, no alignment assumed):
//! - a vocabulary: its tokens each followed by `\n`, the `u32` offset
//!   where each starts, and the ids in the tokens' byte order (for a
//!   binary search: a mapped index has no hash table);
//! - each token's count of occurrences (`u32`);
//! - posting lists, one after another, with the `u64` offset where each
//!   ends: a first byte 0 then varints (sparse), or 1 then `u64` words
//!   (dense), as [`super::postings`] builds them;
//! - the variants' vocabulary and posting lists, the same way;
//! - each record's token sequence, with the `u64` offset where each ends.
//!
//! [`Frozen::open`] checks every offset before any is used (bounds,
//! order, UTF-8, a `\n` before each token), so a damaged section makes it
//! refuse the index, and accessors still never index out of bounds: a
//! mapped file can change under us, and nothing read from it is trusted.
//! Facts and short fields are not stored here: they come from the
//! records' metadata, which the cache holds anyway.

use std::io;
use std::ops::Range;
use std::sync::Arc;

use super::postings::{Postings, PostingsRef, Words};
use super::terms::{Built, TokenList, U32s};

/// What a frozen index's bytes live in: a mapped file, or a buffer.
pub type Owner = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Where a writer puts sections: [`write`] starts each with
/// [`Sink::section`] and gives its bytes in pieces.
pub trait Sink {
    /// Starts section `id`.
    ///
    /// # Errors
    /// Writing failed.
    fn section(&mut self, id: u32) -> io::Result<()>;

    /// More bytes of the current section.
    ///
    /// # Errors
    /// Writing failed.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()>;
}

/// The sections of a frozen index, numbered from [`FIRST`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
enum Part {
    VocabText,
    VocabStarts,
    VocabSorted,
    Counts,
    PostingEnds,
    PostingData,
    VariantText,
    VariantStarts,
    VariantPostingEnds,
    VariantPostingData,
    SequenceEnds,
    SequenceData,
}

/// The number of the first section.
pub const FIRST: u32 = 100;

/// The sections of the records' token sequences, which only phrases
/// read.
pub const SEQUENCES: [u32; 2] = [
    FIRST + Part::SequenceEnds as u32,
    FIRST + Part::SequenceData as u32,
];

const PARTS: [Part; 12] = [
    Part::VocabText,
    Part::VocabStarts,
    Part::VocabSorted,
    Part::Counts,
    Part::PostingEnds,
    Part::PostingData,
    Part::VariantText,
    Part::VariantStarts,
    Part::VariantPostingEnds,
    Part::VariantPostingData,
    Part::SequenceEnds,
    Part::SequenceData,
];

const SPARSE: u8 = 0;
const DENSE: u8 = 1;

/// The text side of an index, read from bytes it does not own a copy of.
pub struct Frozen {
    owner: Owner,
    ranges: [Range<usize>; 12],
    tokens: usize,
    variants: usize,
    docs: usize,
}

impl std::fmt::Debug for Frozen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frozen")
            .field("tokens", &self.tokens)
            .field("variants", &self.variants)
            .field("docs", &self.docs)
            .finish_non_exhaustive()
    }
}

/// Why a frozen index was refused: which section is unsound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsound(pub u32);

impl Frozen {
    /// Reads the sections `range` gives (byte ranges of `owner`, by
    /// section number), checking that every offset they hold is sound.
    ///
    /// # Errors
    /// A section is missing or unsound.
    pub fn open(
        owner: Owner,
        range: &dyn Fn(u32) -> Option<Range<usize>>,
    ) -> Result<Frozen, Unsound> {
        let all = (*owner).as_ref().len();
        let mut ranges: [Range<usize>; 12] = Default::default();
        for (slot, part) in ranges.iter_mut().zip(PARTS) {
            let id = FIRST + part as u32;
            let r = range(id).ok_or(Unsound(id))?;
            if r.start > r.end || r.end > all {
                return Err(Unsound(id));
            }
            *slot = r;
        }
        let mut frozen = Frozen {
            owner,
            ranges,
            tokens: 0,
            variants: 0,
            docs: 0,
        };
        frozen.tokens = frozen.check_list(Part::VocabText, Part::VocabStarts)?;
        frozen.variants = frozen.check_list(Part::VariantText, Part::VariantStarts)?;
        let tokens = frozen.tokens;
        let sorted = frozen.bytes(Part::VocabSorted);
        if sorted.len() != tokens * 4 || frozen.bytes(Part::Counts).len() != tokens * 4 {
            return Err(frozen.unsound(Part::VocabSorted));
        }
        if U32s::Le(sorted).iter().any(|id| id as usize >= tokens) {
            return Err(frozen.unsound(Part::VocabSorted));
        }
        frozen.check_ends(Part::PostingEnds, Part::PostingData, Some(tokens))?;
        frozen.check_ends(
            Part::VariantPostingEnds,
            Part::VariantPostingData,
            Some(frozen.variants),
        )?;
        frozen.docs = frozen.check_ends(Part::SequenceEnds, Part::SequenceData, None)?;
        Ok(frozen)
    }

    fn unsound(&self, part: Part) -> Unsound {
        Unsound(FIRST + part as u32)
    }

    fn bytes(&self, part: Part) -> &[u8] {
        let range = self.ranges[part as usize].clone();
        (*self.owner).as_ref().get(range).unwrap_or_default()
    }

    /// A token list's text, checked when the index was opened.
    fn text(&self, part: Part) -> &str {
        simdutf8::basic::from_utf8(self.bytes(part)).unwrap_or_default()
    }

    /// Checks a token list: UTF-8, offsets increasing from 0, each token
    /// ending with a `\n`. How many tokens it has.
    fn check_list(&self, text: Part, starts: Part) -> Result<usize, Unsound> {
        let bytes = self.bytes(text);
        if simdutf8::basic::from_utf8(bytes).is_err() {
            return Err(self.unsound(text));
        }
        let raw = self.bytes(starts);
        if !raw.len().is_multiple_of(4) {
            return Err(self.unsound(starts));
        }
        let list = U32s::Le(raw);
        let count = list.len();
        let mut previous = None;
        for start in list.iter() {
            let start = start as usize;
            let sound = match previous {
                None => start == 0,
                Some(p) => start > p && bytes.get(start - 1) == Some(&b'\n'),
            };
            if !sound {
                return Err(self.unsound(starts));
            }
            previous = Some(start);
        }
        let ends_well = match previous {
            None => bytes.is_empty(),
            Some(p) => bytes.len() > p && bytes.last() == Some(&b'\n'),
        };
        if !ends_well {
            return Err(self.unsound(text));
        }
        Ok(count)
    }

    /// Checks `u64` end offsets into a data section: non-decreasing, none
    /// past its end, `count` of them when known. How many there are.
    fn check_ends(&self, ends: Part, data: Part, count: Option<usize>) -> Result<usize, Unsound> {
        let raw = self.bytes(ends);
        let len = self.bytes(data).len();
        if !raw.len().is_multiple_of(8) || count.is_some_and(|n| n * 8 != raw.len()) {
            return Err(self.unsound(ends));
        }
        let mut previous = 0;
        for end in raw.chunks_exact(8) {
            let end = <[u8; 8]>::try_from(end).map_or(u64::MAX, u64::from_le_bytes);
            let end = usize::try_from(end).unwrap_or(usize::MAX);
            if end < previous || end > len {
                return Err(self.unsound(ends));
            }
            previous = end;
        }
        Ok(raw.len() / 8)
    }

    /// Item `i` of a data section cut by `ends`.
    fn item(&self, ends: Part, data: Part, i: usize) -> &[u8] {
        let ends = self.bytes(ends);
        let end_at = |i: usize| {
            ends.get(i * 8..i * 8 + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .and_then(|b| usize::try_from(u64::from_le_bytes(b)).ok())
        };
        let Some(end) = end_at(i) else {
            return &[];
        };
        let start = if i == 0 { Some(0) } else { end_at(i - 1) };
        start
            .and_then(|start| self.bytes(data).get(start..end))
            .unwrap_or_default()
    }

    fn postings_in(&self, ends: Part, data: Part, id: u32) -> PostingsRef<'_> {
        match self.item(ends, data, id as usize).split_first() {
            Some((&DENSE, words)) => PostingsRef::Dense(Words::Le(words)),
            Some((_, bytes)) => PostingsRef::Sparse(bytes),
            None => PostingsRef::Sparse(&[]),
        }
    }

    pub(super) fn vocab(&self) -> TokenList<'_> {
        TokenList {
            text: self.text(Part::VocabText),
            starts: U32s::Le(self.bytes(Part::VocabStarts)),
        }
    }

    pub(super) fn variants(&self) -> TokenList<'_> {
        TokenList {
            text: self.text(Part::VariantText),
            starts: U32s::Le(self.bytes(Part::VariantStarts)),
        }
    }

    /// The id of `token`, by binary search of the sorted ids.
    pub(super) fn find(&self, token: &str) -> Option<u32> {
        let vocab = self.vocab();
        let sorted = U32s::Le(self.bytes(Part::VocabSorted));
        let (mut low, mut high) = (0, sorted.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let id = sorted.get(middle)?;
            match vocab.token(id).cmp(token) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(id),
            }
        }
        None
    }

    pub(super) fn postings(&self, id: u32) -> PostingsRef<'_> {
        self.postings_in(Part::PostingEnds, Part::PostingData, id)
    }

    pub(super) fn variant_postings(&self, id: u32) -> PostingsRef<'_> {
        self.postings_in(Part::VariantPostingEnds, Part::VariantPostingData, id)
    }

    pub(super) fn count(&self, id: u32) -> u32 {
        U32s::Le(self.bytes(Part::Counts))
            .get(id as usize)
            .unwrap_or(0)
    }

    pub(super) fn sequence(&self, doc: usize) -> &[u8] {
        self.item(Part::SequenceEnds, Part::SequenceData, doc)
    }

    /// How many records it covers.
    pub fn docs(&self) -> usize {
        self.docs
    }
}

/// The starts section of a text section.
fn starts_of(text: Part) -> Part {
    match text {
        Part::VariantText => Part::VariantStarts,
        _ => Part::VocabStarts,
    }
}

impl U32s<'_> {
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// Writes the text side of a built index as the sections [`Frozen`]
/// reads.
///
/// # Errors
/// The sink failed.
pub(super) fn write(built: &Built, sink: &mut dyn Sink) -> io::Result<()> {
    let vocab = built.vocab.list();
    write_list(
        sink,
        Part::VocabText,
        &built.vocab.text,
        &built.vocab.starts,
    )?;
    let mut sorted: Vec<u32> = (0..vocab.len() as u32).collect();
    sorted.sort_unstable_by(|&a, &b| vocab.token(a).cmp(vocab.token(b)));
    write_u32s(sink, Part::VocabSorted, &sorted)?;
    write_u32s(sink, Part::Counts, &built.counts)?;
    write_postings(sink, Part::PostingEnds, &built.postings)?;
    write_list(
        sink,
        Part::VariantText,
        &built.variants.text,
        &built.variants.starts,
    )?;
    write_postings(sink, Part::VariantPostingEnds, &built.variant_postings)?;
    sink.section(FIRST + Part::SequenceEnds as u32)?;
    let mut end = 0u64;
    let mut buffer = Vec::with_capacity(1 << 16);
    for sequence in &built.sequences {
        end += sequence.len() as u64;
        buffer.extend_from_slice(&end.to_le_bytes());
        flush_when_full(sink, &mut buffer)?;
    }
    sink.write(&buffer)?;
    sink.section(FIRST + Part::SequenceData as u32)?;
    for sequence in &built.sequences {
        sink.write(sequence)?;
    }
    Ok(())
}

fn flush_when_full(sink: &mut dyn Sink, buffer: &mut Vec<u8>) -> io::Result<()> {
    if buffer.len() >= 1 << 16 {
        sink.write(buffer)?;
        buffer.clear();
    }
    Ok(())
}

fn write_list(sink: &mut dyn Sink, text: Part, bytes: &str, starts: &[u32]) -> io::Result<()> {
    sink.section(FIRST + text as u32)?;
    sink.write(bytes.as_bytes())?;
    write_u32s(sink, starts_of(text), starts)
}

fn write_u32s(sink: &mut dyn Sink, part: Part, values: &[u32]) -> io::Result<()> {
    sink.section(FIRST + part as u32)?;
    let mut buffer = Vec::with_capacity(1 << 16);
    for v in values {
        buffer.extend_from_slice(&v.to_le_bytes());
        flush_when_full(sink, &mut buffer)?;
    }
    sink.write(&buffer)
}

/// The ends section `ends`, then the data section after it.
fn write_postings(sink: &mut dyn Sink, ends: Part, lists: &[Postings]) -> io::Result<()> {
    sink.section(FIRST + ends as u32)?;
    let mut buffer = Vec::with_capacity(1 << 16);
    let mut end = 0u64;
    for list in lists {
        end += 1 + match list {
            Postings::Sparse { bytes, .. } => bytes.len() as u64,
            Postings::Dense(words) => 8 * words.len() as u64,
        };
        buffer.extend_from_slice(&end.to_le_bytes());
        flush_when_full(sink, &mut buffer)?;
    }
    sink.write(&buffer)?;
    buffer.clear();
    sink.section(FIRST + ends as u32 + 1)?;
    for list in lists {
        match list {
            Postings::Sparse { bytes, .. } => {
                buffer.push(SPARSE);
                buffer.extend_from_slice(bytes);
            }
            Postings::Dense(words) => {
                buffer.push(DENSE);
                for w in words {
                    buffer.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        flush_when_full(sink, &mut buffer)?;
    }
    sink.write(&buffer)
}

/// A sink into memory, section by section: for tests, and to open an
/// index written there ([`Frozen::open`] on [`Memory::range`]).
#[derive(Debug, Default)]
pub struct Memory {
    pub bytes: Vec<u8>,
    pub sections: Vec<(u32, Range<usize>)>,
}

impl Memory {
    /// Where section `id` lies.
    pub fn range(&self, id: u32) -> Option<Range<usize>> {
        self.sections
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, r)| r.clone())
    }
}

impl Sink for Memory {
    fn section(&mut self, id: u32) -> io::Result<()> {
        let at = self.bytes.len();
        self.sections.push((id, at..at));
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.bytes.extend_from_slice(bytes);
        if let Some((_, range)) = self.sections.last_mut() {
            range.end = self.bytes.len();
        }
        Ok(())
    }
}
