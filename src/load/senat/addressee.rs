//! Whom a question addresses, from its opening: "… attire l'attention de
//! M. le ministre des armées sur …" → "ministre des armées".
//!
//! Lapsed and withdrawn pages name no ministry in a header, yet the
//! question's first sentence always says whom it asks, and per-ministry
//! counts and `ministry:` filters need that. The phrase is taken as
//! written, from the title ("ministre", "Premier ministre", "secrétaire
//! d'État", "garde des sceaux", "haut-commissaire") up to the word where
//! the sentence moves on ("sur", "si", "quelles", "de bien vouloir", "les
//! raisons", a period).
//!
//! It is a reading of French word by word, not a grammar: a ministry's
//! name is made of nouns tied by "de la", "des", "du", "et", "chargé de",
//! "auprès du" and commas, and what follows it starts otherwise (a
//! preposition of topic, a verb in the infinitive after "de", an article
//! after a noun). Only the first paragraph is read, at most [`WINDOW`]
//! bytes: the addressee is named at once, and `search -l` keeps no more
//! of a question than its opening.

/// How much of the first paragraph is read.
pub const WINDOW: usize = 600;

/// The most words an addressee is given.
const MOST_WORDS: usize = 40;

/// The addressee the opening of `question` names, as written.
pub fn addressee(question: &str) -> Option<&str> {
    let paragraph = question.split('\n').next().unwrap_or("");
    let opening = &paragraph[..crate::text::floor_boundary(paragraph, WINDOW)];
    let words = words(opening);
    let head = find_head(&words)?;
    let start = words[head.start].start;
    let end = phrase_end(&words, head)?;
    Some(opening[start..end].trim_end_matches(is_trailing))
}

/// A word of the opening and where it lies.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    /// As written.
    text: &'a str,
    start: usize,
}

/// A small owned lower-case form of a word, for comparisons.
#[derive(Debug, Clone, Copy)]
struct Key {
    bytes: [u8; 32],
    len: u8,
}

impl Key {
    fn new(word: &str) -> Key {
        let mut key = Key {
            bytes: [0; 32],
            len: 0,
        };
        let word = word.trim_end_matches(is_closing);
        let mut push = |c: char| {
            let c = if c == '\u{2019}' { '\'' } else { c };
            let mut buf = [0; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            let len = usize::from(key.len);
            if len + encoded.len() <= key.bytes.len() {
                key.bytes[len..len + encoded.len()].copy_from_slice(encoded);
                key.len += encoded.len() as u8;
            }
        };
        for c in word.chars() {
            // Most letters are ASCII: no Unicode case table for them.
            if c.is_ascii() {
                push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(&mut push);
            }
        }
        key
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl Word<'_> {
    /// Lower-cased, straight apostrophes, without closing punctuation:
    /// computed for the few words looked at, not for the whole opening.
    fn key(&self) -> Key {
        Key::new(self.text)
    }

    fn is(&self, key: &str) -> bool {
        self.key().as_str() == key
    }

    fn is_any(&self, keys: &[&str]) -> bool {
        keys.contains(&self.key().as_str())
    }

    /// Whether the word ends a sentence or a clause: "intérieur." "x ?".
    fn ends_clause(&self) -> bool {
        self.text
            .trim_end_matches(['»', ')', '"'])
            .ends_with(['.', ';', ':', '?', '!'])
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}')
}

/// Punctuation that closes a word.
fn is_closing(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')' | '»' | '"')
}

/// What may not end the phrase: punctuation and spaces.
fn is_trailing(c: char) -> bool {
    is_closing(c) || is_space(c)
}

/// The length of the space at `at`, 0 if none: ASCII whitespace, and the
/// no-break spaces a web page puts after "M." and inside names.
fn space_len(bytes: &[u8], at: usize) -> usize {
    match bytes[at] {
        b' ' | b'\t' | b'\n' | b'\r' => 1,
        0xc2 if bytes.get(at + 1) == Some(&0xa0) => 2,
        0xe2 if bytes.get(at + 1..at + 3) == Some(&[0x80, 0xaf]) => 3,
        _ => 0,
    }
}

/// The words of `opening`, in order, up to the addressee's title and the
/// words that may follow it: the rest of the opening is never read (this
/// runs on every record a reader loads).
fn words(opening: &str) -> Vec<Word<'_>> {
    let bytes = opening.as_bytes();
    let mut words: Vec<Word<'_>> = Vec::with_capacity(64);
    let mut enough = usize::MAX;
    let mut at = 0;
    while at < bytes.len() && words.len() < enough {
        let space = space_len(bytes, at);
        if space > 0 {
            at += space;
            continue;
        }
        let start = at;
        while at < bytes.len() && space_len(bytes, at) == 0 {
            at += 1;
        }
        words.push(Word {
            text: &opening[start..at],
            start,
        });
        let n = words.len();
        let article = n >= 2 && matches!(words[n - 1].text, "le" | "la");
        if enough == usize::MAX && article && is_civility(&words[n - 2]) {
            enough = n + MOST_WORDS + 4;
        }
    }
    words
}

/// "M. le", "Mme la"…: the civility before an article.
fn is_civility(word: &Word<'_>) -> bool {
    matches!(
        word.text.trim_end_matches(','),
        "M." | "M" | "Mme" | "Mmes" | "MM." | "Monsieur" | "Madame" | "Mlle"
    )
}

