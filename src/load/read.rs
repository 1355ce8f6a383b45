//! Reading a document into a buffer that each loader thread keeps.
//!
//! `std::fs::read` asks the file system for the file's size before reading
//! it (a `statx` per file) and allocates a buffer for every file. On a
//! folder of 100,000 small pages both add up: the size is not needed when
//! the buffer is already large enough, and one buffer per thread does.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// A buffer that grew past this for one large file is given back after it.
const KEEP: usize = 1 << 20;

thread_local! {
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Calls `use_bytes` with the whole content of the file at `path`
/// (`use_bytes` must not read a file this way itself: the buffer is lent
/// to it).
///
/// # Errors
/// Opening or reading the file failed.
pub fn with_file<T>(path: &Path, use_bytes: impl FnOnce(&[u8]) -> T) -> io::Result<T> {
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut bytes) => {
            let filled = read_all(path, &mut bytes)?;
            let result = use_bytes(&bytes[..filled]);
            if bytes.len() > KEEP {
                *bytes = Vec::new();
            }
            Ok(result)
        }
        // Lent already: `use_bytes` waited for parallel work and this
        // thread took another file's load meanwhile. A buffer of its own.
        Err(_) => {
            let mut bytes = Vec::new();
            let filled = read_all(path, &mut bytes)?;
            Ok(use_bytes(&bytes[..filled]))
        }
    })
}

/// Reads the file into `buffer`, growing it as needed (its bytes beyond
/// the returned length are left over from earlier files).
fn read_all(path: &Path, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let mut file = File::open(path)?;
    let mut filled = 0;
    loop {
        if filled == buffer.len() {
            buffer.resize((buffer.len() * 2).max(64 << 10), 0);
        }
        match file.read(&mut buffer[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_and_large_files_whole_one_after_the_other() {
        let dir = tempfile::tempdir().unwrap();
        let large: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let small = b"Question de M. X".to_vec();
        std::fs::write(dir.path().join("large"), &large).unwrap();
        std::fs::write(dir.path().join("small"), &small).unwrap();
        for (name, expected) in [("large", &large), ("small", &small), ("large", &large)] {
            let read = with_file(&dir.path().join(name), <[u8]>::to_vec).unwrap();
            assert_eq!(&read, expected, "{name}");
        }
        let empty = dir.path().join("empty");
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(with_file(&empty, <[u8]>::len).unwrap(), 0);
    }

    #[test]
    fn a_file_read_while_the_buffer_is_lent_gets_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::write(&a, b"outer").unwrap();
        std::fs::write(&b, b"inner").unwrap();
        let (outer, inner) = with_file(&a, |outer| {
            let inner = with_file(&b, <[u8]>::to_vec).unwrap();
            (outer.to_vec(), inner)
        })
        .unwrap();
        assert_eq!((&outer[..], &inner[..]), (&b"outer"[..], &b"inner"[..]));
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let err = with_file(Path::new("/nonexistent/x.txt"), |_| ()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
