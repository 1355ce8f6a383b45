//! The user's configuration file applied to a reader: it comes after the
//! command line's choices and before the first draw, so a problem in it is
//! the first thing the status bar says.

use super::App;

impl App {
    /// Takes the user's configuration: keys, colours, citations, the
    /// list's order, the quote file; its first problem, if any, is the
    /// status bar's message (all of them: `reponses config --check`).
    pub fn configure(&mut self, loaded: &crate::config::Loaded) {
        let config = &loaded.config;
        if let Some(keymap) = &config.keymap {
            self.keymap = keymap.clone();
        }
        self.palette = config.palette;
        self.templates = config.templates.clone();
        if let Some((sort, reversed)) = config.sort {
            self.sort = sort;
            self.reversed = reversed;
            if !self.corpus.records.is_empty() {
                self.sort_records_shown();
            }
        }
        if let Some(path) = &config.quote_file {
            self.quotes_file = Some(path.clone());
        }
        let messages = loaded.messages();
        if let Some(first) = messages.first() {
            let text = if messages.len() > 1 {
                crate::i18n::fill(
                    self.lang.t().config_problems,
                    &[first, &(messages.len() - 1).to_string()],
                )
            } else {
                first.clone()
            };
            self.fail(text);
        }
    }
}
