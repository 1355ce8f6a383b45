//! What is checked before the reader takes over the terminal: that there
//! is a terminal on both ends, and that the paths given exist. A mistyped
//! command (`reponses serach cnil`) is a path that does not exist: it says
//! so, and what was probably meant, instead of opening an empty reader.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, fill};

/// The commands a mistyped word may have meant.
const COMMANDS: [&str; 4] = ["parse", "check", "search", "quote"];

/// Why the reader cannot open, in `lang`, or `None` when it can.
/// `terminal`: whether standard input and output are both terminals.
pub fn refuse(paths: &[PathBuf], terminal: bool, lang: Lang) -> Option<String> {
    let t = lang.t();
    if let Some(missing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        let mut message = fill(t.cli_no_such_path, &[&missing.display().to_string()]);
        if let Some(command) = meant(missing) {
            message.push_str(&fill(t.cli_did_you_mean, &[command]));
        }
        return Some(message);
    }
    (!terminal).then(|| t.cli_needs_terminal.to_owned())
}

/// The command a path that does not exist was probably meant to be: a
/// bare word close to one (Jaro-Winkler similarity above 0.8, as clap
/// suggests its own).
fn meant(path: &Path) -> Option<&'static str> {
    let word = path.to_str()?;
    if word.contains(['/', '.']) {
        return None;
    }
    COMMANDS
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_command_is_named() {
        assert_eq!(meant(Path::new("serach")), Some("search"));
        assert_eq!(meant(Path::new("chekc")), Some("check"));
        assert_eq!(meant(Path::new("qoute")), Some("quote"));
        assert_eq!(meant(Path::new("pasre")), Some("parse"));
        assert_eq!(meant(Path::new("cnil")), None);
        assert_eq!(meant(Path::new("seach.txt")), None);
        assert_eq!(meant(Path::new("/nonexistent")), None);
    }

    #[test]
    fn paths_come_before_the_terminal() {
        let missing = [PathBuf::from("/nonexistent")];
        assert_eq!(
            refuse(&missing, true, Lang::En).as_deref(),
            Some("reponses: /nonexistent: no such file or folder")
        );
        assert_eq!(
            refuse(&[PathBuf::from("serach")], false, Lang::Fr).as_deref(),
            Some(
                "reponses : serach : fichier ou dossier introuvable ; vouliez-vous dire 'search' ?"
            )
        );
        assert!(
            refuse(&[], false, Lang::En)
                .unwrap()
                .contains("needs a terminal")
        );
        assert_eq!(refuse(&[], true, Lang::En), None);
    }
}
