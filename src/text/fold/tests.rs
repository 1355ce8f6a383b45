//! Folding behaviours one by one, then properties over arbitrary text.

use proptest::prelude::*;

use super::*;

const INSENSITIVE: FoldOptions = FoldOptions::INSENSITIVE;
const CASE: FoldOptions = FoldOptions {
    case_sensitive: true,
    accent_sensitive: false,
};
const ACCENTS: FoldOptions = FoldOptions {
    case_sensitive: false,
    accent_sensitive: true,
};
const EXACT: FoldOptions = FoldOptions {
    case_sensitive: true,
    accent_sensitive: true,
};

/// The original text of the first match of `needle` in the folding.
fn find<'a>(original: &'a str, needle: &str, options: FoldOptions) -> Option<&'a str> {
    let folded = fold(original, options);
    let at = folded.text().find(needle)?;
    Some(&original[folded.original_range(at..at + needle.len())])
}

#[test]
fn insensitive_folding_lowercases_and_strips() {
    assert_eq!(fold_str("Caméras À Ça", INSENSITIVE), "cameras a ca");
    assert_eq!(
        fold_str("ŒUVRE œuvre Æther", INSENSITIVE),
        "oeuvre oeuvre aether"
    );
    assert_eq!(
        fold_str("Łódź Ørsted Dvořák", INSENSITIVE),
        "lodz orsted dvorak"
    );
    assert_eq!(fold_str("e\u{301}te\u{301}", INSENSITIVE), "ete");
}

#[test]
fn sensitivity_keeps_what_it_says() {
    assert_eq!(fold_str("Caméras ŒUVRE", CASE), "Cameras OEUVRE");
    assert_eq!(fold_str("Caméras ŒUVRE", ACCENTS), "caméras œuvre");
    assert_eq!(fold_str("Caméras ŒUVRE", EXACT), "Caméras ŒUVRE");
    assert_eq!(fold_str("e\u{301}", ACCENTS), "e\u{301}");
}

#[test]
fn every_whitespace_run_is_one_space() {
    let text = "6\u{a0}janvier\u{202f}1978\n\nla  loi\t\u{2009}du";
    assert_eq!(fold_str(text, EXACT), "6 janvier 1978 la loi du");
    assert_eq!(fold_str(" \u{301} x", INSENSITIVE), " x");
}

#[test]
fn other_scripts_pass_through_lowercased() {
    assert_eq!(fold_str("ΣΟΦΊΑ 🎉 日本", INSENSITIVE), "σοφία 🎉 日本");
}

#[test]
fn smart_case_and_accents() {
    assert!(!needs_case_sensitivity("cameras"));
    assert!(needs_case_sensitivity("Cameras"));
    assert!(!needs_accent_sensitivity("Cameras"));
    assert!(needs_accent_sensitivity("caméras"));
    assert!(needs_accent_sensitivity("œuvre"));
    assert!(needs_accent_sensitivity("Æ"));
    assert!(needs_accent_sensitivity("e\u{301}"));
    assert!(!needs_accent_sensitivity("l'etat? 1978 «»"));
    assert_eq!(
        FoldOptions::smart("CNIL"),
        FoldOptions {
            case_sensitive: true,
            accent_sensitive: false
        }
    );
}

#[test]
fn a_ligature_match_maps_to_the_whole_ligature() {
    assert_eq!(find("une œuvre", "oeuvre", INSENSITIVE), Some("œuvre"));
    assert_eq!(find("une œuvre", "o", INSENSITIVE), Some("œ"));
    assert_eq!(find("une œuvre", "euvre", INSENSITIVE), Some("œuvre"));
}

#[test]
fn an_accent_match_maps_to_the_accented_letters() {
    assert_eq!(find("les caméras", "cameras", INSENSITIVE), Some("caméras"));
    assert_eq!(find("ÉTÉ", "ete", INSENSITIVE), Some("ÉTÉ"));
    assert_eq!(
        find("e\u{301}te\u{301} x", "ete", INSENSITIVE),
        Some("e\u{301}te\u{301}")
    );
}

#[test]
fn a_phrase_maps_across_whitespace_runs() {
    let text = "le 6\u{a0}janvier\n  1978.";
    assert_eq!(
        find(text, "6 janvier 1978", EXACT),
        Some("6\u{a0}janvier\n  1978")
    );
    // Ending on a run: its first character only; starting on one: all of it.
    assert_eq!(find(text, "janvier ", EXACT), Some("janvier\n"));
    assert_eq!(find(text, " 1978", EXACT), Some("\n  1978"));
    assert_eq!(find("a\u{a0}\u{a0}", "a ", EXACT), Some("a\u{a0}"));
}

