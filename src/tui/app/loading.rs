//! Taking in a corpus while the reader runs: records arrive file by file
//! from the background loader, are listed at once, then sorted into file
//! order and indexed in short batches between key presses.

use super::{App, Loading};
use crate::corpus::Progress;
use crate::model::Record;

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
                for file in files {
                    self.take_file(file);
                }
            }
            Progress::Done => {
                self.loading = None;
                self.sort_records();
            }
        }
    }

    /// Lists the records of one loaded file (those the filter keeps).
    fn take_file(&mut self, file: crate::load::Loaded) {
        let start = self.corpus.records.len();
        self.corpus.add(file);
        let end = self.corpus.records.len();
        match &self.filter {
            None => self.shown.extend(start..end),
            Some(filter) => {
                let records = &self.corpus.records;
                self.shown
                    .extend((start..end).filter(|&i| filter.query.matches(&records[i])));
            }
        }
        if start == 0 && end > 0 {
            self.refresh_matches();
        }
        if let Some(loading) = self.loading.as_mut() {
            loading.done += 1;
        }
    }

    /// Whether records wait to be indexed: loading is over and the index
    /// covers fewer records than are loaded.
    pub fn indexing(&self) -> bool {
        self.loading.is_none() && self.index.len() < self.corpus.records.len()
    }

    /// Indexes the next batch of records, tokens in parallel: a few tens of
    /// milliseconds, so that keys stay answered between batches. Records
    /// are listed and filterable before they are indexed (the filter tests
    /// the others one by one); the index makes the filter fast.
    pub fn index_step(&mut self) {
        use rayon::prelude::*;
        let start = self.index.len();
        let end = (start + 2048).min(self.corpus.records.len());
        let batch = &self.corpus.records[start..end];
        let tokens: Vec<crate::search::Tokens> =
            batch.par_iter().map(crate::search::Tokens::new).collect();
        for (record, tokens) in batch.iter().zip(&tokens) {
            self.index.add(record, tokens);
        }
        if end == self.corpus.records.len() {
            self.index.shrink();
        }
    }

    /// Files load in parallel and arrive in any order; once all are in,
    /// records take the order of their files (sorted paths) and lines,
    /// keeping the selected record selected.
    fn sort_records(&mut self) {
        let records = &self.corpus.records;
        let mut order: Vec<usize> = (0..records.len()).collect();
        order.sort_by(|&a, &b| {
            (&records[a].source, records[a].line).cmp(&(&records[b].source, records[b].line))
        });
        let selected = self.current_index();
        // `order[new] = old`.
        let mut new_of_old = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old] = new;
        }
        let mut records: Vec<Option<Record>> = std::mem::take(&mut self.corpus.records)
            .into_iter()
            .map(Some)
            .collect();
        for &old in &order {
            if let Some(record) = records[old].take() {
                self.corpus.records.push(record);
            }
        }
        // The index covers records in the order they were added: it is
        // built after this sort (`index_step`), so anything it held is stale.
        self.index = crate::search::Index::new();
        self.corpus
            .diagnostics
            .sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
        let mut shown: Vec<usize> = self.shown.iter().map(|&old| new_of_old[old]).collect();
        shown.sort_unstable();
        self.shown = shown;
        *self.wraps.borrow_mut() = [None, None];
        *self.sentence_cache.borrow_mut() = [None, None];
        let position = selected
            .and_then(|old| self.shown.binary_search(&new_of_old[old]).ok())
            .unwrap_or(0);
        self.selected = position;
        self.keep_selection_visible();
    }
}
