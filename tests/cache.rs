//! The persistent index never gives a result the files would not: records
//! and filter results from the cache, with files edited, added and
//! removed between opens, against a load without it; a damaged, foreign or
//! future cache is refused and rebuilt; a cache folder that cannot be
//! written costs the cache only; a writer killed mid-write leaves the old
//! cache or none.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use chrono::NaiveDate;
use ratatui::layout::Rect;
use reponses::cache::{self, Cache, Refusal};
use reponses::corpus::{self, Corpus, Input, Progress};
use reponses::model::Record;
use reponses::search::{Query, scan};
use reponses::tui::app::App;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

const SEED: &str = include_str!("../seeds/000_2a0bcd50e9b94967.txt");

/// A folder of documents: the seed, variations of it, an awaiting
/// question, a broken file.
fn corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    for i in 0..12 {
        let text = SEED
            .replace("Dossus", &format!("Dossus{i}"))
            .replace("caméras", if i % 3 == 0 { "CAMÉRAS" } else { "caméras" });
        std::fs::write(dir.join(format!("sub/{i:02}.txt")), text).unwrap();
    }
    std::fs::write(
        dir.join("awaiting.txt"),
        "Question de M. DUPONT Jean (Rhône - GEST) publiée le 10/11/2025\n\nM. Jean Dupont attire l'attention de M. le ministre de la culture sur la CNIL.\n\n- page 12\n\nEn attente de réponse du Ministère de la culture.\n",
    )
    .unwrap();
    std::fs::write(dir.join("broken.txt"), "Question de M. (\n").unwrap();
}

/// Opens `dir` as the reader does, through `cache`, until its index is
/// built and any cache it writes is written; the reader and its notices.
fn open(dir: &Path, cache: Option<Cache>) -> (App, Vec<String>) {
    let input = Input::Paths(vec![dir.to_path_buf()]);
    let mut app = App::streaming(input.clone(), Rect::new(0, 0, 120, 40), false, today());
    let receiver = corpus::open(input, today(), cache);
    let mut notices = Vec::new();
    loop {
        match receiver.recv_timeout(Duration::from_millis(10)) {
            Ok(Progress::Notice(notice)) => notices.push(notice.render(Default::default())),
            Ok(progress) => app.on_progress(progress),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while app.indexing() {
            app.index_step();
        }
    }
    while app.indexing() {
        app.index_step();
    }
    // The writer's own notices (a folder that cannot be written).
    while app.take_notices() {
        if let Some(message) = &app.message {
            notices.push(message.text.clone());
        }
    }
    (app, notices)
}

fn without_texts(mut record: Record) -> Record {
    record.question.text.clear();
    if let Some(answer) = record.answer.as_mut() {
        answer.text.clear();
    }
    record
}

const QUERIES: &[&str] = &[
    "cnil",
    "caméras",
    "CAMÉRAS",
    "\"cadre juridique\"",
    "\"Cadre juridique\"",
    "\"la CNIL\"",
    "author:dossus1",
    "status:awaiting",
    "late:yes",
    "delay:>60",
    "ministry:culture",
    "cnil -caméras",
    "-status:answered",
    "dupont",
    "zorglub",
    "\"m. le ministre\"",
];

/// Every record and every filter result of `app` (from the cache) is what
/// a load of the files without it gives.
fn agrees_with_the_files(app: &App, dir: &Path) {
    let input = Input::Paths(vec![dir.to_path_buf()]);
    let files = Corpus::load(&input, today());
    let cached: Vec<Record> = app
        .corpus
        .records
        .iter()
        .cloned()
        .map(without_texts)
        .collect();
    let loaded: Vec<Record> = files.records.iter().cloned().map(without_texts).collect();
    assert_eq!(cached, loaded);
    assert_eq!(app.corpus.diagnostics, files.diagnostics);
    assert_eq!(
        (app.corpus.files, app.corpus.failed_files),
        (files.files, files.failed_files)
    );
    let fetch = |record: &Record| corpus::with_texts(&input, record, today());
    for text in QUERIES {
        let query = Query::parse(text, today()).unwrap();
        let from_cache = app
            .index
            .filter_with(&app.corpus.records, &query, Some(&fetch));
        assert_eq!(from_cache, scan(&files.records, &query), "{text}");
    }
}

fn xdg() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("reponses");
    (home, dir)
}

