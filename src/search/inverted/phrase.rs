//! Checking a phrase on a record's token sequence.
//!
//! A phrase's pieces each stand for a set of token ids (see the index's
//! documentation), and a record holds the phrase when its sequence has
//! consecutive tokens, one per piece, in order. Decoding a whole sequence
//! costs about as much as scanning the record's text, so when one piece
//! (the *anchor*) stands for only a few tokens, their varint encodings are
//! searched in the sequence's bytes with `memmem` instead, and only the
//! tokens around each hit are decoded. LEB128 makes that sound: a value's
//! last byte is the only one below `0x80`, so a hit that follows such a
//! byte (or the start) is a whole value, and the value before it can be
//! found by walking back.

use memchr::memmem::Finder;

use super::postings::{Bitset, for_each_value, push_varint};

/// The most tokens an anchor may stand for: one `memmem` pass each.
const MAX_ANCHOR_TOKENS: usize = 4;

/// One piece of a phrase: the token ids it may be, and how many times
/// they occur in the corpus.
#[derive(Debug)]
pub(super) struct Piece {
    pub(super) members: Bitset,
    pub(super) ids: Vec<u32>,
    pub(super) occurrences: u64,
}

/// A phrase ready to be checked on sequences.
#[derive(Debug)]
pub(super) struct Phrase {
    pieces: Vec<Bitset>,
    /// The anchor piece, and a finder for each of its tokens' encodings.
    anchor: Option<(usize, Vec<Finder<'static>>)>,
}

impl Phrase {
    pub(super) fn new(pieces: Vec<Piece>) -> Phrase {
        // The rarest piece: the fewest hits whose neighbours to decode.
        let anchor = pieces
            .iter()
            .enumerate()
            .filter(|(_, piece)| piece.ids.len() <= MAX_ANCHOR_TOKENS)
            .min_by_key(|(_, piece)| (piece.occurrences, piece.ids.len()))
            .map(|(at, piece)| {
                let finders = piece
                    .ids
                    .iter()
                    .map(|&id| {
                        let mut encoding = Vec::with_capacity(5);
                        push_varint(&mut encoding, id + 1);
                        Finder::new(&encoding).into_owned()
                    })
                    .collect();
                (at, finders)
            });
        Phrase {
            pieces: pieces.into_iter().map(|p| p.members).collect(),
            anchor,
        }
    }

    /// Whether its check is the fast one, around an anchor.
    pub(super) fn is_anchored(&self) -> bool {
        self.anchor.is_some()
    }

    /// Whether `sequence` (varints: token id plus one, 0 at a field's end)
    /// holds the phrase. `scratch` is room for a decoded sequence.
    pub(super) fn holds(&self, sequence: &[u8], scratch: &mut Vec<u32>) -> bool {
        match &self.anchor {
            Some((at, finders)) => finders.iter().any(|finder| {
                finder
                    .find_iter(sequence)
                    .any(|hit| self.fits_around(sequence, *at, hit, finder.needle().len()))
            }),
            None if self.pieces.len() <= 64 => self.streamed(sequence),
            None => {
                scratch.clear();
                for_each_value(sequence, |v| scratch.push(v));
                scratch.windows(self.pieces.len()).any(|window| {
                    window
                        .iter()
                        .zip(&self.pieces)
                        .all(|(&v, piece)| fits(piece, v))
                })
            }
        }
    }

    /// [`Phrase::holds`] without an anchor, for a phrase of at most 64
    /// pieces: the values are decoded one by one and matched as they come
    /// (shift-and: bit `j` of the state says the last values fit pieces
    /// `0..=j`), up to the first fit. A phrase has no anchor when each of
    /// its pieces is a common word (`"de la"`), and such a phrase is
    /// usually found in a record's first sentences: most of its sequence
    /// is never decoded.
    fn streamed(&self, sequence: &[u8]) -> bool {
        let last = 1u64 << (self.pieces.len() - 1);
        let mut state = 0u64;
        try_each_value(sequence, |v| {
            let mut next = u64::from(fits(&self.pieces[0], v));
            let mut extended = state;
            while extended != 0 {
                let j = extended.trailing_zeros() as usize + 1;
                if j < self.pieces.len() && fits(&self.pieces[j], v) {
                    next |= 1 << j;
                }
                extended &= extended - 1;
            }
            state = next;
            state & last != 0
        })
    }

