//! The Assemblée nationale's open data through the command line, as a user
//! meets it: the real documents of tests/an/real/, the fixtures
//! tests/an/derive.py makes from them, and zip archives of them, alone and
//! mixed with senat.fr pages.

use assert_cmd::Command;
use serde_json::Value;

fn reponses() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.env("LC_ALL", "C");
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn run(args: &[&str]) -> (String, String, i32) {
    let output = reponses().args(args).output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

fn parse(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["parse", "--json"];
    all.extend(args);
    let (out, err, _) = run(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"))
}

const ZIP: &str = "tests/an/zip/legislature.zip";
const QE: &str = "tests/an/real/QANR5L17QE5268.json";

#[test]
fn a_zip_of_a_legislature_loads_like_its_files() {
    let (out, _, status) = run(&["check", ZIP]);
    assert_eq!(status, 0);
    assert_eq!(
        out.trim(),
        "4 files checked, 4 records loaded, 0 errors, 0 warnings; every file loaded cleanly"
    );
    let zipped = parse(&[ZIP]);
    let files = parse(&["tests/an/real"]);
    assert_eq!(zipped.len(), 4);
    let sources: Vec<&str> = zipped
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "tests/an/zip/legislature.zip!/json/QANR5L16QG1.json",
            "tests/an/zip/legislature.zip!/json/QANR5L16QG10.json",
            "tests/an/zip/legislature.zip!/json/QANR5L16QG100.json",
            "tests/an/zip/legislature.zip!/json/QANR5L17QE5268.json",
        ]
    );
    // The same records but for where they were read.
    for (mut z, mut f) in zipped.into_iter().zip(files) {
        for record in [&mut z, &mut f] {
            let object = record.as_object_mut().unwrap();
            object.remove("source");
            object.remove("id");
        }
        assert_eq!(z, f);
    }
}

#[test]
fn the_json_keys_are_those_the_readme_lists() {
    let record = &parse(&[QE])[0];
    assert_eq!(record["chamber"], "an");
    assert_eq!(record["kind"], "written");
    assert_eq!(record["topic"], "commerce et artisanat");
    assert_eq!(
        record["author"]["group_name"],
        "Ensemble pour la République"
    );
    assert_eq!(record["author"]["ref"], "PA721764");
    assert_eq!(record["closure"]["code"], "REP_PUB");
    assert_eq!(record["answer"]["earlier"], serde_json::json!([]));
    let seed = &parse(&[])[0];
    assert_eq!(seed["chamber"], "senat");
    assert_eq!(seed["kind"], "written");
    assert_eq!(seed["url"], Value::Null);
    assert_eq!(seed["topic"], Value::Null);
    assert_eq!(seed["closure"], Value::Null);
}

#[test]
fn citations_name_the_assembly_s_journal() {
    let (out, _, status) = run(&["quote", QE, "--match", "diamants créés"]);
    assert_eq!(status, 1, "not in the texts: {out}");
    let (out, _, _) = run(&["quote", QE, "--match", "terminologie relative"]);
    assert!(
        out.trim_end().ends_with(
            "— Question écrite n° 5268 de Mme Olivia Grégoire (EPR), JO AN du 25/03/2025, p. 1958"
        ),
        "{out}"
    );
    let (out, _, _) = run(&[
        "quote",
        QE,
        "--match",
        "Soyez assurée",
        "--format",
        "markdown",
    ]);
    assert!(
        out.trim_end().ends_with(
            "> — Réponse du Ministère de l’économie, des finances et de la souveraineté \
             industrielle et numérique à la question écrite \
             [n° 5268](https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE5268) \
             de Mme Olivia Grégoire, JO AN du 03/06/2025, p. 4348"
        ),
        "{out}"
    );
    let (out, _, _) = run(&[
        "quote",
        "tests/an/real/QANR5L16QG10.json",
        "--match",
        "cocotte-minute",
    ]);
    assert!(
        out.trim_end().ends_with(
            "— Réponse du Ministère auprès du ministre de l’intérieur et des outre-mer, chargé \
             des outre-mer à la question au Gouvernement n° 10 de Mme Nathalie Bassire, JO AN \
             du 13/07/2022, p. 2337"
        ),
        "{out}"
    );
    // senat.fr citations are as they were.
    let (out, _, _) = run(&["quote", "--match", "vidéoprotection"]);
    assert!(out.contains("JO Sénat du 10/11/2022, p. 5538"), "{out}");
}