#[test]
fn edits_additions_and_removals_between_opens_show_as_the_files_say() {
    let folder = tempfile::tempdir().unwrap();
    let docs = folder.path().join("docs");
    corpus(&docs);
    let (_home, dir) = xdg();
    let cache = Cache::in_dir(&dir, std::slice::from_ref(&docs));
    // First open: no cache, one written.
    let (app, notices) = open(&docs, Some(cache.clone()));
    assert!(notices.is_empty(), "{notices:?}");
    assert!(app.awaiting_texts.as_ref().is_none_or(|a| !a.on_demand));
    assert!(cache.path.exists());
    // Second open: all from the cache.
    let (app, _) = open(&docs, Some(cache.clone()));
    assert!(app.awaiting_texts.as_ref().is_some_and(|a| a.on_demand));
    agrees_with_the_files(&app, &docs);
    // Edited (same size or not), added, removed.
    std::fs::write(docs.join("sub/03.txt"), SEED.replace("caméras", "zorglub")).unwrap();
    std::fs::write(docs.join("sub/99.txt"), SEED.replace("Dossus", "Zorglub")).unwrap();
    std::fs::remove_file(docs.join("sub/05.txt")).unwrap();
    std::fs::write(docs.join("broken.txt"), SEED).unwrap();
    let (app, _) = open(&docs, Some(cache.clone()));
    agrees_with_the_files(&app, &docs);
    // Written again whole: the next open agrees as well, reading nothing.
    let (app, _) = open(&docs, Some(cache.clone()));
    agrees_with_the_files(&app, &docs);
    let opened = cache::open(&cache, today()).unwrap();
    assert_eq!(opened.reread, 0);
    assert!(opened.update.is_none());
}

#[test]
fn an_archive_is_cached_as_a_whole_and_read_again_when_it_changes() {
    let folder = tempfile::tempdir().unwrap();
    let docs = folder.path().join("docs");
    corpus(&docs);
    let zip = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/an/zip/legislature.zip");
    std::fs::copy(zip, docs.join("an.zip")).unwrap();
    let (_home, dir) = xdg();
    let cache = Cache::in_dir(&dir, std::slice::from_ref(&docs));
    open(&docs, Some(cache.clone()));
    let (app, _) = open(&docs, Some(cache.clone()));
    assert!(app.awaiting_texts.as_ref().is_some_and(|a| a.on_demand));
    agrees_with_the_files(&app, &docs);
    let entry = app
        .corpus
        .records
        .iter()
        .find(|r| r.source.ends_with("an.zip!/json/QANR5L17QE5268.json"))
        .expect("the archive's entries are listed from the cache");
    let input = Input::Paths(vec![docs.clone()]);
    let full = corpus::with_texts(&input, entry, today()).unwrap();
    assert!(
        full.answer.unwrap().text.contains("diamants"),
        "texts on demand"
    );
    for text in [
        "chamber:an",
        "kind:government",
        "diamants",
        "\"la parole est\"",
    ] {
        let query = Query::parse(text, today()).unwrap();
        let fetch = |record: &Record| corpus::with_texts(&input, record, today());
        let files = Corpus::load(&input, today());
        assert_eq!(
            app.index
                .filter_with(&app.corpus.records, &query, Some(&fetch)),
            scan(&files.records, &query),
            "{text}"
        );
    }
    assert_eq!(cache::open(&cache, today()).unwrap().reread, 0);
    // The archive replaced by one with fewer entries: read again, whole.
    let cut = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/an/zip/corrupt_entry.zip"
    );
    std::fs::copy(cut, docs.join("an.zip")).unwrap();
    let opened = cache::open(&cache, today()).unwrap();
    assert_eq!(opened.reread, 3, "its three entries");
    let (app, _) = open(&docs, Some(cache.clone()));
    agrees_with_the_files(&app, &docs);
}

#[test]
fn an_awaiting_question_is_judged_late_on_the_day_it_is_opened() {
    let folder = tempfile::tempdir().unwrap();
    corpus(folder.path());
    let (_home, dir) = xdg();
    let cache = Cache::in_dir(&dir, &[folder.path().to_path_buf()]);
    cache::write::build(&cache, NaiveDate::from_ymd_opt(2025, 11, 20).unwrap()).unwrap();
    let opened = cache::open(&cache, today()).unwrap();
    let awaiting = opened
        .corpus
        .records
        .iter()
        .find(|r| r.source.ends_with("awaiting.txt"))
        .unwrap();
    assert_eq!(awaiting.late, Some(true));
}

/// Damages a written cache with `damage`; the next open says why, reads
/// the files, and writes a sound cache again.
fn refused_then_rebuilt(damage: impl Fn(&mut Vec<u8>), want: fn(&Refusal) -> bool) {
    let folder = tempfile::tempdir().unwrap();
    corpus(folder.path());
    let (_home, dir) = xdg();
    let cache = Cache::in_dir(&dir, &[folder.path().to_path_buf()]);
    cache::write::build(&cache, today()).unwrap();
    let mut bytes = std::fs::read(&cache.path).unwrap();
    damage(&mut bytes);
    std::fs::write(&cache.path, &bytes).unwrap();
    let refusal = cache::open(&cache, today()).unwrap_err();
    assert!(want(&refusal), "{refusal:?}");
    let (app, notices) = open(folder.path(), Some(cache.clone()));
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("built again"), "{notices:?}");
    assert_eq!(app.corpus.records.len(), 13);
    assert!(cache::open(&cache, today()).is_ok());
}

