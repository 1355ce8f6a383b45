//! What is asked of a corpus after its load: a record's texts read again
//! from its file, and, for a command, the corpus or a query's answer from
//! the cache of its paths.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{Input, Job};
use crate::cache::{self, Cache};
use crate::load::archive::Archive;
use crate::load::{self, Loaded};
use crate::model::Record;

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
