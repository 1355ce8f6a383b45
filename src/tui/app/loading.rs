//! Taking in a corpus while the reader runs: records arrive file by file
//! from the background loader, without their texts, are listed at once,
//! then sorted into file order; their texts come next, all at once, and
//! then they are indexed in short batches between key presses. A record
//! selected before its texts have come is loaded again alone: at once for
//! a file small enough to parse between two keys, on a thread of its own
//! for a larger one (one file can hold 200,000 documents: parsing it on
//! the reader's thread froze it, q included), its texts taken in when
//! they come ([`App::take_reloads`]). Nothing here costs more than
//! n log n in the records: a file's records are matched with their
//! reloaded selves by a walk through both in line order.

use std::collections::HashSet;
use std::sync::mpsc;

use super::{App, Loading};
use crate::corpus::{self, CacheHandle, Cached, Input, Progress};
use crate::load::Loaded;
use crate::model::Record;

/// How many records [`App::index_step`] indexes at a time.
const INDEX_BATCH: usize = 512;

/// A file larger than this is loaded again on a thread of its own: about
/// a millisecond of parsing, well within a keystroke.
const RELOAD_AT_ONCE: u64 = 1 << 20;

/// Records listed without their texts, which the loader sends later.
#[derive(Debug)]
pub struct AwaitingTexts {
    /// Where the records come from, to load a file again.
    input: Input,
    /// The files loaded again with their texts.
    reloaded: HashSet<String>,
    /// The loader stopped without sending them: records are read when
    /// opened, and there is no index.
    pub abandoned: bool,
    /// They never come: the records are from the cache, with an index,
    /// and each record's texts are read from its file when wanted.
    pub on_demand: bool,
    /// Large files loaded again on threads of their own send their
    /// records here, with their source.
    reloads: (mpsc::Sender<Reloaded>, mpsc::Receiver<Reloaded>),
}

/// A file loaded again, with its source.
type Reloaded = (String, Loaded);

impl AwaitingTexts {
    pub fn new(input: Input) -> AwaitingTexts {
        AwaitingTexts {
            input,
            reloaded: HashSet::new(),
            abandoned: false,
            on_demand: false,
            reloads: mpsc::channel(),
        }
    }

    /// Where the records come from.
    pub fn input(&self) -> &Input {
        &self.input
    }

    /// Whether the loader will still send them.
    pub fn coming(&self) -> bool {
        !self.abandoned && !self.on_demand
    }

