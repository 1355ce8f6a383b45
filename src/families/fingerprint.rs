//! An answer's fingerprint: a MinHash of its word 3-shingles, made in one
//! pass over the text's bytes with no copy of it.
//!
//! Words are runs of letters and digits, lower-cased as they are hashed
//! (a rolling hash, fed a character at a time: no buffer at all). A word
//! holding a digit is dropped, so that an answer given again with its
//! figures updated ("12 000 postes" → "13 500 postes", "en 2022" → "en
//! 2023") keeps its fingerprint. Three words in a row make a shingle.
//!
//! One hash per shingle, not 128: the shingle's hash picks one of
//! [`BINS`] bins with its top bits and competes for the bin's minimum with
//! the rest (one-permutation hashing). Bins left empty by a short answer
//! borrow the next filled bin's value, mixed with the distance (rotation
//! densification), so that two short answers still compare bin by bin.
//! The minimum of each bin is kept as its low 8 bits (b-bit MinHash): two
//! unrelated bins agree one time in 256, which [`similarity`] corrects
//! for, and a signature is 128 bytes.
//!
//! Hashing every shingle 128 times would cost 128 multiplications per word:
//! on 600 MB of answers, minutes. Folding each answer into a lower-cased
//! copy first cost 10.8 s on 100,000 records; this costs the reading of
//! the bytes.

/// Bins of a signature: the estimate's standard error is about
/// √(J(1−J)/128), 0.04 at J = 0.75.
pub const BINS: usize = 128;

/// A fingerprint: each bin's minimum, its low 8 bits.
pub type Signature = [u8; BINS];

/// Fewer shingles than this (an answer of a dozen words) and an answer
/// has no fingerprint: "Réponse en séance." said twice is no reuse worth
/// reporting, and a handful of shingles estimates nothing.
pub const MIN_SHINGLES: usize = 8;

/// FNV's prime: a step of the rolling hash of a word.
const PRIME: u64 = 0x0000_0100_0000_01b3;
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Murmur3's finaliser: every bit of `x` moves every bit of the result.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Calls `word` with the hash of each word of `text` without a digit, in
/// order: letters and digits make words, case aside.
pub fn words(text: &str, mut word: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let (mut hash, mut len, mut digit) = (OFFSET, 0usize, false);
    let mut end = |hash: &mut u64, len: &mut usize, digit: &mut bool| {
        if *len > 0 && !*digit {
            word(mix(*hash));
        }
        (*hash, *len, *digit) = (OFFSET, 0, false);
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                digit |= b.is_ascii_digit();
                hash = (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
                len += 1;
            } else {
                end(&mut hash, &mut len, &mut digit);
            }
            i += 1;
            continue;
        }
        // French's accents and punctuation without decoding: Latin-1's
        // letters (U+00C0–U+00FF, but × and ÷) lower-cased by their
        // second byte; its symbols (U+0080–U+00BF: no-break space, « »,
        // °) and the general punctuation (U+2000–U+207F: ’ – — … and the
        // narrow no-break space) end a word. Decoding and looking up
        // every accented letter was half the time.
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        match b {
            0xC3 if next != 0x97 && next != 0xB7 => {
                let lower = if (0x80..0x9F).contains(&next) {
                    next + 0x20
                } else {
                    next
                };
                hash = (hash ^ (0xC300 | u64::from(lower))).wrapping_mul(PRIME);
                len += 1;
                i += 2;
                continue;
            }
            0xC2 | 0xC3 => {
                end(&mut hash, &mut len, &mut digit);
                i += 2;
                continue;
            }
            0xE2 if next == 0x80 || next == 0x81 => {
                end(&mut hash, &mut len, &mut digit);
                i += 3;
                continue;
            }
            _ => {}
        }
        // `i` is always at a character's start: ASCII bytes are whole
        // characters, and a wider one is stepped over whole.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if c.is_alphanumeric() {
            digit |= c.is_numeric();
            for lower in c.to_lowercase() {
                hash = (hash ^ u64::from(u32::from(lower))).wrapping_mul(PRIME);
            }
            len += 1;
        } else {
            end(&mut hash, &mut len, &mut digit);
        }
        i += c.len_utf8();
    }
    end(&mut hash, &mut len, &mut digit);
}

