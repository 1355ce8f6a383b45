use super::*;

fn lines(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width).into_iter().map(|r| &text[r]).collect()
}

proptest::proptest! {
    /// Wrapping in pieces, in parallel, gives the lines of wrapping the
    /// whole text.
    #[test]
    fn pieces_wrap_as_the_whole(text in "[ab é\n]{0,60}", width in 1usize..8, piece in 1usize..20) {
        let mut whole = Vec::new();
        wrap_lines(&text, 0, width, &mut whole);
        proptest::prop_assert_eq!(wrap_in_pieces(&text, width, piece), whole);
    }

    /// Words are in order, apart, never empty, never start or end with
    /// a space, hold no tab, and between them hold every other
    /// character.
    #[test]
    fn words_cover_the_line_between_spaces_and_tabs(line in "[a \té,.«»?\\-]{0,30}") {
        let found = words(&line);
        let mut at = 0;
        let mut kept = String::new();
        for word in &found {
            let text = &line[word.clone()];
            proptest::prop_assert!(word.start >= at && !text.is_empty());
            proptest::prop_assert!(!text.starts_with(' ') && !text.ends_with(' ') && !text.contains('\t'));
            proptest::prop_assert!(line[at..word.start].chars().all(|c| c == ' ' || c == '\t'));
            kept.push_str(text);
            at = word.end;
        }
        proptest::prop_assert!(line[at..].chars().all(|c| c == ' ' || c == '\t'));
        let plain = |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '\t')).collect::<String>();
        proptest::prop_assert_eq!(plain(&kept), plain(&line));
    }

    /// A run [`plain`] takes whole is one word for UAX #14 too.
    #[test]
    fn plain_runs_have_no_break_inside(run in "[a-zA-Z0-9.,;:'\")\\]«»’‘°\u{a0}\u{202f}À-ÿĀ-ɏ]{1,12}") {
        if plain(&run) {
            let found: Vec<_> = split_words(
                WordSeparator::UnicodeBreakProperties.find_words(&run),
                &WordSplitter::HyphenSplitter,
            )
            .map(|w| w.word.to_owned())
            .filter(|w| !w.is_empty())
            .collect();
            proptest::prop_assert_eq!(found, vec![run.clone()]);
        }
    }

    /// A run of plain words joined by hyphens between letters breaks
    /// after each hyphen, as UAX #14 and the hyphen splitter break it.
    #[test]
    fn hyphens_between_letters_break_after(parts in proptest::collection::vec("[a-zA-Zé«»’°\u{a0}.,:;'\")\\]0-9]{1,6}", 1..4)) {
        let run = parts.join("-");
        // As the one-pass path sees it: every character no plain run
        // holds is a joining hyphen.
        let hyphens = not_plain(&run);
        if hyphens.iter().all(|&at| joins_letters(&run, at)) {
            let mut expected = Vec::new();
            let mut start = 0;
            for &at in &hyphens {
                expected.push(run[start..=at].to_owned());
                start = at + 1;
            }
            expected.push(run[start..].to_owned());
            let found: Vec<String> = uax14_words(&run, 0..run.len())
                .into_iter()
                .map(|w| run[w].to_owned())
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    /// The one-pass path makes the pieces that words, units and
    /// pieces_of make one after the other.
    #[test]
    fn one_pass_makes_the_pieces_of_three(line in "[ab «»?:;,. \t\\-/…°]{0,40}", width in 1usize..12) {
        let mut fast = Vec::new();
        line_pieces(&line, width, &mut fast);
        let mut general = Vec::new();
        let words = words(&line);
        for unit in units(&line, &words, usize::MAX) {
            pieces_of(&line, &words[unit], width, &mut general);
        }
        let ranges = |p: &[Piece]| p.iter().map(|p| (p.range.clone(), p.width)).collect::<Vec<_>>();
        proptest::prop_assert_eq!(ranges(&fast), ranges(&general));
    }

    /// Every line fits, and the lines hold every word, in order.
    #[test]
    fn lines_fit_and_lose_nothing(text in "[a-zé \t«»?:;,.\\-/日]{0,80}", width in 1usize..30) {
        let ranges = wrap(&text, width);
        let mut kept = String::new();
        for r in &ranges {
            // A wide character alone may not fit one column.
            let line = &text[r.clone()];
            proptest::prop_assert!(str_width(line) <= width || line.chars().count() == 1);
            kept.push_str(&text[r.clone()]);
        }
        let squash = |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '\t')).collect::<String>();
        proptest::prop_assert_eq!(squash(&kept), squash(&text));
    }
}