    /// `record` with its texts, read from its file, when it has not got
    /// them ([`crate::search::Index::filter_with`]).
    pub fn fetcher(
        &self,
        today: chrono::NaiveDate,
    ) -> impl Fn(&Record) -> Option<Record> + Sync + '_ {
        let (input, reloaded) = (&self.input, &self.reloaded);
        move |record: &Record| {
            if reloaded.contains(&record.source) {
                return None;
            }
            corpus::with_texts(input, record, today)
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
            Progress::Cached(cached) => self.take_cached(*cached),
            Progress::CacheWanted(handle) => self.cache = Some(handle),
            Progress::Notice(notice) => self.fail(notice.render(self.lang)),
        }
    }

    /// Takes the corpus from its cache: every record at once, in file
    /// order, its texts to be read when wanted, the index ready.
    fn take_cached(&mut self, cached: Cached) {
        let Cached {
            corpus,
            index,
            fingerprints,
            notices,
            later,
        } = cached;
        self.corpus = corpus;
        self.index = index;
        self.loading = None;
        self.file_ranks = Vec::new();
        if let Some(awaiting) = self.awaiting_texts.as_mut() {
            awaiting.on_demand = true;
        }
        self.cache = Some(CacheHandle {
            index: None,
            notices: later,
        });
        self.shown = (0..self.corpus.records.len()).collect();
        self.sort_records_shown();
        self.selected = 0;
        self.scroll = [0, 0];
        self.selection = None;
        self.sort_diagnostics();
        self.forget_texts();
        self.forget_families();
        self.keep_selection_visible();
        self.ensure_texts();
        match self.filter.as_ref().map(|f| f.text.clone()) {
            Some(text) => self.apply_filter(&text),
            None => self.refresh_matches(),
        }
        self.families_from_fingerprints(fingerprints);
        if let Some(notice) = notices.first() {
            self.fail(notice.render(self.lang));
        }
    }

    /// Shows what the cache's writer had to say, if anything came;
    /// whether something did.
    pub fn take_notices(&mut self) -> bool {
        let Some(handle) = self.cache.as_ref() else {
            return false;
        };
        let Ok(notice) = handle.notices.try_recv() else {
            return false;
        };
        self.fail(notice.render(self.lang));
        true
    }

    /// The loader is gone. Normally its texts came before; if not (it
    /// failed), the records are put in file order and each is read when
    /// opened.
    pub fn loader_stopped(&mut self) {
        if self.loading.take().is_some() || !self.file_ranks.is_empty() {
            self.sort_records();
        }
        if let Some(awaiting) = self.awaiting_texts.as_mut()
            && awaiting.coming()
        {
            awaiting.abandoned = true;
            self.fail(self.lang.t().texts_abandoned.to_owned());
        }
    }

    /// Lists the records of one loaded file (those the filter keeps);
    /// `rank` is the file's place in the listing.
    fn take_file(&mut self, rank: usize, file: Loaded) {
        let start = self.corpus.records.len();
        let listed = self.shown.len();
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
        // The first record listed is the one on screen.
        if listed == 0 && !self.shown.is_empty() {
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
        self.awaiting_texts = None;
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
            // Files changed between the passes: the list afresh, the same
            // record selected if it is still there.
            let selected = self.current().map(|r| r.id.clone());
            self.corpus.records = records;
            self.shown = (0..self.corpus.records.len()).collect();
            self.sort_records_shown();
            let record = selected
                .and_then(|id| self.corpus.records.iter().position(|r| r.id == id))
                .filter(|_| self.moved);
            self.selected = 0;
            self.follow(record);
            self.scroll = [0, 0];
            self.selection = None;
            self.records_changed();
        }
        match self.filter.as_ref().map(|f| f.text.clone()) {
            Some(text) => self.apply_filter(&text),
            None => self.refresh_matches(),
        }
    }

    /// Loads the selected record's file again, with its texts, if they
    /// have not come yet: a small file at once, a large one on a thread of
    /// its own ([`App::take_reloads`]). Every record of the file gets its
    /// texts (a file's records sit together in the list).
    pub(super) fn ensure_texts(&mut self) {
        let Some(i) = self.current_index() else {
            return;
        };
        let Some(awaiting) = self.awaiting_texts.as_mut() else {
            return;
        };
        let source = &self.corpus.records[i].source;
        // Called on every move of the selection: no allocation to say no.
        if awaiting.reloaded.contains(source) {
            return;
        }
        let source = source.clone();
        awaiting.reloaded.insert(source.clone());
        let large = match &awaiting.input {
            Input::Seeds => false,
            Input::Paths(_) => std::fs::metadata(crate::load::source::path(&source))
                .is_ok_and(|meta| meta.len() > RELOAD_AT_ONCE),
        };
        if large {
            let (input, today) = (awaiting.input.clone(), self.today);
            let sender = awaiting.reloads.0.clone();
            std::thread::spawn(move || {
                if let Some(file) = corpus::reload(&input, &source, today) {
                    // The reader may have its texts already, or be gone.
                    let _ = sender.send((source, file));
                }
            });
            return;
        }
        let Some(file) = corpus::reload(&awaiting.input, &source, self.today) else {
            return;
        };
        self.fill_texts(Some(i), &source, file);
    }

    /// Takes in the files loaded again on their own threads; whether any
    /// came (the screen then needs drawing again).
    pub fn take_reloads(&mut self) -> bool {
        let noticed = self.take_notices();
        let Some(awaiting) = self.awaiting_texts.as_ref() else {
            return noticed;
        };
        let arrived: Vec<Reloaded> = awaiting.reloads.1.try_iter().collect();
        let any = !arrived.is_empty();
        for (source, file) in arrived {
            self.fill_texts(None, &source, file);
        }
        any || noticed
    }

    /// Gives the records of `source` the texts of `file`, its records
    /// loaded again; `near` is one of them, when known.
    fn fill_texts(&mut self, near: Option<usize>, source: &str, file: Loaded) {
        let records = &mut self.corpus.records;
        let Some(i) = near.or_else(|| records.iter().position(|r| r.source == source)) else {
            return;
        };
        let same_file = |j: &usize| records[*j].source == source;
        let first = (0..i).rev().take_while(same_file).last().unwrap_or(i);
        let end = (i..records.len())
            .take_while(same_file)
            .last()
            .map_or(i, |j| j + 1);
        fill(&mut records[first..end], file.records);
        self.forget_texts();
        self.refresh_matches();
    }

    /// Diagnostics arrive in the order files were loaded: put them in the
    /// order of their paths and lines.
    fn sort_diagnostics(&mut self) {
        self.corpus
            .diagnostics
            .sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));
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

    /// Indexes the next batch of records ([`crate::search::Index::add_batch`]),
    /// on the loader's threads: a few tens of milliseconds, so that keys
    /// stay answered between steps. Records are listed and filterable
    /// before they are indexed (the filter tests the others one by one);
    /// the index makes the filter fast.
    pub fn index_step(&mut self) {
        let records = &self.corpus.records;
        let index = &mut self.index;
        corpus::background(|| index.add_batch(records, INDEX_BATCH));
        // Built: the cache is written from it, on the loader's thread.
        if self.index.len() == self.corpus.records.len()
            && let Some(sender) = self.cache.as_mut().and_then(|c| c.index.take())
        {
            let _ = sender.send(self.index.share());
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
        self.shown = self.shown.iter().map(|&old| new_of_old[old]).collect();
        self.sort_records_shown();
        let kept = selected.and_then(|old| self.shown.iter().position(|&i| i == new_of_old[old]));
        // The first file to finish loading is not the first in the list:
        // until the user moves, the first row is the one selected.
        self.selected = match kept {
            Some(position) if self.moved => position,
            _ => 0,
        };
        if self.current_index() != selected.map(|old| new_of_old[old]) {
            self.scroll = [0, 0];
            self.selection = None;
        }
        self.records_changed();
        self.ensure_texts();
    }

    /// What follows a change of the records or of their order: the index
    /// covers records in the order they were added, so it starts again
    /// (`index_step`); what was computed from the texts shown is dropped;
    /// diagnostics are put in order.
    fn records_changed(&mut self) {
        self.index = crate::search::Index::new();
        self.sort_diagnostics();
        self.forget_texts();
        self.forget_families();
        self.keep_selection_visible();
    }
}

