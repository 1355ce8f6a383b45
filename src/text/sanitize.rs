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
        c if is_bidi_control(c) => Some('\u{21c4}'),
        _ => None,
    }
}

/// Whether `c` is a bidi embedding, override, isolate or mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// `s` without escape sequences, control characters (but the whitespace
/// ones: tab, line breaks, form feed, NEL, which callers tidy as spaces)
/// and bidi controls, and how many were taken out (a whole escape
/// sequence counts one). Text that leaves the reader (a quote on the
/// terminal, the clipboard, the quote file) must carry none of them: a
/// placeholder would be noise in a quotation, a raw one would be obeyed.
///
/// A sequence is ESC followed by a CSI (`ESC [` parameters, final byte),
/// a string (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`, up to BEL or
/// `ESC \\`) or intermediates and a final byte (`ESC ( B`); the same from the C1 introducers
/// U+009B (CSI) and U+0090, U+0098, U+009D–U+009F (strings). A string
/// never closed ends at the next control character, so that a stray
/// introducer costs one line at most, not the rest of the passage.
pub fn strip_controls(s: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let unsafe_char = |c: char| (c.is_control() && !c.is_whitespace()) || is_bidi_control(c);
    if !s.chars().any(unsafe_char) {
        return (std::borrow::Cow::Borrowed(s), 0);
    }
    let mut out = String::with_capacity(s.len());
    let mut removed = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !unsafe_char(c) {
            out.push(c);
            continue;
        }
        removed += 1;
        let introducer = match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => Some(Sequence::Csi),
                Some(']' | 'P' | 'X' | '^' | '_') => Some(Sequence::String),
                Some(&next) if (' '..='~').contains(&next) => {
                    // Intermediates ("ESC ( B"), then one final byte.
                    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
                    chars.next_if(|c| ('0'..='~').contains(c));
                    None
                }
                _ => None,
            }
            .inspect(|_| {
                chars.next();
            }),
            '\u{9b}' => Some(Sequence::Csi),
            '\u{90}' | '\u{98}' | '\u{9d}'..='\u{9f}' => Some(Sequence::String),
            _ => None,
        };
        match introducer {
            Some(Sequence::Csi) => {
                // Parameters and intermediates, then one final byte.
                while chars
                    .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
                    .is_some()
                {}
                chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
            }
            Some(Sequence::String) => {
                while let Some(&next) = chars.peek() {
                    if next == '\u{7}' || next == '\u{9c}' {
                        chars.next();
                        break;
                    }
                    if next == '\u{1b}' {
                        chars.next();
                        chars.next_if_eq(&'\\');
                        break;
                    }
                    if next.is_control() {
                        break;
                    }
                    chars.next();
                }
            }
            None => {}
        }
    }
    (std::borrow::Cow::Owned(out), removed)
}

/// What an escape introducer opens.
enum Sequence {
    Csi,
    String,
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
///
/// Every ASCII character takes one column (a control is drawn as a
/// one-column placeholder), so runs of ASCII are counted by their length
/// and only the other characters are looked up: French text is mostly
/// ASCII, and wrapping a 3 MB answer spent most of its time here.
pub fn str_width(s: &str) -> usize {
    columns(s, usize::MAX)
}

/// Whether `s` takes at most `width` columns; stops counting past them,
/// so a long paragraph is not measured whole to learn it needs wrapping.
pub fn fits_in(s: &str, width: usize) -> bool {
    // A character never takes more columns than it has bytes.
    s.len() <= width || columns(s, width) <= width
}

/// The columns `s` takes, or some number over `limit` once past it.
fn columns(s: &str, limit: usize) -> usize {
    let bytes = s.as_bytes();
    // Most words: the standard library checks a word at a time.
    if bytes.is_ascii() {
        return bytes.len();
    }
    let mut width = 0;
    let mut at = 0;
    while width <= limit {
        let Some(next) = super::next_non_ascii(bytes, at) else {
            return width + (bytes.len() - at);
        };
        width += next - at;
        // French letters take two bytes: looked up in a table of them.
        if let [lead @ 0xC2..=0xDF, follow, ..] = bytes[next..] {
            let c = (usize::from(lead & 0x1F) << 6) | usize::from(follow & 0x3F);
            width += usize::from(two_byte_widths()[c]);
            at = next + 2;
            continue;
        }
        let Some(c) = s[next..].chars().next() else {
            break;
        };
        width += char_width(c);
        at = next + c.len_utf8();
    }
    width
}

/// [`char_width`] of every character below U+0800 (those UTF-8 writes in
/// one or two bytes), computed once.
fn two_byte_widths() -> &'static [u8; 0x800] {
    static WIDTHS: std::sync::OnceLock<[u8; 0x800]> = std::sync::OnceLock::new();
    WIDTHS.get_or_init(|| {
        let mut widths = [0u8; 0x800];
        for (code, width) in widths.iter_mut().enumerate() {
            let c = char::from_u32(code as u32).unwrap_or_default();
            *width = u8::try_from(char_width(c)).unwrap_or(u8::MAX);
        }
        widths
    })
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

