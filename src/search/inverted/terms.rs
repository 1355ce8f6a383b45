//! What an index knows of the records' texts: the vocabulary of tokens,
//! their posting lists and counts, the variants (sensitive tokens) and
//! their postings, and each record's token sequence. Either built in
//! memory ([`Built`], growing record by record) or read from a mapped
//! cache file ([`super::frozen::Frozen`]); queries see both through the
//! same accessors of [`Terms`], so one query engine answers for both.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};
use memchr::memmem::Finder;
use rayon::prelude::*;

use super::frozen::Frozen;
use super::postings::{Postings, PostingsRef};

/// A list of tokens, each followed by a `\n` in one string, and where
/// each starts: owned, or little-endian `u32`s of a mapped file.
#[derive(Debug, Clone, Copy)]
pub(super) struct TokenList<'a> {
    pub(super) text: &'a str,
    pub(super) starts: U32s<'a>,
}

/// `u32`s in memory or as little-endian bytes.
#[derive(Debug, Clone, Copy)]
pub(super) enum U32s<'a> {
    Native(&'a [u32]),
    Le(&'a [u8]),
}

impl U32s<'_> {
    pub(super) fn len(&self) -> usize {
        match self {
            U32s::Native(v) => v.len(),
            U32s::Le(b) => b.len() / 4,
        }
    }

    pub(super) fn get(&self, i: usize) -> Option<u32> {
        match self {
            U32s::Native(v) => v.get(i).copied(),
            U32s::Le(b) => b
                .get(i * 4..i * 4 + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map(u32::from_le_bytes),
        }
    }
}

impl<'a> TokenList<'a> {
    pub(super) fn len(&self) -> usize {
        self.starts.len()
    }

    /// Token `id`; empty when there is none (a mapped list is checked
    /// when opened, so that never happens to a sound one).
    pub(super) fn token(&self, id: u32) -> &'a str {
        let id = id as usize;
        let Some(start) = self.starts.get(id) else {
            return "";
        };
        let end = self
            .starts
            .get(id + 1)
            .map_or(self.text.len(), |e| e as usize)
            .saturating_sub(1);
        self.text.get(start as usize..end).unwrap_or_default()
    }

    /// The ids of the tokens that hold `piece`, and start with it when
    /// `at_start`, end with it when `at_end`. `piece` holds no space and no
    /// `\n`. `find` looks a whole token up.
    pub(super) fn matching(
        &self,
        piece: &str,
        at_start: bool,
        at_end: bool,
        find: impl Fn(&str) -> Option<u32>,
    ) -> Vec<u32> {
        if at_start && at_end {
            return find(piece).into_iter().collect();
        }
        let finder = Finder::new(piece.as_bytes());
        let bytes = self.text.as_bytes();
        let count = self.len();
        let start_of = |id: usize| self.starts.get(id).map_or(usize::MAX, |s| s as usize);
        let mut ids = Vec::new();
        let mut from = 0;
        let mut id = 0;
        while let Some(at) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from + at;
            while id + 1 < count && start_of(id + 1) <= at {
                id += 1;
            }
            let token = self.token(id as u32);
            let fits =
                (!at_start || token.starts_with(piece)) && (!at_end || token.ends_with(piece));
            if fits {
                ids.push(id as u32);
            }
            match start_of(id + 1) {
                next if next != usize::MAX && next > from => from = next,
                _ => break,
            }
        }
        ids
    }
}

/// Each distinct token once, and a hash table to find a token's id.
#[derive(Default)]
pub(super) struct Vocab {
    /// Tokens in id order, each followed by a `\n`.
    pub(super) text: String,
    /// Where each token starts in `text`.
    pub(super) starts: Vec<u32>,
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocab")
            .field("tokens", &self.starts.len())
            .finish_non_exhaustive()
    }
}

/// Token `id` of a vocabulary's `text` and `starts`, while it is built.
fn token_at<'a>(text: &'a str, starts: &'a [u32], id: u32) -> &'a str {
    TokenList {
        text,
        starts: U32s::Native(starts),
    }
    .token(id)
}

impl Vocab {
    pub(super) fn list(&self) -> TokenList<'_> {
        TokenList {
            text: &self.text,
            starts: U32s::Native(&self.starts),
        }
    }

    pub(super) fn find(&self, token: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(token);
        self.table
            .find(hash, |&id| token_at(&self.text, &self.starts, id) == token)
            .copied()
    }

    /// The id of `token`, added if new.
    pub(super) fn intern(&mut self, token: &str) -> u32 {
        let hash = self.hasher.hash_one(token);
        let Vocab {
            text,
            starts,
            table,
            hasher,
        } = self;
        if let Some(&id) = table.find(hash, |&id| token_at(text, starts, id) == token) {
            return id;
        }
        let id = u32::try_from(starts.len()).expect("fewer than 2^32 distinct tokens");
        starts.push(u32::try_from(text.len()).expect("a vocabulary under 4 GiB"));
        text.push_str(token);
        text.push('\n');
        table.insert_unique(hash, id, |&id| hasher.hash_one(token_at(text, starts, id)));
        id
    }

    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.starts.shrink_to_fit();
        let hasher = &self.hasher;
        let (text, starts) = (&self.text, &self.starts);
        self.table
            .shrink_to_fit(|&id| hasher.hash_one(token_at(text, starts, id)));
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.starts.capacity() * size_of::<u32>()
            + self.table.capacity() * (size_of::<u32>() + 1)
    }
}

