//! A deterministic generator of Assemblée nationale open-data documents,
//! shaped like the real ones of tests/an/real/ (keys in alphabetical
//! order, which the loader does not mind): one line, `", "` and
//! `": "` between items, every character past ASCII as a `\uXXXX` escape,
//! every value a string or `null`, texts as HTML fragments, and the
//! elements that may repeat (`texteReponse`, `minAttrib`, `analyse`) an
//! object when single and a list when repeated.
//!
//! Document `i` depends on `i` alone. A fifth of the questions are
//! unanswered (`textesReponse` and `cloture` null), one in twenty is a
//! question to the Government (its question and answer one debate
//! extract), one in ten was answered twice or re-attributed.

#![allow(dead_code)]

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::corpus::{self, Rng};

const GROUPS: &[(&str, &str)] = &[
    ("EPR", "Ensemble pour la République"),
    ("RN", "Rassemblement National"),
    ("LFI-NFP", "La France insoumise - Nouveau Front Populaire"),
    ("SOC", "Socialistes et apparentés"),
    ("DR", "Droite Républicaine"),
    ("LIOT", "Libertés, Indépendants, Outre-mer et Territoires"),
];

const MEMBERS: &[(&str, &str)] = &[
    ("Mme", "Olivia Grégoire"),
    ("M.", "Jean-Paul Dupont"),
    ("Mme", "Marie-Noëlle Battistel"),
    ("M.", "Charles de Courson"),
    ("Mme", "Sophie Panonacle"),
    ("M.", "Éric Ciotti"),
];

const MINISTRIES: &[(&str, &str)] = &[
    (
        "Économie, finances, souveraineté industrielle et numérique",
        "Ministère de l’économie, des finances et de la souveraineté industrielle et numérique",
    ),
    ("Intérieur", "Ministère de l’intérieur"),
    (
        "Santé et accès aux soins",
        "Ministère de la santé et de l’accès aux soins",
    ),
    ("Culture", "Ministère de la culture"),
    ("Travail et emploi", "Ministère du travail et de l’emploi"),
];

const TOPICS: &[&str] = &[
    "commerce et artisanat",
    "santé",
    "outre-mer",
    "sécurité des biens et des personnes",
    "culture",
    "travail",
];

/// Plain-text paragraphs of about `bytes`, as HTML: paragraphs joined by
/// `<br/>`, now and then an `<em>`, non-breaking spaces as entities.
fn html(rng: &mut Rng, bytes: usize, opening: &str) -> String {
    let mut plain = String::from(opening);
    corpus::text_into(rng, bytes, &mut plain);
    let mut out = String::with_capacity(plain.len() + 64);
    for (i, paragraph) in plain.split("\n\n").filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push_str(if i % 3 == 0 { "</p><p>" } else { "<br/>" });
        }
        if i % 4 == 1 {
            let _ = write!(out, "<em>{}</em>", paragraph.replace('\u{a0}', "&nbsp;"));
        } else {
            out.push_str(paragraph);
        }
    }
    out
}

fn info_jo(date: &str, page: Option<usize>) -> Value {
    json!({
        "typeJO": "JO_QUESTION",
        "dateJO": date,
        "pageJO": page.map(|p| p.to_string()),
        "numJO": null,
        "urlLegifrance": null,
        "referenceNOR": null
    })
}

fn organe(rng: &mut Rng, table: &[(&str, &str)]) -> (Value, usize) {
    let at = rng.range(0, table.len());
    let (short, long) = table[at];
    (
        json!({"organeRef": format!("PO{}", 800_000 + at), "abrege": short, "developpe": long}),
        at,
    )
}

/// Document number `i`, as the Assemblée serves it.
pub fn document(i: u64) -> String {
    named(i).1
}

