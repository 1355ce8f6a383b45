//! Opening a cache: the files are listed and stamped again; a file whose
//! stamp is the cached one gives its cached records (decoded from the
//! mapping, without texts) and its part of the mapped index; any other is
//! parsed now, and indexed in a small segment of its own; a cached file
//! no longer listed is left out. The records come in listing order, as a
//! load of the files would give them, and the index is placed over them
//! ([`Index::placed`]).
//!
//! An awaiting question's lateness depends on the day: it is judged
//! again for the day of this open ([`rejudge`]).

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::file::{self, Mapped, Refusal};
use super::write::{Encoded, FilePart, encode};
use super::{Cache, FILES, FileEntry, META, Meta, RECORD_DATA, RECORD_ENDS, Stamp};
use crate::corpus::{Corpus, Unit};
use crate::load::{self, Loaded, Texts};
use crate::model::{Record, lateness};
use crate::search::Index;
use crate::search::inverted::{Frozen, Owner, Source};

/// A corpus taken from its cache.
#[derive(Debug)]
pub struct Opened {
    /// The records without their texts, the diagnostics, the counts.
    pub corpus: Corpus,
    /// The problems met listing the paths (in `corpus` too, first).
    pub problems: Vec<load::Diagnostic>,
    /// The files and archive entries listed, in order.
    pub listed: Vec<Unit>,
    pub index: Index,
    /// Files parsed again (changed or new since the cache).
    pub reread: usize,
    /// What makes the cache whole again, when files changed.
    pub update: Option<Update>,
    /// Each record's answer's fingerprint, in the records' order
    /// ([`crate::families`]): the families need no text.
    pub fingerprints: Vec<Option<crate::families::Signature>>,
}

/// What a cache of the files as they are now is written from.
#[derive(Debug)]
pub struct Update {
    files: Vec<FilePart>,
    records: Vec<Record>,
}

impl Update {
    /// Writes the cache again: the index's segments made into one
    /// ([`Index::compact`]), the files' entries and records.
    ///
    /// # Errors
    /// The cache folder could not be written.
    pub fn write(self, cache: &Cache, index: &Index) -> std::io::Result<file::Written> {
        let whole = index.compact(&self.records);
        super::write::write(cache, &self.files, &whole)
    }
}

/// Judges an awaiting or lapsed question's lateness again for `today`,
/// as the loader did for the day it parsed it.
pub fn rejudge(record: &mut Record, today: NaiveDate) {
    let answered = record.answer.as_ref().and_then(|a| a.date);
    record.late = lateness(record.status, record.question.date, answered, today);
}

/// What to do with a listed file.
enum Plan {
    /// Entry `i` of the cache, unchanged.
    Reuse(usize),
    /// Parse it again: its stamp, taken before.
    Parse(Option<Stamp>),
}

