//! Every input that ever failed, hung or ran slowly, kept under
//! `tests/regressions/<target>/` (one folder per fuzz target) and checked
//! again here, on stable, by the same functions the fuzz targets call
//! ([`reponses::invariants`]). A slow input is checked by the work it
//! causes, not by time: the checks bound that work.
//!
//! A new finding of `bench/fuzz.sh` goes in its target's folder (the
//! crash file as it is, renamed for what it shows).

use std::path::Path;

use reponses::invariants::TARGETS;

#[test]
fn every_kept_input_still_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut checked = 0;
    for (target, check) in TARGETS {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{target}: no input kept");
        for file in files {
            let data = std::fs::read(&file).unwrap();
            eprintln!("{target}: {}", file.display());
            check(&data);
            checked += 1;
        }
    }
    assert!(checked >= TARGETS.len());
}
