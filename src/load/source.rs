//! A file's `source`: the path as the user gave it, as text. Records,
//! diagnostics and ids are keyed by it, so two files must never share one.
//!
//! A path that is valid UTF-8 is its own source. Another (a name saved on
//! an old Latin-1 system: `caf\xE9.txt`) keeps its undecodable bytes
//! visible as `\xHH` and its backslashes as `\\`, instead of the lossy
//! `caf�.txt` that would give `\xFE.txt` and `\xFF.txt` the same source,
//! hence the same ids. [`path`] turns a source back into the path.
//!
//! Limit: a valid name can spell another's escape (a file literally named
//! `\xFE.txt` beside one whose name is the byte 0xFE); the two then share
//! a source, and the reader takes the valid one when it loads a file again.

use std::path::{Path, PathBuf};

/// The source of the file at `path`.
pub fn source(path: &Path) -> String {
    if let Some(text) = path.to_str() {
        return text.to_owned();
    }
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

/// The path whose [`source`] is `source`.
pub fn path(source: &str) -> PathBuf {
    let plain = PathBuf::from(source);
    if !source.contains("\\x") || plain.exists() {
        return plain;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        unescape(source).map_or(plain, |bytes| {
            PathBuf::from(std::ffi::OsString::from_vec(bytes))
        })
    }
    // Elsewhere a path is not bytes: its source is lossy, as before.
    #[cfg(not(unix))]
    plain
}

/// The bytes a [`source`] escaped; `None` when it holds no valid escape.
#[cfg_attr(not(unix), allow(dead_code))]
fn unescape(source: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(source.len());
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\\', Some(b'\\')) => {
                out.push(b'\\');
                i += 2;
            }
            (b'\\', Some(b'x')) => {
                let hex = source.get(i + 2..i + 4)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 4;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn undecodable_bytes_are_escaped_and_come_back() {
        for name in [
            &b"dir/\xfe.txt"[..],
            b"dir/\xff.txt",
            b"a\\b\xe9.txt",
            b"caf\xc3\xa9.txt",
        ] {
            let original = Path::new(std::ffi::OsStr::from_bytes(name));
            let source = source(original);
            assert_eq!(unescape(&source).as_deref(), Some(name), "{source}");
        }
        assert_eq!(
            source(Path::new(std::ffi::OsStr::from_bytes(b"d/\xfe.txt"))),
            "d/\\xFE.txt"
        );
        assert_eq!(
            source(Path::new(std::ffi::OsStr::from_bytes(b"a\\b\xfe"))),
            "a\\\\b\\xFE"
        );
        assert_eq!(source(Path::new("a\\b.txt")), "a\\b.txt", "valid: as given");
    }
}