#[test]
fn chamber_and_kind_filter_a_mixed_corpus() {
    let lines = |query: &str| {
        let (out, err, _) = run(&["search", "-l", query, ZIP, "seeds"]);
        let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
        lines.sort();
        assert!(err.is_empty(), "{err}");
        lines
    };
    assert_eq!(lines("chamber:senat").len(), 1);
    assert_eq!(lines("chamber:an").len(), 4);
    assert_eq!(lines("kind:government").len(), 3);
    assert_eq!(
        lines("chamber:an kind:written"),
        ["tests/an/zip/legislature.zip!/json/QANR5L17QE5268.json"]
    );
    let (out, _, _) = run(&["search", "-l", "--", "-chamber:an", ZIP, "seeds"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let (_, err, status) = run(&["search", "-l", "chamber:ue", ZIP]);
    assert_eq!(status, 2);
    assert!(
        err.contains("no chamber 'ue'; expected an (Assemblée nationale) or senat"),
        "{err}"
    );
    // Words inside escaped JSON texts are found, accents or not.
    assert_eq!(lines("ultramarins").len(), 1);
    assert_eq!(lines("reunion pauvrete").len(), 1);
}

#[test]
fn statistics_group_by_chamber() {
    let (out, _, status) = run(&["stats", "--by", "chamber", "--format", "csv", ZIP, "seeds"]);
    assert_eq!(status, 0);
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows[0].starts_with("group,questions,answered"), "{out}");
    assert!(rows[1].starts_with("AN,4,4,"), "{out}");
    assert!(rows[2].starts_with("Sénat,1,1,"), "{out}");
}

#[test]
fn broken_archives_and_documents_are_located_and_the_rest_loads() {
    let (out, _, status) = run(&[
        "check",
        "tests/an/zip/corrupt_entry.zip",
        "tests/an/zip/cut.zip",
        "tests/an/zip/bomb_declared.zip",
        "tests/an/broken",
    ]);
    assert_eq!(status, 1);
    let lines: Vec<&str> = out.lines().collect();
    let expected = [
        "tests/an/zip/corrupt_entry.zip!/json/QANR5L16QG10.json: error: this archive entry \
         does not inflate: deflate decompression error: invalid bit length repeat; skipped",
        "tests/an/zip/cut.zip!/json/QANR5L17QE5268.json: error: this archive entry does not \
         inflate: incomplete deflate stream; skipped",
        "tests/an/zip/bomb_declared.zip!/json/bomb.json: error: this archive entry inflates to \
         more than 64 MB; refused",
        "tests/an/broken/not_a_question.json:1:1: warning: a JSON document without a \
         \"question\" key: not an Assemblée nationale question; skipped",
        "tests/an/broken/one_bad_line.jsonl:2:300: error: invalid JSON: EOF while parsing a \
         string; this document is skipped",
        "tests/an/broken/truncated.json:1:5035: error: invalid JSON: EOF while parsing a \
         string; this document is skipped",
        "tests/an/zip/cut.zip: error: unreadable zip archive: invalid Zip archive: Could not \
         find EOCD",
    ];
    for line in expected {
        assert!(lines.contains(&line), "missing {line:?} in\n{out}");
    }
    // Good entries of damaged archives and good lines of a broken file.
    assert!(
        lines.last().unwrap().contains("7 records loaded"),
        "{}",
        lines.last().unwrap()
    );
}

#[test]
fn an_archive_is_known_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("download.bin");
    std::fs::copy(ZIP, &renamed).unwrap();
    let (out, _, status) = run(&["check", renamed.to_str().unwrap()]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("4 records loaded"), "{out}");
    // In a folder, by name: .zip, .json, .jsonl and .txt.
    std::fs::copy(ZIP, dir.path().join("an.zip")).unwrap();
    std::fs::copy(QE, dir.path().join("qe.json")).unwrap();
    std::fs::copy("tests/an/derived/lines.jsonl", dir.path().join("l.jsonl")).unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a document").unwrap();
    let (out, _, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert!(
        out.contains("6 files checked, 7 records loaded"),
        "4 entries, 1 and 2 documents; in a folder, neither the .bin nor the .md: {out}"
    );
}

#[test]
fn documents_read_are_never_written() {
    let before = std::fs::read(ZIP).unwrap();
    let modified = std::fs::metadata(ZIP).unwrap().modified().unwrap();
    run(&["check", ZIP]);
    run(&["search", "-l", "diamants", ZIP]);
    assert_eq!(std::fs::read(ZIP).unwrap(), before);
    assert_eq!(
        std::fs::metadata(ZIP).unwrap().modified().unwrap(),
        modified
    );
}
