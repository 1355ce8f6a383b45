//! The folders of the XDG base directory specification that `reponses`
//! uses: its configuration, its data (quotes, exports) and its caches. One
//! rule for all three: the variable when it is set to an absolute path (the
//! specification says to ignore a relative one), else the default under
//! `$HOME`; `None` when neither is set.

use std::path::PathBuf;

/// `reponses`'s folder under `$variable`, else under `$HOME/fallback`.
fn ours(variable: &str, fallback: &str) -> Option<PathBuf> {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    set(variable)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| set("HOME").map(|home| PathBuf::from(home).join(fallback)))
        .map(|base| base.join("reponses"))
}

/// `$XDG_CONFIG_HOME/reponses`, else `~/.config/reponses`.
pub fn config() -> Option<PathBuf> {
    ours("XDG_CONFIG_HOME", ".config")
}

/// `$XDG_DATA_HOME/reponses`, else `~/.local/share/reponses`.
pub fn data() -> Option<PathBuf> {
    ours("XDG_DATA_HOME", ".local/share")
}

/// `$XDG_CACHE_HOME/reponses`, else `~/.cache/reponses`.
pub fn cache() -> Option<PathBuf> {
    ours("XDG_CACHE_HOME", ".cache")
}
