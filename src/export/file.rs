//! The quote file: every quote the user saves with `e`, in Markdown, one
//! after the other, in `$XDG_DATA_HOME/reponses/quotes.md`.
//!
//! Appending must never cost what is already there, even when interrupted:
//! the new content (old content + new quote) is written to a temporary file
//! beside the target, synced, then renamed over it. A crash leaves either
//! the old file or the new one, never a truncated one. The file is small
//! (quotes a person chose), so rewriting it whole is cheap.
//!
//! Two readers saving at once (two terminals, two users of a shared
//! folder) must not lose a quote: read, write and rename would let the
//! last rename win. Saves take an exclusive advisory lock on a lock file
//! beside the quote file (`.quotes.md.lock`, never removed: the file being
//! replaced cannot carry the lock itself), so they follow one another.
//! Under the lock, temporary files a killed save left behind are removed.
//!
//! The quote file must be a regular file we may write: a link to a device
//! or a FIFO, a link to nothing or a read-only file is refused with a
//! message rather than replaced (or, for a FIFO, waited on forever). A
//! link to a regular file is followed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where quotes go: `$XDG_DATA_HOME/reponses/quotes.md`, by default
/// `~/.local/share/reponses/quotes.md`.
pub fn quotes_path() -> Option<PathBuf> {
    Some(crate::dirs::data()?.join("quotes.md"))
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appended {
    Added,
    /// The file holds this entry already, as one of its blocks: saving a
    /// quote twice keeps it once.
    AlreadyThere,
}

/// Appends `entry` to the file at `path`, creating folders as needed,
/// separated from what is there by a blank line; one save at a time. An
/// entry the file already holds, as a block of its own, is not added again.
///
/// # Errors
/// The path is not a regular file we may write (see the module's
/// documentation), or the folder cannot be created, the lock taken, the
/// file read, or the new file written or renamed; the old file is then
/// untouched.
pub fn append(path: &Path, entry: &str) -> io::Result<Appended> {
    let path = target(path)?;
    let dir = parent(&path);
    fs::create_dir_all(dir)?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!(".{}.lock", file_name(&path))))?;
    lock.lock()?;
    remove_stale_temporaries(&path);
    // Checked again under the lock: another save may have changed it.
    let path = target(&path)?;
    let mut content = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e),
    };
    let entry = entry.trim_end_matches('\n');
    if holds(&content, entry) {
        return Ok(Appended::AlreadyThere);
    }
    if !content.is_empty() {
        while !content.ends_with(b"\n\n") {
            content.push(b'\n');
        }
    }
    content.extend_from_slice(entry.as_bytes());
    content.push(b'\n');
    write_atomically(&path, &content)?;
    Ok(Appended::Added)
    // The lock goes with its file.
}

/// Whether `content` holds `entry` as one of its blocks (the runs of lines
/// between blank lines; a Markdown quote's `>` lines are not blank).
fn holds(content: &[u8], entry: &str) -> bool {
    let content = String::from_utf8_lossy(content);
    let content = content.replace("\r\n", "\n");
    content
        .split("\n\n")
        .any(|block| block.trim_matches('\n') == entry)
}

/// The file a save writes: `path`, or the regular file a link at `path`
/// points to; an error for anything else.
fn target(path: &Path) -> io::Result<PathBuf> {
    let refuse = |why: &str| {
        Err(io::Error::other(format!(
            "{why}; quotes are not saved there"
        )))
    };
    let path = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(e),
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(target) => target,
            Err(_) => return refuse("a symbolic link to nothing"),
        },
        Ok(_) => path.to_path_buf(),
    };
    let meta = fs::metadata(&path)?;
    if !meta.file_type().is_file() {
        return refuse("not a regular file (a folder, a device, a FIFO or a socket)");
    }
    if meta.permissions().readonly() {
        return refuse("a read-only file");
    }
    Ok(path)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned())
}

