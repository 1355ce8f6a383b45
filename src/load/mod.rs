//! Files → records, with located diagnostics.
//!
//! Loading never gives up on a whole folder because of one file, nor on a
//! whole file because of one document: a structurally broken document is an
//! error (and is skipped), a sound document with one impossible field loads
//! with that field `None` and a warning. Every message names the file, the
//! line and the column, so an editor can jump there.

pub mod decode;
mod senat;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::Record;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A located message about a file: `path:line:col: severity: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based; 0 when the message is about the whole file (unreadable).
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}: {}", self.path, self.severity, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}: {}",
                self.path, self.line, self.col, self.severity, self.message
            )
        }
    }
}

/// What one file gave.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Parses the bytes of one file. `source` is the path as the user gave it;
/// `today` decides whether unanswered questions are late.
pub fn load_bytes(source: &str, bytes: &[u8], today: NaiveDate) -> Loaded {
    load_bytes_if(source, bytes, today, &|_| true, true)
}

/// Like [`load_bytes`], but parses only when `wanted` accepts the decoded
/// text: a search that knows a file cannot match skips its parse. A file
/// that cannot be decoded is reported all the same. Without `with_texts`,
/// records come back without their texts (what `check` needs).
pub fn load_bytes_if(
    source: &str,
    bytes: &[u8],
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    with_texts: bool,
) -> Loaded {
    match decode::decode(bytes) {
        Ok((text, _encoding)) if wanted(&text) => senat::parse(source, &text, today, with_texts),
        Ok(_) => Loaded::default(),
        Err(decode::DecodeError::Binary { line, col }) => Loaded {
            records: Vec::new(),
            diagnostics: vec![Diagnostic {
                path: source.to_owned(),
                line,
                col,
                severity: Severity::Error,
                message: "binary data (a NUL byte), not a text document; expected a senat.fr \
                          question page"
                    .to_owned(),
            }],
        },
    }
}

/// Reads and parses one file.
pub fn load_file(path: &Path, today: NaiveDate) -> Loaded {
    load_file_if(path, today, &|_| true, true)
}

/// Reads one file and parses it when `wanted` accepts its text.
pub fn load_file_if(
    path: &Path,
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    with_texts: bool,
) -> Loaded {
    let source = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => load_bytes_if(&source, &bytes, today, wanted, with_texts),
        Err(e) => Loaded {
            records: Vec::new(),
            diagnostics: vec![Diagnostic {
                path: source,
                line: 0,
                col: 0,
                severity: Severity::Error,
                message: format!("cannot read: {e}"),
            }],
        },
    }
}

/// The documents under `paths`: files as given, folders searched
/// recursively for `.txt` files, in a stable (sorted) order. Paths that do
/// not exist come back as diagnostics.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            // Sorted per folder, by name: a stable order, cheaper than
            // sorting every path by its components afterwards.
            let found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|entry| match entry {
                    Ok(e) => Some(e),
                    Err(e) => {
                        problems.push(Diagnostic {
                            path: e.path().map_or_else(
                                || path.display().to_string(),
                                |p| p.display().to_string(),
                            ),
                            line: 0,
                            col: 0,
                            severity: Severity::Error,
                            message: format!("cannot read: {e}"),
                        });
                        None
                    }
                })
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
                .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
                .collect();
            if found.is_empty() {
                problems.push(Diagnostic {
                    path: path.display().to_string(),
                    line: 0,
                    col: 0,
                    severity: Severity::Warning,
                    message: "no .txt file in this folder".to_owned(),
                });
            }
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            problems.push(Diagnostic {
                path: path.display().to_string(),
                line: 0,
                col: 0,
                severity: Severity::Error,
                message: "no such file or folder".to_owned(),
            });
        }
    }
    (files, problems)
}
