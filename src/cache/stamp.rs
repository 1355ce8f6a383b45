//! What says a file is the one a cache was made from: its size, its
//! modification and change times to the nanosecond, its inode and
//! device. A file whose stamp differs is parsed again.
//!
//! The stamp is taken *before* the file is read: a change after it gives
//! the file another stamp, so a cache never pairs a stamp with content
//! older than the file it stamps. The one case missed is a file rewritten
//! in place with the same size within the file system's timestamp
//! granularity (a second on some, a nanosecond on ext4 and most others)
//! and its change time set back: `--no-cache` is the way around it.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// A file's identity and version, as far as the file system tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified: (i64, i64),
    pub changed: (i64, i64),
    pub inode: u64,
    pub device: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, following links; `None` when it
    /// cannot be read (such a file is never taken from a cache).
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp::from_metadata(&meta))
    }

    /// The stamp of a file whose metadata (links followed) is `meta`.
    #[cfg(unix)]
    pub fn from_metadata(meta: &std::fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            size: meta.size(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        }
    }

    /// The stamp of a file whose metadata (links followed) is `meta`.
    #[cfg(not(unix))]
    pub fn from_metadata(meta: &std::fs::Metadata) -> Stamp {
        let nanos = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| {
                    (
                        i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                        i64::from(d.subsec_nanos()),
                    )
                })
        };
        Stamp {
            size: meta.len(),
            modified: nanos(meta.modified()),
            changed: nanos(meta.created()),
            inode: 0,
            device: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_changes_the_stamp_and_reading_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").unwrap();
        let first = Stamp::of(&path).unwrap();
        let _ = std::fs::read(&path).unwrap();
        assert_eq!(Stamp::of(&path), Some(first));
        std::fs::write(&path, "two, longer").unwrap();
        assert_ne!(Stamp::of(&path), Some(first));
        assert_eq!(Stamp::of(&dir.path().join("none.txt")), None);
    }
}
