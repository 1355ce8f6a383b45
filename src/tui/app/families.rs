//! The families of reused answers in the reader ([`crate::families`]):
//! once the records are loaded with their texts and indexed, their
//! answers are fingerprinted a batch at a time between key presses, on the
//! loader's threads, as indexing is; the fingerprints are then grouped on
//! a thread of their own, and the records tagged when the families come.
//! The list then marks each record of a family `≡ N`, `=` filters the
//! list to the open answer's family, and `family:`, `reused:` and the
//! statistics' "reused answers" know them.
//!
//! Records listed from the cache have no texts in memory: the cache keeps
//! each answer's fingerprint, and they are grouped on a thread at once
//! (should they be missing, the files are read again on a thread for
//! them, a file at a time, each text dropped once fingerprinted).

use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::App;
use crate::families::Signature;
use crate::sort::Sort;

/// Answers fingerprinted at a step: about 20 ms of work on two cores.
const BATCH: usize = 2048;

/// Where the families stand.
#[derive(Debug, Default)]
pub struct Families {
    signatures: Vec<Option<Signature>>,
    grouping: Option<mpsc::Receiver<Vec<Vec<u32>>>>,
    /// How many families were found, once they were.
    pub found: Option<usize>,
    started: Option<Instant>,
    /// From the first fingerprint to the records tagged.
    pub took: Option<Duration>,
}

impl App {
    /// Whether answers wait to be fingerprinted: the records are all in,
    /// with their texts, and indexed.
    pub fn families_pending(&self) -> bool {
        self.families.found.is_none()
            && self.families.grouping.is_none()
            && self.loading.is_none()
            && self.awaiting_texts.is_none()
            && !self.indexing()
            && !self.corpus.records.is_empty()
    }

    /// Fingerprints the next batch of answers; after the last, starts the
    /// grouping on its thread.
    pub fn families_step(&mut self) {
        let families = &mut self.families;
        families.started.get_or_insert_with(Instant::now);
        let done = families.signatures.len();
        let records = &self.corpus.records;
        let end = (done + BATCH).min(records.len());
        let batch = &records[done..end];
        let signatures: Vec<Option<Signature>> = crate::corpus::background(|| {
            batch.par_iter().map(crate::families::of_record).collect()
        });
        families.signatures.extend(signatures);
        if families.signatures.len() == records.len() {
            let signatures = std::mem::take(&mut families.signatures);
            let (sender, receiver) = mpsc::channel();
            std::thread::spawn(move || {
                let _ = sender.send(crate::families::group::group(&signatures));
            });
            families.grouping = Some(receiver);
        }
    }

    /// Takes in the families grouped on their thread; whether they came.
    pub fn take_families(&mut self) -> bool {
        let Some(receiver) = self.families.grouping.as_ref() else {
            return false;
        };
        match receiver.try_recv() {
            Ok(found) => {
                self.families.grouping = None;
                self.families.took = self.families.started.map(|s| s.elapsed());
                self.take_found(found);
                // Said once, unless something more pressing is.
                if self.message.is_none() {
                    let (lang, t) = (self.lang, self.lang.t());
                    let count = self.families.found.unwrap_or(0);
                    let seconds = self.families.took.map_or(0.0, |d| d.as_secs_f64());
                    self.say(&crate::i18n::fill(
                        t.families_found,
                        &[
                            &lang.count(count, t.families_one, t.families_many),
                            &format!("{seconds:.1}"),
                        ],
                    ));
                }
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.families.grouping = None;
                self.families.found = Some(0);
                false
            }
        }
    }

    /// Computes the families at once (tests; the loop does it in steps).
    pub fn compute_families(&mut self) {
        while self.families_pending() {
            self.families_step();
        }
        if let Some(receiver) = self.families.grouping.take()
            && let Ok(found) = receiver.recv()
        {
            self.take_found(found);
        }
    }

    /// Tags the records of the families found; a list filter that asks
    /// about families (typed before they were known) is applied again.
    fn take_found(&mut self, found: Vec<Vec<u32>>) {
        let found = crate::families::apply(&mut self.corpus.records, found);
        self.families.found = Some(found.len());
        if let Some(filter) = self.filter.as_ref()
            && filter.query.parsed().needs_families()
        {
            let text = filter.text.clone();
            self.apply_filter(&text);
        }
        // The statistics open count the reused answers afresh.
        if self.overlay == Some(super::Overlay::Stats)
            && let Some(view) = self.stats.as_ref()
        {
            let (by, row) = (view.table.by, view.row);
            self.compute_stats(by);
            if let Some(view) = self.stats.as_mut() {
                view.row = row;
            }
        }
    }

