//! One record's searched fields, case- and accent-insensitively folded:
//! what [`crate::search::Query::matches`] tests a single record against.
//! (It was the reader's first list index; the inverted index replaced it,
//! and `benches/filter.rs` still builds it to compare the two.)
//!
//! Most terms are lower-case and unaccented, so most tests are a `memmem`
//! scan of these bytes. A case- or accent-sensitive term scans them too, as a pre-filter
//! (what matches sensitively also matches insensitively; a property test of
//! [`crate::text::fold`] holds it), and folds the record's fields again only
//! where the pre-filter passes.
//!
//! Memory: the folded text is about as long as the original (an accented
//! letter folds from two bytes to one), with one `\n` after each field, plus
//! 40 bytes of fixed fields per record. No offset map is kept: only the
//! record being read needs one, and it is rebuilt for it
//! ([`crate::search::matcher::Query::highlights`]). Kept for a whole corpus,
//! that would be about the corpus again: why the reader does not.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{PartKind, Record, Status};
use crate::text::fold::{FoldOptions, fold_into};

/// Where in a record a term or filter looks. Texts never digitised are
/// not searched: their notice is nobody's words
/// ([`PartKind::searched_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// Every searched field: title, author, ministries, question and answer.
    Words,
    /// The author's display, last and first names.
    Author,
    /// The ministry that must answer, the answering one, the transferred-to one.
    Ministry,
    /// The author's group.
    Group,
}

/// Folds `record`'s fields in `region` into `out`, each followed by a `\n`,
/// a byte folding never produces, so no match spans two fields.
pub fn fold_region(record: &Record, region: Region, options: FoldOptions, out: &mut String) {
    match region {
        Region::Author => fold_fields(author(record), options, out),
        Region::Ministry => fold_fields(ministry(record), options, out),
        Region::Group => fold_fields([record.author.group.as_deref()], options, out),
        Region::Words => {
            fold_words(record, options, out);
        }
    }
}

/// Folds the words region: author and ministry first, so that their
/// regions are slices of this one in the index. Returns where they end.
fn fold_words(record: &Record, options: FoldOptions, out: &mut String) -> [usize; 2] {
    fold_fields(author(record), options, out);
    let author_end = out.len();
    fold_fields(ministry(record), options, out);
    let ministry_end = out.len();
    let rest = [
        record.title.as_deref(),
        PartKind::Question.searched_text(record),
        PartKind::Answer.searched_text(record),
    ];
    fold_fields(rest, options, out);
    [author_end, ministry_end]
}

/// The fields of `record` in `region`, in the order [`fold_region`] folds
/// them; `None` for a field the record lacks. A term never spans two
/// fields, so it occurs in the region if and only if it occurs in one of
/// these, folded alone.
pub fn region_fields(record: &Record, region: Region) -> [Option<&str>; 9] {
    let mut fields = [None; 9];
    match region {
        Region::Author => fields[..3].copy_from_slice(&author(record)),
        Region::Ministry => fields[..3].copy_from_slice(&ministry(record)),
        Region::Group => fields[0] = record.author.group.as_deref(),
        Region::Words => {
            fields[..3].copy_from_slice(&author(record));
            fields[3..6].copy_from_slice(&ministry(record));
            fields[6] = record.title.as_deref();
            fields[7] = PartKind::Question.searched_text(record);
            fields[8] = PartKind::Answer.searched_text(record);
        }
    }
    fields
}

fn fold_fields<'a>(
    fields: impl IntoIterator<Item = Option<&'a str>>,
    options: FoldOptions,
    out: &mut String,
) {
    for field in fields.into_iter().flatten() {
        fold_into(field, options, out);
        out.push('\n');
    }
}

fn author(record: &Record) -> [Option<&str>; 3] {
    let a = &record.author;
    [
        a.name.as_deref(),
        a.last_name.as_deref(),
        a.first_name.as_deref(),
    ]
}

fn ministry(record: &Record) -> [Option<&str>; 3] {
    [
        record.ministry.as_deref(),
        record.answer.as_ref().and_then(|a| a.ministry.as_deref()),
        record.transmitted_to.as_deref(),
    ]
}

/// One record's insensitive folding and the fields exact filters compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Haystack {
    /// Words region, then the group: see [`fold_region`].
    folded: Box<str>,
    /// Ends of the author region, the ministry region and the words region.
    ends: [u32; 3],
    pub(crate) date: Option<NaiveDate>,
    pub(crate) status: Status,
    pub(crate) late: Option<bool>,
}

impl Haystack {
    /// Folds `record`'s searched fields.
    pub fn new(record: &Record) -> Haystack {
        let texts = record.question.text.len() + record.answer.as_ref().map_or(0, |a| a.text.len());
        let mut folded = String::with_capacity(texts + 256);
        let [author, ministry] = fold_words(record, FoldOptions::INSENSITIVE, &mut folded);
        let words = folded.len();
        fold_region(record, Region::Group, FoldOptions::INSENSITIVE, &mut folded);
        Haystack {
            folded: folded.into_boxed_str(),
            ends: [author, ministry, words].map(offset),
            date: record.question.date,
            status: record.status,
            late: record.late,
        }
    }

    /// The folded bytes of `region`.
    pub fn region(&self, region: Region) -> &[u8] {
        let [author, ministry, words] = self.ends.map(|e| e as usize);
        let range = match region {
            Region::Words => 0..words,
            Region::Author => 0..author,
            Region::Ministry => author..ministry,
            Region::Group => words..self.folded.len(),
        };
        self.folded.as_bytes().get(range).unwrap_or_default()
    }

    /// Heap bytes held, for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.folded.len()
    }
}

/// The haystacks of `records`, in order, built in parallel.
pub fn build(records: &[Record]) -> Vec<Haystack> {
    records.par_iter().map(Haystack::new).collect()
}

fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_part_stays_small() {
        assert!(size_of::<Haystack>() <= 40, "{}", size_of::<Haystack>());
    }
}
