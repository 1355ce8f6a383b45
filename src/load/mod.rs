//! Files → records, with located diagnostics.
//!
//! Loading never gives up on a whole folder because of one file, nor on a
//! whole file because of one document: a structurally broken document is an
//! error (and is skipped), a sound document with one impossible field loads
//! with that field `None` and a warning. Every message names the file, the
//! line and the column, so an editor can jump there.

mod an;
pub mod archive;
pub mod decode;
pub mod message;
mod read;
mod senat;
pub mod source;

use std::cell::Cell;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use message::Message;

use crate::i18n::Lang;
use crate::model::Record;

/// How bad a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// The word for it in `lang`.
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Severity::Warning => lang.t().severity_warning,
            Severity::Error => lang.t().severity_error,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word(Lang::En))
    }
}

/// A located message about a file: `path:line:col: severity: message`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based; 0 when the message is about the whole file (unreadable).
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub severity: Severity,
    pub message: Message,
}

impl Diagnostic {
    /// `path:line:col: severity: message`, the words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let (severity, message) = (self.severity.word(lang), self.message.render(lang));
        if self.line == 0 {
            format!("{}: {severity}: {message}", self.path)
        } else {
            format!(
                "{}:{}:{}: {severity}: {message}",
                self.path, self.line, self.col
            )
        }
    }
}

/// In English, as scripts and tests read it.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// What one file gave.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
    /// With [`Texts::Probe`], for each record, the terms the probe found
    /// in its question and answer texts; empty otherwise.
    pub probed: Vec<u64>,
}

/// What the parser does with the texts of questions and answers.
#[derive(Clone, Copy)]
pub enum Texts<'p> {
    /// Keeps them: the reader, `parse`, `search` that prints.
    Keep,
    /// Drops them (display names stay title-cased): `check`.
    Drop,
    /// Drops them after showing each paragraph to the probe; see
    /// [`Probe`] and [`Loaded::probed`]. `search -l` learns whether a
    /// record matches without copying its texts. Names are refined from
    /// the question's opening, as with `Keep`; a record the probe settles
    /// ([`Probe::settles`]) has its source and line only.
    Probe(&'p dyn Probe),
}

/// A search's look at files whose texts are not kept ([`Texts::Probe`]):
/// first at a file's whole text, then at each paragraph of its questions
/// and answers, in order, then at each record once it is complete.
///
/// The look at a paragraph may be a quick one that misses some matches
/// (say, a search for a word's plain spelling only): the look at the
/// record is given its paragraphs again to find what was missed. A word
/// usually has its plain spelling somewhere in a record that holds it, so
/// the thorough search is rarely needed.
pub trait Probe: Sync {
    /// Whether a record of a file with this decoded `text` can match:
    /// `None` and the file is not parsed. Otherwise what the probe keeps
    /// of the file while it is parsed (say, where each term occurs next),
    /// given back to [`Probe::paragraph`] and [`Probe::record`], which may
    /// update it.
    fn sieve(&self, text: &str) -> Option<Vec<usize>>;

    /// The terms not in `found` (a bit each) that `paragraph` holds, or
    /// some of them. `span` is where the paragraph lies in `file`, the
    /// file's text, when it is part of it (a line the parser had to copy
    /// is not).
    fn paragraph(
        &self,
        sieved: &[Cell<usize>],
        file: &str,
        paragraph: &str,
        span: Option<Range<usize>>,
        found: u64,
    ) -> u64;

    /// Once a record is complete: the terms not in `found` that its
    /// `paragraphs` hold, which [`Probe::paragraph`] missed. None, for a
    /// probe whose look at each paragraph is thorough.
    fn record(
        &self,
        _sieved: &[Cell<usize>],
        _paragraphs: &mut dyn Iterator<Item = &str>,
        _found: u64,
    ) -> u64 {
        0
    }

    /// Whether a record whose texts hold the terms in `found` is settled
    /// whatever its other fields say (every word found, no filter): the
    /// parser then gives it back with its source and line only. No record
    /// is settled unless the probe says so.
    fn settles(&self, _found: u64) -> bool {
        false
    }
}

/// A closure probes every paragraph of every file: for tests and benches.
impl<F: Fn(&str, u64) -> u64 + Sync> Probe for F {
    fn sieve(&self, _text: &str) -> Option<Vec<usize>> {
        Some(Vec::new())
    }

    fn paragraph(
        &self,
        _sieved: &[Cell<usize>],
        _file: &str,
        paragraph: &str,
        _span: Option<Range<usize>>,
        found: u64,
    ) -> u64 {
        self(paragraph, found)
    }
}

impl fmt::Debug for Texts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Texts::Keep => "Keep",
            Texts::Drop => "Drop",
            Texts::Probe(_) => "Probe",
        })
    }
}

