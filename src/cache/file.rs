//! The cache file's container: numbered sections of bytes behind a
//! header that says what the file is and where each section lies, every
//! section checksummed.
//!
//! ```text
//! magic "RPNSIDX\0" · format version u32 · section count u32
//! count × { section u32 · 0 u32 · offset u64 · length u64 · xxh3 u64 }
//! xxh3 of everything above (u64)
//! sections, each starting on a multiple of 8
//! ```
//!
//! All numbers little-endian. A file that is not ours (magic), of another
//! version, cut short or with a byte changed (a checksum) is refused with
//! the reason, and the caller builds a new one. Checksums are checked by
//! reading the file, before it is mapped: the mapping's pages then count
//! in the process's memory only where a query reads them.
//!
//! Writing never leaves a half-written cache where a reader looks: the
//! file is written beside it under a temporary name, synced, and renamed
//! over it (a reader has the old file or the new one). Writers take an
//! advisory lock on `<name>.lock` first; one that finds it taken leaves
//! the writing to the other, and the one holding it removes what a killed
//! writer left.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use memmap2::Mmap;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::search::inverted::Sink;

/// What the file starts with.
pub const MAGIC: [u8; 8] = *b"RPNSIDX\0";

/// The layout's version: raised whenever what is stored changes (the
/// records' fields, through their serde form, included), so that an
/// older or newer file is rebuilt rather than misread.
/// 2: each record's bytes end with its answer's fingerprint
/// ([`crate::families`]).
pub const VERSION: u32 = 2;

/// The most sections a file may declare.
const MAX_SECTIONS: usize = 64;

/// The bytes of one entry of the section table.
const ENTRY: usize = 32;

/// Why a cache file was not used.
#[derive(Debug)]
pub enum Refusal {
    /// There is none.
    Missing,
    /// Its first bytes are not ours.
    Foreign,
    /// Written by another version of the format.
    Version(u32),
    /// Cut short, or a checksum does not match.
    Damaged,
    /// It could not be read.
    Unreadable(io::Error),
}

/// A cache file, checked and mapped.
pub struct Mapped {
    map: Arc<Mmap>,
    sections: Vec<(u32, Range<usize>)>,
    /// Each section's checksum, as the (checked) header gives it, and
    /// whether it was checked when opened.
    sums: Vec<(u64, bool)>,
}

impl std::fmt::Debug for Mapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mapped")
            .field("bytes", &self.map.len())
            .field("sections", &self.sections)
            .finish()
    }
}

impl Mapped {
    /// The mapping, shared with what reads from it.
    pub fn map(&self) -> Arc<Mmap> {
        Arc::clone(&self.map)
    }

    /// Where section `id` lies in the mapping.
    pub fn range(&self, id: u32) -> Option<Range<usize>> {
        self.sections
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, r)| r.clone())
    }

    /// The bytes of section `id`; empty when there is none.
    pub fn bytes(&self, id: u32) -> &[u8] {
        self.range(id)
            .and_then(|r| self.map.get(r))
            .unwrap_or_default()
    }

    /// Whether section `id` is as written: checked when the file was
    /// opened, or now, on the mapping ([`open_checking`]). `false` for a
    /// section the file lacks.
    pub fn sound(&self, id: u32) -> bool {
        self.sections
            .iter()
            .zip(&self.sums)
            .find(|((s, _), _)| *s == id)
            .is_some_and(|((_, range), &(sum, checked))| {
                checked
                    || self
                        .map
                        .get(range.clone())
                        .is_some_and(|b| xxh3_64(b) == sum)
            })
    }

    /// The size of the file.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the file is empty (never, for a file that opened).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes
        .get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_le_bytes)
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_le_bytes)
}

/// Opens, checks and maps the cache file at `path`.
///
/// # Errors
/// See [`Refusal`].
pub fn open(path: &Path) -> Result<Mapped, Refusal> {
    open_checking(path, &|_| true)
}