/// Puts each record of `full` in place of the record of `slots` with the
/// same id. Both are one file's records in line order (a file's records
/// arrive in order and stay together), so one walk through both pairs
/// them: a search by id for each record was quadratic (200,000 documents
/// in one file: minutes). How many steps the walk took.
fn fill(slots: &mut [Record], full: Vec<Record>) -> usize {
    let mut steps = 0;
    let mut full = full.into_iter().peekable();
    for slot in slots {
        while let Some(next) = full.next_if(|next| next.line < slot.line) {
            steps += 1;
            drop(next);
        }
        steps += 1;
        if let Some(mut next) = full.next_if(|next| next.line == slot.line && next.id == slot.id) {
            // What was found across the corpus stays: a file read again
            // knows nothing of the families its answers belong to.
            next.family = slot.family.take();
            *slot = next;
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(n: usize, texts: bool) -> Vec<Record> {
        let page = "Question de M. DOSSUS Thomas (Rhône - GEST) publiée le 10/11/2022\nTexte.\n";
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let file = page.repeat(n);
        let texts = if texts {
            crate::load::Texts::Keep
        } else {
            crate::load::Texts::Drop
        };
        crate::load::load_bytes_if("big.txt", file.as_bytes(), today, &|_| true, texts).records
    }

    /// 20,000 documents in one file: every record gets its texts, in a
    /// number of steps proportional to the records (the search by id took
    /// 200 million comparisons).
    #[test]
    fn a_file_of_many_records_is_filled_in_one_walk() {
        let n = 20_000;
        let mut listed = records(n, false);
        assert!(listed.iter().all(|r| r.question.text.is_empty()));
        let full = records(n, true);
        let steps = fill(&mut listed, full.clone());
        assert_eq!(listed, full);
        assert!(steps <= 2 * n, "{steps} steps for {n} records");
    }

    #[test]
    fn records_gone_or_new_in_the_file_are_skipped() {
        let mut listed = records(6, false);
        let mut full = records(6, true);
        full.remove(4);
        full.remove(1);
        let kept = listed.remove(2);
        let steps = fill(&mut listed, full);
        let filled: Vec<bool> = listed.iter().map(|r| !r.question.text.is_empty()).collect();
        assert_eq!(filled, [true, false, true, false, true]);
        assert!(steps <= 12);
        assert!(kept.question.text.is_empty());
    }

    /// A record opened from a cache reads its file again for its texts:
    /// it stays in the family it was found in (`≡ N` was lost on opening).
    #[test]
    fn a_record_filled_with_its_texts_keeps_its_family() {
        let mut listed = records(3, false);
        let tag = crate::model::FamilyTag {
            key: std::sync::Arc::from("k"),
            size: 4,
        };
        listed[1].family = Some(tag.clone());
        fill(&mut listed, records(3, true));
        assert!(listed.iter().all(|r| !r.question.text.is_empty()));
        assert_eq!(listed[1].family, Some(tag));
        assert_eq!(listed[0].family, None);
    }
}
