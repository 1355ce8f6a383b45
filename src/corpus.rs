//! A loaded collection of records: what the reader and the commands work on.
//!
//! Files are decoded and parsed in parallel (rayon), one task per file,
//! since a file is the unit that fails alone. The command line waits for
//! the whole corpus, in a stable order; the reader streams it instead
//! ([`stream`]), so that its first screen does not wait for 100,000 files.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::cache::write::{FilePart, encode};
use crate::cache::{self, Cache, FileEntry, Notice, Refusal, Stamp};
use crate::load::archive::{Archive, Entry};
use crate::load::{self, Diagnostic, Found, Loaded, Severity, Texts};
use crate::model::Record;
use crate::search::Index;

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

/// What a background load reports.
#[derive(Debug)]
pub enum Progress {
    /// Every file to load has been found: how many, and the paths that
    /// failed. Files are loaded while they are listed, so some may have
    /// been reported already.
    Listed {
        files: usize,
        problems: Vec<Diagnostic>,
    },
    /// Files loaded, at most [`BATCH`] at a time, each with its rank in
    /// the listing (from 1), their records without their texts (which
    /// [`Progress::Texts`] brings).
    Files(Vec<(usize, Loaded)>),
    /// Every file is loaded: every record is listed.
    Done,
    /// The records again, with their texts, in file order (rank, then
    /// line): see [`stream`].
    Texts(Vec<Record>),
    /// Instead of all the above, the corpus from its cache ([`open`]):
    /// every record, without its texts (read when wanted), and its index.
    Cached(Box<Cached>),
    /// Before [`Progress::Texts`], when a cache is to be written: the
    /// index, once built over the records of `Texts`, goes to `index`.
    CacheWanted(CacheHandle),
    /// A notice about the cache (one that could not be used).
    Notice(Notice),
}

/// A corpus taken from its cache.
#[derive(Debug)]
pub struct Cached {
    pub corpus: Corpus,
    pub index: Index,
    /// The answers' fingerprints, one a record ([`crate::families`]).
    pub fingerprints: Vec<Option<crate::families::Signature>>,
    /// What to say about the cache now.
    pub notices: Vec<Notice>,
    /// What to say later (the cache written again could not be).
    pub later: mpsc::Receiver<Notice>,
}

/// Where a reader sends its index for the cache to be written, and hears
/// how that went.
#[derive(Debug)]
pub struct CacheHandle {
    pub index: Option<mpsc::Sender<Index>>,
    pub notices: mpsc::Receiver<Notice>,
}

/// How many loaded files [`stream`] sends at once.
pub const BATCH: usize = 64;

/// Loads `input` on a background thread, in two passes. The first lists:
/// it parses every file without keeping its texts, as `check` does, and
/// reports a batch of files at a time — the receiver sees every file once,
/// in completion order, in `Files`, `Listed` among them once the listing
/// is over, then `Done`. The second loads the files that had records again
/// with their texts and sends all the records at once, in file order, in
/// `Texts`. Keeping 600 MB of texts costs a tenth of a second of page
/// faults per 100 MB that the first pass does not pay, so 100,000 files
/// are listed in about the time `check` takes; a record wanted before its
/// texts arrive is loaded alone ([`reload`]). Dropping the receiver
/// during the first pass stops the work early (within a batch), and there
/// is no second pass. The reader must know the records come without texts
/// first ([`crate::tui::app::AwaitingTexts`]).
pub fn stream(input: Input, today: NaiveDate) -> mpsc::Receiver<Progress> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || background(|| load_twice(input, today, &sender, false)));
    receiver
}

/// What a first open gives for its cache: the files' parts, where the
/// reader's index comes, where to tell it how writing went.
type ForCache = (Vec<FilePart>, mpsc::Receiver<Index>, mpsc::Sender<Notice>);

