//! The author of a question, from the header's "DI FOLCO Catherine (Rhône -
//! Les Républicains)": last name in capitals first, first names after,
//! constituency and group split on the last " - " inside the parentheses.
//!
//! The header only has capitals; the body names the author in proper case
//! ("Mme Catherine Di Folco attire…"), which is the best source for a
//! display name. When the body does not, the capitals are title-cased.

use super::lines::Header;
use crate::model::{Author, GroupRelation};

pub fn author(header: &Header<'_>) -> Author {
    let (last_name, first_name) = split_names(header.names);
    let (constituency, group) = match rsplit_dash(header.affiliation) {
        Some((c, g)) => (Some(c), Some(g)),
        None => (Some(header.affiliation.trim()), None),
    };
    let (group, group_relation) = match group {
        Some(g) => {
            let (g, relation) = split_relation(g);
            (Some(g.to_owned()), Some(relation))
        }
        None => (None, None),
    };
    let name = match (first_name.as_deref(), last_name.as_deref()) {
        (Some(first), Some(last)) => Some(format!("{first} {}", title_case(last))),
        (None, Some(last)) => Some(title_case(last)),
        (Some(first), None) => Some(first.to_owned()),
        (None, None) => None,
    };
    Author {
        civility: Some(header.civility.to_owned()),
        last_name,
        first_name,
        name,
        constituency: constituency.filter(|c| !c.is_empty()).map(str::to_owned),
        group: group.filter(|g| !g.is_empty()),
        group_relation,
        ..Author::default()
    }
}

/// Replaces the title-cased display name with the body's spelling when the
/// body spells the same name, ignoring case and accents: "M. Thomas Dossus
/// interroge…", and "M. André Lefèvre" for a header that wrote "LEFEVRE
/// Andre" (old pages' headers have no accents).
pub fn refine_display_name(author: &mut Author, question_text: &str) {
    let Some(name) = author.name.as_deref() else {
        return;
    };
    // Usually the body spells it as the title case does: nothing to do.
    let start = &question_text[..crate::text::floor_boundary(question_text, 400)];
    if super::lines::find_short(start, name).is_some() {
        return;
    }
    // The author is named at the start; do not scan a whole long question.
    let head = match question_text.char_indices().nth(200) {
        Some((end, _)) => &question_text[..end],
        None => question_text,
    };
    if let Some(found) = find_folded(head, name) {
        // A body that shouts the name too ("M. Thomas DOSSUS") is no better.
        let last_word = found.rsplit(' ').next().unwrap_or(found);
        if last_word.chars().any(char::is_lowercase) {
            author.name = Some(found.to_owned());
        }
    }
}

/// `needle` in `haystack` as a whole name, ignoring case and accents
/// (the search folding: `Lefevre` finds `Lefèvre`, a no-break space is a
/// space), as it is written in `haystack`.
fn find_folded<'h>(haystack: &'h str, needle: &str) -> Option<&'h str> {
    use crate::text::fold::{FoldOptions, fold_into, fold_str};
    let needle = fold_str(needle, FoldOptions::INSENSITIVE);
    let first = needle.chars().next()?;
    let mut piece = String::new();
    let fold = |c: char, piece: &mut String| {
        piece.clear();
        fold_into(c.encode_utf8(&mut [0; 4]), FoldOptions::INSENSITIVE, piece);
    };
    let is_word_start = |at: usize| {
        haystack[..at]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric())
    };
    for (start, c) in haystack.char_indices() {
        if !is_word_start(start) {
            continue;
        }
        fold(c, &mut piece);
        if !piece.starts_with(first) {
            continue;
        }
        let mut matched = 0;
        for (i, c) in haystack[start..].char_indices() {
            fold(c, &mut piece);
            if !needle[matched..].starts_with(piece.as_str()) {
                break;
            }
            matched += piece.len();
            if matched == needle.len() {
                let end = start + i + c.len_utf8();
                // A whole name: "Lefèvre", not the start of "Lefèvres".
                let whole = haystack[end..]
                    .chars()
                    .next()
                    .is_none_or(|n| !n.is_alphanumeric());
                if whole {
                    return Some(&haystack[start..end]);
                }
                break;
            }
        }
    }
    None
}

/// "DI FOLCO Catherine" → ("DI FOLCO", "Catherine"); particles before the
/// capitals ("de LEGGE Dominique") belong to the last name.
fn split_names(names: &str) -> (Option<String>, Option<String>) {
    let words: Vec<&str> = names
        .split(super::lines::is_space)
        .filter(|w| !w.is_empty())
        .collect();
    let is_particle =
        |w: &str| matches!(w, "de" | "du" | "des" | "d'" | "le" | "la" | "van" | "von");
    let particles = words.iter().take_while(|w| is_particle(w)).count();
    let capitals = words[particles..]
        .iter()
        .take_while(|w| is_capitalised(w))
        .count();
    let split = if capitals == 0 {
        // No capitals at all: the first word is the last name, as in the
        // header's order.
        (particles + 1).min(words.len())
    } else {
        particles + capitals
    };
    let join = |ws: &[&str]| (!ws.is_empty()).then(|| ws.join(" "));
    (join(&words[..split]), join(&words[split..]))
}