/// Opens `cache` for the files its paths list now.
///
/// # Errors
/// The cache file is missing or unusable: see [`Refusal`].
pub fn open(cache: &Cache, today: NaiveDate) -> Result<Opened, Refusal> {
    let mapped = file::open(&cache.path)?;
    let meta = made_for(cache, &mapped)?;
    let entries: Vec<FileEntry> =
        postcard::from_bytes(mapped.bytes(FILES)).map_err(|_| Refusal::Damaged)?;
    let starts = record_starts(&entries);
    let total = starts.last().copied().unwrap_or(0);
    let ends = mapped.bytes(RECORD_ENDS);
    if ends.len() != total * 8 || meta.records != total || meta.files != entries.len() {
        return Err(Refusal::Damaged);
    }
    let owner: Owner = mapped.map();
    let frozen = Frozen::open(owner, &|id| mapped.range(id)).map_err(|_| Refusal::Damaged)?;
    if frozen.docs() != total {
        return Err(Refusal::Damaged);
    }

    let (listed, problems) = crate::corpus::units(&cache.paths);
    let plans = plan(&listed, &entries);
    // Decoded and parsed in parallel, in listing order.
    let loaded: Vec<Result<Fingerprinted, Refusal>> = plans
        .par_iter()
        .zip(&listed)
        .map(|(plan, unit)| match plan {
            Plan::Reuse(i) => decode(&mapped, &entries[*i], starts[*i], today),
            Plan::Parse(_) => {
                let file = unit.load(today, Texts::Keep);
                let fingerprints = file
                    .records
                    .iter()
                    .map(crate::families::of_record)
                    .collect();
                Ok((file, fingerprints))
            }
        })
        .collect();

    let mut corpus = Corpus::default();
    corpus.add_problems(problems.clone());
    let mut base_positions = vec![u32::MAX; total];
    let (mut fresh, mut fresh_positions) = (Vec::new(), Vec::new());
    let mut reread = 0;
    let mut parts = Vec::with_capacity(plans.len());
    let mut reused = vec![false; entries.len()];
    let mut fingerprints = Vec::with_capacity(total);
    for ((plan, file), unit) in plans.iter().zip(loaded).zip(&listed) {
        let (mut file, prints) = file?;
        fingerprints.extend(prints);
        let first = corpus.records.len();
        match plan {
            Plan::Reuse(i) => {
                reused[*i] = true;
                for k in 0..file.records.len() {
                    base_positions[starts[*i] + k] = position(first + k);
                }
                parts.push(FilePart {
                    entry: entries[*i].clone(),
                    records: encoded(&mapped, starts[*i], file.records.len()),
                });
            }
            Plan::Parse(stamp) => {
                reread += 1;
                let records = encode(&mut file.records);
                parts.push(FilePart {
                    entry: FileEntry {
                        source: unit.source.clone(),
                        stamp: *stamp,
                        records: u32::try_from(file.records.len()).unwrap_or(u32::MAX),
                        diagnostics: file.diagnostics.clone(),
                    },
                    records,
                });
                for (k, record) in file.records.iter_mut().enumerate() {
                    fresh_positions.push(position(first + k));
                    fresh.push(record.clone());
                    drop_texts(record);
                }
            }
        }
        corpus.add(file);
    }
    // Files read again, or cached ones no longer listed.
    let changed = reread > 0 || reused.iter().any(|&r| !r);
    let mut sources = vec![(Source::Frozen(frozen), base_positions)];
    if !fresh.is_empty() {
        sources.push((Source::Built(Index::build(&fresh)), fresh_positions));
    }
    let index = Index::placed(sources, &corpus.records);
    let update = changed.then(|| Update {
        files: parts,
        records: corpus.records.clone(),
    });
    Ok(Opened {
        corpus,
        problems,
        listed,
        index,
        reread,
        update,
        fingerprints,
    })
}

/// A file's records and their answers' fingerprints.
type Fingerprinted = (Loaded, Vec<Option<crate::families::Signature>>);

/// What `mapped` was made for; refused when it is the cache of other
/// paths (a hash collision, or a file copied from elsewhere).
pub(super) fn made_for(cache: &Cache, mapped: &Mapped) -> Result<Meta, Refusal> {
    let meta: Meta = postcard::from_bytes(mapped.bytes(META)).map_err(|_| Refusal::Damaged)?;
    let given: Vec<String> = cache
        .paths
        .iter()
        .map(|p| load::source::source(p))
        .collect();
    if meta.paths != given {
        return Err(Refusal::Foreign);
    }
    Ok(meta)
}

/// What to do with each listed file: each is stamped now, and reused
/// when a cached entry of the same source has the same stamp.
fn plan(listed: &[Unit], entries: &[FileEntry]) -> Vec<Plan> {
    let stamps = stamps(listed);
    let by_source: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.source.as_str(), i))
        .collect();
    listed
        .iter()
        .zip(&stamps)
        .map(|(unit, stamp)| match by_source.get(unit.source.as_str()) {
            Some(&i) if stamp.is_some() && entries[i].stamp == *stamp => Plan::Reuse(i),
            _ => Plan::Parse(*stamp),
        })
        .collect()
}

