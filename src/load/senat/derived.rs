//! The searched values a page does not spell: the author's display name
//! made from the header's capitals ("DOSSUS Thomas" → "Thomas Dossus")
//! when the body does not name the author.
//!
//! `search` rejects a file whose raw text cannot hold a query's words
//! before parsing it; a word found only in such a name ("Dossus" is
//! case-sensitive, the page only says "DOSSUS") would be rejected with the
//! file. The search asks for these names and tries the words on them too.

use super::{lines, names};

/// The display names the headers of `text` give, before the body refines
/// them (the body's spelling is in the text already).
pub fn header_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b"Question") {
        let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        // A line is looked at from its first "Question" only.
        if text[start..at].contains("Question") {
            continue;
        }
        if let Ok(lines::Line::Header(header)) = lines::line(&text[start..end])
            && let Some(name) = names::author(&header).name
        {
            out.push(name);
        }
    }
    out
}
