//! `search` with a cache answers as `search --no-cache` does: the same
//! lines, the same files in the same order, the same errors and exit
//! status, whether the mapped index answers the query alone (words and
//! phrases: no record decoded), or the query needs the records (filters),
//! with files edited, added and removed since the cache, and with a
//! damaged cache.

#[path = "../benches/support/corpus.rs"]
mod generated;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use reponses::cache::{self, Cache};
use reponses::search::Query;

/// Queries of every kind: common, rare, accented and not, absent, a
/// phrase, several words, sensitive, excluded, filters.
const QUERIES: &[&str] = &[
    "cnil",
    "CNIL",
    "caméras",
    "cameras",
    "vidéoprotection",
    "hydrogene",
    "zorglubxyz",
    "cnil ministre",
    "cnil zorglubxyz",
    "\"données personnelles\"",
    "\"de la\"",
    "-cnil",
    "cnil -caméras",
    "ministry:culture",
    "after:2020-01-01 cnil",
    "status:answered caméras",
    "author:dossus",
    "",
];

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// `reponses ARGS` with `xdg` as the cache's home: stdout, stderr, exit
/// status.
fn run(xdg: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_reponses"))
        .args(["--lang", "en"])
        .args(args)
        .env("XDG_CACHE_HOME", xdg)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

/// The cache of `dir`, as the reader writes it.
fn build(xdg: &Path, dir: &Path) -> Cache {
    let cache = Cache::in_dir(&xdg.join("reponses"), &[dir.to_path_buf()]);
    cache::write::build(&cache, today()).unwrap();
    cache
}

/// Every query, `-l` and lines, with and without the cache, agree.
fn agree(xdg: &Path, dir: &Path, queries: &[&str]) {
    let dir = dir.to_str().unwrap();
    for query in queries {
        for l in [true, false] {
            let mut args = vec!["search"];
            if l {
                args.push("-l");
            }
            args.extend([*query, dir]);
            let cached = run(xdg, &args);
            let mut plain = vec!["--no-cache"];
            plain.extend(&args);
            let fresh = run(xdg, &plain);
            assert_eq!(cached, fresh, "search {args:?} in {dir}");
        }
    }
}

fn xdg() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().to_path_buf();
    (home, path)
}

/// A generated corpus of `count` pages, in folders as `gencorpus` makes.
fn generate(root: &Path, count: u64) {
    for i in 0..count {
        let path = generated::path(root, i);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated::document(i)).unwrap();
    }
}

#[test]
fn the_index_alone_answers_words_and_phrases_not_filters() {
    let (_home, xdg) = xdg();
    let corpus = tempfile::tempdir().unwrap();
    generate(corpus.path(), 40);
    let cache = build(&xdg, corpus.path());
    let answered = |text: &str| {
        let query = Query::parse(text, today()).unwrap();
        cache::lookup(&cache, &query).unwrap().is_some()
    };
    for text in [
        "cnil",
        "caméras",
        "cnil ministre",
        "\"de la\"",
        "-cnil",
        "CNIL",
    ] {
        assert!(answered(text), "{text}");
    }
    // An accented phrase is accent-sensitive: checked on the texts.
    for text in [
        "ministry:culture",
        "after:2020-01-01 cnil",
        "status:answered",
        "\"données personnelles\"",
    ] {
        assert!(!answered(text), "{text}");
    }
    // Nothing changed: every file is taken from the cache.
    let query = Query::parse("cnil", today()).unwrap();
    let lookup = cache::lookup(&cache, &query).unwrap().unwrap();
    assert_eq!(lookup.listed.len(), 40);
    assert!(lookup.reused.iter().all(Option::is_some));
    assert!(lookup.hits.iter().any(|&h| h));
}

#[test]
fn a_generated_corpus_gives_the_same_results_with_its_cache() {
    let (_home, xdg) = xdg();
    let corpus = tempfile::tempdir().unwrap();
    generate(corpus.path(), 250);
    build(&xdg, corpus.path());
    agree(&xdg, corpus.path(), QUERIES);
}

#[test]
fn the_seeds_and_the_fixtures_give_the_same_results_with_their_cache() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["seeds", "tests/fixtures", "tests/search-fixtures"] {
        let (_home, xdg) = xdg();
        // A copy: the folder's name must not change between the runs, and
        // the tree must stay as it is.
        let copy = tempfile::tempdir().unwrap();
        copy_tree(&root.join(dir), copy.path());
        build(&xdg, copy.path());
        agree(&xdg, copy.path(), QUERIES);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn files_changed_added_and_removed_since_the_cache_are_read() {
    let (_home, xdg) = xdg();
    let corpus = tempfile::tempdir().unwrap();
    let root = corpus.path();
    generate(root, 120);
    build(&xdg, root);
    // Edited in place: a word added to one, the CNIL taken out of another.
    let first = generated::path(root, 3);
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(
        &first,
        text.replacen("Question de", "Zorglubxyz\nQuestion de", 1),
    )
    .unwrap();
    let second = generated::path(root, 7);
    let text = std::fs::read_to_string(&second).unwrap();
    std::fs::write(&second, text.replace("CNIL", "commission")).unwrap();
    // Removed, added (before and after the others), and a broken one.
    std::fs::remove_file(generated::path(root, 11)).unwrap();
    std::fs::write(root.join("000.txt"), generated::document(500)).unwrap();
    std::fs::write(root.join("zzz.txt"), generated::document(501)).unwrap();
    std::fs::write(root.join("00/broken.txt"), "Question de M. (\ncnil\n").unwrap();
    agree(&xdg, root, QUERIES);
    let (lines, _, _) = run(
        &xdg,
        &["search", "-l", "zorglubxyz", root.to_str().unwrap()],
    );
    assert_eq!(lines.trim(), first.to_str().unwrap());
}

#[test]
fn a_damaged_cache_never_gives_another_result() {
    let (_home, xdg) = xdg();
    let corpus = tempfile::tempdir().unwrap();
    generate(corpus.path(), 60);
    let cache = build(&xdg, corpus.path());
    let sound = std::fs::read(&cache.path).unwrap();
    // Bytes changed all through the file: the header, the records'
    // metadata, the vocabulary, the postings, the sequences.
    for at in (0..10).map(|k| k * sound.len() / 10 + 37) {
        let mut bytes = sound.clone();
        bytes[at] ^= 0x5A;
        std::fs::write(&cache.path, &bytes).unwrap();
        agree(
            &xdg,
            corpus.path(),
            &["cnil", "\"données personnelles\"", "ministry:culture"],
        );
    }
    // Cut short.
    std::fs::write(&cache.path, &sound[..sound.len() / 2]).unwrap();
    agree(&xdg, corpus.path(), &["cnil", "caméras"]);
}