/// The stamp of each listed file, taken now; an archive is stamped once
/// for all its entries.
pub(super) fn stamps(listed: &[Unit]) -> Vec<Option<Stamp>> {
    let mut last: Option<(&PathBuf, Option<Stamp>)> = None;
    if listed.iter().any(|u| u.path.to_str() != Some(&u.source)) {
        listed
            .iter()
            .map(|unit| match last {
                Some((path, stamp)) if *path == unit.path => stamp,
                _ => {
                    let stamp = Stamp::of(&unit.path);
                    last = Some((&unit.path, stamp));
                    stamp
                }
            })
            .collect()
    } else {
        listed.par_iter().map(|u| Stamp::of(&u.path)).collect()
    }
}

/// A position as the index keeps it.
fn position(p: usize) -> u32 {
    u32::try_from(p).unwrap_or(u32::MAX)
}

/// Where each entry's records start among the cached records, and the
/// total at the end.
fn record_starts(entries: &[FileEntry]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(entries.len() + 1);
    let mut at = 0usize;
    starts.push(0);
    for entry in entries {
        at = at.saturating_add(entry.records as usize);
        starts.push(at);
    }
    starts
}

/// The end of cached record `i`'s bytes.
fn record_end(mapped: &Mapped, i: usize) -> Option<usize> {
    mapped
        .bytes(RECORD_ENDS)
        .get(i * 8..i * 8 + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .and_then(|b| usize::try_from(u64::from_le_bytes(b)).ok())
}

/// The bytes of cached records `start..start + count`.
fn record_bytes(mapped: &Mapped, start: usize, count: usize) -> Option<(usize, &[u8])> {
    let from = if start == 0 {
        0
    } else {
        record_end(mapped, start - 1)?
    };
    let to = if count == 0 {
        from
    } else {
        record_end(mapped, start + count - 1)?
    };
    Some((from, mapped.bytes(RECORD_DATA).get(from..to)?))
}

/// A cached file's records, decoded, judged for `today`, with its
/// diagnostics.
fn decode(
    mapped: &Mapped,
    entry: &FileEntry,
    start: usize,
    today: NaiveDate,
) -> Result<Fingerprinted, Refusal> {
    let count = entry.records as usize;
    let mut fingerprints = Vec::with_capacity(count);
    let (base, bytes) = record_bytes(mapped, start, count).ok_or(Refusal::Damaged)?;
    let mut records = Vec::with_capacity(count);
    let mut from = 0;
    for k in 0..count {
        let end = record_end(mapped, start + k).ok_or(Refusal::Damaged)?;
        let piece = end
            .checked_sub(base)
            .and_then(|end| bytes.get(from..end))
            .ok_or(Refusal::Damaged)?;
        let (mut record, rest): (Record, &[u8]) =
            postcard::take_from_bytes(piece).map_err(|_| Refusal::Damaged)?;
        fingerprints.push(super::write::fingerprint_of(rest).map_err(|_| Refusal::Damaged)?);
        rejudge(&mut record, today);
        records.push(record);
        from = end - base;
    }
    Ok((
        Loaded {
            records,
            diagnostics: entry.diagnostics.clone(),
            probed: Vec::new(),
        },
        fingerprints,
    ))
}

/// Cached records `start..start + count` as they are encoded, to write
/// them again as they are.
fn encoded(mapped: &Mapped, start: usize, count: usize) -> Encoded {
    let Some((base, bytes)) = record_bytes(mapped, start, count) else {
        return Encoded::default();
    };
    let ends = (0..count)
        .filter_map(|k| record_end(mapped, start + k))
        .map(|end| end.saturating_sub(base) as u64)
        .collect();
    Encoded {
        bytes: bytes.to_vec(),
        ends,
    }
}

/// Leaves a record's texts to be read from its file.
pub fn drop_texts(record: &mut Record) {
    record.question.text = String::new();
    if let Some(answer) = record.answer.as_mut() {
        answer.text = String::new();
    }
}
