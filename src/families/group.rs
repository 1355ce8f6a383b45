//! Fingerprints into families: candidates by locality-sensitive hashing,
//! each candidate pair checked, pairs joined by union-find.
//!
//! Comparing every pair of 100,000 answers is 5 billion comparisons. The
//! 128 bins are cut into [`BANDS`] bands of [`ROWS`]; two answers whose
//! bins agree on a whole band fall in one bucket. Two answers of
//! similarity J share a band with probability 1 − (1 − J⁶)²¹: 98 % at
//! J = 0.75, 99.99 % at 0.9, 1.5 % at 0.3 — so near-identical answers
//! meet, and unrelated ones seldom do. A bucket's members are checked
//! against their neighbour in the bucket and its first member (not every
//! pair: a thousand copies of one answer cost a thousand checks); what
//! union-find joins need not be checked again.
//!
//! A pair is kept when its estimated similarity reaches [`THRESHOLD`].
//! Why 0.75: answers given again differ by a sentence or a paragraph added
//! or updated; an answer of 20 sentences with 3 sentences rewritten keeps
//! about 80 % of its shingles (a changed sentence costs its shingles and
//! the two that straddle each of its ends), and one with a fifth of its
//! length added keeps 1/1.2 = 83 %. Below 0.75, answers of the same
//! ministry on neighbouring subjects start to meet: they share stock
//! phrases ("le Gouvernement est pleinement mobilisé…") but not their
//! substance. The estimate's error at 0.75 is ±0.04, so a pair at 0.8
//! is kept 9 times in 10 and one at 0.65 almost never.

use super::fingerprint::{BINS, Signature, similarity};

/// Bands of the locality-sensitive hashing.
pub const BANDS: usize = 21;
/// Bins in a band.
pub const ROWS: usize = 6;

/// The estimated similarity from which two answers are one family.
pub const THRESHOLD: f64 = 0.75;

const _: () = assert!(BANDS * ROWS <= BINS);

/// Union-find over record positions, halving paths as it goes.
struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let parent = self.0[x as usize];
            self.0[x as usize] = self.0[parent as usize];
            x = parent;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (low, high) = (a.min(b), a.max(b));
            self.0[high as usize] = low;
        }
    }
}

/// The families among `signatures` (one per record; `None` for a record
/// whose answer is missing, empty or not digitised, which never joins a
/// family): each a list of two or more positions, ascending, the families
/// in the order of their first member.
pub fn group(signatures: &[Option<Signature>]) -> Vec<Vec<u32>> {
    let n = u32::try_from(signatures.len()).unwrap_or(u32::MAX);
    let mut sets = Sets((0..n).collect());
    let mut bucket: Vec<(u64, u32)> = Vec::with_capacity(signatures.len());
    for band in 0..BANDS {
        bucket.clear();
        bucket.extend(
            signatures
                .iter()
                .take(n as usize)
                .enumerate()
                .filter_map(|(i, s)| {
                    let s = s.as_ref()?;
                    let mut key = 0u64;
                    for &byte in &s[band * ROWS..(band + 1) * ROWS] {
                        key = key << 8 | u64::from(byte);
                    }
                    Some((key, i as u32))
                }),
        );
        bucket.sort_unstable();
        let mut start = 0;
        while start < bucket.len() {
            let key = bucket[start].0;
            let end = start + bucket[start..].partition_point(|&(k, _)| k == key);
            let first = bucket[start].1;
            for pair in bucket[start..end].windows(2) {
                for (a, b) in [(pair[0].1, pair[1].1), (first, pair[1].1)] {
                    if a == b || sets.find(a) == sets.find(b) {
                        continue;
                    }
                    if let (Some(x), Some(y)) = (&signatures[a as usize], &signatures[b as usize])
                        && similarity(x, y) >= THRESHOLD
                    {
                        sets.union(a, b);
                    }
                }
            }
            start = end;
        }
    }
    // Roots are their sets' smallest members: families come out in order.
    let mut of_root: Vec<u32> = vec![u32::MAX; n as usize];
    let mut families: Vec<Vec<u32>> = Vec::new();
    let mut sizes = vec![0u32; n as usize];
    for i in 0..n {
        let root = sets.find(i);
        sizes[root as usize] += 1;
    }
    for i in 0..n {
        let root = sets.find(i);
        if sizes[root as usize] < 2 {
            continue;
        }
        let slot = &mut of_root[root as usize];
        if *slot == u32::MAX {
            *slot = families.len() as u32;
            families.push(Vec::new());
        }
        families[*slot as usize].push(i);
    }
    families
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::families::fingerprint::signature;

    fn text(seed: u64, sentences: usize) -> String {
        let words = [
            "gouvernement",
            "ministère",
            "territoires",
            "réforme",
            "usagers",
            "services",
            "publics",
            "financement",
            "collectivités",
            "dispositif",
            "mesure",
            "accompagnement",
            "agents",
            "crédits",
            "programme",
            "évaluation",
        ];
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let mut out = String::new();
        for _ in 0..sentences {
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                out.push_str(words[(state >> 60) as usize]);
                out.push(' ');
            }
            out.push_str("fin. ");
        }
        out
    }

    #[test]
    fn copies_group_and_others_stay_alone() {
        let base = text(1, 20);
        let added = format!("{base}\n\n{}", text(99, 2));
        let signatures = vec![
            signature(&base),
            signature(&text(2, 20)),
            signature(&added),
            None,
            signature(&base),
            signature(""),
            signature(&text(3, 20)),
        ];
        assert_eq!(group(&signatures), vec![vec![0, 2, 4]]);
    }

    #[test]
    fn nothing_groups_with_itself_or_with_nothing() {
        assert!(group(&[]).is_empty());
        assert!(group(&[signature(&text(1, 20))]).is_empty());
        assert!(group(&[None, None, None]).is_empty());
    }
}
