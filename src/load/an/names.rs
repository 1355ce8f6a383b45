//! The Assemblée's JSON names its author by reference only (`acteurRef`):
//! the question's text opens with the name ("Mme Olivia Grégoire
//! interroge…", "M. Jean-Paul Dupont attire l'attention de…"), read here.
//!
//! The name is the run of words after the civility that start with a
//! capital, with the particles between them ("de", "du", "d'", "de la",
//! "le", "van"…); the first word is the first name (a hyphenated one
//! included: "Jean-Paul"), the rest the last name. A first name of two
//! words ("Jean Louis") cannot be told from a last name of two: it reads
//! as first "Jean", last "Louis Laurent".

/// Civility, first name, last name, display name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    pub civility: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub name: Option<String>,
}

const CIVILITIES: [&str; 5] = ["M.", "Mme", "Mlle", "MM.", "Mmes"];
const PARTICLES: [&str; 9] = ["de", "du", "des", "d'", "d’", "le", "la", "van", "von"];

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// The author named at the start of `text`, if it opens with a civility.
pub fn author(text: &str) -> Named {
    let mut words = text.split(is_space).filter(|w| !w.is_empty());
    let Some(civility) = words.next().filter(|w| CIVILITIES.contains(w)) else {
        return Named::default();
    };
    let mut name: Vec<&str> = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    for word in words {
        let capital = word.starts_with(char::is_uppercase);
        if capital {
            name.append(&mut pending);
            name.push(word.trim_end_matches([',', '.']));
            if word.ends_with([',', '.']) {
                break;
            }
        } else if PARTICLES.contains(&word) && !name.is_empty() {
            pending.push(word);
        } else if let Some(rest) = ["d'", "d’"].iter().find_map(|p| word.strip_prefix(p))
            && rest.starts_with(char::is_uppercase)
            && !name.is_empty()
        {
            name.append(&mut pending);
            name.push(word);
        } else {
            break;
        }
    }
    let Some((first, last)) = name.split_first() else {
        return Named {
            civility: Some(civility.to_owned()),
            ..Named::default()
        };
    };
    let last = (!last.is_empty()).then(|| last.join(" "));
    Named {
        civility: Some(civility.to_owned()),
        first_name: Some((*first).to_owned()),
        name: Some(name.join(" ")),
        last_name: last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        text: &str,
    ) -> (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ) {
        let n = author(text);
        (n.civility, n.first_name, n.last_name, n.name)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn openings_name_their_author() {
        assert_eq!(
            read("Mme Olivia Grégoire interroge M. le ministre"),
            (
                some("Mme"),
                some("Olivia"),
                some("Grégoire"),
                some("Olivia Grégoire")
            )
        );
        assert_eq!(
            read("M. Jean-Paul Dupont attire l'attention de"),
            (
                some("M."),
                some("Jean-Paul"),
                some("Dupont"),
                some("Jean-Paul Dupont")
            )
        );
        assert_eq!(
            read("Mme Marie-France de La Tour du Pin demande"),
            (
                some("Mme"),
                some("Marie-France"),
                some("de La Tour du Pin"),
                some("Marie-France de La Tour du Pin")
            )
        );
        assert_eq!(
            read("M.\u{a0}Xavier d'Albert interroge"),
            (
                some("M."),
                some("Xavier"),
                some("d'Albert"),
                some("Xavier d'Albert")
            )
        );
        assert_eq!(
            read("Mme Marine Le\u{a0}Pen. Madame la Première ministre"),
            (
                some("Mme"),
                some("Marine"),
                some("Le Pen"),
                some("Marine Le Pen")
            )
        );
        assert_eq!(read("La question de"), (None, None, None, None));
        assert_eq!(read(""), (None, None, None, None));
        assert_eq!(read("M. le ministre"), (some("M."), None, None, None));
    }
}
