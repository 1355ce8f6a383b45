//! A text kept raw (serde's [`RawValue`]) until it is wanted: `check` and
//! the list need only the opening that names the author, which is
//! unescaped by hand rather than decoding the whole text.

use serde_json::value::RawValue;

use super::html;

/// How much of a question's HTML names its author, when the text is not
/// kept: "M. Jean-Paul Dupont de La Mothe attire l'attention de …".
pub(super) const OPENING: usize = 300;

/// The chair's "La parole est à Mme …" in a raw debate extract, and what
/// follows, plain: the member who asks, without decoding the whole
/// extract.
pub(super) fn debate_opening(raw: &RawValue) -> String {
    let literal = raw.get();
    let at = ["La parole est \\u00e0 ", "La parole est à "]
        .iter()
        .filter_map(|needle| literal.find(needle))
        .min();
    match at {
        // A needle starts with a letter: never inside an escape.
        Some(at) => {
            let from = format!("\"{}", &literal[at..]);
            html::to_text(&unescape_prefix(&from, OPENING))
        }
        None => String::new(),
    }
}

/// A raw JSON text as plain text, from about the first `cut` bytes of its
/// HTML (whole when `cut` is `usize::MAX`).
pub(super) fn decode(raw: &RawValue, cut: usize) -> String {
    if cut == usize::MAX {
        let Ok(Some(html)) = serde_json::from_str::<Option<String>>(raw.get()) else {
            return String::new();
        };
        return html::to_text(&html);
    }
    html::to_text(&unescape_prefix(raw.get(), cut))
}

/// The start of a JSON string literal (serde has checked it), unescaped
/// until `cut` bytes are out: `check` reads an opening, not the whole text.
pub(super) fn unescape_prefix(literal: &str, cut: usize) -> String {
    let Some(body) = literal.strip_prefix('"') else {
        return String::new();
    };
    let mut out = String::with_capacity(cut.min(body.len()) + 8);
    let mut rest = body;
    while out.len() < cut {
        let Some(at) = rest.find(['\\', '"']) else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('"') {
            break;
        }
        let (c, used) = match rest.as_bytes().get(1) {
            Some(b'n') => ('\n', 2),
            Some(b't') => ('\t', 2),
            Some(b'r') => ('\r', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'u') => unicode_escape(rest),
            Some(&other) => (char::from(other), 2),
            None => break,
        };
        out.push(c);
        rest = &rest[used.min(rest.len())..];
    }
    out
}

/// `\uXXXX`, or a surrogate pair of them, at the start of `s`: the
/// character and the bytes used; U+FFFD for a lone surrogate.
fn unicode_escape(s: &str) -> (char, usize) {
    let hex = |at: usize| {
        s.get(at..at + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let Some(first) = hex(2) else {
        return ('\u{fffd}', 2);
    };
    if (0xD800..0xDC00).contains(&first)
        && s.get(6..8) == Some("\\u")
        && let Some(second) = hex(8).filter(|s| (0xDC00..0xE000).contains(s))
    {
        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        return (char::from_u32(c).unwrap_or('\u{fffd}'), 12);
    }
    (char::from_u32(first).unwrap_or('\u{fffd}'), 6)
}
