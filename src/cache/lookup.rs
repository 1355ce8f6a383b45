//! Answering a search from a cache without its records: which files hold
//! a record the query matches, from the mapped index's postings and the
//! files' entries alone, for the queries the index answers exactly by
//! itself ([`answer_alone`]: words and phrases, no filter). No record is
//! decoded, and only the sections read are checksummed: the header, the
//! paths, the files' entries and the vocabulary with its postings (the
//! token sequences too when a phrase needs them), not the records'
//! metadata, which is most of the file.
//!
//! The files are listed and stamped as [`super::open()`] does: a file whose
//! stamp is not the cached one is left for the caller to read (its
//! cached records count for nothing), a cached file no longer listed is
//! left out. One folder of plain files (no link, no archive: the common
//! case) is listed by a walk of its own that stamps each file relative
//! to its folder, folders in parallel, in the order [`load::walk`] gives;
//! anything else is listed by [`crate::corpus::units`] and stamped by
//! path.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::file::{self, Refusal};
use super::{Cache, FILES, Meta, RECORD_DATA, RECORD_ENDS, Stamp};
use crate::load::{self, Diagnostic, Message, Severity};
use crate::search::Query;
use crate::search::inverted::{Frozen, Owner, SEQUENCES, answer_alone};

/// A listed file (or archive entry).
#[derive(Debug, Clone)]
pub struct Listed {
    /// As the records and diagnostics name it.
    pub source: String,
    /// The file it is read from (the archive, for an entry), when that is
    /// not the source as a path.
    path: Option<PathBuf>,
}

impl Listed {
    /// The file it is read from: the archive, for an entry.
    pub fn path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(&self.source))
    }
}

/// What a cache says of a query's matches, file by file.
#[derive(Debug)]
pub struct Lookup {
    /// The files and archive entries listed, in order.
    pub listed: Vec<Listed>,
    /// The problems met listing the paths.
    pub problems: Vec<Diagnostic>,
    /// For each listed file, the cache's entry for it, unchanged since;
    /// `None` for one to read again (changed or new).
    pub reused: Vec<Option<usize>>,
    /// For each entry, whether one of its records matches.
    pub hits: Vec<bool>,
    /// For each entry, whether it failed to load (an error other than
    /// being binary): a search reads it again to report it.
    pub failed: Vec<bool>,
}

/// A [`super::FileEntry`] read in place: the same fields, in the same
/// order, its source borrowed from the mapping.
#[derive(Deserialize)]
struct EntryRef<'a> {
    #[serde(borrow)]
    source: &'a str,
    stamp: Option<Stamp>,
    records: u32,
    diagnostics: Vec<Diagnostic>,
}

/// Looks `query` up in `cache`, for the files its paths list now;
/// `Ok(None)` when the index alone cannot answer it exactly (a filter, a
/// term that must be checked on the texts).
///
/// # Errors
/// The cache file is missing or unusable: see [`Refusal`].
pub fn lookup(cache: &Cache, query: &Query) -> Result<Option<Lookup>, Refusal> {
    // A filter needs the records' metadata: known before anything is read.
    if query.has_filters() {
        return Ok(None);
    }
    let later = |id: u32| id == RECORD_DATA || id == RECORD_ENDS || SEQUENCES.contains(&id);
    let mapped = file::open_checking(&cache.path, &|id| !later(id))?;
    let meta = super::open::made_for(cache, &mapped)?;
    // The files are listed and stamped (the kernel's work, mostly) while
    // the index answers.
    let (walked, answered) = rayon::join(
        || walk_stamped(&cache.paths),
        || answer(&mapped, &meta, query),
    );
    let Some((entries, hits, failed)) = answered? else {
        return Ok(None);
    };
    let mut reuse = Reuse::new(&entries);
    let (listed, problems, reused) = match walked {
        Some(runs) => {
            let count = runs.iter().map(Vec::len).sum();
            let (mut listed, mut reused) = (Vec::with_capacity(count), Vec::with_capacity(count));
            for (source, stamp) in runs.into_iter().flatten() {
                reused.push(reuse.entry(listed.len(), &source, stamp));
                listed.push(Listed { source, path: None });
            }
            (listed, Vec::new(), reused)
        }
        None => {
            let (units, problems) = crate::corpus::units(&cache.paths);
            let stamps = super::open::stamps(&units);
            let reused = units
                .iter()
                .zip(stamps)
                .enumerate()
                .map(|(k, (unit, stamp))| reuse.entry(k, &unit.source, stamp))
                .collect();
            let listed = units
                .into_iter()
                .map(|u| Listed {
                    source: u.source,
                    path: Some(u.path),
                })
                .collect();
            (listed, problems, reused)
        }
    };
    Ok(Some(Lookup {
        listed,
        problems,
        reused,
        hits,
        failed,
    }))
}

