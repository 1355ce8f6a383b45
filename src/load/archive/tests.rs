//! Archives read in place, on the zips tests/an/derive.py makes from the
//! real documents.

use super::*;

fn zip(name: &str) -> (PathBuf, String) {
    let path = PathBuf::from(format!(
        "{}/tests/an/zip/{name}",
        env!("CARGO_MANIFEST_DIR")
    ));
    let source = path.display().to_string();
    (path, source)
}

fn open(name: &str) -> (Archive, Option<Diagnostic>) {
    let (path, source) = zip(name);
    Archive::open(&path, &source).unwrap()
}

fn names(archive: &Archive) -> Vec<String> {
    archive
        .entries()
        .into_iter()
        .map(|(_, source)| source.rsplit_once("!/").unwrap().1.to_owned())
        .collect()
}

#[test]
fn document_entries_are_listed_in_order_and_others_skipped() {
    let (archive, problem) = open("legislature.zip");
    assert!(problem.is_none());
    assert_eq!(
        names(&archive),
        [
            "json/QANR5L16QG1.json",
            "json/QANR5L16QG10.json",
            "json/QANR5L16QG100.json",
            "json/QANR5L17QE5268.json"
        ]
    );
    let (entry, source) = archive.entries().pop().unwrap();
    assert!(source.ends_with("legislature.zip!/json/QANR5L17QE5268.json"));
    let real = std::fs::read(format!(
        "{}/tests/an/real/QANR5L17QE5268.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(archive.read(&entry, <[u8]>::to_vec).unwrap(), real);
    assert!(matches!(archive.find(&source), Some(Entry::Indexed(3))));
    assert!(archive.find("elsewhere.zip!/json/x.json").is_none());
}

#[test]
fn an_entry_source_splits_back_into_the_archive_and_the_name() {
    let (path, source) = zip("legislature.zip");
    let entry = entry_source(&source, "json/QANR5L16QG1.json");
    assert_eq!(split_source(&entry), Some((path, "json/QANR5L16QG1.json")));
    assert_eq!(split_source("plain/file.json"), None);
    assert_eq!(split_source("/nonexistent.zip!/x.json"), None);
    // A name cannot smuggle control characters into diagnostics.
    assert_eq!(
        entry_source("a.zip", "x\u{1b}[2J.json"),
        "a.zip!/x\u{fffd}[2J.json"
    );
}

#[test]
fn zips_are_known_by_their_first_bytes() {
    assert!(is_zip(&zip("legislature.zip").0));
    assert!(
        is_zip(&zip("cut.zip").0),
        "cut at the end, not at the start"
    );
    let real = format!(
        "{}/tests/an/real/QANR5L16QG1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    assert!(!is_zip(Path::new(&real)));
    assert!(!is_zip(Path::new("/nonexistent.zip")));
}

#[test]
fn a_damaged_entry_fails_alone() {
    let (archive, _) = open("corrupt_entry.zip");
    let results: Vec<Result<usize, Message>> = archive
        .entries()
        .iter()
        .map(|(entry, _)| archive.read(entry, <[u8]>::len))
        .collect();
    assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
    assert!(
        matches!(results[1], Err(Message::ZipEntry(_))),
        "{results:?}"
    );
}

#[test]
fn an_archive_cut_short_is_read_from_the_start() {
    let (archive, problem) = open("cut.zip");
    assert!(matches!(problem.unwrap().message, Message::Zip(_)));
    let entries = archive.entries();
    assert_eq!(
        names(&archive).len(),
        4,
        "the last one is cut, still listed"
    );
    let read: Vec<bool> = entries
        .iter()
        .map(|(entry, _)| archive.read(entry, |_| ()).is_ok())
        .collect();
    assert_eq!(read, [true, true, true, false]);
    let (entry, source) = &entries[1];
    assert!(matches!(entry, Entry::At(_)));
    assert!(archive.find(source).is_some());
}

#[test]
fn bombs_are_refused_whatever_they_declare() {
    let (declared, _) = open("bomb_declared.zip");
    let (entry, _) = &declared.entries()[0];
    assert_eq!(
        declared.read(entry, |_| ()).unwrap_err(),
        Message::ZipTooLarge(64)
    );
    let (lying, _) = open("bomb_lying.zip");
    let (entry, _) = &lying.entries()[0];
    let refused = lying.read(entry, <[u8]>::len);
    assert!(
        matches!(refused, Err(Message::ZipEntry(_) | Message::ZipTooLarge(_))),
        "{refused:?}"
    );
}

#[test]
fn a_file_that_is_no_zip_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.zip");
    std::fs::write(&path, b"PK\x03\x04 and then nothing a zip holds").unwrap();
    let (archive, problem) = Archive::open(&path, "fake.zip").unwrap();
    assert!(problem.is_some());
    assert!(archive.entries().is_empty());
    assert!(Archive::open(Path::new("/nonexistent.zip"), "x.zip").is_err());
}
