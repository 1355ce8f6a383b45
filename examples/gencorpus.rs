//! Writes a deterministic corpus of senat.fr question pages, one file each
//! in nested folders, for benchmarks and comparisons with ripgrep.
//!
//! ```sh
//! cargo run --release --example gencorpus -- 100000 /tmp/corpus
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(root)) = (args.next(), args.next()) else {
        eprintln!("usage: gencorpus COUNT DIR");
        std::process::exit(2);
    };
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("gencorpus: COUNT must be a number, not {count:?}");
        std::process::exit(2);
    };
    let root = PathBuf::from(root);
    let mut bytes = 0;
    for i in 0..count {
        let path = corpus::path(&root, i);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let document = corpus::document(i);
        bytes += document.len();
        std::fs::write(&path, document)?;
    }
    eprintln!(
        "gencorpus: {count} documents, {bytes} bytes in {}",
        root.display()
    );
    Ok(())
}