/// [`stream`], from the cache of `input`'s paths when there is one
/// ([`crate::cache`]): its records and index come at once in
/// [`Progress::Cached`], files changed since read again. Without a
/// usable cache, the files are loaded as [`stream`] does, and the cache
/// is written once the reader has built the index
/// ([`Progress::CacheWanted`]). `cache` is `None` for `--no-cache` (or
/// without a cache folder); the bundled seeds are never cached.
pub fn open(input: Input, today: NaiveDate, cache: Option<Cache>) -> mpsc::Receiver<Progress> {
    let cache = cache.filter(|_| matches!(input, Input::Paths(_)));
    let Some(cache) = cache else {
        return stream(input, today);
    };
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        match background(|| cache::open(&cache, today)) {
            Ok(opened) => {
                let (tell, later) = mpsc::channel();
                let notices = (opened.reread > 0)
                    .then_some(Notice::Reread(opened.reread))
                    .into_iter()
                    .collect();
                let shared = opened.update.as_ref().map(|_| opened.index.share());
                let cached = Cached {
                    corpus: opened.corpus,
                    index: opened.index,
                    fingerprints: opened.fingerprints,
                    notices,
                    later,
                };
                if sender.send(Progress::Cached(Box::new(cached))).is_err() {
                    return;
                }
                if let (Some(update), Some(index)) = (opened.update, shared) {
                    report(&cache, update.write(&cache, &index), &tell);
                }
                return;
            }
            Err(Refusal::Missing) => {}
            Err(why) => {
                let _ = sender.send(Progress::Notice(Notice::Rebuilt(why)));
            }
        }
        let Some((parts, index, tell)) = background(|| load_twice(input, today, &sender, true))
        else {
            return;
        };
        // The reader sends its index once built; gone before, no cache.
        if let Ok(index) = index.recv() {
            report(&cache, cache::write::write(&cache, &parts, &index), &tell);
        }
    });
    receiver
}

/// The corpus of `input` from its cache, for a command: `None` when
/// `use_cache` is off, for the seeds, or when there is no usable cache
/// (a command neither writes nor rebuilds one: the reader does).
pub fn cached(input: &Input, today: NaiveDate, use_cache: bool) -> Option<cache::Opened> {
    let Input::Paths(paths) = input else {
        return None;
    };
    let cache = Cache::for_paths(paths).filter(|_| use_cache)?;
    cache::open(&cache, today).ok()
}

/// What the cache of `input`'s paths says of `query`'s matches without
/// decoding a record ([`cache::lookup`]), when it answers it alone; `None`
/// without a usable cache, or for a query it cannot answer alone.
pub fn looked_up(
    input: &Input,
    query: &crate::search::Query,
    use_cache: bool,
) -> Option<cache::Lookup> {
    let Input::Paths(paths) = input else {
        return None;
    };
    let cache = Cache::for_paths(paths).filter(|_| use_cache)?;
    cache::lookup(&cache, query).ok().flatten()
}

/// Tells the reader when a cache could not be written.
fn report(
    cache: &Cache,
    written: std::io::Result<cache::file::Written>,
    tell: &mpsc::Sender<Notice>,
) {
    if let Err(e) = written {
        let dir = cache.path.parent().map(Into::into).unwrap_or_default();
        let _ = tell.send(Notice::Unwritable(dir, e));
    }
}