/// [`open`], checking the checksums of only the sections `check` names
/// (the header is always checked): a reader that needs a few sections
/// reads those, not the whole file. The others must be checked with
/// [`Mapped::sound`] before they are trusted.
///
/// # Errors
/// See [`Refusal`].
pub fn open_checking(path: &Path, check: &dyn Fn(u32) -> bool) -> Result<Mapped, Refusal> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Err(Refusal::Missing);
        }
        Err(e) => return Err(Refusal::Unreadable(e)),
    };
    let len = file.metadata().map_err(Refusal::Unreadable)?.len();
    let mut start = [0u8; 16];
    if file.read_exact(&mut start).is_err() {
        return Err(if len >= 8 {
            Refusal::Damaged
        } else {
            Refusal::Foreign
        });
    }
    if start[..8] != MAGIC {
        return Err(Refusal::Foreign);
    }
    let version = u32_at(&start, 8).unwrap_or(0);
    if version != VERSION {
        return Err(Refusal::Version(version));
    }
    let count = u32_at(&start, 12).unwrap_or(u32::MAX) as usize;
    if count > MAX_SECTIONS {
        return Err(Refusal::Damaged);
    }
    let header_len = 16 + count * ENTRY;
    let mut header = vec![0u8; header_len + 8];
    header[..16].copy_from_slice(&start);
    file.read_exact(&mut header[16..])
        .map_err(|_| Refusal::Damaged)?;
    if u64_at(&header, header_len) != Some(xxh3_64(&header[..header_len])) {
        return Err(Refusal::Damaged);
    }
    let mut sections = Vec::with_capacity(count);
    let mut sums = Vec::with_capacity(count);
    let mut buffer = vec![0u8; 1 << 20];
    for i in 0..count {
        let at = 16 + i * ENTRY;
        let (Some(id), Some(offset), Some(length), Some(hash)) = (
            u32_at(&header, at),
            u64_at(&header, at + 8),
            u64_at(&header, at + 16),
            u64_at(&header, at + 24),
        ) else {
            return Err(Refusal::Damaged);
        };
        let end = offset.checked_add(length).ok_or(Refusal::Damaged)?;
        if end > len {
            return Err(Refusal::Damaged);
        }
        let range = usize::try_from(offset).map_err(|_| Refusal::Damaged)?
            ..usize::try_from(end).map_err(|_| Refusal::Damaged)?;
        let checked = check(id);
        sections.push((id, range));
        sums.push((hash, checked));
        if !checked {
            continue;
        }
        // The checksum, read through the file rather than the mapping.
        file.seek(SeekFrom::Start(offset))
            .map_err(Refusal::Unreadable)?;
        let mut hasher = Xxh3::new();
        let mut left = length;
        while left > 0 {
            let take = usize::try_from(left.min(buffer.len() as u64)).unwrap_or(buffer.len());
            file.read_exact(&mut buffer[..take])
                .map_err(|_| Refusal::Damaged)?;
            hasher.update(&buffer[..take]);
            left -= take as u64;
        }
        if hasher.digest() != hash {
            return Err(Refusal::Damaged);
        }
    }
    // SAFETY: the mapping is of a file we only ever replace by renaming
    // another over it, never write in place, so its bytes stay those
    // just checked. Another program writing into it in place could change
    // them under us; every read from the mapping is bounds-checked and
    // its offsets were checked when opened, so that gives wrong answers
    // at worst, never a read outside it (a file truncated under a mapping
    // is the one fault no checking prevents: the read faults).
    let map = unsafe { Mmap::map(&file) }.map_err(Refusal::Unreadable)?;
    if map.len() as u64 != len {
        return Err(Refusal::Damaged);
    }
    Ok(Mapped {
        map: Arc::new(map),
        sections,
        sums,
    })
}

/// What a write came to.
#[derive(Debug)]
pub enum Written {
    /// The file is in place.
    Done,
    /// Another process holds the lock: it writes the same cache.
    Busy,
}

