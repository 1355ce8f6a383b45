//! Document text is shown, never obeyed. A page copied from the web may hold
//! control characters, terminal escape sequences or bidirectional overrides;
//! written to a terminal as they are, they could move the cursor, change
//! colours, retitle the window or reorder what the reader sees. Each such
//! character is drawn as a visible, one-column placeholder instead, and the
//! wrapper measures text through [`char_width`] so that both agree.

use unicode_width::UnicodeWidthChar;

/// What to draw for `c`, when it must not reach the terminal as it is.
///
/// C0 controls become their Unicode "control picture" (ESC is `␛`), DEL is
/// `␡`, C1 controls are `�`, and bidi embeddings, overrides, isolates and
/// marks are `⇄`. A tab is drawn as one space.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Some('\u{21c4}'),
        _ => None,
    }
}

/// The columns `c` takes once drawn.
pub fn char_width(c: char) -> usize {
    match placeholder(c) {
        Some(_) => 1,
        None => c.width().unwrap_or(0),
    }
}

/// `s` with every unsafe character replaced by its placeholder.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| placeholder(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

/// The columns `s` takes once drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(visible("x\u{202e}y\u{7f}\u{9b}"), "x⇄y␡\u{fffd}");
        assert_eq!(
            visible("\tcaméras « augmentées »"),
            " caméras « augmentées »"
        );
    }

    #[test]
    fn placeholders_take_one_column() {
        assert_eq!(str_width("\u{1b}\u{202e}é"), 3);
        assert_eq!(str_width("日本"), 4);
    }
}
