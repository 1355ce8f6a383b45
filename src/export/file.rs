//! The quote file: every quote the user saves with `e`, in Markdown, one
//! after the other, in `$XDG_DATA_HOME/reponses/quotes.md`.
//!
//! Appending must never cost what is already there, even when interrupted:
//! the new content (old content + new quote) is written to a temporary file
//! beside the target, synced, then renamed over it. A crash leaves either
//! the old file or the new one, never a truncated one. The file is small
//! (quotes a person chose), so rewriting it whole is cheap.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where quotes go: `$XDG_DATA_HOME/reponses/quotes.md`, by default
/// `~/.local/share/reponses/quotes.md`.
pub fn quotes_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(".local/share"))
        })?;
    Some(data.join("reponses").join("quotes.md"))
}

/// Appends `entry` to the file at `path`, creating folders as needed,
/// separated from what is there by a blank line.
///
/// # Errors
/// The folder cannot be created, the file read, or the new file written or
/// renamed; the old file is then untouched.
pub fn append(path: &Path, entry: &str) -> io::Result<()> {
    // Write through a symbolic link to the file it points to.
    let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut content = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e),
    };
    if !content.is_empty() {
        while !content.ends_with(b"\n\n") {
            content.push(b'\n');
        }
    }
    content.extend_from_slice(entry.trim_end_matches('\n').as_bytes());
    content.push(b'\n');
    write_atomically(&path, &content)
}

/// Writes `content` to `path` through a synced temporary file and a rename.
///
/// # Errors
/// Writing, syncing or renaming failed; `path` is then untouched.
pub fn write_atomically(path: &Path, content: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temporary)?;
        file.write_all(content)?;
        file.sync_all()?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&temporary, meta.permissions())?;
        }
        fs::rename(&temporary, path)?;
        // The rename itself is durable once the folder is synced.
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appending_keeps_earlier_quotes_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/quotes.md");
        append(&path, "> première\n>\n> — citation 1").unwrap();
        let first = fs::read_to_string(&path).unwrap();
        append(&path, "> seconde\n>\n> — citation 2\n").unwrap();
        let both = fs::read_to_string(&path).unwrap();
        assert!(both.starts_with(&first));
        assert_eq!(
            both,
            "> première\n>\n> — citation 1\n\n> seconde\n>\n> — citation 2\n"
        );
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn a_file_without_final_newline_is_separated_properly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.md");
        fs::write(&path, "# Mes citations").unwrap();
        append(&path, "> x").unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "# Mes citations\n\n> x\n"
        );
    }

    #[test]
    fn an_unwritable_folder_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-folder");
        fs::write(&blocker, "x").unwrap();
        assert!(append(&blocker.join("quotes.md"), "> y").is_err());
        assert_eq!(fs::read_to_string(&blocker).unwrap(), "x");
    }
}
