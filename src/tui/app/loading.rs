//! Taking in a corpus while the reader runs: records arrive file by file
//! from the background loader, without their texts, are listed at once,
//! then sorted into file order; their texts come next, all at once, and
//! then they are indexed in short batches between key presses. A record
//! selected before its texts have come is loaded again alone.

use std::collections::HashSet;

use super::{App, Loading};
use crate::corpus::{self, Input, Progress};
use crate::load::Loaded;
use crate::model::Record;

/// How many records [`App::index_step`] indexes at a time.
const INDEX_BATCH: usize = 512;

/// Records listed without their texts, which the loader sends later.
#[derive(Debug)]
pub struct AwaitingTexts {
    /// Where the records come from, to load one again.
    input: Input,
    /// The ids of the records loaded again with their texts.
    reloaded: HashSet<String>,
}

impl AwaitingTexts {
    pub fn new(input: Input) -> AwaitingTexts {
        AwaitingTexts {
            input,
            reloaded: HashSet::new(),
        }
    }
}

impl App {
    /// Takes in what the background loader reports.
    pub fn on_progress(&mut self, progress: Progress) {
        match progress {
            Progress::Listed { files, problems } => {
                self.corpus.add_problems(problems);
                let loading = self.loading.get_or_insert(Loading {
                    files: None,
                    done: 0,
                });
                loading.files = Some(files);
            }
            Progress::Files(files) => {
                for (rank, file) in files {
                    self.take_file(rank, file);
                }
            }
            Progress::Done => {
                self.loading = None;
                // Records coming again with their texts are sorted then.
                if self.awaiting_texts.is_none() {
                    self.sort_records();
                }
            }
            Progress::Texts(records) => self.take_texts(records),
        }
    }

    /// Lists the records of one loaded file (those the filter keeps);
    /// `rank` is the file's place in the listing.
    fn take_file(&mut self, rank: usize, file: Loaded) {
        let start = self.corpus.records.len();
        self.corpus.add(file);
        let end = self.corpus.records.len();
        self.file_ranks.resize(end, rank);
        match &self.filter {
            None => self.shown.extend(start..end),
            Some(filter) => {
                let records = &self.corpus.records;
                self.shown
                    .extend((start..end).filter(|&i| filter.query.matches(&records[i])));
            }
        }
        if start == 0 && end > 0 {
            self.ensure_texts();
            self.refresh_matches();
        }
        if let Some(loading) = self.loading.as_mut() {
            loading.done += 1;
        }
    }

    /// Puts the records that came with their texts, in file order, in
    /// place of those listed without, in the order they arrived. Unless
    /// files changed between the two loads, they are the same records, so
    /// the list (sorted like them) and the selection stay; a list filter is
    /// applied again, since it could not see the texts.
    fn take_texts(&mut self, records: Vec<Record>) {
        if self.awaiting_texts.take().is_none() {
            return;
        }
        let order = self.rank_order();
        let listed = &self.corpus.records;
        let same = records.len() == listed.len()
            && records
                .iter()
                .zip(&order)
                .all(|(record, &old)| record.id == listed[old].id);
        if same {
            self.corpus.records = records;
            self.reorder(&order);
        } else {
            let selected = self.current().map(|r| r.id.clone());
            self.corpus.records = records;
            self.index = crate::search::Index::new();
            self.next_tokens = None;
            self.forget_texts();
            self.shown = (0..self.corpus.records.len()).collect();
            self.selected = selected
                .and_then(|id| self.corpus.records.iter().position(|r| r.id == id))
                .unwrap_or(0);
            self.scroll = [0, 0];
            self.selection = None;
            self.keep_selection_visible();
        }
        match self.filter.as_ref().map(|f| f.text.clone()) {
            Some(text) => self.apply_filter(&text),
            None => self.refresh_matches(),
        }
    }

    /// Loads the selected record again, with its texts, if they have not
    /// come yet: a single file, so at once.
    pub(super) fn ensure_texts(&mut self) {
        let Some(i) = self.current_index() else {
            return;
        };
        let Some(awaiting) = self.awaiting_texts.as_mut() else {
            return;
        };
        let record = &self.corpus.records[i];
        if !awaiting.reloaded.insert(record.id.clone()) {
            return;
        }
        let full = corpus::reload(&awaiting.input, &record.source, self.today)
            .and_then(|file| file.records.into_iter().find(|r| r.id == record.id));
        if let Some(full) = full {
            self.corpus.records[i] = full;
            self.forget_texts();
            self.refresh_matches();
        }
    }