/// Document number `i` and its name in an archive, as in the Assemblée's
/// (`json/QANR5L17QE1.json`).
pub fn named(i: u64) -> (String, String) {
    let mut rng = Rng::new(i + 1);
    let number = i + 1;
    let government = rng.range(0, 20) == 0;
    let kind = if government { "QG" } else { "QE" };
    let uid = format!("QANR5L17{kind}{number}");
    let name_uid = uid.clone();
    let (civility, name) = MEMBERS[rng.range(0, MEMBERS.len())];
    let (group_short, group_long) = GROUPS[rng.range(0, GROUPS.len())];
    let (ministry, _) = organe(&mut rng, MINISTRIES);
    let year = rng.range(2024, 2026);
    let month = rng.range(1, 13);
    let asked = format!("{year}-{month:02}-{:02}", rng.range(1, 29));
    let answered = rng.range(0, 5) != 0;
    let twice = answered && rng.range(0, 10) == 0;
    // Answered one to nine months later, as real delays go.
    let later = month + rng.range(1, 10);
    let answer_day = format!(
        "{}-{:02}-{:02}",
        year + (later - 1) / 12,
        (later - 1) % 12 + 1,
        rng.range(1, 29)
    );
    let mut analyse_text = String::new();
    corpus::sentence_into(&mut rng, &mut analyse_text);
    let analyse = analyse_text.trim_end_matches(['.', '?', ' ']).to_owned();
    let analyse = if twice {
        json!(["Diamants synthétiques", analyse])
    } else {
        json!(analyse)
    };
    let attribution = json!({"infoJO": info_jo(&asked, None), "denomination": ministry.clone()});
    let attributions = if twice {
        let (other, _) = organe(&mut rng, MINISTRIES);
        json!([attribution, {"infoJO": info_jo(&answer_day, None), "denomination": other}])
    } else {
        attribution
    };
    let question_text = if government {
        Value::Null
    } else {
        let opening = format!("{civility} {name} attire l’attention de M. le ministre sur ");
        let size = rng.range(500, 3000);
        json!(html(&mut rng, size, &opening))
    };
    let textes_question = if government {
        Value::Null
    } else {
        json!({"texteQuestion": {"infoJO": info_jo(&asked, Some(rng.range(1, 9000))), "texte": question_text}})
    };
    let answer = |rng: &mut Rng, date: &str| {
        let opening = if government {
            format!(
                "<strong>M. le président. </strong>La parole est à {civility} {name}.<br/><br/>"
            )
        } else {
            String::new()
        };
        let size = rng.range(1000, 8000);
        json!({"infoJO": info_jo(date, Some(rng.range(1, 9000))), "texte": html(rng, size, &opening)})
    };
    let textes_reponse = match (answered, twice) {
        (false, _) => Value::Null,
        (true, false) => json!({"texteReponse": answer(&mut rng, &answer_day)}),
        (true, true) => {
            let first = answer(&mut rng, &asked);
            json!({"texteReponse": [first, answer(&mut rng, &answer_day)]})
        }
    };
    let cloture = if answered {
        json!({"codeCloture": "REP_PUB", "libelleCloture": "Réponse publiée",
               "dateCloture": answer_day, "infoJO": info_jo(&answer_day, None)})
    } else {
        Value::Null
    };
    let document = json!({"question": {
        "@xmlns": "http://schemas.assemblee-nationale.fr/referentiel",
        "@xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "@xsi:type": if government { "QuestionGouvernement_Type" } else { "QuestionEcrite_Type" },
        "uid": uid,
        "identifiant": {"numero": number.to_string(), "regime": "5eme Republique", "legislature": "17"},
        "type": kind,
        "indexationAN": {"rubrique": TOPICS[rng.range(0, TOPICS.len())], "teteAnalyse": null,
                         "analyses": {"analyse": analyse}},
        "auteur": {"identite": {"acteurRef": format!("PA{}", 700_000 + i % 577), "mandatRef": format!("PM{}", 800_000 + i % 577)},
                   "groupe": {"organeRef": "PO845407", "abrege": group_short, "developpe": group_long}},
        "minInt": ministry,
        "minAttribs": {"minAttrib": attributions},
        "textesQuestion": textes_question,
        "textesReponse": textes_reponse,
        "cloture": cloture,
        "signalement": null,
        "renouvellements": null
    }});
    let mut out = String::with_capacity(16 * 1024);
    write_value(&document, &mut out);
    (format!("json/{name_uid}.json"), out)
}

/// `value` as Python's `json.dumps` writes it, which is how the
/// Assemblée's files read: `", "`, `": "`, ASCII only.
fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(key, out);
                out.push_str(": ");
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || !c.is_ascii() => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