/// Runs `work` on the threads of the reader's background work (loading,
/// then indexing), not on rayon's global pool: that one stays free for
/// what answers a key (the filter), which would otherwise wait behind every
/// file of a load before its first task ran (2 s for a keystroke,
/// measured). Indexing runs here too, on the threads that allocated the
/// texts: on other threads, the allocator's other arenas raised the
/// reader's peak memory by 50 MB.
pub fn background<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("background-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// [`stream`]'s work, on the thread and pool it is given. With `cached`,
/// the second pass loads every file (those without records too), each
/// stamped before it is read, and gives what a cache is written from.
fn load_twice(
    input: Input,
    today: NaiveDate,
    sender: &mpsc::Sender<Progress>,
    cached: bool,
) -> Option<ForCache> {
    let (jobs, queue) = mpsc::channel();
    let lister = sender.clone();
    // The files that had records, to load again with their texts (with a
    // cache to write, every file).
    let with_records = std::sync::Mutex::new(Vec::new());
    let gone = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let (files, problems) = list_ranked(&input, &jobs);
            // Before the queue closes, so before `Done`.
            let _ = lister.send(Progress::Listed { files, problems });
            drop(jobs);
        });
        // Only parsing: the reader lists records as they come and indexes
        // them once their texts are in (`App::index_step`). Files go in
        // batches: a message per file would wake the reader 100,000
        // times. A worker's first file goes alone, for the first screen.
        // Once the reader is gone, the files left are not loaded.
        let send = |files: Vec<(usize, Loaded)>| {
            if sender.send(Progress::Files(files)).is_err() {
                gone.store(true, Ordering::Relaxed);
            }
        };
        queue
            .into_iter()
            .par_bridge()
            .filter(|_| !gone.load(Ordering::Relaxed))
            .map(|(rank, job): (usize, Job)| {
                let file = job.load_if(today, &|_| true, Texts::Drop);
                if cached || !file.records.is_empty() {
                    with_records
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((rank, job));
                }
                (rank, file)
            })
            .fold(Vec::new, |mut batch: Vec<(usize, Loaded)>, file| {
                let first = batch.capacity() == 0;
                batch.push(file);
                if first || batch.len() == BATCH {
                    send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                }
                batch
            })
            .filter(|rest| !rest.is_empty())
            .for_each(send);
    });
    if sender.send(Progress::Done).is_err() || gone.load(Ordering::Relaxed) {
        return None;
    }
    let mut jobs = with_records.into_inner().unwrap_or_else(|e| e.into_inner());
    jobs.sort_unstable_by_key(|&(rank, _)| rank);
    if !cached {
        let records: Vec<Record> = jobs
            .par_iter()
            .flat_map_iter(|(_, job)| job.load(today).records)
            .collect();
        let _ = sender.send(Progress::Texts(records));
        return None;
    }
    let (files, parts): (Vec<Vec<Record>>, Vec<FilePart>) = jobs
        .par_iter()
        .map(|(_, job)| {
            let (source, stamp) = match job.unit() {
                Some((source, path)) => (source, Stamp::of(&path)),
                None => match job {
                    Job::Embedded(source, _) => (source.clone(), None),
                    _ => (String::new(), None),
                },
            };
            let mut file = job.load(today);
            let records = encode(&mut file.records);
            let entry = FileEntry {
                source,
                stamp,
                records: u32::try_from(file.records.len()).unwrap_or(u32::MAX),
                diagnostics: file.diagnostics,
            };
            (file.records, FilePart { entry, records })
        })
        .unzip();
    let (index, wanted) = mpsc::channel();
    let (tell, notices) = mpsc::channel();
    let handle = CacheHandle {
        index: Some(index),
        notices,
    };
    if sender.send(Progress::CacheWanted(handle)).is_err() {
        return None;
    }
    let records: Vec<Record> = files.into_iter().flatten().collect();
    let _ = sender.send(Progress::Texts(records));
    Some((parts, wanted, tell))
}

/// Loads again, with its texts, the file `source` of `input` came from: for
/// a record the reader shows before [`Progress::Texts`] has brought it.
/// `None` when no file of `input` has that name.
pub fn reload(input: &Input, source: &str, today: NaiveDate) -> Option<Loaded> {
    let job = match input {
        Input::Seeds => crate::seeds::documents()
            .into_iter()
            .find(|(name, _)| name == source)
            .map(|(name, bytes)| Job::Embedded(name, bytes))?,
        Input::Paths(_) => match load::archive::split_source(source) {
            Some((path, _)) => {
                let archive_source = load::source::source(&path);
                let (archive, _) = Archive::open(&path, &archive_source).ok()?;
                let entry = archive.find(source)?;
                Job::Entry(Arc::new(archive), entry, source.to_owned())
            }
            None => Job::File(load::source::path(source)),
        },
    };
    Some(job.load(today))
}