    /// Drops what was computed from the texts shown.
    fn forget_texts(&mut self) {
        *self.wraps.borrow_mut() = [None, None];
        *self.sentence_cache.borrow_mut() = [None, None];
    }

    /// Whether records wait to be indexed: loading is over, texts
    /// included, and the index covers fewer records than are loaded.
    pub fn indexing(&self) -> bool {
        self.loading.is_none()
            && self.awaiting_texts.is_none()
            && self.index.len() < self.corpus.records.len()
    }

    /// Indexes the next batch of records: adds the batch whose tokens are
    /// ready while the next batch's tokens are prepared, in parallel. A
    /// step takes a few tens of milliseconds, so that keys stay answered
    /// between steps. Records are listed and filterable before they are
    /// indexed (the filter tests the others one by one); the index makes
    /// the filter fast.
    pub fn index_step(&mut self) {
        use crate::search::Tokens;
        use rayon::prelude::*;
        let records = &self.corpus.records;
        let start = self.index.len();
        let end = (start + INDEX_BATCH).min(records.len());
        let prepare = |range: std::ops::Range<usize>| -> (usize, Vec<Tokens>) {
            (
                range.start,
                records[range].par_iter().map(Tokens::new).collect(),
            )
        };
        let tokens = match self.next_tokens.take() {
            Some((at, tokens)) if at == start && tokens.len() == end - start => tokens,
            _ => prepare(start..end).1,
        };
        let next = end..(end + INDEX_BATCH).min(records.len());
        let index = &mut self.index;
        let (prepared, ()) = rayon::join(
            || (!next.is_empty()).then(|| prepare(next)),
            || {
                for (record, tokens) in records[start..end].iter().zip(&tokens) {
                    index.add(record, tokens);
                }
            },
        );
        self.next_tokens = prepared;
        if end == records.len() {
            self.index.shrink();
        }
    }

    /// Files load in parallel and arrive in any order; once all are in,
    /// records take the order of their files in the listing (the order of
    /// the command line's output), keeping the selected record selected.
    fn sort_records(&mut self) {
        let order = self.rank_order();
        let mut records: Vec<Option<Record>> = std::mem::take(&mut self.corpus.records)
            .into_iter()
            .map(Some)
            .collect();
        self.corpus.records.reserve_exact(order.len());
        for &old in &order {
            if let Some(record) = records[old].take() {
                self.corpus.records.push(record);
            }
        }
        self.reorder(&order);
    }

    /// The records in file order, as positions in their arrival order:
    /// `order[new] = old`. A file's records arrive together and in order,
    /// so a stable sort by the file's rank is enough (comparing paths would
    /// cost a cache miss per comparison).
    fn rank_order(&mut self) -> Vec<usize> {
        let ranks = std::mem::take(&mut self.file_ranks);
        let mut order: Vec<usize> = (0..self.corpus.records.len()).collect();
        order.sort_by_key(|&i| ranks.get(i).copied().unwrap_or(usize::MAX));
        order
    }

    /// Follows the records, now in `order` (`order[new] = old`), with the
    /// list, the selection and the diagnostics.
    fn reorder(&mut self, order: &[usize]) {
        let selected = self.current_index();
        let mut new_of_old = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old] = new;
        }
        // The index covers records in the order they were added: it is
        // built after this sort (`index_step`), so anything it held is stale.
        self.index = crate::search::Index::new();
        self.next_tokens = None;
        self.corpus
            .diagnostics
            .sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
        let mut shown: Vec<usize> = self.shown.iter().map(|&old| new_of_old[old]).collect();
        shown.sort_unstable();
        self.shown = shown;
        self.forget_texts();
        self.selected = selected
            .and_then(|old| self.shown.binary_search(&new_of_old[old]).ok())
            .unwrap_or(0);
        self.keep_selection_visible();
        self.ensure_texts();
    }
}
