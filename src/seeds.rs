//! The bundled seed documents, embedded in the binary so that `reponses`
//! with no argument opens them from any directory.

use include_dir::{Dir, include_dir};

static SEEDS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// Every bundled document as (path shown to the user, bytes), sorted.
pub fn documents() -> Vec<(String, &'static [u8])> {
    let mut docs: Vec<(String, &'static [u8])> = SEEDS
        .files()
        .filter(|f| f.path().extension().is_some_and(|x| x == "txt"))
        .map(|f| (format!("seeds/{}", f.path().display()), f.contents()))
        .collect();
    docs.sort();
    docs
}