/// `record` with its texts, read again from its file (the one function
/// that knows where a record's texts are: see [`reload`]); `None` when
/// the file is gone or no longer holds it.
pub fn with_texts(input: &Input, record: &Record, today: NaiveDate) -> Option<Record> {
    reload(input, &record.source, today)?
        .records
        .into_iter()
        .find(|r| r.line == record.line && r.id == record.id)
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
        let mut listed = Corpus::default();
        let mut done = false;
        let mut texts = None;
        for progress in rx {
            match progress {
                Progress::Listed { files, .. } => assert_eq!(files, 1),
                Progress::Files(files) => files.into_iter().for_each(|(rank, f)| {
                    assert_eq!(rank, 1);
                    listed.add(f);
                }),
                Progress::Done => done = true,
                Progress::Texts(records) => {
                    assert!(done, "texts come after every file is listed");
                    texts = Some(records);
                }
                other => panic!("no cache without one asked for: {other:?}"),
            }
        }
        let whole = Corpus::load(&Input::Seeds, today()).records;
        assert_eq!(texts, Some(whole.clone()));
        // Listed first without texts, the same records otherwise.
        assert_eq!(listed.records.len(), whole.len());
        for (bare, full) in listed.records.iter().zip(&whole) {
            assert!(bare.question.text.is_empty());
            assert!(!full.question.text.is_empty());
            assert_eq!(
                (&bare.id, bare.status, bare.line),
                (&full.id, full.status, full.line)
            );
        }
    }

    #[test]
    fn files_loaded_while_listed_keep_the_listing_order() {
        let fixtures =
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
        let mut listed = Vec::new();
        load::walk(std::slice::from_ref(&fixtures), &mut |found| {
            match found {
                Found::File(path) | Found::Archive(path) => listed.push(path),
            }
            true
        });
        let input = Input::Paths(vec![fixtures]);
        let (_, sources) = scan(&input, today(), &|_| true, Texts::Drop, |file| {
            file.records.first().map(|r| r.source.clone())
        });
        let listed: Vec<String> = listed.iter().map(|p| p.display().to_string()).collect();
        assert!(listed.len() > 10);
        assert!(listed.is_sorted());
        let sources: Vec<String> = sources.into_iter().flatten().collect();
        let expected: Vec<&String> = listed.iter().filter(|p| sources.contains(p)).collect();
        assert_eq!(sources.iter().collect::<Vec<_>>(), expected);
        assert!(sources.len() > 10);
    }

    #[test]
    fn an_archive_entry_streams_then_reloads_with_its_texts() {
        let zip = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/an/zip/legislature.zip"
        ));
        let input = Input::Paths(vec![zip]);
        let whole = Corpus::load(&input, today());
        assert_eq!(whole.records.len(), 4);
        let last = whole.records.last().unwrap();
        assert!(
            last.source
                .ends_with("legislature.zip!/json/QANR5L17QE5268.json")
        );
        let again = reload(&input, &last.source, today()).unwrap();
        assert_eq!(again.records, vec![last.clone()]);
        assert!(!again.records[0].question.text.is_empty());
        let other = last.source.replace("QANR5L17QE5268", "none");
        assert!(reload(&input, &other, today()).is_none());
        // Streamed: without texts first, then with them.
        let mut texts = None;
        for progress in stream(input, today()) {
            if let Progress::Texts(records) = progress {
                texts = Some(records);
            }
        }
        assert_eq!(texts, Some(whole.records));
    }

    #[test]
    fn a_missing_path_is_a_failed_file() {
        let corpus = Corpus::load(&Input::Paths(vec!["/nonexistent/x.txt".into()]), today());
        assert_eq!((corpus.files, corpus.failed_files), (1, 1));
        assert_eq!(corpus.counts(), (1, 0));
    }
}
