//! A deterministic generator of senat.fr question pages, for benchmarks and
//! the side-by-side comparisons of `bench/compare.sh`.
//!
//! Document `i` depends on `i` alone (a small xorshift generator seeded
//! with it), so any N documents are the same on every machine and run.
//! Sizes follow real pages: questions of 0.5 to 3 KB, answers of 1 to 8 KB,
//! a fifth of the questions unanswered; French words with accents, « »
//! guillemets, non-breaking spaces in numbers, dates and before « ».

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A tiny deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `range`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len())]
    }
}

const WORDS: &[&str] = &[
    "la",
    "le",
    "les",
    "des",
    "de",
    "du",
    "et",
    "à",
    "en",
    "pour",
    "sur",
    "dans",
    "par",
    "une",
    "un",
    "que",
    "qui",
    "est",
    "sont",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "son",
    "ses",
    "leur",
    "ne",
    "pas",
    "plus",
    "ministre",
    "gouvernement",
    "collectivités",
    "territoriales",
    "communes",
    "départements",
    "régions",
    "État",
    "préfet",
    "sécurité",
    "intérieur",
    "caméras",
    "vidéoprotection",
    "algorithmes",
    "données",
    "libertés",
    "CNIL",
    "loi",
    "décret",
    "article",
    "code",
    "procédure",
    "réforme",
    "financement",
    "dotation",
    "budget",
    "fiscalité",
    "trésorerie",
    "agriculteurs",
    "élevage",
    "pêche",
    "forêt",
    "eau",
    "énergie",
    "électricité",
    "nucléaire",
    "hydrogène",
    "transition",
    "écologique",
    "environnement",
    "biodiversité",
    "santé",
    "hôpitaux",
    "médecins",
    "déserts",
    "médicaux",
    "pharmacies",
    "éducation",
    "enseignants",
    "élèves",
    "lycées",
    "université",
    "recherche",
    "culture",
    "patrimoine",
    "œuvre",
    "musées",
    "sport",
    "jeunesse",
    "logement",
    "urbanisme",
    "transports",
    "ferroviaire",
    "routes",
    "mobilités",
    "numérique",
    "télécommunications",
    "couverture",
    "zones",
    "rurales",
    "montagne",
    "outre-mer",
    "Guadeloupe",
    "Martinique",
    "Réunion",
    "Mayotte",
    "justice",
    "tribunaux",
    "prisons",
    "police",
    "gendarmerie",
    "municipale",
    "défense",
    "armées",
    "anciens",
    "combattants",
    "emploi",
    "travail",
    "chômage",
    "retraites",
    "sociale",
    "familles",
    "enfants",
    "handicap",
    "autonomie",
    "aînés",
    "dépendance",
    "associations",
    "bénévoles",
    "entreprises",
    "artisans",
    "commerçants",
    "industrie",
    "souveraineté",
    "européenne",
    "Union",
    "directive",
    "règlement",
    "conformité",
    "application",
    "mise",
    "œuvre",
    "délai",
    "réponse",
    "situation",
    "mesures",
    "dispositif",
    "cadre",
    "juridique",
    "expérimentation",
    "évaluation",
    "rapport",
    "concertation",
    "élus",
    "locaux",
    "maires",
    "intercommunalités",
    "syndicats",
    "acteurs",
    "usagers",
    "citoyens",
    "publique",
    "publiques",
];

/// Civility, last name as headers print it and as bodies spell it, first
/// names, constituency and group.
const AUTHORS: &[(&str, &str, &str, &str, &str)] = &[
    ("M.", "DOSSUS", "Dossus", "Thomas", "Rhône - GEST"),
    (
        "Mme",
        "DI FOLCO",
        "Di Folco",
        "Catherine",
        "Rhône - Les Républicains",
    ),
    (
        "M.",
        "MULLER-BRONN",
        "Muller-Bronn",
        "Jean Louis",
        "Bas-Rhin - Les Indépendants-R",
    ),
    (
        "M.",
        "LE RUDULIER",
        "Le Rudulier",
        "Stéphane",
        "Bouches-du-Rhône - Les Républicains",
    ),
    (
        "M.",
        "THÉOPHILE",
        "Théophile",
        "Dominique",
        "Guadeloupe - RDPI",
    ),
    ("Mme", "CUKIERMAN", "Cukierman", "Cécile", "Loire - CRCE-K"),
    ("Mme", "VÉRIEN", "Vérien", "Dominique", "Yonne - UC-A"),
    ("M.", "REQUIER", "Requier", "Jean-Claude", "Lot - RDSE"),
    (
        "Mme",
        "MEUNIER",
        "Meunier",
        "Marie-Pierre",
        "Alpes-de-Haute-Provence - SER",
    ),
    (
        "M.",
        "LE GLEUT",
        "Le Gleut",
        "Ronan",
        "Français établis hors de France - Les Républicains",
    ),
];

