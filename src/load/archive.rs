//! Zip archives, read in place: the Assemblée nationale publishes a
//! legislature's questions as one zip of JSON documents (about 100,000
//! for the 14th). Nothing is extracted to disk; each entry is a document
//! of its own, with the source `archive.zip!/entry.json`, loaded in
//! parallel as files are.
//!
//! The archive is read with positioned reads on one open file, shared by
//! every entry: no memory map, which a file truncated while it is read
//! would turn into a crash (SIGBUS), and no open per entry.
//!
//! Hostile archives: an entry declaring, or inflating to, more than
//! [`ENTRY_LIMIT`] is refused with an error instead of filling memory; an
//! entry that does not inflate is an error and the others load. An
//! archive whose central directory cannot be read (a download cut short)
//! is an error, and its entries are then read one after the other from
//! the start, as far as they go ([`Archive::scan`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zip::ZipArchive;

use super::message::Message;
use super::{Diagnostic, Severity};

/// The most an entry may inflate to: the largest real document is a few
/// hundred kilobytes.
pub const ENTRY_LIMIT: u64 = 64 << 20;

/// Whether the file at `path` starts as a zip archive does (a local file
/// header, or the end record of an empty archive).
pub fn is_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    File::open(path)
        .and_then(|mut file| file.read_exact(&mut magic))
        .is_ok()
        && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06")
}

/// Whether an entry's name is one of a document: a `.json`, `.jsonl` or
/// `.txt` file, not a folder nor the resource forks macOS adds.
fn is_document(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !lower.ends_with('/')
        && !lower.starts_with("__macosx/")
        && [".json", ".jsonl", ".txt"]
            .iter()
            .any(|x| lower.ends_with(x))
}

/// An entry's name as sources print it: without control characters (a
/// name is the archive maker's to choose).
fn display_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

/// The source of an entry: `archive.zip!/entry.json`.
pub fn entry_source(archive: &str, name: &str) -> String {
    format!("{archive}!/{}", display_name(name))
}

/// The archive's path and the entry's name in an entry's source, when the
/// source is one: the first `!/` after which the path is a file.
pub fn split_source(source: &str) -> Option<(PathBuf, &str)> {
    source.match_indices("!/").find_map(|(at, _)| {
        let path = super::source::path(&source[..at]);
        path.is_file().then(|| (path, &source[at + 2..]))
    })
}

/// A file read at positions: cheap to clone, every clone reading the same
/// open file.
#[derive(Debug, Clone)]
struct At {
    file: Arc<File>,
    len: u64,
    pos: u64,
}