/// The fingerprint of `text`; `None` when it has fewer than
/// [`MIN_SHINGLES`] shingles.
pub fn signature(text: &str) -> Option<Signature> {
    let mut mins = [u64::MAX; BINS];
    let (mut first, mut second, mut seen, mut shingles) = (0u64, 0u64, 0usize, 0usize);
    words(text, |hash| {
        if seen >= 2 {
            let shingle = mix(first.rotate_left(21) ^ second.rotate_left(42) ^ hash);
            let bin = (shingle >> 57) as usize;
            let value = shingle & ((1 << 57) - 1);
            if value < mins[bin] {
                mins[bin] = value;
            }
            shingles += 1;
        }
        (first, second) = (second, hash);
        seen += 1;
    });
    if shingles < MIN_SHINGLES {
        return None;
    }
    let mut out = [0u8; BINS];
    for (bin, slot) in out.iter_mut().enumerate() {
        // Some bin is filled: there are shingles.
        let (distance, value) = (0..BINS)
            .map(|d| (d, mins[(bin + d) % BINS]))
            .find(|&(_, v)| v != u64::MAX)
            .unwrap_or((0, 0));
        let value = if distance == 0 {
            value
        } else {
            mix(value ^ (distance as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        };
        *slot = value as u8;
    }
    Some(out)
}

/// The Jaccard similarity of two answers' shingle sets, estimated from
/// their fingerprints, corrected for the 1 in 256 chance that two 8-bit
/// minima agree by accident.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let agree = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / BINS as f64;
    let chance = 1.0 / 256.0;
    ((agree - chance) / (1.0 - chance)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        words(text, |h| out.push(h));
        out
    }

    #[test]
    fn words_ignore_case_and_punctuation_and_drop_figures() {
        assert_eq!(
            words_of("Le Ministre, le ministre."),
            words_of("le ministre le ministre")
        );
        assert_eq!(words_of("12 000 postes en 2023").len(), 2);
        assert_eq!(words_of("l'État « réforme »").len(), 3);
        assert_eq!(words_of("état"), words_of("ÉTAT"));
        assert_ne!(words_of("etat"), words_of("état"));
        assert_eq!(words_of("Œuvre"), words_of("œuvre"));
        assert_eq!(words_of("a\u{a0}b\u{202f}c’d«e»f—g×h").len(), 8);
        assert_eq!(words_of("straße ÀÉÎÕÜ àéîõü"), {
            let mut w = words_of("straße");
            w.extend(words_of("àéîõü"));
            w.extend(words_of("àéîõü"));
            w
        });
        assert!(words_of("").is_empty());
        assert!(words_of("\u{a0}… ; 42").is_empty());
    }

    const ANSWER: &str = "Le Gouvernement est pleinement mobilisé sur la question de la \
        présence des services publics dans les territoires ruraux. Le réseau des \
        finances publiques fait l'objet d'une réorganisation qui vise à renforcer \
        l'accueil de proximité, avec l'ouverture de 2 000 points de contact en 2022. \
        Les maisons France services offrent désormais un accueil polyvalent aux usagers.";

    #[test]
    fn figures_updated_keep_the_fingerprint_and_other_words_change_it() {
        let a = signature(ANSWER).unwrap();
        let b = signature(&ANSWER.replace("2 000", "2 500").replace("2022", "2024")).unwrap();
        assert_eq!(similarity(&a, &b), 1.0);
        let c = signature(&ANSWER.replace("ruraux", "urbains")).unwrap();
        let s = similarity(&a, &c);
        assert!(s > 0.6 && s < 1.0, "{s}");
        let other = signature(
            "La ministre rappelle que la politique de l'eau relève des agences de bassin, \
             qui financent les travaux des collectivités selon leurs programmes pluriannuels \
             et les priorités fixées par les comités de bassin.",
        )
        .unwrap();
        assert!(similarity(&a, &other) < 0.2);
    }

    #[test]
    fn short_or_empty_answers_have_no_fingerprint() {
        assert_eq!(signature(""), None);
        assert_eq!(signature("Réponse en séance."), None);
        assert_eq!(signature("2023 2024 2025 12 13 14 15 16 17 18 19 20"), None);
    }
}