const MINISTRIES: &[&str] = &[
    "Ministère de l'intérieur et des outre-mer",
    "Ministère de l'économie, des finances et de la souveraineté industrielle et numérique",
    "Ministère de la transition écologique et de la cohésion des territoires",
    "Ministère de la santé et de la prévention",
    "Ministère de l'éducation nationale et de la jeunesse",
    "Ministère de la culture",
    "Ministère de l'agriculture et de la souveraineté alimentaire",
    "Ministère de la justice",
    "Ministère des armées",
    "Premier ministre - Relations avec le Parlement",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let words = rng.range(8, 28);
    for w in 0..words {
        let word = rng.pick(WORDS);
        if w == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            match rng.range(0, 40) {
                0 => {
                    let _ = write!(out, "n°\u{a0}{}-{}", rng.range(10, 99), rng.range(1, 99));
                }
                1 => {
                    let _ = write!(out, "« {} {} »", word, rng.pick(WORDS));
                }
                2 => {
                    let _ = write!(
                        out,
                        "{}\u{a0}janvier\u{a0}{}",
                        rng.range(1, 28),
                        rng.range(1978, 2024)
                    );
                }
                3 => out.push_str("M. le ministre"),
                _ => out.push_str(word),
            }
        }
    }
    out.push_str(if rng.range(0, 9) == 0 { " ?" } else { "." });
}

/// [`text`], for other generators.
pub fn text_into(rng: &mut Rng, bytes: usize, out: &mut String) {
    text(rng, bytes, out);
}

/// [`sentence`], for other generators.
pub fn sentence_into(rng: &mut Rng, out: &mut String) {
    sentence(rng, out);
}

/// Paragraphs of about `bytes` bytes.
fn text(rng: &mut Rng, bytes: usize, out: &mut String) {
    let start = out.len();
    while out.len() - start < bytes {
        let sentences = rng.range(2, 6);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            sentence(rng, out);
        }
        out.push_str("\n\n");
    }
}

fn date(rng: &mut Rng, year: usize) -> (usize, usize, usize) {
    (rng.range(1, 29), rng.range(1, 13), year)
}

/// An answer's date: the same year as the question or the next, never
/// before the question (an answer drawn earlier in the year moves to the
/// next year: its delay is then under a year).
fn answer_date(rng: &mut Rng, asked: (usize, usize, usize)) -> (usize, usize, usize) {
    let (d, m, y) = asked;
    let year = y + rng.range(0, 2);
    let (d2, m2, y2) = date(rng, year);
    if (y2, m2, d2) <= (y, m, d) {
        (d2, m2, y + 1)
    } else {
        (d2, m2, y2)
    }
}

/// Document number `i`.
pub fn document(i: u64) -> String {
    document_in(i, None)
}

/// Families planted in a corpus of `count` documents: for each document,
/// its family and its place in it, if any. `sizes` are the families'
/// sizes ("12,5,3x100" is [12, 5, 3, 3, …]); members are spread through
/// the corpus. Families that do not fit are left out.
pub fn plant(sizes: &[usize], count: u64) -> Vec<Option<(usize, usize)>> {
    let count_usize = usize::try_from(count).unwrap_or(usize::MAX);
    let mut out = vec![None; count_usize];
    // A stride prime to the count visits every document once.
    let stride = [7919u64, 7907, 7901, 104_729]
        .into_iter()
        .find(|p| !count.is_multiple_of(*p))
        .unwrap_or(1);
    let mut k = 0u64;
    for (family, &size) in sizes.iter().enumerate() {
        if k + size as u64 > count {
            break;
        }
        for member in 0..size {
            let at = ((k * stride) % count.max(1)) as usize;
            out[at] = Some((family, member));
            k += 1;
        }
    }
    out
}

/// "12,5,3x100" → [12, 5, 3 × 100]; `None` when malformed.
pub fn family_sizes(spec: &str) -> Option<Vec<usize>> {
    let mut sizes = Vec::new();
    for part in spec.split(',').filter(|p| !p.is_empty()) {
        let (size, times): (usize, usize) = match part.split_once('x') {
            Some((size, times)) => (size.parse().ok()?, times.parse().ok()?),
            None => (part.parse().ok()?, 1),
        };
        if size < 2 {
            return None;
        }
        sizes.extend(std::iter::repeat_n(size, times));
    }
    Some(sizes)
}

/// The answer of member `member` of planted family `family`: the family's
/// text as reused answers vary it — the same (member 0, 3, …), a
/// paragraph added (1, 4, …), its figures updated (2, 5, …).
fn family_answer(family: usize, member: usize, out: &mut String) {
    let mut rng = Rng::new(1_000_003 + family as u64 * 7);
    let size = rng.range(3000, 6000);
    let start = out.len();
    text(&mut rng, size, out);
    match member % 3 {
        1 => {
            let mut extra = Rng::new(2_000_003 + (family * 1000 + member) as u64);
            sentence(&mut extra, out);
            out.push_str("\n\n");
        }
        2 => {
            let updated: String = out[start..]
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_digit((d + member as u32) % 10, 10).unwrap_or(c),
                    None => c,
                })
                .collect();
            out.truncate(start);
            out.push_str(&updated);
        }
        _ => {}
    }
}

