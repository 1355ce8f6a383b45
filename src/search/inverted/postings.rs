//! Posting lists (which records hold a token) and the bit sets queries
//! combine them in.
//!
//! A list is built as delta-encoded LEB128 varints and turns into a bit
//! set once that is smaller (a word most records hold). The same bytes
//! are what the persistent index stores ([`super::frozen`]), so a list is
//! read through [`PostingsRef`], whether it is owned or lies in a mapped
//! cache file. Reading never trusts the bytes: an id past the set's end
//! is ignored, a dense list longer or shorter than the set is cut or
//! padded, so a damaged list gives wrong ids at worst, never a panic (and
//! the cache's checksums keep damaged lists out in the first place).

/// The records that hold one token, in increasing order, while an index
/// is built.
#[derive(Debug, Clone)]
pub(super) enum Postings {
    /// Differences to the previous id plus one, as LEB128 varints; `next`
    /// is the last id plus one.
    Sparse { bytes: Vec<u8>, next: u32 },
    /// A bit per record: smaller once most records hold the token.
    Dense(Vec<u64>),
}

impl Postings {
    pub(super) fn new() -> Postings {
        Postings::Sparse {
            bytes: Vec::new(),
            next: 0,
        }
    }

    /// Adds `id`, greater than every id already in.
    pub(super) fn push(&mut self, id: u32) {
        match self {
            Postings::Sparse { bytes, next } => {
                push_varint(bytes, id - *next);
                *next = id + 1;
                let words = id as usize / 64 + 1;
                if bytes.len() > 16 && bytes.len() >= words * 8 {
                    let mut dense = vec![0; words];
                    for_each_varint(bytes, |id| set_bit(&mut dense, id));
                    *self = Postings::Dense(dense);
                }
            }
            Postings::Dense(words) => {
                let word = id as usize / 64;
                if words.len() <= word {
                    words.resize(word + 1, 0);
                }
                set_bit(words, id);
            }
        }
    }

    /// A view of it.
    pub(super) fn as_ref(&self) -> PostingsRef<'_> {
        match self {
            Postings::Sparse { bytes, .. } => PostingsRef::Sparse(bytes),
            Postings::Dense(words) => PostingsRef::Dense(Words::Native(words)),
        }
    }

    /// Sets the bits of its records in `set`.
    #[cfg(test)]
    pub(super) fn union_into(&self, set: &mut Bitset) {
        self.as_ref().union_into(set);
    }

    pub(super) fn shrink(&mut self) {
        match self {
            Postings::Sparse { bytes, .. } => bytes.shrink_to_fit(),
            Postings::Dense(words) => words.shrink_to_fit(),
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        match self {
            Postings::Sparse { bytes, .. } => bytes.capacity(),
            Postings::Dense(words) => words.capacity() * size_of::<u64>(),
        }
    }
}

/// The 64-bit words of a dense list: in memory, or little-endian bytes of
/// a mapped file (read 8 at a time, so no alignment is assumed).
#[derive(Debug, Clone, Copy)]
pub(super) enum Words<'a> {
    Native(&'a [u64]),
    Le(&'a [u8]),
}

/// A posting list, owned or mapped.
#[derive(Debug, Clone, Copy)]
pub(super) enum PostingsRef<'a> {
    Sparse(&'a [u8]),
    Dense(Words<'a>),
}

impl PostingsRef<'_> {
    /// Whether it is a bit set.
    pub(super) fn is_dense(&self) -> bool {
        matches!(self, PostingsRef::Dense(_))
    }

    /// Sets the bits of its records in `set`.
    pub(super) fn union_into(&self, set: &mut Bitset) {
        match self {
            PostingsRef::Sparse(bytes) => for_each_varint(bytes, |id| set.insert(id)),
            PostingsRef::Dense(Words::Native(words)) => {
                for (a, b) in set.words.iter_mut().zip(words.iter()) {
                    *a |= b;
                }
            }
            PostingsRef::Dense(Words::Le(bytes)) => {
                for (a, b) in set.words.iter_mut().zip(bytes.chunks_exact(8)) {
                    *a |= <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes);
                }
                set.clear_beyond_len();
            }
        }
    }

    /// Calls `f` with each id, in order.
    pub(super) fn for_each(&self, mut f: impl FnMut(u32)) {
        match self {
            PostingsRef::Sparse(bytes) => for_each_varint(bytes, f),
            PostingsRef::Dense(words) => {
                let word = |i: usize| match words {
                    Words::Native(w) => w.get(i).copied(),
                    Words::Le(b) => b
                        .get(i * 8..i * 8 + 8)
                        .and_then(|b| <[u8; 8]>::try_from(b).ok())
                        .map(u64::from_le_bytes),
                };
                let mut i = 0;
                while let Some(mut bits) = word(i) {
                    while bits != 0 {
                        let bit = bits.trailing_zeros();
                        bits &= bits - 1;
                        f(u32::try_from(i * 64).unwrap_or(u32::MAX - 63) + bit);
                    }
                    i += 1;
                }
            }
        }
    }
}

/// Appends `value` as a LEB128 varint.
pub(super) fn push_varint(bytes: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Calls `f` with each value of a sequence of varints.
pub(super) fn for_each_value(bytes: &[u8], mut f: impl FnMut(u32)) {
    let mut value = 0u32;
    let mut shift = 0u32;
    for &b in bytes {
        value |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            f(value);
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Calls `f` with each id of a sparse posting list.
pub(super) fn for_each_varint(bytes: &[u8], mut f: impl FnMut(u32)) {
    let mut next = 0u32;
    for_each_value(bytes, |value| {
        let id = next.wrapping_add(value);
        f(id);
        next = id.wrapping_add(1);
    });
}

pub(super) fn set_bit(words: &mut [u64], id: u32) {
    if let Some(word) = words.get_mut(id as usize / 64) {
        *word |= 1 << (id % 64);
    }
}

/// A set of record ids below `len`.
#[derive(Debug, Clone)]
pub(super) struct Bitset {
    pub(super) words: Vec<u64>,
    pub(super) len: usize,
}

impl Bitset {
    pub(super) fn empty(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub(super) fn full(len: usize) -> Bitset {
        let mut set = Bitset {
            words: vec![!0; len.div_ceil(64)],
            len,
        };
        set.clear_beyond_len();
        set
    }

    /// Clears the bits past `len` in the last word.
    fn clear_beyond_len(&mut self) {
        if let Some(last) = self.words.last_mut()
            && !self.len.is_multiple_of(64)
        {
            *last &= (1 << (self.len % 64)) - 1;
        }
    }

    pub(super) fn insert(&mut self, id: u32) {
        if (id as usize) < self.len {
            set_bit(&mut self.words, id);
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    pub(super) fn contains(&self, id: u32) -> bool {
        self.words
            .get(id as usize / 64)
            .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    pub(super) fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(super) fn intersect(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub(super) fn subtract(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Keeps the ids for which `keep` holds.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (w, word) in self.words.iter_mut().enumerate() {
            let mut bits = *word;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if !keep(w * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }

    pub(super) fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }
}
