//! The windows over the panes: the help, the errors view and the
//! statistics of the records the list shows (`S`). The statistics are
//! computed when the window opens and when `Tab` changes the grouping, on
//! the list as it is ([`crate::stats`]: 100,000 records in milliseconds);
//! `Enter` on a row closes the window and adds that group to the filter.

use chrono::NaiveDate;

use super::{App, Overlay};
use crate::stats::{self, GroupBy, RowOrder, Table};
use crate::tui::action::Action;

/// The statistics window's state.
#[derive(Debug, Clone)]
pub struct StatsView {
    pub table: Table,
    /// The row selected: one of `table.rows`, or the total after them.
    pub row: usize,
}

impl App {
    pub(super) fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
        if overlay == Overlay::Stats {
            let by = self
                .stats
                .as_ref()
                .map_or(GroupBy::default(), |s| s.table.by);
            self.compute_stats(by);
        }
    }

    /// The statistics of the records shown, grouped `by`.
    pub(super) fn compute_stats(&mut self, by: GroupBy) {
        let records = self.shown.iter().map(|&i| &self.corpus.records[i]);
        let table = stats::compute(records, by, RowOrder::Questions, self.today);
        self.stats = Some(StatsView { table, row: 0 });
    }

    pub(super) fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        if overlay == Overlay::Stats && self.update_stats(action) {
            return;
        }
        match action {
            Action::Escape | Action::Quit => self.overlay = None,
            Action::Help if overlay == Overlay::Help => self.overlay = None,
            Action::Errors if overlay == Overlay::Errors => self.overlay = None,
            Action::Stats if overlay == Overlay::Stats => self.overlay = None,
            Action::Help => self.open_overlay(Overlay::Help),
            Action::Errors => self.open_overlay(Overlay::Errors),
            Action::Stats => self.open_overlay(Overlay::Stats),
            Action::Down => self.overlay_scroll = self.overlay_scroll.saturating_add(1),
            Action::Up => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
            Action::PageDown => self.overlay_scroll = self.overlay_scroll.saturating_add(10),
            Action::PageUp => self.overlay_scroll = self.overlay_scroll.saturating_sub(10),
            Action::Top => self.overlay_scroll = 0,
            Action::Bottom => self.overlay_scroll = usize::MAX / 2,
            _ => {}
        }
    }

    /// Keys of the statistics window; whether one was taken.
    fn update_stats(&mut self, action: Action) -> bool {
        let Some(view) = self.stats.as_mut() else {
            return false;
        };
        let last = view.table.rows.len();
        match action {
            Action::FocusNext => {
                let by = view.table.by.next();
                self.compute_stats(by);
            }
            Action::FocusPrev => {
                let by = GroupBy::ALL
                    .iter()
                    .copied()
                    .find(|g| g.next() == view.table.by)
                    .unwrap_or_default();
                self.compute_stats(by);
            }
            Action::Down => view.row = (view.row + 1).min(last),
            Action::Up => view.row = view.row.saturating_sub(1),
            Action::PageDown => view.row = (view.row + 10).min(last),
            Action::PageUp => view.row = view.row.saturating_sub(10),
            Action::Top => view.row = 0,
            Action::Bottom => view.row = last,
            Action::Open => self.filter_to_stats_row(),
            _ => return false,
        }
        true
    }

    /// `Enter`: the window closes and the filter gains the selected
    /// group (exactly that group: `ministry:="…"`).
    fn filter_to_stats_row(&mut self) {
        let Some(view) = self.stats.as_ref() else {
            return;
        };
        let Some(condition) = view
            .table
            .rows
            .get(view.row)
            .and_then(|row| row.group.as_deref())
            .and_then(|group| group_filter(view.table.by, group))
        else {
            // The total, or the records of unknown date: nothing to add.
            self.overlay = None;
            return;
        };
        let text = match self.filter.as_ref() {
            Some(filter) => format!("{} {condition}", filter.text),
            None => condition,
        };
        self.overlay = None;
        self.apply_filter(&text);
    }
}

/// The query that keeps the records of `group` grouped `by`, exactly.
pub fn group_filter(by: GroupBy, group: &str) -> Option<String> {
    let exact = |field: &str| {
        let value = if group == stats::NONE { "" } else { group };
        format!("{field}:=\"{}\"", value.replace('"', " "))
    };
    match by {
        GroupBy::Ministry => Some(exact("ministry")),
        GroupBy::Group => Some(exact("group")),
        GroupBy::Author => Some(exact("author")),
        GroupBy::Year => {
            let year: i32 = group.parse().ok()?;
            let before = NaiveDate::from_ymd_opt(year, 1, 1)?.pred_opt()?;
            let after = NaiveDate::from_ymd_opt(year + 1, 1, 1)?;
            Some(format!("after:{before} before:{after}"))
        }
        GroupBy::Chamber => crate::model::Chamber::ALL
            .into_iter()
            .find(|c| c.label() == group)
            .map(|c| format!("chamber:{}", c.as_str())),
        GroupBy::Month => {
            let (year, month) = group.split_once('-')?;
            let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            Some(format!("after:{} before:{next}", first.pred_opt()?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_a_query_that_keeps_it_exactly() {
        assert_eq!(
            group_filter(GroupBy::Ministry, "Ministère de la culture").as_deref(),
            Some("ministry:=\"Ministère de la culture\"")
        );
        assert_eq!(
            group_filter(GroupBy::Ministry, stats::NONE).as_deref(),
            Some("ministry:=\"\"")
        );
        assert_eq!(
            group_filter(GroupBy::Year, "2023").as_deref(),
            Some("after:2022-12-31 before:2024-01-01")
        );
        assert_eq!(
            group_filter(GroupBy::Month, "2024-02").as_deref(),
            Some("after:2024-01-31 before:2024-03-01")
        );
        assert_eq!(group_filter(GroupBy::Year, stats::DATE_UNKNOWN), None);
    }
}
