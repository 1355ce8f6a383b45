//! A loaded collection of records: what the reader and the commands work on.
//!
//! Files are decoded and parsed in parallel (rayon), one task per file,
//! since a file is the unit that fails alone. The command line waits for
//! the whole corpus, in a stable order; the reader streams it instead
//! ([`stream`]), so that its first screen does not wait for 100,000 files.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::load::archive::{Archive, Entry};
use crate::load::{self, Diagnostic, Found, Loaded, Severity, Texts};
use crate::model::Record;

/// Where the documents come from.
#[derive(Debug, Clone)]
pub enum Input {
    /// The seed documents bundled in the binary.
    Seeds,
    /// Files and folders given by the user.
    Paths(Vec<PathBuf>),
}

impl Input {
    /// No path means the bundled seeds.
    pub fn from_paths(paths: Vec<PathBuf>) -> Input {
        if paths.is_empty() {
            Input::Seeds
        } else {
            Input::Paths(paths)
        }
    }
}

/// One file to load.
#[derive(Debug, Clone)]
enum Job {
    File(PathBuf),
    Embedded(String, &'static [u8]),
    /// An entry of a zip archive, and its source.
    Entry(Arc<Archive>, Entry, String),
}

impl Job {
    fn load(&self, today: NaiveDate) -> Loaded {
        self.load_if(today, &|_| true, Texts::Keep)
    }

    fn load_if(
        &self,
        today: NaiveDate,
        wanted: &(dyn Fn(&str) -> bool + Sync),
        texts: Texts<'_>,
    ) -> Loaded {
        match self {
            Job::File(path) => load::load_file_if(path, today, wanted, texts),
            Job::Embedded(source, bytes) => {
                load::load_bytes_if(source, bytes, today, wanted, texts)
            }
            Job::Entry(archive, entry, source) => {
                load::load_entry_if(archive, entry, source, today, wanted, texts)
            }
        }
    }
}

/// Goes through every file of `input` in parallel without keeping it:
/// each file whose text `wanted` accepts is parsed and handed to `visit`
/// on the worker thread, and only what `visit` returns is kept, in file
/// order. The command line's way through a corpus larger than it needs to
/// hold: `check` keeps diagnostics (and asks for no texts: [`Texts::Drop`]),
/// `search` the lines it prints. The paths that could not be listed come
/// first, as diagnostics.
pub fn scan<T: Send>(
    input: &Input,
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    texts: Texts<'_>,
    visit: impl Fn(Loaded) -> T + Sync,
) -> (Vec<Diagnostic>, Vec<T>) {
    load_listed(input, |job| visit(job.load_if(today, wanted, texts)))
}

/// Runs `work` on every file of `input` in parallel while the files are
/// still being listed, and returns the results in file order after the
/// problems met listing them. Listing 100,000 files keeps a core busy for a
/// tenth of a second; the loaders start on the first file instead of
/// waiting for the last.
fn load_listed<T: Send>(
    input: &Input,
    work: impl Fn(Job) -> T + Sync,
) -> (Vec<Diagnostic>, Vec<T>) {
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        let lister = scope.spawn(move || list_ranked(input, &sender));
        let mut results: Vec<(usize, T)> = receiver
            .into_iter()
            .par_bridge()
            .map(|(rank, job)| (rank, work(job)))
            .collect();
        let (_, problems) = lister
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        results.sort_unstable_by_key(|&(rank, _)| rank);
        (problems, results.into_iter().map(|(_, t)| t).collect())
    })
}

/// Hands the files of `input` to `job`, in order, as they are found;
/// `job` returns `false` to stop. How many files were handed over, and the
/// problems met listing them.
fn list(input: &Input, job: &mut dyn FnMut(Job) -> bool) -> (usize, Vec<Diagnostic>) {
    let mut count = 0;
    let mut counted = |next: Job| {
        count += 1;
        job(next)
    };
    let problems = match input {
        Input::Seeds => {
            for (source, bytes) in crate::seeds::documents() {
                if !counted(Job::Embedded(source, bytes)) {
                    break;
                }
            }
            Vec::new()
        }
        Input::Paths(paths) => {
            let mut in_archives = Vec::new();
            let mut problems = load::walk(paths, &mut |found| match found {
                Found::File(path) => counted(Job::File(path)),
                Found::Archive(path) => {
                    let source = load::source::source(&path);
                    match Archive::open(&path, &source) {
                        Ok((archive, problem)) => {
                            in_archives.extend(problem);
                            let archive = Arc::new(archive);
                            archive.entries().into_iter().all(|(entry, source)| {
                                counted(Job::Entry(Arc::clone(&archive), entry, source))
                            })
                        }
                        Err(problem) => {
                            in_archives.push(problem);
                            true
                        }
                    }
                }
            });
            problems.extend(in_archives);
            problems
        }
    };
    (count, problems)
}

