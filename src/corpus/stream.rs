//! The reader's load, streamed: the records listed as files are parsed,
//! then again with their texts, then (with a cache) the cache written once
//! the index is built; or everything taken from a valid cache.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{Corpus, Input, Job, list_ranked};
use crate::cache::write::{FilePart, encode};
use crate::cache::{self, Cache, FileEntry, Notice, Refusal, Stamp};
use crate::load::{Diagnostic, Loaded, Texts};
use crate::model::Record;
use crate::search::Index;

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
