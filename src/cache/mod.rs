//! The persistent index: for each set of paths the reader opens, a file
//! under `$XDG_CACHE_HOME/reponses/` (default `~/.cache/reponses/`) that
//! holds every record's metadata (its fields without its texts, through
//! the model's own serde form, so that a new field needs no change here),
//! each file's stamp and diagnostics, and the word index's text side, so
//! that a second open maps the index instead of reading every text again.
//!
//! Why a file per set of paths: the records' sources are the paths as
//! given, and an index covers the records of one listing in order; the
//! key is a hash of the paths as given and of their canonical forms.
//!
//! Validity is per file ([`stamp`]): a file whose stamp changed is parsed
//! again and its records replace the cached ones, a new file is added, a
//! removed one dropped, and the rest is taken as cached ([`open`]). The
//! texts are never stored: they are read from the files when a record is
//! opened, searched by a phrase the index cannot answer alone, or quoted.
//!
//! A search needs less: which files hold a match. [`lookup()`] answers a
//! query of words and phrases from the mapped postings and the files'
//! entries alone, without decoding a record.
//!
//! The file itself ([`file`]) is checksummed, versioned and written
//! beside its place then renamed: see there for what is refused and why a
//! reader never sees half of one.

pub mod file;
pub mod info;
pub mod lookup;
pub mod open;
pub mod stamp;
pub mod write;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, fill};
use crate::load::Diagnostic;
pub use file::Refusal;
pub use lookup::{Lookup, lookup};
pub use open::{Opened, open};
pub use stamp::Stamp;

/// The section of the paths the cache was made for ([`Meta`]).
const META: u32 = 1;
/// The files, in listing order ([`FileEntry`]).
const FILES: u32 = 2;
/// Where each record's bytes end in [`RECORD_DATA`] (`u64`s).
const RECORD_ENDS: u32 = 3;
/// The records, each in postcard, texts left out, in file order.
const RECORD_DATA: u32 = 4;

/// How many sections a cache file has: ours and the index's.
const SECTIONS: usize = 4 + 12;

/// What a cache was made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The paths as given.
    pub paths: Vec<String>,
    /// Files and records it holds.
    pub files: usize,
    pub records: usize,
}

/// One file of a cache, in listing order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// As the records and diagnostics name it.
    pub source: String,
    /// `None`: its stamp could not be taken, so it is never reused.
    pub stamp: Option<Stamp>,
    /// How many records it gave (they follow the previous file's).
    pub records: u32,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where caches live: `$XDG_CACHE_HOME/reponses`, else
/// `$HOME/.cache/reponses`; `None` when neither is set.
pub fn dir() -> Option<PathBuf> {
    crate::dirs::cache()
}

/// The cache file of a set of paths.
#[derive(Debug, Clone)]
pub struct Cache {
    pub path: PathBuf,
    /// The paths, as given.
    pub paths: Vec<PathBuf>,
}

impl Cache {
    /// The cache of `paths` (in `dir()`); `None` without a cache folder.
    pub fn for_paths(paths: &[PathBuf]) -> Option<Cache> {
        Some(Cache::in_dir(&dir()?, paths))
    }

    /// The cache of `paths` in `dir`.
    pub fn in_dir(dir: &Path, paths: &[PathBuf]) -> Cache {
        let mut key = Vec::new();
        for path in paths {
            key.extend_from_slice(path.as_os_str().as_encoded_bytes());
            key.push(0);
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            key.extend_from_slice(canonical.as_os_str().as_encoded_bytes());
            key.push(0);
        }
        let hash = xxhash_rust::xxh3::xxh3_128(&key);
        Cache {
            path: dir.join(format!("{hash:032x}.idx")),
            paths: paths.to_vec(),
        }
    }
}

/// A one-line notice about the cache, for the reader's status bar and
/// the commands' stderr.
#[derive(Debug)]
pub enum Notice {
    /// The cache could not be used and is being built again.
    Rebuilt(Refusal),
    /// The cache folder cannot be written: the reader works without.
    Unwritable(PathBuf, std::io::Error),
    /// Files changed since the cache: read again.
    Reread(usize),
}

impl Notice {
    /// The notice in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let t = lang.t();
        match self {
            Notice::Rebuilt(why) => fill(t.cache_rebuilt, &[&refusal(why, lang)]),
            Notice::Unwritable(dir, e) => fill(
                t.cache_unwritable,
                &[&dir.display().to_string(), &e.to_string()],
            ),
            Notice::Reread(n) => lang.count(*n, t.cache_reread_one, t.cache_reread_many),
        }
    }
}

/// Why a cache was refused, in `lang`.
pub fn refusal(why: &Refusal, lang: Lang) -> String {
    let t = lang.t();
    match why {
        Refusal::Missing => t.cache_info_empty.to_owned(),
        Refusal::Foreign => t.cache_foreign.to_owned(),
        Refusal::Version(v) => fill(t.cache_version, &[&v.to_string()]),
        Refusal::Damaged => t.cache_damaged.to_owned(),
        Refusal::Unreadable(e) => fill(t.cache_unreadable, &[&e.to_string()]),
    }
}
