//! `reponses cache info` and `reponses cache clear`: what the cache
//! folder holds (where, how large, which paths each file was made for,
//! how old) and emptying it.

use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

use super::{FILES, META, Meta, dir, file, refusal};
use crate::i18n::{Lang, fill};

/// Writes what the cache folder holds to `out`.
///
/// # Errors
/// Writing to `out` failed.
pub fn info(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let t = lang.t();
    let Some(dir) = dir() else {
        return writeln!(out, "{}", t.cache_none);
    };
    writeln!(
        out,
        "{}",
        fill(t.cache_info_where, &[&dir.display().to_string()])
    )?;
    let files = cache_files(&dir);
    if files.is_empty() {
        return writeln!(out, "{}", t.cache_info_empty);
    }
    let mut total = 0;
    for path in &files {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        total += size;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match file::open(path) {
            Ok(mapped) => {
                let meta: Option<Meta> = postcard::from_bytes(mapped.bytes(META)).ok();
                let files = postcard::from_bytes::<Vec<super::FileEntry>>(mapped.bytes(FILES))
                    .map_or(0, |f| f.len());
                let paths = meta.as_ref().map(|m| m.paths.join(" ")).unwrap_or_default();
                let records = meta.as_ref().map_or(0, |m| m.records);
                let age = std::fs::metadata(path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|m| SystemTime::now().duration_since(m).ok())
                    .map_or_else(|| "?".to_owned(), |d| duration(d.as_secs()));
                writeln!(
                    out,
                    "{}",
                    fill(
                        t.cache_info_entry,
                        &[
                            &paths,
                            &bytes(size),
                            &lang.number(files),
                            &lang.number(records),
                            &age
                        ]
                    )
                )?;
            }
            Err(why) => writeln!(
                out,
                "{}",
                fill(
                    t.cache_info_bad,
                    &[&name, &bytes(size), &refusal(&why, lang)]
                )
            )?,
        }
    }
    writeln!(
        out,
        "{}",
        fill(
            t.cache_info_total,
            &[&bytes(total), &lang.number(files.len())]
        )
    )
}

/// Removes every cache file, with its lock and any temporary file; says
/// how many and how large on `out`.
///
/// # Errors
/// Writing to `out` failed, or a file could not be removed.
pub fn clear(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let t = lang.t();
    let Some(dir) = dir() else {
        return writeln!(out, "{}", t.cache_none);
    };
    let mut removed = 0;
    let mut size = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if [".idx", ".lock", ".tmp"]
                .iter()
                .any(|end| name.ends_with(end))
            {
                size += entry.metadata().map_or(0, |m| m.len());
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
    }
    writeln!(
        out,
        "{}",
        fill(t.cache_cleared, &[&lang.number(removed), &bytes(size)])
    )
}

/// The cache files in `dir`, by name.
fn cache_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "idx"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A size, in the units `du -h` uses.
fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// An age: seconds, minutes, hours or days.
fn duration(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3600 => format!("{} min", seconds / 60),
        3600..86_400 => format!("{} h", seconds / 3600),
        _ => format!("{} d", seconds / 86_400),
    }
}