#[test]
fn out_of_bounds_ranges_are_clamped() {
    let folded = fold("été", INSENSITIVE);
    assert_eq!(folded.original_range(1..99), 2..5);
    assert_eq!(folded.original_range(7..9), 5..5);
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = 2..1;
    assert_eq!(folded.original_range(reversed), 3..3);
    assert_eq!(fold("", EXACT).original_range(0..1), 0..0);
}

fn options() -> impl Strategy<Value = FoldOptions> {
    (any::<bool>(), any::<bool>()).prop_map(|(case_sensitive, accent_sensitive)| FoldOptions {
        case_sensitive,
        accent_sensitive,
    })
}

/// Text heavy in what folding treats specially.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("é".to_owned()),
        Just("É".to_owned()),
        Just("œ".to_owned()),
        Just("Œ".to_owned()),
        Just("æ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{202f}".to_owned()),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        Just("\t\r\u{b}\u{c}".to_owned()),
        Just(". l'".to_owned()),
        Just("\u{301}".to_owned()),
        Just("İ".to_owned()),
        Just("🎉".to_owned()),
        Just("ß".to_owned()),
        "[a-zA-Z]{1,3}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

/// Whether folded byte `i` starts what one original character gave.
fn unit_start(folded: &Folded, i: usize) -> bool {
    i == 0 || i == folded.text.len() || folded.starts[i] != folded.starts[i - 1]
}

proptest! {
    #[test]
    fn the_fast_fold_equals_the_mapped_fold(
        original in text(),
        case_sensitive in any::<bool>(),
        accent_sensitive in any::<bool>(),
    ) {
        let options = FoldOptions { case_sensitive, accent_sensitive };
        let mapped = fold(&original, options);
        prop_assert_eq!(fold_str(&original, options), mapped.text());
    }

    #[test]
    fn ranges_map_to_char_boundaries_and_back(
        original in text(),
        options in options(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let folded = fold(&original, options);
        let text = folded.text();
        prop_assert_eq!(text, fold_str(&original, options));
        let bounds: Vec<usize> =
            (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let (mut a, mut b) = (*a.get(&bounds), *b.get(&bounds));
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        let range = folded.original_range(a..b);
        prop_assert!(range.start <= range.end && range.end <= original.len());
        prop_assert!(original.is_char_boundary(range.start));
        prop_assert!(original.is_char_boundary(range.end));
        let back = fold_str(&original[range], options);
        prop_assert!(back.contains(&text[a..b]), "{:?} lost {:?}", back, &text[a..b]);
        if unit_start(&folded, a) && unit_start(&folded, b) {
            prop_assert_eq!(&back, &text[a..b]);
        }
    }

    #[test]
    fn a_found_substring_maps_back_to_text_that_folds_to_it(
        original in text(),
        options in options(),
        a in any::<prop::sample::Index>(),
        len in 1usize..8,
    ) {
        let folded = fold(&original, options);
        let text = folded.text();
        let bounds: Vec<usize> =
            (0..text.len()).filter(|&i| unit_start(&folded, i)).collect();
        prop_assume!(!bounds.is_empty());
        let start = *a.get(&bounds);
        let end = bounds.iter().copied().chain([text.len()])
            .filter(|&e| e > start).nth(len - 1).unwrap_or(text.len());
        let needle = &text[start..end];
        let Some(at) = text.find(needle) else {
            return Err(TestCaseError::fail("a substring must be found"));
        };
        let range = folded.original_range(at..at + needle.len());
        let back = fold_str(&original[range], options);
        if unit_start(&folded, at) && unit_start(&folded, at + needle.len()) {
            prop_assert_eq!(back.as_str(), needle);
        } else {
            prop_assert!(back.contains(needle));
        }
    }

    #[test]
    fn insensitive_folding_refines_sensitive_folding(original in text(), options in options()) {
        // What lets an index of the insensitive folding pre-filter sensitive
        // searches: folding a sensitive folding insensitively changes nothing.
        let sensitive = fold_str(&original, options);
        prop_assert_eq!(
            fold_str(&sensitive, INSENSITIVE),
            fold_str(&original, INSENSITIVE)
        );
    }
}