#[test]
fn a_truncated_cache_is_rebuilt() {
    refused_then_rebuilt(
        |bytes| bytes.truncate(bytes.len() / 2),
        |r| matches!(r, Refusal::Damaged),
    );
    refused_then_rebuilt(
        |bytes| bytes.truncate(20),
        |r| matches!(r, Refusal::Damaged),
    );
}

#[test]
fn a_flipped_byte_anywhere_is_caught() {
    for at in [20usize, 200, 2_000, 20_000] {
        refused_then_rebuilt(
            |bytes| {
                let at = at.min(bytes.len() - 1);
                bytes[at] ^= 0x40;
            },
            |r| matches!(r, Refusal::Damaged),
        );
    }
    // The last byte too.
    refused_then_rebuilt(
        |bytes| {
            if let Some(last) = bytes.last_mut() {
                *last ^= 1;
            }
        },
        |r| matches!(r, Refusal::Damaged),
    );
}

#[test]
fn a_foreign_or_future_cache_is_rebuilt() {
    refused_then_rebuilt(
        |bytes| bytes[..8].copy_from_slice(b"PK\x03\x04abcd"),
        |r| matches!(r, Refusal::Foreign),
    );
    refused_then_rebuilt(
        |bytes| *bytes = b"hello".to_vec(),
        |r| matches!(r, Refusal::Foreign),
    );
    refused_then_rebuilt(
        |bytes| bytes[8..12].copy_from_slice(&(cache::file::VERSION + 1).to_le_bytes()),
        |r| matches!(r, Refusal::Version(v) if *v == cache::file::VERSION + 1),
    );
}

#[test]
fn a_cache_folder_that_cannot_be_written_costs_the_cache_only() {
    let folder = tempfile::tempdir().unwrap();
    corpus(folder.path());
    // A file where the folder should be: no user can create it.
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("reponses"), "").unwrap();
    let cache = Cache::in_dir(
        &home.path().join("reponses"),
        &[folder.path().to_path_buf()],
    );
    let (app, notices) = open(folder.path(), Some(cache));
    assert_eq!(app.corpus.records.len(), 13);
    assert_eq!(app.index.len(), 13);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].starts_with("no cache:"), "{notices:?}");
}

/// Run alone by [`a_writer_killed_while_writing_leaves_a_sound_cache`]:
/// writes the cache of `REPONSES_TEST_WRITE` over and over.
#[test]
fn writer_child() {
    let Some(folder) = std::env::var_os("REPONSES_TEST_WRITE") else {
        return;
    };
    let folder = PathBuf::from(folder);
    let cache = Cache::in_dir(&folder.join("cache"), &[folder.join("docs")]);
    loop {
        cache::write::build(&cache, today()).unwrap();
    }
}

#[test]
fn a_writer_killed_while_writing_leaves_a_sound_cache() {
    let folder = tempfile::tempdir().unwrap();
    let docs = folder.path().join("docs");
    // Enough to take a while to write.
    std::fs::create_dir_all(&docs).unwrap();
    for i in 0..300 {
        std::fs::write(
            docs.join(format!("{i:03}.txt")),
            SEED.replace("Dossus", &format!("D{i}")),
        )
        .unwrap();
    }
    let cache = Cache::in_dir(&folder.path().join("cache"), std::slice::from_ref(&docs));
    for round in 0..6u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "writer_child",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env("REPONSES_TEST_WRITE", folder.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(150 + 37 * round));
        // SIGKILL: no destructor, no cleanup.
        child.kill().unwrap();
        child.wait().unwrap();
        match cache::open(&cache, today()) {
            Ok(opened) => assert_eq!(opened.corpus.records.len(), 300),
            Err(Refusal::Missing) => {}
            Err(other) => panic!("round {round}: {other:?}"),
        }
    }
    // What a killed writer left is removed by the next one.
    cache::write::build(&cache, today()).unwrap();
    let name = cache
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(cache::file::leftovers(cache.path.parent().unwrap(), &name).is_empty());
}

/// The families of reused answers need every text, which a reader
/// opened from the cache does not hold: the files are read again on a
/// thread for them, and the families are those of a first open.
#[test]
fn families_are_found_from_the_files_when_the_records_come_from_the_cache() {
    let folder = tempfile::tempdir().unwrap();
    let docs = folder.path().join("docs");
    corpus(&docs);
    let (_home, dir) = xdg();
    let cache = Cache::in_dir(&dir, std::slice::from_ref(&docs));
    let families = |app: &App| -> Vec<(String, Option<String>)> {
        app.corpus
            .records
            .iter()
            .map(|r| (r.id.clone(), r.family.as_ref().map(|f| f.key.to_string())))
            .collect()
    };
    let (mut app, _) = open(&docs, Some(cache.clone()));
    app.compute_families();
    let first = families(&app);
    // The twelve copies of the seed's answer are one family.
    assert_eq!(first.iter().filter(|(_, f)| f.is_some()).count(), 12);
    let (mut app, _) = open(&docs, Some(cache.clone()));
    assert!(app.awaiting_texts.as_ref().is_some_and(|a| a.on_demand));
    app.compute_families();
    assert_eq!(families(&app), first);
}
