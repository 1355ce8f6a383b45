//! Bytes → text. People save these pages in whatever their tools produce:
//! UTF-8 with or without a byte-order mark, CRLF line ends, old
//! ISO-8859-1/Windows-1252 saves, now and then UTF-16 from a Windows editor.
//! The encoding is detected from the bytes alone: a BOM decides; otherwise
//! valid UTF-8 is UTF-8 and anything else is Windows-1252 (a superset of
//! ISO-8859-1 for every printable character). Line ends become `\n`, so line
//! numbers and columns count the way an editor shows them.

use std::borrow::Cow;

/// What the bytes turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows1252,
}

/// Why bytes are not a text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte: images, PDFs, archives. `line` and `col` locate it.
    Binary { line: usize, col: usize },
}

/// Decodes `bytes` into text with `\n` line ends.
///
/// # Errors
/// [`DecodeError::Binary`] when the bytes hold a NUL outside a UTF-16 file.
///
/// UTF-8 without a BOM and without CR, by far the common case, is borrowed,
/// not copied.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), DecodeError> {
    let (text, encoding): (Cow<'_, str>, Encoding) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            check_binary(rest)?;
            (String::from_utf8_lossy(rest), Encoding::Utf8Bom)
        } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
            (text, Encoding::Utf16)
        } else {
            // One pass for the two bytes a document rarely holds (a NUL, a
            // CR) instead of one pass each, since almost none holds either.
            let rare = memchr::memchr2(0, b'\r', bytes).is_some();
            if rare {
                check_binary(bytes)?;
            }
            // French text has an accent every few words, which slows the
            // standard validator's ASCII fast path; simdutf8 does not care.
            let decoded = match simdutf8::basic::from_utf8(bytes) {
                Ok(text) => (Cow::Borrowed(text), Encoding::Utf8),
                Err(_) => {
                    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                    (text, Encoding::Windows1252)
                }
            };
            if !rare {
                // No CR in the bytes, none in the text: CR is ASCII.
                return Ok(decoded);
            }
            decoded
        };
    Ok((normalize_line_ends(text), encoding))
}

/// Fails on the first NUL byte, located by line and column (in bytes; the
/// text before it may not be decodable yet, and columns this early are only
/// for the user's eyes).
fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let Some(at) = memchr(0, bytes) else {
        return Ok(());
    };
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Err(DecodeError::Binary { line, col })
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

/// CRLF and lone CR become LF; text without CR is returned untouched.
fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let (text, enc) = decode(b"\xEF\xBB\xBFQuestion de\r\nR\xC3\xA9ponse\r\n").unwrap();
        assert_eq!(text, "Question de\nRéponse\n");
        assert_eq!(enc, Encoding::Utf8Bom);
    }

    #[test]
    fn latin1_is_detected_from_invalid_utf8() {
        let (text, enc) = decode(b"R\xE9ponse du minist\xE8re \x9C\x80").unwrap();
        assert_eq!(text, "Réponse du ministère œ€");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> = "\u{feff}Réponse\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "Réponse\n");
        assert_eq!(enc, Encoding::Utf16);
    }

    #[test]
    fn nul_byte_is_binary_and_located() {
        assert_eq!(
            decode(b"ab\ncd\0ef"),
            Err(DecodeError::Binary { line: 2, col: 3 })
        );
    }

    #[test]
    fn latin1_with_crlf_and_latin1_with_a_nul() {
        let (text, enc) = decode(b"R\xE9ponse\r\nfin").unwrap();
        assert_eq!(
            (text.as_ref(), enc),
            ("Réponse\nfin", Encoding::Windows1252)
        );
        assert_eq!(
            decode(b"R\xE9ponse\n\0"),
            Err(DecodeError::Binary { line: 2, col: 1 })
        );
    }

    #[test]
    fn lone_cr_is_a_line_end() {
        assert_eq!(decode(b"a\rb").unwrap().0, "a\nb");
    }
}