    /// Records from the cache, without their texts, with their answers'
    /// fingerprints (the cache keeps them): grouped on a thread. Should
    /// they not match the records, the files are read again for them.
    pub(super) fn families_from_fingerprints(&mut self, fingerprints: Vec<Option<Signature>>) {
        if fingerprints.len() != self.corpus.records.len() {
            self.families_from_files();
            return;
        }
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(crate::families::group::group(&fingerprints));
        });
        self.families = Families {
            grouping: Some(receiver),
            started: Some(Instant::now()),
            ..Families::default()
        };
    }

    /// Records from the cache, without their texts: reads their files
    /// again on a thread for their fingerprints, then groups them there.
    pub(super) fn families_from_files(&mut self) {
        let Some(awaiting) = self.awaiting_texts.as_ref().filter(|a| a.on_demand) else {
            return;
        };
        if self.families.grouping.is_some() || self.families.found.is_some() {
            return;
        }
        let input = awaiting.input().clone();
        let today = self.today;
        let keys: Vec<(String, usize, String)> = self
            .corpus
            .records
            .iter()
            .map(|r| (r.source.clone(), r.line, r.id.clone()))
            .collect();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let signatures = crate::corpus::background(|| fingerprint_files(&input, &keys, today));
            let _ = sender.send(crate::families::group::group(&signatures));
        });
        self.families.grouping = Some(receiver);
        self.families.started = Some(Instant::now());
    }

    /// The records changed or moved: the families are computed again.
    pub(super) fn forget_families(&mut self) {
        self.families = Families::default();
    }

    /// `=`: the list filtered to the open answer's family, oldest first,
    /// and the status bar says over which dates and to how many authors
    /// it was given.
    pub(super) fn show_family(&mut self) {
        let (lang, t) = (self.lang, self.lang.t());
        let Some(record) = self.current() else {
            return;
        };
        let Some(tag) = record.family.clone() else {
            let why = if self.families.found.is_some() {
                t.family_none
            } else if self.awaiting_texts.as_ref().is_some_and(|a| a.on_demand) {
                t.family_unknown
            } else {
                t.family_pending
            };
            self.say(why);
            return;
        };
        let members: Vec<&crate::model::Record> = self
            .corpus
            .records
            .iter()
            .filter(|r| r.family.as_ref().is_some_and(|f| f.key == tag.key))
            .collect();
        let (first, last, authors) = crate::families::reach(&members);
        let message = crate::i18n::fill(
            t.family_shown,
            &[
                &lang.number(members.len()),
                &lang.maybe_date(first),
                &lang.maybe_date(last),
                &lang.count(authors, t.family_authors_one, t.family_authors_many),
            ],
        );
        // Quoted if it must be: a key with a space would end the filter.
        if tag.key.contains(char::is_whitespace) {
            self.apply_filter(&format!("family:\"{}\"", tag.key));
        } else {
            self.apply_filter(&format!("family:{}", tag.key));
        }
        if (self.sort, self.reversed) != (Sort::Oldest, false) {
            let selected = self.current_index();
            self.sort = Sort::Oldest;
            self.reversed = false;
            self.sort_records_shown();
            self.follow(selected);
        }
        self.say(&message);
    }
}

/// The fingerprints of records known by (source, line, id), a file's
/// records together: each file read again once, in parallel.
fn fingerprint_files(
    input: &crate::corpus::Input,
    keys: &[(String, usize, String)],
    today: chrono::NaiveDate,
) -> Vec<Option<Signature>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=keys.len() {
        if i == keys.len() || keys[i].0 != keys[start].0 {
            runs.push(start..i);
            start = i;
        }
    }
    let parts: Vec<Vec<Option<Signature>>> = runs
        .par_iter()
        .map(|run| {
            let Some(file) = crate::corpus::reload(input, &keys[run.start].0, today) else {
                return vec![None; run.len()];
            };
            // Both in line order: one walk pairs them (a file can hold
            // 200,000 documents).
            let mut records = file.records.iter().peekable();
            run.clone()
                .map(|i| {
                    let (_, line, id) = &keys[i];
                    while records.next_if(|r| r.line < *line).is_some() {}
                    records
                        .next_if(|r| r.line == *line && r.id == *id)
                        .and_then(crate::families::of_record)
                })
                .collect()
        })
        .collect();
    parts.into_iter().flatten().collect()
}