    /// Whether the anchor's encoding found at `hit` (`len` bytes) is a
    /// whole value whose neighbours fit the other pieces.
    fn fits_around(&self, sequence: &[u8], at: usize, hit: usize, len: usize) -> bool {
        if hit > 0 && sequence[hit - 1] >= 0x80 {
            return false;
        }
        let mut end = hit;
        for piece in self.pieces[..at].iter().rev() {
            match value_before(sequence, end) {
                Some((v, start)) if fits(piece, v) => end = start,
                _ => return false,
            }
        }
        let mut start = hit + len;
        for piece in &self.pieces[at + 1..] {
            match value_at(sequence, start) {
                Some((v, next)) if fits(piece, v) => start = next,
                _ => return false,
            }
        }
        true
    }
}

/// Calls `f` with each value of `sequence` until it returns `true`;
/// whether it did.
fn try_each_value(sequence: &[u8], mut f: impl FnMut(u32) -> bool) -> bool {
    let mut value = 0u32;
    let mut shift = 0;
    for &b in sequence {
        value |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            if f(value) {
                return true;
            }
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    false
}

/// Whether sequence value `v` is a token of `piece` (0 ends a field).
fn fits(piece: &Bitset, v: u32) -> bool {
    v != 0 && piece.contains(v - 1)
}

/// The value starting at `start`, and where the next one starts.
fn value_at(sequence: &[u8], start: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (i, &b) in sequence.get(start..)?.iter().enumerate().take(5) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return Some((value, start + i + 1));
        }
    }
    None
}

/// The value ending just before `end`, and where it starts.
fn value_before(sequence: &[u8], end: usize) -> Option<(u32, usize)> {
    if end == 0 {
        return None;
    }
    let mut start = end - 1;
    while start > 0 && sequence[start - 1] >= 0x80 {
        start -= 1;
    }
    value_at(sequence, start).map(|(v, _)| (v, start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn encode(values: &[u32]) -> Vec<u8> {
        let mut bytes = Vec::new();
        for &v in values {
            push_varint(&mut bytes, v);
        }
        bytes
    }

    fn piece(ids: &[u32], vocab: usize) -> Piece {
        let mut members = Bitset::empty(vocab);
        for &id in ids {
            members.insert(id);
        }
        Piece {
            members,
            ids: ids.to_vec(),
            occurrences: 0,
        }
    }

    /// Whether `values` holds consecutive values, one of each piece's ids
    /// plus one: the definition, without varints.
    fn naive(values: &[u32], pieces: &[Vec<u32>]) -> bool {
        values.windows(pieces.len()).any(|w| {
            w.iter()
                .zip(pieces)
                .all(|(&v, ids)| v != 0 && ids.contains(&(v - 1)))
        })
    }

    #[test]
    fn a_hit_inside_a_longer_value_is_not_the_anchor() {
        // 300 + 1 encodes as [0xAD, 0x02]: its last byte is the encoding of 2.
        let sequence = encode(&[301, 5]);
        let phrase = Phrase::new(vec![piece(&[1], 400), piece(&[4], 400)]);
        assert!(phrase.is_anchored());
        assert!(!phrase.holds(&sequence, &mut Vec::new()));
        let sequence = encode(&[7, 2, 5]);
        assert!(phrase.holds(&sequence, &mut Vec::new()));
    }

    #[test]
    fn pieces_do_not_cross_a_field_end() {
        let phrase = Phrase::new(vec![piece(&[1], 8), piece(&[4], 8)]);
        assert!(!phrase.holds(&encode(&[2, 0, 5]), &mut Vec::new()));
        assert!(phrase.holds(&encode(&[0, 2, 5, 0]), &mut Vec::new()));
    }

    #[test]
    fn a_phrase_longer_than_the_streamed_state_is_checked_whole() {
        let values: Vec<u32> = (1..=70).collect();
        let ids: Vec<Vec<u32>> = (0..65).map(|v| vec![v]).collect();
        let phrase = Phrase::new(ids.iter().map(|ids| piece(ids, 80)).collect());
        assert!(phrase.holds(&encode(&values), &mut Vec::new()));
        let mut broken = values.clone();
        broken[64] = 0;
        assert!(!phrase.holds(&encode(&broken), &mut Vec::new()));
        assert!(naive(&values, &ids));
    }

    proptest! {
        #[test]
        fn anchored_and_decoded_checks_agree_with_the_definition(
            values in prop::collection::vec(prop_oneof![0u32..6, 120u32..140, 16_380u32..16_390], 0..40),
            pieces in prop::collection::vec(
                prop::collection::vec(prop_oneof![0u32..6, 119u32..139, 16_379u32..16_389], 1..6),
                1..4,
            ),
        ) {
            let want = naive(&values, &pieces);
            let sequence = encode(&values);
            let phrase = Phrase::new(pieces.iter().map(|ids| piece(ids, 16_400)).collect());
            prop_assert_eq!(phrase.holds(&sequence, &mut Vec::new()), want);
            let mut decoded = Phrase::new(pieces.iter().map(|ids| piece(ids, 16_400)).collect());
            decoded.anchor = None;
            prop_assert_eq!(decoded.holds(&sequence, &mut Vec::new()), want);
        }
    }
}