/// On the real texts (the seed, the Assemblée's documents): every run
/// [`plain`] takes whole is one word for UAX #14, and every run of
/// plain words joined by hyphens breaks after each hyphen.
#[test]
fn plain_runs_of_real_texts_have_no_break_inside() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let input = crate::corpus::Input::Paths(vec![
        concat!(env!("CARGO_MANIFEST_DIR"), "/seeds").into(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/an/real").into(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures").into(),
    ]);
    let corpus = crate::corpus::Corpus::load(&input, today);
    let (mut checked, mut hyphenated) = (0, 0);
    for record in &corpus.records {
        let answer = record.answer.as_ref().map_or("", |a| a.text.as_str());
        for run in [record.question.text.as_str(), answer]
            .iter()
            .flat_map(|t| t.split([' ', '\t', '\n']))
            .filter(|run| !run.is_empty() && plain(run))
        {
            let found: Vec<&str> = split_words(
                WordSeparator::UnicodeBreakProperties.find_words(run),
                &WordSplitter::HyphenSplitter,
            )
            .map(|w| w.word)
            .filter(|w| !w.is_empty())
            .collect();
            assert_eq!(found, vec![run], "{}", record.source);
            checked += 1;
        }
        // Runs the one-pass path splits after their hyphens.
        for run in [record.question.text.as_str(), answer]
            .iter()
            .flat_map(|t| t.split([' ', '\t', '\n']))
        {
            let odd = not_plain(run);
            if odd.is_empty() || !odd.iter().all(|&at| joins_letters(run, at)) {
                continue;
            }
            let found: Vec<&str> = uax14_words(run, 0..run.len())
                .into_iter()
                .map(|w| &run[w])
                .collect();
            let expected: Vec<&str> = run.split_inclusive('-').collect();
            assert_eq!(found, expected, "{}", record.source);
            hyphenated += 1;
        }
    }
    assert!(checked > 4_000, "{checked}");
    assert!(hyphenated > 20, "{hyphenated}");
}

#[test]
fn breaks_at_words_and_keeps_paragraph_gaps() {
    assert_eq!(
        lines("L'usage par la puissance publique\n\nde caméras", 12),
        vec!["L'usage par", "la puissance", "publique", "", "de caméras"]
    );
}

#[test]
fn accented_letters_take_one_column() {
    assert_eq!(lines("éé éé éé", 5), vec!["éé éé", "éé"]);
}

#[test]
fn wide_characters_take_two() {
    assert_eq!(lines("日本語 日本", 6), vec!["日本語", "日本"]);
    assert_eq!(lines("日本語日本", 4), vec!["日本", "語日", "本"]);
}

#[test]
fn long_words_break_between_graphemes() {
    assert_eq!(
        lines("anticonstitutionnellement", 10),
        vec!["anticonsti", "tutionnell", "ement"]
    );
}

#[test]
fn every_line_fits_and_no_text_is_lost() {
    let text = "Il porte tout d'abord une accusation grave contre les communes, \
                en affirmant qu'elles ont recours à des technologies illégales.";
    for width in 1..40 {
        let ranges = wrap(text, width);
        for r in &ranges {
            assert!(
                str_width(&text[r.clone()]) <= width,
                "{width}: {:?}",
                &text[r.clone()]
            );
        }
        let kept: String = ranges
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squash(&kept), squash(text));
    }
}

#[test]
fn french_punctuation_stays_with_its_word() {
    assert_eq!(
        lines("de caméras « augmentées » ? Oui : non", 12),
        vec!["de caméras", "« augmentées", "» ? Oui :", "non"]
    );
    assert_eq!(
        lines("une bonne chose, et donc", 16),
        vec!["une bonne chose,", "et donc"]
    );
    assert_eq!(
        lines("6\u{a0}janvier\u{a0}1978 x", 14),
        vec!["6\u{a0}janvier\u{a0}1978", "x"]
    );
}

#[test]
fn a_glued_pair_wider_than_the_line_still_breaks() {
    assert_eq!(
        lines("« anticonstitutionnellement »", 10),
        vec!["«", "anticonsti", "tutionnell", "ement »"]
    );
}

#[test]
fn zero_width_is_treated_as_one() {
    assert_eq!(lines("ab", 0), vec!["a", "b"]);
}
