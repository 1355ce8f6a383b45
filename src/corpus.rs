//! A loaded collection of records: what the reader and the commands work on.
//!
//! Files are decoded and parsed in parallel (rayon), one task per file,
//! since a file is the unit that fails alone. The command line waits for
//! the whole corpus, in a stable order; the reader streams it instead
//! ([`stream`]), so that its first screen does not wait for 100,000 files.

use std::path::PathBuf;
use std::sync::mpsc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::load::{self, Diagnostic, Loaded, Severity};
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
}

impl Job {
    fn load(&self, today: NaiveDate) -> Loaded {
        self.load_if(today, &|_| true, true)
    }

    fn load_if(
        &self,
        today: NaiveDate,
        wanted: &(dyn Fn(&str) -> bool + Sync),
        with_texts: bool,
    ) -> Loaded {
        match self {
            Job::File(path) => load::load_file_if(path, today, wanted, with_texts),
            Job::Embedded(source, bytes) => {
                load::load_bytes_if(source, bytes, today, wanted, with_texts)
            }
        }
    }
}

/// Goes through every file of `input` in parallel without keeping it:
/// each file whose text `wanted` accepts is parsed and handed to `visit`
/// on the worker thread, and only what `visit` returns is kept, in file
/// order. The command line's way through a corpus larger than it needs to
/// hold: `check` keeps diagnostics (and asks for no texts: `with_texts`),
/// `search` the lines it prints. The paths that could not be listed come
/// first, as diagnostics.
pub fn scan<T: Send>(
    input: &Input,
    today: NaiveDate,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    with_texts: bool,
    visit: impl Fn(Loaded) -> T + Sync,
) -> (Vec<Diagnostic>, Vec<T>) {
    let (jobs, problems) = jobs(input);
    let results = jobs
        .par_iter()
        .map(|job| visit(job.load_if(today, wanted, with_texts)))
        .collect();
    (problems, results)
}

/// The files of `input`, and the problems met finding them.
fn jobs(input: &Input) -> (Vec<Job>, Vec<Diagnostic>) {
    match input {
        Input::Seeds => (
            crate::seeds::documents()
                .into_iter()
                .map(|(source, bytes)| Job::Embedded(source, bytes))
                .collect(),
            Vec::new(),
        ),
        Input::Paths(paths) => {
            let (files, problems) = load::discover(paths);
            (files.into_iter().map(Job::File).collect(), problems)
        }
    }
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
        let (jobs, problems) = jobs(input);
        let loaded: Vec<Loaded> = jobs.par_iter().map(|job| job.load(today)).collect();
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

/// What a background load reports.
#[derive(Debug)]
pub enum Progress {
    /// The files to load are known: how many, and the paths that failed.
    Started {
        files: usize,
        problems: Vec<Diagnostic>,
    },
    /// One file loaded.
    File(Loaded),
    /// Everything is loaded.
    Done,
}

/// Loads `input` on a background thread, reporting file by file. The
/// receiver sees `Started`, then one `File` per file in completion order,
/// then `Done`. Dropping the receiver stops the work early.
pub fn stream(input: Input, today: NaiveDate) -> mpsc::Receiver<Progress> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let (jobs, problems) = jobs(&input);
        if sender
            .send(Progress::Started {
                files: jobs.len(),
                problems,
            })
            .is_err()
        {
            return;
        }
        // Only parsing: the reader lists records as they come and indexes
        // them once all are in (`App::index_step`).
        let _ = jobs
            .par_iter()
            .try_for_each_with(sender.clone(), |sender, job| {
                sender.send(Progress::File(job.load(today)))
            });
        let _ = sender.send(Progress::Done);
    });
    receiver
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    #[test]
    fn the_seeds_load() {
        let corpus = Corpus::load(&Input::Seeds, today());
        assert_eq!(corpus.records.len(), 1);
        assert_eq!(corpus.files, 1);
        assert_eq!(corpus.failed_files, 0);
        assert!(corpus.records[0].source.starts_with("seeds/"));
    }

    #[test]
    fn streaming_gives_the_same_records() {
        let rx = stream(Input::Seeds, today());
        let mut corpus = Corpus::default();
        let mut done = false;
        for progress in rx {
            match progress {
                Progress::Started { files, .. } => assert_eq!(files, 1),
                Progress::File(file) => corpus.add(file),
                Progress::Done => done = true,
            }
        }
        assert!(done);
        assert_eq!(corpus.records, Corpus::load(&Input::Seeds, today()).records);
    }

    #[test]
    fn a_missing_path_is_a_failed_file() {
        let corpus = Corpus::load(&Input::Paths(vec!["/nonexistent/x.txt".into()]), today());
        assert_eq!((corpus.files, corpus.failed_files), (1, 1));
        assert_eq!(corpus.counts(), (1, 0));
    }
}