/// The temporary file of a save by this process.
fn temporary(path: &Path) -> PathBuf {
    let name = file_name(path);
    parent(path).join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Removes the `.NAME.PID.tmp` files beside `path`: under the lock no
/// other save is writing one, so they were left by saves that were killed.
fn remove_stale_temporaries(path: &Path) {
    let prefix = format!(".{}.", file_name(path));
    let Ok(entries) = fs::read_dir(parent(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let pid = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"));
        if pid.is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `content` to `path` through a synced temporary file and a rename.
///
/// # Errors
/// Writing, syncing or renaming failed; `path` is then untouched.
pub fn write_atomically(path: &Path, content: &[u8]) -> io::Result<()> {
    let dir = parent(path);
    let temporary = temporary(path);
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
    fn an_entry_saved_twice_is_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.md");
        let entry = "> Le Gouvernement répond.\n>\n> — Réponse du Ministère, JO Sénat du 02/02/2023, p. 787";
        assert_eq!(append(&path, entry).unwrap(), Appended::Added);
        assert_eq!(append(&path, entry).unwrap(), Appended::AlreadyThere);
        assert_eq!(append(&path, "> autre\n>\n> — c").unwrap(), Appended::Added);
        assert_eq!(
            append(&path, &format!("{entry}\n")).unwrap(),
            Appended::AlreadyThere
        );
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("Le Gouvernement répond.").count(), 1);
        // A quote that is part of a longer one is a quote of its own.
        assert_eq!(append(&path, "> autre").unwrap(), Appended::Added);
    }

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
        let mut leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, [".quotes.md.lock", "quotes.md"]);
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

    /// Where [`two_processes_appending_at_once_lose_no_quote`]'s workers
    /// append, and how many quotes each.
    const WORKER_PATH: &str = "REPONSES_TEST_APPEND_TO";
    const APPENDS: usize = 300;

    /// A worker: run by the test below in a process of its own.
    #[test]
    #[ignore = "a worker process of two_processes_appending_at_once_lose_no_quote"]
    fn append_worker() {
        let Some(path) = std::env::var_os(WORKER_PATH) else {
            return;
        };
        let path = PathBuf::from(path);
        for i in 0..APPENDS {
            let entry = format!("> citation {} {i}\n>\n> — source", std::process::id());
            append(&path, &entry).unwrap();
        }
    }

    #[test]
    fn two_processes_appending_at_once_lose_no_quote() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.md");
        let exe = std::env::current_exe().unwrap();
        let workers: Vec<_> = (0..2)
            .map(|_| {
                std::process::Command::new(&exe)
                    .args(["--exact", "export::file::tests::append_worker", "--ignored"])
                    .env(WORKER_PATH, &path)
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut worker in workers {
            assert!(worker.wait().unwrap().success());
        }
        let saved = fs::read_to_string(&path).unwrap();
        let quotes = saved.matches("> — source").count();
        assert_eq!(quotes, 2 * APPENDS);
    }

    #[test]
    fn a_link_to_a_device_a_fifo_or_nothing_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        for (target, why) in [
            (Path::new("/dev/null"), "not a regular file"),
            (fifo.as_path(), "not a regular file"),
            (
                Path::new("/nonexistent/quotes.md"),
                "a symbolic link to nothing",
            ),
        ] {
            let link = dir.path().join("quotes.md");
            let _ = fs::remove_file(&link);
            std::os::unix::fs::symlink(target, &link).unwrap();
            let err = append(&link, "> x").unwrap_err();
            assert!(err.to_string().contains(why), "{target:?}: {err}");
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
        }
        // The FIFO itself, not through a link.
        let err = append(&fifo, "> x").unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn a_link_to_a_regular_file_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "> a\n").unwrap();
        let link = dir.path().join("quotes.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        append(&link, "> b").unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "> a\n\n> b\n");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_read_only_quote_file_is_refused_and_left_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.md");
        fs::write(&path, "> gardée\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let err = append(&path, "> x").unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "> gardée\n");
    }

    #[test]
    fn temporary_files_of_killed_saves_are_removed_by_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.md");
        let stale = dir.path().join(".quotes.md.4242.tmp");
        fs::write(&stale, "> à moitié").unwrap();
        let other = dir.path().join(".notes.md.4242.tmp");
        fs::write(&other, "x").unwrap();
        append(&path, "> x").unwrap();
        assert!(!stale.exists());
        assert!(other.exists(), "another file's temporary is not ours");
    }
}