impl Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&*self.file, buf, self.pos)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(&*self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for At {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

/// An open archive.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The archive's own source.
    source: String,
    /// Where it is: the file a cache stamps for all its entries.
    path: PathBuf,
    /// `None` when the central directory could not be read: entries are
    /// then found by [`Archive::scan`].
    zip: Option<ZipArchive<At>>,
    file: At,
}

/// Where an entry is.
#[derive(Debug, Clone)]
pub enum Entry {
    /// The central directory's index.
    Indexed(usize),
    /// The offset of its local header, when the archive has no readable
    /// central directory.
    At(u64),
}

impl Archive {
    /// Opens the archive at `path`, whose source is `source`. An archive
    /// whose central directory is unreadable still opens, with the error
    /// to report.
    ///
    /// # Errors
    /// The file cannot be opened.
    pub fn open(path: &Path, source: &str) -> Result<(Archive, Option<Diagnostic>), Diagnostic> {
        let problem = |message| Diagnostic {
            path: source.to_owned(),
            line: 0,
            col: 0,
            severity: Severity::Error,
            message,
        };
        let file = File::open(path).map_err(|e| problem(Message::CannotRead(e.to_string())))?;
        let len = file
            .metadata()
            .map_err(|e| problem(Message::CannotRead(e.to_string())))?
            .len();
        let file = At {
            file: Arc::new(file),
            len,
            pos: 0,
        };
        let (zip, error) = match ZipArchive::new(file.clone()) {
            Ok(zip) => (Some(zip), None),
            Err(e) => (None, Some(problem(Message::Zip(e.to_string())))),
        };
        let archive = Archive {
            source: source.to_owned(),
            path: path.to_owned(),
            zip,
            file,
        };
        Ok((archive, error))
    }

    /// The document entries, in the archive's order, with their sources.
    /// Without a central directory, the entries read from the start as far
    /// as they go.
    pub fn entries(&self) -> Vec<(Entry, String)> {
        match &self.zip {
            Some(zip) => (0..zip.len())
                .filter_map(|i| {
                    let name = zip.name_for_index(i)?.ok()?;
                    is_document(&name)
                        .then(|| (Entry::Indexed(i), entry_source(&self.source, &name)))
                })
                .collect(),
            None => self.scan(),
        }
    }

    /// The entries of an archive without a central directory: each local
    /// header from the start, each entry read through to find the next.
    fn scan(&self) -> Vec<(Entry, String)> {
        let mut reader = io::BufReader::new(self.file.clone());
        let mut entries = Vec::new();
        let mut at = 0;
        loop {
            let next = match zip::read::read_zipfile_from_stream(&mut reader) {
                Ok(Some(mut file)) => {
                    let name = file.name().map(|n| n.into_owned()).unwrap_or_default();
                    let inflated =
                        io::copy(&mut (&mut file).take(ENTRY_LIMIT + 1), &mut io::sink());
                    // Past what the entry holds, for the next header.
                    let drained = inflated.is_ok() && io::copy(&mut file, &mut io::sink()).is_ok();
                    Some((name, drained))
                }
                Ok(None) | Err(_) => None,
            };
            let Some((name, drained)) = next else { break };
            if is_document(&name) {
                entries.push((Entry::At(at), entry_source(&self.source, &name)));
            }
            if !drained {
                // The entry is reported when it is loaded; nothing after it
                // can be found.
                break;
            }
            at = match reader.stream_position() {
                Ok(at) => at,
                Err(_) => break,
            };
        }
        entries
    }

    /// Calls `use_bytes` with the inflated bytes of `entry`, or says why
    /// they cannot be had.
    pub fn read<T>(&self, entry: &Entry, use_bytes: impl FnOnce(&[u8]) -> T) -> Result<T, Message> {
        let mut bytes = Vec::new();
        match entry {
            Entry::Indexed(i) => {
                let mut zip = self
                    .zip
                    .clone()
                    .ok_or_else(|| Message::Zip(String::new()))?;
                let file = zip
                    .by_index_raw(*i)
                    .map_err(|e| Message::ZipEntry(e.to_string()))?;
                return inflate::entry(file, use_bytes);
            }
            Entry::At(offset) => {
                let mut reader = self.file.clone();
                reader.pos = *offset;
                let mut reader = io::BufReader::new(reader);
                match zip::read::read_zipfile_from_stream(&mut reader) {
                    Ok(Some(file)) => read_limited(file, &mut bytes)?,
                    Ok(None) => return Err(Message::ZipEntry(String::new())),
                    Err(e) => return Err(Message::ZipEntry(e.to_string())),
                }
            }
        }
        Ok(use_bytes(&bytes))
    }

    /// The archive's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entry whose source is `source`, for loading it again.
    pub fn find(&self, source: &str) -> Option<Entry> {
        self.entries()
            .into_iter()
            .find_map(|(entry, s)| (s == source).then_some(entry))
    }
}

/// Reads a whole entry into `bytes`, refusing one that declares or
/// inflates to more than [`ENTRY_LIMIT`].
fn read_limited(mut file: impl Read, bytes: &mut Vec<u8>) -> Result<(), Message> {
    let read = (&mut file)
        .take(ENTRY_LIMIT + 1)
        .read_to_end(bytes)
        .map_err(|e| Message::ZipEntry(e.to_string()))?;
    if read as u64 > ENTRY_LIMIT {
        return Err(Message::ZipTooLarge(ENTRY_LIMIT >> 20));
    }
    Ok(())
}

mod inflate;

#[cfg(test)]
mod tests;