/// A word in capitals: "DI", "MULLER-BRONN", "THÉOPHILE", "D'ABOVILLE".
fn is_capitalised(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// "MULLER-BRONN" → "Muller-Bronn", "D'ABOVILLE" → "D'Aboville".
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start_of_word = true;
    for c in name.chars() {
        if c.is_alphabetic() {
            if start_of_word {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start_of_word = false;
        } else {
            out.push(c);
            start_of_word = true;
        }
    }
    out
}

/// Splits on the last " - " (or en dash).
fn rsplit_dash(s: &str) -> Option<(&str, &str)> {
    let at = [" - ", " – "]
        .iter()
        .filter_map(|d| s.rfind(d).map(|at| (at, d.len())))
        .max_by_key(|&(at, _)| at)?;
    Some((s[..at.0].trim(), s[at.0 + at.1..].trim()))
}

/// "Les Républicains-A" → affiliated; "CRCE-K" stays a member of "CRCE-K".
fn split_relation(group: &str) -> (&str, GroupRelation) {
    if let Some(g) = group.strip_suffix("-A") {
        (g.trim_end(), GroupRelation::Affiliated)
    } else if let Some(g) = group.strip_suffix("-R") {
        (g.trim_end(), GroupRelation::Attached)
    } else {
        (group, GroupRelation::Member)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_spaces_hyphens_accents_and_particles() {
        let s = |a: &str, b: &str| (Some(a.to_owned()), Some(b.to_owned()));
        assert_eq!(split_names("DOSSUS Thomas"), s("DOSSUS", "Thomas"));
        assert_eq!(
            split_names("DI FOLCO Catherine"),
            s("DI FOLCO", "Catherine")
        );
        assert_eq!(
            split_names("MULLER-BRONN Laurence"),
            s("MULLER-BRONN", "Laurence")
        );
        assert_eq!(
            split_names("LE RUDULIER Stéphane"),
            s("LE RUDULIER", "Stéphane")
        );
        assert_eq!(
            split_names("THÉOPHILE Dominique"),
            s("THÉOPHILE", "Dominique")
        );
        assert_eq!(
            split_names("GREMILLET Daniel Jean Louis"),
            s("GREMILLET", "Daniel Jean Louis")
        );
        assert_eq!(
            split_names("CUKIERMAN Marie-Claude"),
            s("CUKIERMAN", "Marie-Claude")
        );
        assert_eq!(
            split_names("de LEGGE Dominique"),
            s("de LEGGE", "Dominique")
        );
        assert_eq!(
            split_names("D'ABOVILLE Philippe"),
            s("D'ABOVILLE", "Philippe")
        );
    }

    #[test]
    fn title_case_of_capitals() {
        assert_eq!(title_case("DI FOLCO"), "Di Folco");
        assert_eq!(title_case("MULLER-BRONN"), "Muller-Bronn");
        assert_eq!(title_case("THÉOPHILE"), "Théophile");
    }

    #[test]
    fn relation_suffixes() {
        assert_eq!(
            split_relation("Les Républicains-A"),
            ("Les Républicains", GroupRelation::Affiliated)
        );
        assert_eq!(split_relation("UC-R"), ("UC", GroupRelation::Attached));
        assert_eq!(split_relation("CRCE-K"), ("CRCE-K", GroupRelation::Member));
    }

    #[test]
    fn constituency_splits_on_the_last_dash() {
        assert_eq!(
            rsplit_dash("Alpes-de-Haute-Provence - RDPI"),
            Some(("Alpes-de-Haute-Provence", "RDPI"))
        );
        assert_eq!(
            rsplit_dash("Français établis hors de France - Les Républicains-A"),
            Some(("Français établis hors de France", "Les Républicains-A"))
        );
        assert_eq!(
            rsplit_dash("Seine - Saint-Denis - CRCE-K"),
            Some(("Seine - Saint-Denis", "CRCE-K"))
        );
    }

    #[test]
    fn display_name_comes_from_the_body() {
        let mut a = Author {
            name: Some("Catherine Di Folco".into()),
            ..Author::default()
        };
        refine_display_name(&mut a, "Mme Catherine DI FOLCO attire l'attention");
        assert_eq!(a.name.as_deref(), Some("Catherine Di Folco"));
        let mut a = Author {
            name: Some("Dominique De Legge".into()),
            ..Author::default()
        };
        refine_display_name(&mut a, "M. Dominique de\u{a0}Legge attire l'attention");
        assert_eq!(a.name.as_deref(), Some("Dominique de\u{a0}Legge"));
    }

    #[test]
    fn display_name_takes_the_accents_of_the_body() {
        let mut a = Author {
            last_name: Some("LEFEVRE".into()),
            first_name: Some("Andre".into()),
            name: Some("Andre Lefevre".into()),
            ..Author::default()
        };
        refine_display_name(
            &mut a,
            "M. André Lefèvre attire l'attention de M. le ministre",
        );
        assert_eq!(a.name.as_deref(), Some("André Lefèvre"));
        assert_eq!(
            a.last_name.as_deref(),
            Some("LEFEVRE"),
            "the header's stays"
        );
        // Another name, or the start of a longer one, is not the author's.
        for body in [
            "M. André Lefèbvre attire l'attention",
            "M. André Lefèvres attire l'attention",
            "Mme Œuvray attire l'attention",
        ] {
            let mut b = Author {
                name: Some("Andre Lefevre".into()),
                ..Author::default()
            };
            refine_display_name(&mut b, body);
            assert_eq!(b.name.as_deref(), Some("Andre Lefevre"), "{body}");
        }
        // Ligatures fold both ways.
        let mut c = Author {
            name: Some("Joel Coeur".into()),
            ..Author::default()
        };
        refine_display_name(&mut c, "M. Joël Cœur demande");
        assert_eq!(c.name.as_deref(), Some("Joël Cœur"));
    }
}