/// What a cache keeps apart and stamps: a file, or an entry of an archive
/// (stamped by its archive, which is the file that changes).
#[derive(Debug, Clone)]
pub struct Unit {
    /// The source its records and diagnostics name.
    pub source: String,
    /// The file it is read from: the archive, for an entry.
    pub path: PathBuf,
    job: Job,
}

impl Unit {
    /// Its records and diagnostics.
    pub fn load(&self, today: NaiveDate, texts: Texts<'_>) -> Loaded {
        self.job.load_if(today, &|_| true, texts)
    }
}

impl Job {
    /// The source its records name and the file it is read from; `None`
    /// for a seed, which is in the binary.
    fn unit(&self) -> Option<(String, PathBuf)> {
        match self {
            Job::File(path) => Some((load::source::source(path), path.clone())),
            Job::Embedded(..) => None,
            Job::Entry(archive, _, source) => Some((source.clone(), archive.path().to_owned())),
        }
    }
}

/// The units of `paths`, in listing order, and the problems met listing
/// them (an archive that cannot be read among them).
pub fn units(paths: &[PathBuf]) -> (Vec<Unit>, Vec<Diagnostic>) {
    let mut units = Vec::new();
    let (_, problems) = list(&Input::Paths(paths.to_vec()), &mut |job| {
        if let Some((source, path)) = job.unit() {
            units.push(Unit { source, path, job });
        }
        true
    });
    (units, problems)
}

/// [`list`], each file sent to `jobs` with its rank in the listing (from
/// 1), until nobody receives.
fn list_ranked(input: &Input, jobs: &mpsc::Sender<(usize, Job)>) -> (usize, Vec<Diagnostic>) {
    let mut rank = 0;
    list(input, &mut |job| {
        rank += 1;
        jobs.send((rank, job)).is_ok()
    })
}

/// Records and diagnostics of a set of files.
#[derive(Debug, Default)]
pub struct Corpus {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files read, including those that failed.
    pub files: usize,
    /// Files with at least one error.
    pub failed_files: usize,
}

impl Corpus {
    /// Loads every file of `input`, in parallel, in a stable order.
    pub fn load(input: &Input, today: NaiveDate) -> Corpus {
        let (problems, loaded) = load_listed(input, |job| job.load(today));
        Corpus::from_files(problems, loaded)
    }

    /// The corpus of files already loaded (and perhaps thinned, as
    /// [`scan`] callers do), after the problems met listing them.
    pub fn from_files(
        problems: Vec<Diagnostic>,
        files: impl IntoIterator<Item = Loaded>,
    ) -> Corpus {
        let mut corpus = Corpus::default();
        corpus.add_problems(problems);
        for file in files {
            corpus.add(file);
        }
        corpus
    }

    /// Adds one file's results.
    pub fn add(&mut self, file: Loaded) {
        self.files += 1;
        if file.has_errors() {
            self.failed_files += 1;
        }
        self.records.extend(file.records);
        self.diagnostics.extend(file.diagnostics);
    }

    /// Adds what was met listing the paths: a path that could not be
    /// listed counts as a failed file; a warning (a folder without .txt
    /// files) only says so.
    pub fn add_problems(&mut self, problems: Vec<Diagnostic>) {
        let failed = problems
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        self.files += failed;
        self.failed_files += failed;
        self.diagnostics.extend(problems);
    }

    /// Counts of errors and warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }
}

mod on_demand;
mod stream;

pub use on_demand::{cached, looked_up, reload, with_texts};
pub use stream::{BATCH, CacheHandle, Cached, Progress, background, open, stream};

#[cfg(test)]
mod tests;
