//! Writes a deterministic corpus, one file a document in nested folders,
//! for benchmarks and comparisons with ripgrep: senat.fr question pages
//! (the default), or the Assemblée nationale's JSON documents
//! (`--format an`), and with `--zip ARCHIVE` the same documents in one
//! zip archive as the Assemblée publishes them.
//!
//! ```sh
//! cargo run --release --example gencorpus -- 100000 /tmp/corpus
//! cargo run --release --example gencorpus -- --format an --zip /tmp/an.zip 100000 /tmp/an
//! cargo run --release --example gencorpus -- --families 12,5,3x100 100000 /tmp/corpus
//! ```
//!
//! `--families` plants families of reused answers of those sizes ("3x100":
//! a hundred families of three), senat.fr pages only: their members'
//! answers are one text, as is, with a paragraph added, or with its
//! figures changed; `reponses families` should find exactly them.

#[path = "../benches/support/an.rs"]
mod an;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::Write;
use std::path::PathBuf;

fn usage(why: &str) -> ! {
    eprintln!(
        "gencorpus: {why}\nusage: gencorpus [--format senat|an] [--zip ARCHIVE] [--families SIZES] COUNT DIR"
    );
    std::process::exit(2);
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut format, mut zip, mut rest) = (String::from("senat"), None, Vec::new());
    let mut sizes = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => {
                format = args
                    .next()
                    .unwrap_or_else(|| usage("--format needs a value"))
            }
            "--zip" => {
                zip = Some(PathBuf::from(
                    args.next().unwrap_or_else(|| usage("--zip needs a path")),
                ))
            }
            "--families" => {
                let spec = args
                    .next()
                    .unwrap_or_else(|| usage("--families needs sizes: 12,5,3x100"));
                sizes = corpus::family_sizes(&spec)
                    .unwrap_or_else(|| usage(&format!("bad --families {spec:?}: 12,5,3x100")));
            }
            _ => rest.push(arg),
        }
    }
    let [count, root] = &rest[..] else {
        usage("COUNT and DIR are needed")
    };
    let Ok(count) = count.parse::<u64>() else {
        usage(&format!("COUNT must be a number, not {count:?}"))
    };
    let an = match format.as_str() {
        "senat" => false,
        "an" => true,
        other => usage(&format!("unknown format {other:?}")),
    };
    let root = PathBuf::from(root);
    let planted = corpus::plant(&sizes, count);
    let mut archive = match &zip {
        Some(path) => Some(zip::ZipWriter::new(std::io::BufWriter::new(
            std::fs::File::create(path)?,
        ))),
        None => None,
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut bytes = 0;
    for i in 0..count {
        let (name, document) = if an {
            an::named(i)
        } else {
            let path = corpus::path(&root, i);
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                corpus::document_in(i, planted.get(i as usize).copied().flatten()),
            )
        };
        let mut path = corpus::path(&root, i);
        if an {
            path.set_file_name(name.trim_start_matches("json/"));
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        bytes += document.len();
        std::fs::write(&path, &document)?;
        if let Some(archive) = archive.as_mut() {
            archive
                .start_file(name, options)
                .map_err(std::io::Error::other)?;
            archive.write_all(document.as_bytes())?;
        }
    }
    if let Some(archive) = archive {
        archive.finish().map_err(std::io::Error::other)?.flush()?;
    }
    eprintln!(
        "gencorpus: {count} {format} documents, {bytes} bytes in {}{}",
        root.display(),
        zip.map_or_else(String::new, |z| format!(" and {}", z.display()))
    );
    Ok(())
}