/// Where the addressee's title starts and how many words it has: after
/// "M. le", "Mme la" (or "Mme le", "Monsieur le", "Madame la"), else
/// after "du" or "au".
fn find_head(words: &[Word<'_>]) -> Option<std::ops::Range<usize>> {
    let civil = (1..words.len()).find_map(|i| {
        let article = matches!(words[i].text, "le" | "la");
        (is_civility(&words[i - 1]) && article)
            .then(|| title(words, i + 1))
            .flatten()
    });
    civil.or_else(|| {
        (1..words.len()).find_map(|i| {
            words[i - 1]
                .is_any(&["du", "au"])
                .then(|| title(words, i))
                .flatten()
        })
    })
}

/// The title starting at `at`, if one does: its words.
fn title(words: &[Word<'_>], at: usize) -> Option<std::ops::Range<usize>> {
    let word = |k: usize| words.get(at + k);
    let is = |k: usize, key: &str| word(k).is_some_and(|w| w.is(key));
    let first = word(0)?;
    let secretary =
        first.is("secrétaire") && word(1).is_some_and(|w| w.is_any(&["d'état", "d'etat"]));
    let prime = first.is_any(&["premier", "première"]) && is(1, "ministre");
    let high = first.is_any(&["haut", "haute"]) && is(1, "commissaire");
    let len = if first.is_any(&["ministre", "haut-commissaire", "haute-commissaire"]) {
        1
    } else if prime || secretary || high {
        2
    } else if first.is("garde") && is(1, "des") && is(2, "sceaux") {
        3
    } else {
        return None;
    };
    Some(at..at + len)
}

/// Words after which an article belongs to the ministry's name ("de la
/// santé", "avec les collectivités", "à l'industrie").
const TIES: &[&str] = &[
    "de", "à", "avec", "et", "pour", "par", "entre", "chez", "vers", "contre", "auprès", "aux",
    "en", "sur",
];

/// Words that never belong to a ministry's name: what the sentence says
/// next.
const STOPS: &[&str] = &[
    "sur",
    "si",
    "quant",
    "concernant",
    "relativement",
    "afin",
    "que",
    "quelles",
    "quels",
    "quelle",
    "quel",
    "dans",
    "lorsque",
    "lors",
    "comment",
    "combien",
    "pourquoi",
    "où",
    "car",
    "puisque",
    "depuis",
    "lui",
    "leur",
    "leurs",
    "il",
    "elle",
    "ils",
    "elles",
    "ne",
    "y",
    "sa",
    "son",
    "ses",
    "cette",
    "ce",
    "ces",
    "notamment",
    "suite",
    "face",
    "alors",
    "qui",
    "dont",
    "vis-à-vis",
];

/// Nouns a question asks a minister for ("des précisions").
const REQUESTS: &[&str] = &[
    "précisions",
    "éclaircissements",
    "informations",
    "explications",
    "renseignements",
    "mesures",
    "moyens",
    "chiffres",
    "statistiques",
];

/// Whether the phrase stops before `words[k]`.
fn stops_before(words: &[Word<'_>], k: usize) -> bool {
    let word = &words[k];
    let next = words.get(k + 1);
    let previous = &words[k - 1];
    let key = word.key();
    let key = key.as_str();
    if word.text.starts_with(['(', '«', '"', '[']) || word.is_any(STOPS) {
        return true;
    }
    if ["s'", "qu'", "n'", "c'", "j'"]
        .iter()
        .any(|p| key.starts_with(p))
    {
        return true;
    }
    let next_is = |keys: &[&str]| next.is_some_and(|n| n.is_any(keys));
    match key {
        "au" => return next_is(&["sujet"]),
        "à" => return next_is(&["propos", "quel", "quelle", "quels", "quelles"]),
        "en" => return !next_is(&["charge"]),
        "des" => return next_is(REQUESTS),
        "de" => {
            let Some(next) = next else {
                return true;
            };
            let tied = next.is_any(&["la", "les"])
                || next.key().as_str().starts_with("l'")
                || next.text.starts_with(char::is_uppercase);
            return !tied;
        }
        _ => {}
    }
    if let Some(rest) = key.strip_prefix("d'")
        && !rest.is_empty()
    {
        let capital = word.text["d'".len()..].starts_with(char::is_uppercase);
        return !(capital || matches!(rest, "état" | "etat" | "outre-mer"));
    }
    let article = word.is_any(&["le", "la", "les", "un", "une"]) || key.starts_with("l'");
    article && !previous.is_any(TIES)
}

/// The end (a byte offset) of the addressee whose title is `head`.
fn phrase_end(words: &[Word<'_>], head: std::ops::Range<usize>) -> Option<usize> {
    let mut last = head.end - 1;
    if !words[last].ends_clause() {
        for k in head.end..words.len().min(head.start + MOST_WORDS) {
            if stops_before(words, k) {
                break;
            }
            last = k;
            if words[k].ends_clause() {
                break;
            }
        }
    }
    // A name does not end on a tie: "ministre de l'intérieur et" (lui
    // demande…).
    while last >= head.end && words[last].is_any(&["et", "de", "du", "des", "à", "au", "aux", "ou"])
    {
        last -= 1;
    }
    let word = &words[last];
    Some(word.start + word.text.len())
}

#[cfg(test)]
mod tests;