/// The cache's entries, and for each whether one of its records matches
/// `query` and whether it failed to load; `None` when the index alone
/// cannot answer.
#[allow(clippy::type_complexity)]
fn answer<'m>(
    mapped: &'m file::Mapped,
    meta: &Meta,
    query: &Query,
) -> Result<Option<(Vec<EntryRef<'m>>, Vec<bool>, Vec<bool>)>, Refusal> {
    let owner: Owner = mapped.map();
    // Its offsets are all checked (those of the unchecked sections too):
    // nothing is read out of bounds, and nothing unchecked is trusted.
    let frozen = Frozen::open(owner, &|id| mapped.range(id)).map_err(|_| Refusal::Damaged)?;
    if frozen.docs() != meta.records {
        return Err(Refusal::Damaged);
    }
    let sequences = || SEQUENCES.iter().all(|&id| mapped.sound(id));
    let Some(ids) = answer_alone(frozen, query, &sequences) else {
        return Ok(None);
    };
    let entries: Vec<EntryRef<'m>> =
        postcard::from_bytes(mapped.bytes(FILES)).map_err(|_| Refusal::Damaged)?;
    let records: usize = entries.iter().map(|e| e.records as usize).sum();
    if entries.len() != meta.files || records != meta.records {
        return Err(Refusal::Damaged);
    }
    // The entry of each matching record: both in order.
    let mut hits = vec![false; entries.len()];
    let (mut entry, mut end) = (0, 0);
    for id in ids {
        while entry < entries.len() && end + entries[entry].records as usize <= id {
            end += entries[entry].records as usize;
            entry += 1;
        }
        match hits.get_mut(entry) {
            Some(hit) => *hit = true,
            None => return Err(Refusal::Damaged),
        }
    }
    let failed = entries
        .iter()
        .map(|e| {
            e.diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && d.message != Message::Binary)
        })
        .collect();
    Ok(Some((entries, hits, failed)))
}

/// Which cached entry a listed file is, when its stamp is the cached
/// one. The files usually come in the entries' order: each is compared
/// with the entry at its place first, and looked up by source only when
/// that one is another's.
struct Reuse<'e, 'm> {
    entries: &'e [EntryRef<'m>],
    by_source: Option<hashbrown::HashMap<&'m str, usize>>,
}

impl<'e, 'm> Reuse<'e, 'm> {
    fn new(entries: &'e [EntryRef<'m>]) -> Self {
        Reuse {
            entries,
            by_source: None,
        }
    }

    /// The entry of the `k`-th listed file, `source`, stamped `stamp`.
    fn entry(&mut self, k: usize, source: &str, stamp: Option<Stamp>) -> Option<usize> {
        let entries = self.entries;
        let i = match entries.get(k) {
            Some(e) if e.source == source => Some(k),
            _ => self
                .by_source
                .get_or_insert_with(|| {
                    entries
                        .iter()
                        .enumerate()
                        .map(|(i, e)| (e.source, i))
                        .collect()
                })
                .get(source)
                .copied(),
        }?;
        (stamp.is_some() && entries[i].stamp == stamp).then_some(i)
    }
}

/// The files [`load::walk`] lists under `paths`, in its order, as their
/// sources, each with its stamp (in runs, a folder's files each), when
/// `paths` is one folder whose tree holds only folders, documents and
/// other plain files, all named in UTF-8: no link, no archive, nothing
/// that cannot be read, at least one document. `None` otherwise, for the
/// general walk. A source is then the file's path as it is.
pub fn walk_stamped(paths: &[PathBuf]) -> Option<Vec<Run>> {
    let [path] = paths else {
        return None;
    };
    if !std::fs::metadata(path).ok()?.is_dir() {
        return None;
    }
    let runs = folder(path, path.to_str()?)?;
    runs.iter().any(|run| !run.is_empty()).then_some(runs)
}