/// Document number `i`, its answer from a planted family when `planted`
/// says so (`(family, member)`, see [`plant`]).
pub fn document_in(i: u64, planted: Option<(usize, usize)>) -> String {
    let mut rng = Rng::new(i + 1);
    let mut out = String::with_capacity(8 * 1024);
    let (civility, last, spelled, first, affiliation) = AUTHORS[rng.range(0, AUTHORS.len())];
    if rng.range(0, 3) == 0 {
        let mut title = String::new();
        sentence(&mut rng, &mut title);
        let _ = writeln!(out, "{}", title.trim_end_matches(['.', '?', ' ']));
        let _ = writeln!(
            out,
            "Question écrite n° {:05} - 16e législature",
            i % 100_000
        );
    }
    let year = rng.range(2017, 2025);
    let (d, m, y) = date(&mut rng, year);
    let _ = writeln!(
        out,
        "Question de {civility} {last} {first} ({affiliation}) publiée le {d:02}/{m:02}/{y}\n"
    );
    let _ = write!(
        out,
        "{civility} {first} {spelled} attire l'attention de M. le ministre sur "
    );
    let size = rng.range(500, 3000);
    text(&mut rng, size, &mut out);
    let _ = writeln!(out, "- page {}\n", rng.range(1, 9000));
    let ministry = MINISTRIES[rng.range(0, MINISTRIES.len())];
    if let Some((family, member)) = planted {
        let ministry = MINISTRIES[family % MINISTRIES.len()];
        let (d2, m2, y2) = answer_date(&mut rng, (d, m, y));
        let _ = writeln!(
            out,
            "Réponse du {ministry} publiée le {d2:02}/{m2:02}/{y2}\n"
        );
        family_answer(family, member, &mut out);
        let _ = writeln!(out, "- page {}\n", rng.range(1, 9000));
    } else if rng.range(0, 5) == 0 {
        let _ = writeln!(out, "En attente de réponse du {ministry}.\n");
    } else {
        let (d2, m2, y2) = answer_date(&mut rng, (d, m, y));
        let _ = writeln!(
            out,
            "Réponse du {ministry} publiée le {d2:02}/{m2:02}/{y2}\n"
        );
        let size = rng.range(1000, 8000);
        text(&mut rng, size, &mut out);
        let _ = writeln!(out, "- page {}\n", rng.range(1, 9000));
    }
    out.push_str("Page mise à jour le\n");
    out
}

/// Where document `i` goes under `root`: 100 files a folder, 100 folders a
/// parent, as a crawl of senat.fr by year and month would lay them out.
pub fn path(root: &Path, i: u64) -> PathBuf {
    root.join(format!("{:02}", i / 10_000))
        .join(format!("{:02}", (i / 100) % 100))
        .join(format!("q{i:06}.txt"))
}

/// A single answer of about 3 MB, as the largest published ones: the
/// paragraphs of generated pages, none of their structural lines (a
/// "Réponse du …" or "- page" line inside would end the answer there).
pub fn big_answer() -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 3_000_000 {
        let doc = document(i);
        let structural = [
            "Question",
            "Réponse",
            "Transmise",
            "En attente",
            "Page",
            "-",
            "La ",
        ];
        for paragraph in doc.lines().filter(|l| l.len() > 80) {
            if !structural.iter().any(|s| paragraph.starts_with(s)) {
                text.push_str(paragraph);
                text.push_str("\n\n");
            }
        }
        i += 1;
    }
    text
}

/// Three pages to compare, newest first: `big` as an answer, a copy of it
/// with 200 words changed, and `one` (a sentence): the reader's comparison
/// of 3 MB with a copy and with one sentence.
pub fn comparison_pages(big: &str, one: &str) -> [(&'static str, String); 3] {
    let changed = big.replacen("le ", "la ", 200);
    let page = |author: &str, asked: &str, answer: &str| {
        format!(
            "Question de M. {author} Jean (Rhône - GEST) publiée le {asked}\n\n\
             M. Jean {author} attire l'attention de M. le ministre.\n\n- page 1\n\n\
             Réponse du Ministère de l'économie publiée le 02/02/2024\n\n{answer}\n\n\
             - page 2\n\nPage mise à jour le\n"
        )
    };
    [
        ("a.txt", page("DUPONT", "10/11/2023", big)),
        ("b.txt", page("DURAND", "10/11/2022", &changed)),
        ("c.txt", page("MARTIN", "10/11/2021", one)),
    ]
}
