//! The list's order: the records shown take their places in the current
//! sort ([`crate::sort`]), computed once when the records or the sort
//! change; a filter's result is put in that order by each record's rank.
//! `s` cycles the sort, `r` reverses it; the selection stays on the same
//! record.
//!
//! While files stream in, records are listed as they arrive; the sort is
//! applied once they are all in (and again when their texts come).

use super::App;
use crate::sort::{self, Sort};

impl App {
    /// Computes the order of every record for the current sort, and puts
    /// the list in it.
    pub(super) fn sort_records_shown(&mut self) {
        let order = sort::order(&self.corpus.records, self.sort, self.reversed, self.today);
        let mut rank = vec![0u32; order.len()];
        for (position, &record) in order.iter().enumerate() {
            rank[record] = u32::try_from(position).unwrap_or(u32::MAX);
        }
        self.rank = rank;
        self.order_shown();
    }

    /// Puts the records shown in the current order (after a filter, which
    /// gives them in record order).
    pub(super) fn order_shown(&mut self) {
        if self.rank.len() == self.corpus.records.len() {
            let rank = &self.rank;
            self.shown.sort_unstable_by_key(|&i| rank[i]);
        }
    }

    /// `s`: the next sort; the selected record stays selected.
    pub(super) fn next_sort(&mut self) {
        self.change_sort(self.sort.next(), false);
    }

    /// `r`: the same sort, the other way.
    pub(super) fn reverse_sort(&mut self) {
        self.change_sort(self.sort, !self.reversed);
    }

    fn change_sort(&mut self, sort: Sort, reversed: bool) {
        let selected = self.current_index();
        self.sort = sort;
        self.reversed = reversed;
        self.sort_records_shown();
        self.follow(selected);
        let name = self.sort_name();
        self.say(&crate::i18n::fill(self.lang.t().sorted, &[&name]));
    }

    /// Keeps `record` selected, wherever the list now puts it.
    pub(super) fn follow(&mut self, record: Option<usize>) {
        if let Some(position) = record.and_then(|r| self.shown.iter().position(|&i| i == r)) {
            self.selected = position;
        }
        self.keep_selection_visible();
    }

    /// How the list is ordered, as its title says it.
    pub fn sort_name(&self) -> String {
        let t = self.lang.t();
        let name = match self.sort {
            Sort::Newest => t.sort_newest,
            Sort::Oldest => t.sort_oldest,
            Sort::Delay => t.sort_delay,
            Sort::Ministry => t.sort_ministry,
            Sort::Author => t.sort_author,
        };
        if self.reversed {
            crate::i18n::fill(t.sort_reversed, &[name])
        } else {
            name.to_owned()
        }
    }

    /// Whether the list is in its sort yet (not while files stream in).
    pub fn sorted(&self) -> bool {
        self.rank.len() == self.corpus.records.len() && !self.corpus.records.is_empty()
    }
}
