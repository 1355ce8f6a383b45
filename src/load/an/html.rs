//! The Assemblée's texts are HTML fragments, as its open data carries them:
//! `<p>`, `<br>`, `<em>`, `<strong>`, anchors (`<a name=PG1></a>`), stray
//! closing tags, entities. The reader shows text: this turns a fragment
//! into paragraphs separated by one blank line, as the senat.fr loader
//! gives them.
//!
//! Blocks (`p`, `br`, `div`, `li`, `tr`, headings, `blockquote`) end a
//! paragraph; other tags are dropped with their markup (`<em>x</em>` is
//! `x`); entities are decoded (`&eacute;`, `&#8217;`, `&nbsp;`); runs of
//! spaces, tabs and line ends become one space inside a paragraph, while
//! no-break spaces are kept (they are typography: "n° 78-17",
//! "« x »"). A `<` that opens no tag ("a < b") is text. Malformed markup
//! never fails: the worst is a tag's text kept as text.

/// The text of an HTML fragment, paragraphs one blank line apart.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut paragraph = String::new();
    let mut rest = html;
    while let Some(at) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        push_text(&mut paragraph, &rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            let (decoded, used) = entity(rest);
            push_text(&mut paragraph, &decoded);
            rest = &rest[used..];
            continue;
        }
        match tag(rest) {
            Some((name, used)) => {
                if is_block(name) {
                    end_paragraph(&mut out, &mut paragraph);
                }
                rest = &rest[used..];
            }
            None => {
                push_text(&mut paragraph, "<");
                rest = &rest[1..];
            }
        }
    }
    push_text(&mut paragraph, rest);
    end_paragraph(&mut out, &mut paragraph);
    out
}

/// Appends `text` to the paragraph, layout whitespace made one space.
/// Runs between spaces are copied whole: the reader's load converts every
/// text of a legislature.
fn push_text(paragraph: &mut String, text: &str) {
    let layout = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    // Layout bytes are ASCII: never inside a character, so the slices
    // between them are whole characters.
    while at < bytes.len() {
        if !layout(&bytes[at]) {
            at += 1;
            continue;
        }
        // One plain space between two words stays as it is, in the run
        // copied whole.
        if bytes[at] == b' ' && at > start && bytes.get(at + 1).is_some_and(|n| !layout(n)) {
            at += 1;
            continue;
        }
        paragraph.push_str(&text[start..at]);
        if !paragraph.is_empty() && !paragraph.ends_with(' ') {
            paragraph.push(' ');
        }
        while at < bytes.len() && layout(&bytes[at]) {
            at += 1;
        }
        start = at;
    }
    paragraph.push_str(&text[start..]);
}

fn end_paragraph(out: &mut String, paragraph: &mut String) {
    let text = paragraph.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    if !text.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(text);
    }
    paragraph.clear();
}

/// The tag at the start of `s` (which starts with `<`): its lower-cased
/// name without a leading `/`, and its length; `None` when `<` opens no
/// tag. A comment is a tag named `!`.
fn tag(s: &str) -> Option<(&'static str, usize)> {
    if let Some(comment) = s.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(s.len(), |e| 4 + e + 3);
        return Some(("!", end));
    }
    let inner = s[1..].strip_prefix('/').unwrap_or(&s[1..]);
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // The tag ends at the first `>` outside quotes.
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some((block_name(name), i + 1)),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// The tags that end a paragraph, by name; others are inline.
const BLOCKS: [&str; 16] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
];

fn block_name(name: &str) -> &'static str {
    BLOCKS
        .iter()
        .find(|b| b.eq_ignore_ascii_case(name))
        .copied()
        .unwrap_or("")
}

fn is_block(name: &str) -> bool {
    !name.is_empty() && name != "!"
}

/// The entity at the start of `s` (which starts with `&`), decoded, and
/// its length; an `&` that starts no entity is itself.
fn entity(s: &str) -> (String, usize) {
    let end = s[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(s.len(), |e| e + 1);
    if s[end..].starts_with(';') && end > 1 {
        let candidate = &s[..=end];
        let decoded = html_escape::decode_html_entities(candidate);
        if decoded != candidate {
            return (decoded.into_owned(), end + 1);
        }
    }
    ("&".to_owned(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_entities_and_stray_tags() {
        assert_eq!(
            to_text(
                "</p><p align=\"CENTER\"> POUVOIR D'ACHAT <a name=PG10></a> </p><br><strong>Mme\u{a0}la présidente. </strong>La parole est à Mme Bassire.<br><br><strong>Mme Bassire. </strong>Monsieur le ministre <i>(Applaudissements.)</i>"
            ),
            "POUVOIR D'ACHAT\n\nMme\u{a0}la présidente. La parole est à Mme Bassire.\n\nMme Bassire. Monsieur le ministre (Applaudissements.)"
        );
        assert_eq!(
            to_text("la dénomination « <em>laboratory-grown diamond</em> ». Les réponses"),
            "la dénomination « laboratory-grown diamond ». Les réponses"
        );
        assert_eq!(
            to_text("l&#8217;&eacute;t&eacute; &amp; 2&nbsp;%"),
            "l’été & 2\u{a0}%"
        );
        assert_eq!(to_text("a < b &unknown; c & d"), "a < b &unknown; c & d");
        assert_eq!(to_text("x<!-- note -->y\n\n  z"), "xy z");
        assert_eq!(to_text("<p>un</p>\n<p>deux</p>"), "un\n\ndeux");
        assert_eq!(to_text(""), "");
        assert_eq!(to_text("<p><br></p>"), "");
        assert_eq!(to_text("<a href='x>y'>lien</a>"), "lien");
    }

    proptest::proptest! {
        /// Any input: no panic, no blank paragraph, no markup left of the
        /// tags it knows.
        #[test]
        fn any_fragment(s in "(<p>|</p>|<br>|<em>|&amp;|&#x41;|&|<|>|[a-zé \u{a0}\n])*") {
            let text = to_text(&s);
            proptest::prop_assert!(!text.contains("\n\n\n"));
            proptest::prop_assert!(!text.contains("<p>") && !text.contains("<br>"));
        }

        /// Runs copied whole collapse layout whitespace exactly as a
        /// character at a time does.
        #[test]
        fn runs_collapse_as_characters_do(before in "[a \t]{0,3}", s in "[a-zé \t\n\r\u{a0}]{0,40}") {
            let mut fast = before.clone();
            push_text(&mut fast, &s);
            let mut slow = before;
            for c in s.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r') {
                    if !slow.is_empty() && !slow.ends_with(' ') {
                        slow.push(' ');
                    }
                } else {
                    slow.push(c);
                }
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
