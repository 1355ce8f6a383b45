//! Families of reused answers on a generated corpus with families planted
//! (`gencorpus --families`): the families found are those planted, no
//! more, no fewer; answers empty or never digitised join none; and the
//! commands that speak of families (`families`, `search reused:`,
//! `family:`, `stats`, `compare`) agree with one another.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::process::Command;

use chrono::NaiveDate;
use reponses::model::Record;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn reponses(cache: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.env("XDG_CACHE_HOME", cache);
    command.env("LC_ALL", "C");
    command
}

fn load(count: u64, sizes: &[usize]) -> Vec<Record> {
    let planted = corpus::plant(sizes, count);
    (0..count)
        .flat_map(|i| {
            let doc = corpus::document_in(i, planted[i as usize]);
            reponses::load::load_bytes(&format!("q{i:06}.txt"), doc.as_bytes(), today()).records
        })
        .collect()
}

#[test]
fn the_families_found_are_the_families_planted() {
    let sizes = corpus::family_sizes("12,5,3x40,2x10").unwrap();
    let mut records = load(3000, &sizes);
    let found = reponses::families::compute(&mut records);
    let mut found_sizes: Vec<usize> = found.iter().map(Vec::len).collect();
    let mut planted = sizes.clone();
    found_sizes.sort_unstable();
    planted.sort_unstable();
    assert_eq!(found_sizes, planted);
    // Every member carries its family's tag, and nobody else does.
    let tagged = records.iter().filter(|r| r.family.is_some()).count();
    assert_eq!(tagged, planted.iter().sum::<usize>());
    for family in &found {
        let key = records[family[0] as usize].id.clone();
        for &i in family {
            let tag = records[i as usize].family.as_ref().unwrap();
            assert_eq!((&*tag.key, tag.size as usize), (key.as_str(), family.len()));
        }
    }
}

#[test]
fn empty_and_undigitised_answers_join_no_family() {
    let old = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/old_not_digitised.txt"
    ))
    .unwrap();
    let awaiting = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/awaiting.txt"
    ))
    .unwrap();
    let mut records = Vec::new();
    for (i, doc) in [&old, &old, &old, &awaiting, &awaiting].iter().enumerate() {
        records.extend(
            reponses::load::load_bytes(&format!("f{i}.txt"), doc.as_bytes(), today()).records,
        );
    }
    // And one real answer, alone: never its own family.
    records.extend(load(1, &[]));
    assert_eq!(records.len(), 6);
    assert!(reponses::families::compute(&mut records).is_empty());
    assert!(records.iter().all(|r| r.family.is_none()));
}

#[test]
fn the_commands_agree_on_the_families() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let root = dir.path().join("corpus");
    let sizes = [4, 3];
    let planted = corpus::plant(&sizes, 60);
    for i in 0..60u64 {
        let path = corpus::path(&root, i);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, corpus::document_in(i, planted[i as usize])).unwrap();
    }
    let run = |args: &[&str]| {
        let out = reponses(&cache).args(args).arg(&root).output().unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, json, _) = run(&["families", "--format", "json"]);
    assert_eq!(code, Some(0));
    let families_json = json.clone();
    let families: serde_json::Value = serde_json::from_str(&json).unwrap();
    let families = families.as_array().unwrap();
    let sizes: Vec<u64> = families
        .iter()
        .map(|f| f["size"].as_u64().unwrap())
        .collect();
    assert_eq!(sizes, vec![4, 3]);
    let (_, csv, _) = run(&["families", "--min", "4", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.starts_with("key,size,ministry,first,last,authors,sentence\n"));
    let (_, table, _) = run(&["families"]);
    assert!(table.lines().next().unwrap().starts_with("size  ministry"));
    let (code, _, _) = run(&["families", "--min", "5"]);
    assert_eq!(code, Some(1));

    // search reused:yes finds the 7 members, family:KEY the 4.
    let (code, lines, _) = run(&["search", "-l", "reused:yes"]);
    assert_eq!((code, lines.lines().count()), (Some(0), 7), "{lines}");
    let key = families[0]["key"].as_str().unwrap();
    let (_, csv, _) = run(&["search", "--format", "csv", &format!("family:{key}")]);
    assert_eq!(csv.lines().count(), 5, "{csv}");
    let (_, lines, _) = run(&["search", "--", "-reused:yes"]);
    assert_eq!(lines.lines().count(), 60 - 7);

    // stats counts them in its own column.
    let (_, stats, _) = run(&["stats", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stats).unwrap();
    let total = rows.as_array().unwrap().last().unwrap();
    assert_eq!(total["reused"], 7);

    // compare: the first and second members share most sentences.
    let ids = families[0]["ids"].as_array().unwrap();
    let (a, b) = (ids[0].as_str().unwrap(), ids[1].as_str().unwrap());
    let (code, text, err) = run(&["compare", a, b]);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.starts_with(&format!("--- {a} · ")), "{text}");
    assert!(err.contains("sentences shared"), "{err}");
    let (_, json, _) = run(&["compare", "--format", "json", a, b]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["counts"]["shared"].as_u64().unwrap() > 5);
    let (code, _, err) = run(&["compare", a, "nope"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no record nope"), "{err}");

    // With a cache (which keeps each answer's fingerprint, not its text),
    // `families` and `stats` answer from it, and say the same.
    let dir = cache.join("reponses");
    let built = reponses::cache::Cache::in_dir(&dir, std::slice::from_ref(&root));
    reponses::cache::write::build(&built, today()).unwrap();
    assert!(built.path.exists());
    let (_, cached_json, _) = run(&["families", "--format", "json"]);
    assert_eq!(cached_json, families_json);
    let (_, cached_stats, _) = run(&["stats", "--format", "json"]);
    assert_eq!(cached_stats, stats);
    let (_, cached_stats, _) = run(&["stats", "--format", "json", "reused:yes"]);
    let rows: serde_json::Value = serde_json::from_str(&cached_stats).unwrap();
    assert_eq!(rows.as_array().unwrap().last().unwrap()["questions"], 7);
}