impl Loaded {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// The authors' display names the "Question de" headers of `text` give
/// (title-cased from the capitals), which the text itself does not spell:
/// see `senat::derived`.
pub fn header_names(text: &str) -> Vec<String> {
    senat::header_names(text)
}

/// Parses the bytes of one file. `source` is the path as the user gave it;
/// `today` decides whether unanswered questions are late.
pub fn load_bytes(source: &str, bytes: &[u8], today: NaiveDate) -> Loaded {
    load_bytes_if(source, bytes, today, &|_| true, Texts::Keep)
}

/// Like [`load_bytes`], but parses only when `wanted` accepts the decoded
/// text: a search that knows a file cannot match skips its parse. A file
/// that cannot be decoded is reported all the same. `texts` says what
/// becomes of the texts.
pub fn load_bytes_if(
    source: &str,
    bytes: &[u8],
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    texts: Texts<'_>,
) -> Loaded {
    match decode::decode(bytes) {
        Ok((text, _encoding)) if an::is_json(&text) => an::parse(source, &text, today, texts),
        Ok((text, _encoding)) if wanted(&text) => senat::parse(source, &text, today, texts),
        Ok(_) => Loaded::default(),
        Err(decode::DecodeError::Binary { line, col }) => Loaded {
            records: Vec::new(),
            diagnostics: vec![Diagnostic {
                path: source.to_owned(),
                line,
                col,
                severity: Severity::Error,
                message: Message::Binary,
            }],
            probed: Vec::new(),
        },
    }
}

/// Reads one file and parses it when `wanted` accepts its text.
pub fn load_file_if(
    path: &Path,
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    texts: Texts<'_>,
) -> Loaded {
    let source = source::source(path);
    match read::with_file(path, |bytes| {
        load_bytes_if(&source, bytes, today, wanted, texts)
    }) {
        Ok(loaded) => loaded,
        Err(e) => Loaded {
            records: Vec::new(),
            diagnostics: vec![Diagnostic {
                path: source,
                line: 0,
                col: 0,
                severity: Severity::Error,
                message: Message::CannotRead(e.to_string()),
            }],
            probed: Vec::new(),
        },
    }
}

/// Loads one entry of a zip archive, as [`load_file_if`] a file.
pub fn load_entry_if(
    archive: &archive::Archive,
    entry: &archive::Entry,
    source: &str,
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    texts: Texts<'_>,
) -> Loaded {
    match archive.read(entry, |bytes| {
        load_bytes_if(source, bytes, today, wanted, texts)
    }) {
        Ok(loaded) => loaded,
        Err(message) => Loaded {
            records: Vec::new(),
            diagnostics: vec![Diagnostic {
                path: source.to_owned(),
                line: 0,
                col: 0,
                severity: Severity::Error,
                message,
            }],
            probed: Vec::new(),
        },
    }
}

/// What the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A document: a file given, or a `.txt`, `.json` or `.jsonl` file in
    /// a folder.
    File(PathBuf),
    /// A zip archive: a `.zip` file in a folder, or a file given that
    /// starts as one.
    Archive(PathBuf),
}

/// Whether a file met in a folder is a document or an archive, by its
/// extension (opening every file of a folder to look would cost a tenth
/// of `check`'s time); `None` for other files.
pub(crate) fn in_folder(path: &Path) -> Option<bool> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "json" | "jsonl" => Some(false),
        "zip" => Some(true),
        _ => None,
    }
}

/// The documents under `paths`: files as given (an archive recognised by
/// its content), folders searched recursively for `.txt`, `.json`,
/// `.jsonl` and `.zip` files, in a stable (sorted) order, each handed to
/// `found` as soon as it is met, so that loading need not wait for the
/// listing (a tenth of a second for 100,000 files). `found` returns
/// `false` to stop the walk. Paths that do not exist come back as
/// diagnostics.
pub fn walk(paths: &[PathBuf], found: &mut dyn FnMut(Found) -> bool) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let problem = |path: &Path, severity, message: Message| Diagnostic {
        path: source::source(path),
        line: 0,
        col: 0,
        severity,
        message,
    };
    // The same file given twice (`x.txt x.txt`, or `dir dir/x.txt`) is
    // loaded once, so that ids stay unique. One folder alone never lists a
    // path twice: no set to keep then.
    let mut seen = (paths.len() > 1).then(std::collections::HashSet::new);
    let mut found = |path: PathBuf, archive: bool| {
        let again = seen.as_mut().is_some_and(|seen| !seen.insert(path.clone()));
        again
            || found(if archive {
                Found::Archive(path)
            } else {
                Found::File(path)
            })
    };
    for path in paths {
        // Following links, as the walk below does.
        let kind = match std::fs::metadata(path) {
            Ok(meta) => meta.file_type(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(problem(path, Severity::Error, Message::NoSuchPath));
                continue;
            }
            Err(e) => {
                problems.push(problem(
                    path,
                    Severity::Error,
                    Message::CannotRead(e.to_string()),
                ));
                continue;
            }
        };
        if kind.is_dir() {
            // Sorted per folder, by name: a stable order, cheaper than
            // sorting every path by its components afterwards. Siblings'
            // paths are their folder's path joined with their names, so
            // comparing the paths' bytes compares the names' bytes, as
            // `sort_by_file_name` does, without finding each name again
            // in each comparison (a twentieth of `check`'s time).
            let mut any = false;
            for entry in walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        let at = e.path().unwrap_or(path);
                        problems.push(problem(
                            at,
                            Severity::Error,
                            Message::CannotRead(e.to_string()),
                        ));
                        continue;
                    }
                };
                let kind = entry
                    .file_type()
                    .is_file()
                    .then(|| in_folder(entry.path()))
                    .flatten();
                if let Some(archive) = kind {
                    any = true;
                    if !found(entry.into_path(), archive) {
                        return problems;
                    }
                }
            }
            if !any {
                problems.push(problem(path, Severity::Warning, Message::NoTxtInFolder));
            }
        } else if kind.is_file() {
            if !found(path.clone(), archive::is_zip(path)) {
                return problems;
            }
        } else {
            // /dev/zero never ends, a FIFO blocks until someone writes:
            // refused before they are opened (inside folders, only files
            // are listed).
            problems.push(problem(path, Severity::Error, Message::NotAFileOrFolder));
        }
    }
    problems
}