/// The text side of an index built in memory.
#[derive(Debug, Default)]
pub(super) struct Built {
    pub(super) vocab: Vocab,
    /// By token id.
    pub(super) postings: Vec<Postings>,
    /// By token id: how many times it occurs in all, to pick the rarest
    /// piece of a phrase as its anchor.
    pub(super) counts: Vec<u32>,
    /// The unfolded tokens sensitive terms are answered from.
    pub(super) variants: Vocab,
    /// By variant id.
    pub(super) variant_postings: Vec<Postings>,
    /// By record: its tokens in order, as varints: token id plus one, or
    /// 0 at the end of each field.
    pub(super) sequences: Vec<Box<[u8]>>,
}

impl Built {
    /// Gives back the room kept for growth.
    pub(super) fn shrink(&mut self) {
        self.vocab.shrink();
        self.postings.par_iter_mut().for_each(Postings::shrink);
        self.postings.shrink_to_fit();
        self.counts.shrink_to_fit();
        self.variants.shrink();
        self.variant_postings
            .par_iter_mut()
            .for_each(Postings::shrink);
        self.variant_postings.shrink_to_fit();
        self.sequences.shrink_to_fit();
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.vocab.heap_bytes()
            + self.postings.capacity() * size_of::<Postings>()
            + self
                .postings
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>()
            + self.counts.capacity() * size_of::<u32>()
            + self.variants.heap_bytes()
            + self.variant_postings.capacity() * size_of::<Postings>()
            + self
                .variant_postings
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>()
            + self.sequences.capacity() * size_of::<Box<[u8]>>()
            + self.sequences.iter().map(|s| s.len()).sum::<usize>()
    }
}

/// The text side of an index: built in memory, or mapped from a cache.
#[derive(Debug)]
pub(super) enum Terms {
    Built(Built),
    Frozen(Frozen),
}

impl Default for Terms {
    fn default() -> Terms {
        Terms::Built(Built::default())
    }
}

impl Terms {
    /// The distinct tokens.
    pub(super) fn vocab(&self) -> TokenList<'_> {
        match self {
            Terms::Built(b) => b.vocab.list(),
            Terms::Frozen(f) => f.vocab(),
        }
    }

    /// How many distinct tokens.
    pub(super) fn tokens(&self) -> usize {
        self.vocab().len()
    }

    /// The ids of the tokens that hold `piece` (see [`TokenList::matching`]).
    pub(super) fn matching(&self, piece: &str, at_start: bool, at_end: bool) -> Vec<u32> {
        match self {
            Terms::Built(b) => b
                .vocab
                .list()
                .matching(piece, at_start, at_end, |t| b.vocab.find(t)),
            Terms::Frozen(f) => f.vocab().matching(piece, at_start, at_end, |t| f.find(t)),
        }
    }

    /// The records holding token `id`.
    pub(super) fn postings(&self, id: u32) -> PostingsRef<'_> {
        match self {
            Terms::Built(b) => b
                .postings
                .get(id as usize)
                .map_or(PostingsRef::Sparse(&[]), Postings::as_ref),
            Terms::Frozen(f) => f.postings(id),
        }
    }

    /// How many times token `id` occurs.
    pub(super) fn count(&self, id: u32) -> u32 {
        match self {
            Terms::Built(b) => b.counts.get(id as usize).copied().unwrap_or(0),
            Terms::Frozen(f) => f.count(id),
        }
    }

    /// The variants.
    pub(super) fn variants(&self) -> TokenList<'_> {
        match self {
            Terms::Built(b) => b.variants.list(),
            Terms::Frozen(f) => f.variants(),
        }
    }

    /// The records holding variant `id`.
    pub(super) fn variant_postings(&self, id: u32) -> PostingsRef<'_> {
        match self {
            Terms::Built(b) => b
                .variant_postings
                .get(id as usize)
                .map_or(PostingsRef::Sparse(&[]), Postings::as_ref),
            Terms::Frozen(f) => f.variant_postings(id),
        }
    }

    /// Record `doc`'s token sequence.
    pub(super) fn sequence(&self, doc: usize) -> &[u8] {
        match self {
            Terms::Built(b) => b.sequences.get(doc).map_or(&[], |s| s),
            Terms::Frozen(f) => f.sequence(doc),
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        match self {
            Terms::Built(b) => b.heap_bytes(),
            Terms::Frozen(_) => 0,
        }
    }
}
