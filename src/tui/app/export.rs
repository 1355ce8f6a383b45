//! `x`: the records the list shows, in its order, to a CSV file beside the
//! quote file (`$XDG_DATA_HOME/reponses/export-YYYYMMDD-HHMMSS.csv`), the
//! columns of `reponses search --format csv` ([`crate::export::records`]),
//! written atomically; the status bar says where.

use std::path::PathBuf;

use super::App;
use crate::export::{file, records};
use crate::i18n::fill;

impl App {
    pub(super) fn export_list(&mut self) {
        let t = self.lang.t();
        let Some(dir) = self.export_dir() else {
            self.fail(t.no_quote_file.to_owned());
            return;
        };
        let name = chrono::Local::now().format("export-%Y%m%d-%H%M%S.csv");
        let path = dir.join(name.to_string());
        let mut content = Vec::new();
        let listed = self.shown.iter().map(|&i| &self.corpus.records[i]);
        let written = records::write(listed, records::Separator::Comma, &mut content)
            .and_then(|()| std::fs::create_dir_all(&dir))
            .and_then(|()| file::write_atomically(&path, &content));
        let shown = path.display().to_string();
        match written {
            Ok(()) => {
                let count = self
                    .lang
                    .count(self.shown.len(), t.records_one, t.records_many);
                self.say(&fill(t.exported, &[&count, &shown]));
            }
            Err(e) => self.fail(fill(t.cannot_save, &[&shown, &e.to_string()])),
        }
    }

    /// Where exports go: the quote file's folder.
    fn export_dir(&self) -> Option<PathBuf> {
        self.quotes_file
            .as_ref()
            .and_then(|q| q.parent())
            .map(PathBuf::from)
    }
}