/// Writes the cache file `path`: `sections` sections, whose bytes `fill`
/// gives to the [`Sink`] it is handed, written beside it and renamed over
/// it. See the module's documentation.
///
/// # Errors
/// The folder could not be created or written to (read-only, full).
pub fn write(
    path: &Path,
    sections: usize,
    fill: impl FnOnce(&mut dyn Sink) -> io::Result<()>,
) -> io::Result<Written> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!("{name}.lock")))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Ok(Written::Busy),
        Err(std::fs::TryLockError::Error(e)) => return Err(e),
    }
    remove_leftovers(dir, &name);
    let temporary = dir.join(format!("{name}.{}.tmp", std::process::id()));
    let result = write_to(&temporary, sections, fill).and_then(|()| {
        std::fs::rename(&temporary, path)?;
        // The rename itself, durable.
        if let Ok(folder) = File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map(|()| Written::Done)
}

/// Removes the temporary files of writers killed while writing `name`
/// (the caller holds the lock: nobody else is writing it).
fn remove_leftovers(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix) && file.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The temporary files of `name` in `dir`, for tests and `cache info`.
pub fn leftovers(dir: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!("{name}.");
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    let f = e.file_name();
                    let f = f.to_string_lossy();
                    f.starts_with(&prefix) && f.ends_with(".tmp")
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the whole file at `temporary` and syncs it.
fn write_to(
    temporary: &Path,
    sections: usize,
    fill: impl FnOnce(&mut dyn Sink) -> io::Result<()>,
) -> io::Result<()> {
    let file = File::create(temporary)?;
    let header_len = 16 + sections * ENTRY + 8;
    let mut writer = Writer {
        out: BufWriter::with_capacity(1 << 20, file),
        position: 0,
        sections: Vec::with_capacity(sections),
        hasher: Xxh3::new(),
    };
    writer.out.write_all(&vec![0u8; header_len])?;
    writer.position = header_len as u64;
    fill(&mut writer)?;
    writer.finish_section();
    if writer.sections.len() != sections {
        return Err(io::Error::other(
            "a cache writer gave another number of sections",
        ));
    }
    let mut header = Vec::with_capacity(header_len);
    header.extend_from_slice(&MAGIC);
    header.extend_from_slice(&VERSION.to_le_bytes());
    header.extend_from_slice(&u32::try_from(sections).unwrap_or(u32::MAX).to_le_bytes());
    for (id, offset, length, hash) in &writer.sections {
        header.extend_from_slice(&id.to_le_bytes());
        header.extend_from_slice(&0u32.to_le_bytes());
        header.extend_from_slice(&offset.to_le_bytes());
        header.extend_from_slice(&length.to_le_bytes());
        header.extend_from_slice(&hash.to_le_bytes());
    }
    let hash = xxh3_64(&header);
    header.extend_from_slice(&hash.to_le_bytes());
    let mut file = writer.out.into_inner().map_err(|e| e.into_error())?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header)?;
    file.sync_all()
}

/// Writes sections one after another, each aligned and hashed.
struct Writer {
    out: BufWriter<File>,
    position: u64,
    /// Section, offset, length, hash: the last one still open.
    sections: Vec<(u32, u64, u64, u64)>,
    hasher: Xxh3,
}

impl Writer {
    fn finish_section(&mut self) {
        if let Some(last) = self.sections.last_mut() {
            last.2 = self.position - last.1;
            last.3 = self.hasher.digest();
        }
        self.hasher = Xxh3::new();
    }
}

impl Sink for Writer {
    fn section(&mut self, id: u32) -> io::Result<()> {
        self.finish_section();
        let pad = (8 - self.position % 8) % 8;
        self.out.write_all(&[0u8; 8][..pad as usize])?;
        self.position += pad;
        self.sections.push((id, self.position, 0, 0));
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.hasher.update(bytes);
        self.position += bytes.len() as u64;
        Ok(())
    }
}