    proptest::proptest! {
        /// The ASCII runs counted whole give what each character's width
        /// adds up to.
        #[test]
        fn a_width_is_the_sum_of_its_characters(
            s in "[a-z \t\u{1}\u{7f}\u{85}\u{a0}é日\u{202e}\u{301}\u{7ff}]{0,40}",
            limit in 0usize..40,
        ) {
            let sum = s.chars().map(char_width).sum::<usize>();
            proptest::prop_assert_eq!(str_width(&s), sum);
            proptest::prop_assert_eq!(fits_in(&s, limit), sum <= limit);
        }
    }

    /// Every character of one and two bytes (the table), and samples of
    /// three and four: counted inside ASCII and next to itself.
    #[test]
    fn every_short_character_is_counted_as_char_width_says() {
        let samples = (0..0x800).chain([0x2028, 0x202e, 0x3000, 0xfeff, 0x1f600]);
        for c in samples.filter_map(char::from_u32) {
            let s = format!("a{c}b{c}{c}");
            assert_eq!(str_width(&s), 2 + 3 * char_width(c), "{c:?}");
            for width in 0..8 {
                assert_eq!(
                    fits_in(&s, width),
                    str_width(&s) <= width,
                    "{c:?} in {width}"
                );
            }
        }
    }

    #[test]
    fn escape_sequences_and_controls_are_stripped_and_counted() {
        let strip = |s| {
            let (text, n) = strip_controls(s);
            (text.into_owned(), n)
        };
        assert_eq!(strip("sans rien"), ("sans rien".to_owned(), 0));
        assert_eq!(
            strip("a\u{1b}]0;titre\u{7}b\u{1b}[2Jc\u{1b}[31md\u{1b}[0m"),
            ("abcd".to_owned(), 4)
        );
        assert_eq!(
            strip("x\u{202e}y\u{2069}z\u{200f}."),
            ("xyz.".to_owned(), 3)
        );
        assert_eq!(
            strip("\u{9b}31mrouge\u{9d}8;;url\u{9c}."),
            ("rouge.".to_owned(), 2)
        );
        assert_eq!(
            strip("\u{1b}]0;jamais fermé\nsuite"),
            ("\nsuite".to_owned(), 1)
        );
        assert_eq!(strip("\u{1b}P1$r\u{1b}\\ok\u{1b}(B"), ("ok".to_owned(), 2));
        assert_eq!(
            strip("\u{7}\u{0}\u{7f}\u{85}\t\u{c}"),
            ("\u{85}\t\u{c}".to_owned(), 3)
        );
        assert_eq!(strip("fin\u{1b}"), ("fin".to_owned(), 1));
    }

    proptest::proptest! {
        /// Whatever the input, nothing unsafe is left.
        #[test]
        fn nothing_unsafe_survives(s in "[a\u{1b}\u{7}\u{9b}\u{9c}\u{9d}\\\\\\[\\]0-9;m\u{202e}\u{200f}\n]{0,30}") {
            let (text, _) = strip_controls(&s);
            proptest::prop_assert!(
                !text.chars().any(|c| (c.is_control() && !c.is_whitespace()) || is_bidi_control(c)),
                "{:?} → {:?}", s, text
            );
        }
    }

    #[test]
    fn placeholders_take_one_column() {
        assert_eq!(str_width("\u{1b}\u{202e}é"), 3);
        assert_eq!(str_width("日本"), 4);
    }
}
