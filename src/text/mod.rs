//! Pure text logic the reader needs, with no terminal in sight: folding for
//! search (with its map back to the original), French sentence bounds,
//! wrapping into display lines, and sanitising for the screen. Everything
//! here works on `&str` and byte ranges into the original text, so the same
//! code serves the reader, the subcommands and the tests.

pub mod fold;
pub mod sanitize;
pub mod sentence;
pub mod wrap;

/// The first byte at or after `at` that is not ASCII: eight bytes at a
/// time, since French text has long runs of ASCII between its accents.
pub fn next_non_ascii(bytes: &[u8], mut at: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        if word & HIGH != 0 {
            return Some(at + ((word & HIGH).trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|&b| b >= 0x80)
        .map(|offset| at + offset)
}

/// The largest character boundary of `text` at or before `at` (the end,
/// past it): `str::floor_char_boundary`, stable only after this crate's
/// minimum Rust version.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at` (the end,
/// past it): `str::ceil_char_boundary`, as [`floor_boundary`].
pub fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_around_a_two_byte_letter() {
        let text = "aéb";
        let floors: Vec<usize> = (0..6).map(|at| floor_boundary(text, at)).collect();
        let ceils: Vec<usize> = (0..6).map(|at| ceil_boundary(text, at)).collect();
        assert_eq!(floors, [0, 1, 1, 3, 4, 4]);
        assert_eq!(ceils, [0, 1, 3, 3, 4, 4]);
    }

    #[test]
    fn next_non_ascii_in_chunks_and_tails() {
        let text = "abcdefgh ijklmnop é qrs ç";
        let bytes = text.as_bytes();
        let all: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] >= 0x80).collect();
        for at in 0..=bytes.len() {
            let expected = all.iter().copied().find(|&i| i >= at);
            assert_eq!(next_non_ascii(bytes, at), expected, "from {at}");
        }
    }
}
