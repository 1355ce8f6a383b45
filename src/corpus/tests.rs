use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

#[test]
fn the_seeds_load() {
    let corpus = Corpus::load(&Input::Seeds, today());
    assert_eq!(corpus.records.len(), 1);
    assert_eq!(corpus.files, 1);
    assert_eq!(corpus.failed_files, 0);
    assert!(corpus.records[0].source.starts_with("seeds/"));
}

#[test]
fn streaming_gives_the_same_records() {
    let rx = stream(Input::Seeds, today());
    let mut listed = Corpus::default();
    let mut done = false;
    let mut texts = None;
    for progress in rx {
        match progress {
            Progress::Listed { files, .. } => assert_eq!(files, 1),
            Progress::Files(files) => files.into_iter().for_each(|(rank, f)| {
                assert_eq!(rank, 1);
                listed.add(f);
            }),
            Progress::Done => done = true,
            Progress::Texts(records) => {
                assert!(done, "texts come after every file is listed");
                texts = Some(records);
            }
            other => panic!("no cache without one asked for: {other:?}"),
        }
    }
    let whole = Corpus::load(&Input::Seeds, today()).records;
    assert_eq!(texts, Some(whole.clone()));
    // Listed first without texts, the same records otherwise.
    assert_eq!(listed.records.len(), whole.len());
    for (bare, full) in listed.records.iter().zip(&whole) {
        assert!(bare.question.text.is_empty());
        assert!(!full.question.text.is_empty());
        assert_eq!(
            (&bare.id, bare.status, bare.line),
            (&full.id, full.status, full.line)
        );
    }
}

#[test]
fn files_loaded_while_listed_keep_the_listing_order() {
    let fixtures = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let mut listed = Vec::new();
    load::walk(std::slice::from_ref(&fixtures), &mut |found| {
        match found {
            Found::File(path) | Found::Archive(path) => listed.push(path),
        }
        true
    });
    let input = Input::Paths(vec![fixtures]);
    let (_, sources) = scan(&input, today(), &|_| true, Texts::Drop, |file| {
        file.records.first().map(|r| r.source.clone())
    });
    let listed: Vec<String> = listed.iter().map(|p| p.display().to_string()).collect();
    assert!(listed.len() > 10);
    assert!(listed.is_sorted());
    let sources: Vec<String> = sources.into_iter().flatten().collect();
    let expected: Vec<&String> = listed.iter().filter(|p| sources.contains(p)).collect();
    assert_eq!(sources.iter().collect::<Vec<_>>(), expected);
    assert!(sources.len() > 10);
}

#[test]
fn an_archive_entry_streams_then_reloads_with_its_texts() {
    let zip = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/an/zip/legislature.zip"
    ));
    let input = Input::Paths(vec![zip]);
    let whole = Corpus::load(&input, today());
    assert_eq!(whole.records.len(), 4);
    let last = whole.records.last().unwrap();
    assert!(
        last.source
            .ends_with("legislature.zip!/json/QANR5L17QE5268.json")
    );
    let again = reload(&input, &last.source, today()).unwrap();
    assert_eq!(again.records, vec![last.clone()]);
    assert!(!again.records[0].question.text.is_empty());
    let other = last.source.replace("QANR5L17QE5268", "none");
    assert!(reload(&input, &other, today()).is_none());
    // Streamed: without texts first, then with them.
    let mut texts = None;
    for progress in stream(input, today()) {
        if let Progress::Texts(records) = progress {
            texts = Some(records);
        }
    }
    assert_eq!(texts, Some(whole.records));
}

#[test]
fn a_missing_path_is_a_failed_file() {
    let corpus = Corpus::load(&Input::Paths(vec!["/nonexistent/x.txt".into()]), today());
    assert_eq!((corpus.files, corpus.failed_files), (1, 1));
    assert_eq!(corpus.counts(), (1, 0));
}