/// Files one after another, each with its stamp.
pub type Run = Vec<(String, Option<Stamp>)>;

/// What a folder's child gives.
enum Piece {
    File(String, Option<Stamp>),
    Folder(Vec<Run>),
    Nothing,
}

/// One folder's files (`path`, whose source is `source`), depth first,
/// siblings by name: what `walkdir::WalkDir` sorted by path gives
/// (siblings' paths differ by their names alone), each file stamped
/// relative to its folder (`fstatat`: no walk of the whole path again).
/// Folders are read in parallel.
fn folder(path: &Path, source: &str) -> Option<Vec<Run>> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir(path).ok()? {
        let entry = entry.ok()?;
        let kind = entry.file_type().ok()?;
        if kind.is_symlink() {
            return None;
        }
        let name = entry.file_name().into_string().ok()?;
        children.push((name, kind.is_dir(), entry));
    }
    children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // `Path::join`'s way: no second separator after one that ends it.
    let separator = if source.ends_with('/') { "" } else { "/" };
    let piece = |(name, dir, entry): (String, bool, std::fs::DirEntry)| {
        let child = format!("{source}{separator}{name}");
        if dir {
            return folder(Path::new(&child), &child).map(Piece::Folder);
        }
        match load::in_folder(Path::new(&name)) {
            // A document: its own metadata (not a link: those were
            // refused), so the same as following links.
            Some(false) => {
                let meta = entry.metadata().ok()?;
                meta.is_file()
                    .then(|| Piece::File(child, Some(Stamp::from_metadata(&meta))))
            }
            // An archive: its entries are for the general walk.
            Some(true) => None,
            None => Some(Piece::Nothing),
        }
    };
    // Folders in parallel; a folder's files, stamped one after another.
    let pieces: Vec<Option<Piece>> = if children.iter().any(|c| c.1) {
        children.into_par_iter().map(piece).collect()
    } else {
        children.into_iter().map(piece).collect()
    };
    let mut runs: Vec<Run> = Vec::new();
    let mut files: Run = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece? {
            Piece::File(source, stamp) => files.push((source, stamp)),
            Piece::Folder(inside) => {
                if !files.is_empty() {
                    runs.push(std::mem::take(&mut files));
                }
                runs.extend(inside);
            }
            Piece::Nothing => {}
        }
    }
    if !files.is_empty() {
        runs.push(files);
    }
    Some(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk of one folder lists what the general walk lists, in its
    /// order, with the stamps taken by path; and leaves links and
    /// archives to it.
    #[test]
    fn the_walk_of_a_folder_is_the_general_walk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b/2.txt",
            "b/10.txt",
            "b/a/x.json",
            "a.txt",
            "a-b/c.TXT",
            "a0/d.jsonl",
            "notes.md",
            "z/y/x/w.txt",
            "z/empty/none.csv",
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, name).unwrap();
        }
        let given = |p: &Path| vec![p.to_path_buf()];
        let mut slashed = root.as_os_str().to_owned();
        slashed.push("/");
        for paths in [given(root), vec![PathBuf::from(slashed)]] {
            let (units, problems) = crate::corpus::units(&paths);
            assert!(problems.is_empty());
            let walked: Vec<(String, Option<Stamp>)> = walk_stamped(&paths)
                .unwrap()
                .into_iter()
                .flatten()
                .collect();
            let expected: Vec<(String, Option<Stamp>)> = units
                .iter()
                .map(|u| (u.source.clone(), Stamp::of(&u.path)))
                .collect();
            assert_eq!(walked, expected);
            assert_eq!(walked.len(), 7);
        }
        // Two paths, a file, an archive: the general walk's.
        assert!(walk_stamped(&[root.join("b"), root.join("z")]).is_none());
        assert!(walk_stamped(&[root.join("a.txt")]).is_none());
        std::fs::write(root.join("b/archive.zip"), b"PK").unwrap();
        assert!(walk_stamped(&given(root)).is_none());
        std::fs::remove_file(root.join("b/archive.zip")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
            assert!(walk_stamped(&given(root)).is_none());
        }
    }
}
