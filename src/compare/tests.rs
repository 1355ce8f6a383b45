//! Alignments of answers in the shapes real reused answers take.

use super::*;

const BASE: &str = "Le Gouvernement est pleinement mobilisé sur la question des \
    services publics en zone rurale. La direction générale des finances publiques \
    a engagé une réorganisation de son réseau. Elle vise à renforcer l'accueil de \
    proximité des usagers. Les maisons France services complètent ce dispositif.";

fn kinds(a: &Alignment) -> Vec<RowKind> {
    a.rows.iter().map(|r| r.kind).collect()
}

#[test]
fn identical_answers_share_every_sentence() {
    let a = align(BASE, BASE, None);
    assert_eq!(a.left.len(), 4);
    assert_eq!(kinds(&a), vec![RowKind::Shared; 4]);
    assert!(a.complete);
    assert_eq!(a.differences().count(), 0);
    // Whitespace aside: a rewrapped copy is the same answer.
    let rewrapped = BASE.replace(". ", ".\n");
    assert_eq!(align(BASE, &rewrapped, None).counts().shared, 4);
}

#[test]
fn a_paragraph_added_is_found_on_one_side_only() {
    let later = format!(
        "{BASE}\n\nEn outre, un plan de soutien de dix millions d'euros sera engagé. \
         Il sera évalué chaque année."
    );
    let a = align(BASE, &later, None);
    assert_eq!(
        a.counts(),
        Counts {
            shared: 4,
            changed: 0,
            only_left: 0,
            only_right: 2
        }
    );
    assert_eq!(kinds(&a)[4..], [RowKind::Right, RowKind::Right]);
    // The other way round, the paragraph is the left's alone.
    assert_eq!(align(&later, BASE, None).counts().only_left, 2);
}

#[test]
fn numbers_updated_show_the_words_changed() {
    let left = "En 2022, 2 000 agents ont été recrutés. Le budget atteint 12 millions d'euros.";
    let right = "En 2023, 2 500 agents ont été recrutés. Le budget atteint 12 millions d'euros.";
    let a = align(left, right, None);
    assert_eq!(kinds(&a), vec![RowKind::Changed, RowKind::Shared]);
    let words = &a.rows[0].words;
    let removed: Vec<&str> = words
        .iter()
        .filter(|w| w.kind == WordKind::Delete)
        .map(|w| &left[w.left.clone()])
        .collect();
    let added: Vec<&str> = words
        .iter()
        .filter(|w| w.kind == WordKind::Insert)
        .map(|w| &right[w.right.clone()])
        .collect();
    assert_eq!(removed, vec!["2022,", "000"]);
    assert_eq!(added, vec!["2023,", "500"]);
    let mut out = Vec::new();
    write_text(&mut out, left, right, &a).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("~ En [-2022,-] {+2023,+} 2 [-000-] {+500+} agents"),
        "{out}"
    );
    assert!(out.contains("\n  Le budget atteint"));
}

#[test]
fn sentences_reordered_are_still_shared() {
    let s = sentences(BASE);
    let reordered = [3, 0, 1, 2]
        .iter()
        .map(|&i| &BASE[s[i].clone()])
        .collect::<Vec<_>>()
        .join(" ");
    let a = align(BASE, &reordered, None);
    assert_eq!(a.counts().shared, 4, "{:?}", kinds(&a));
    assert_eq!(a.counts().only_left + a.counts().only_right, 0);
}

#[test]
fn empty_and_unrelated_texts_align_without_pairs() {
    assert!(align("", "", None).rows.is_empty());
    assert_eq!(align(BASE, "", None).counts().only_left, 4);
    assert_eq!(align("", BASE, None).counts().only_right, 4);
    let other = "La ministre rappelle que la politique de l'eau relève des agences. \
                 Les comités de bassin fixent les priorités.";
    let c = align(BASE, other, None).counts();
    assert_eq!((c.shared, c.changed), (0, 0));
    assert_eq!((c.only_left, c.only_right), (4, 2));
}

#[test]
fn a_deadline_gone_leaves_the_rest_unpaired_but_whole() {
    let past = Instant::now();
    let a = align(BASE, &BASE.replace("rurale", "urbaine"), Some(past));
    assert!(!a.complete);
    // Every sentence is still in a row, once.
    let lefts = a.rows.iter().filter(|r| r.left.is_some()).count();
    let rights = a.rows.iter().filter(|r| r.right.is_some()).count();
    assert_eq!((lefts, rights), (4, 4));
}
