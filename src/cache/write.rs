//! Writing a cache: each file's entry, its records' metadata (encoded
//! where they were parsed, see [`encode`]), then the index's sections.

use std::io;

use super::file::{self, Written};
use super::{Cache, FILES, FileEntry, META, Meta, RECORD_DATA, RECORD_ENDS, SECTIONS};
use crate::model::Record;
use crate::search::Index;
use crate::search::inverted::Sink;

/// Records encoded for a cache: one after another, and where each ends.
#[derive(Debug, Default, Clone)]
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub ends: Vec<u64>,
}

/// Encodes `records` without their texts (taken out for the time it
/// takes, then put back): the model's serde form, in postcard, then the
/// answer's fingerprint for the families of reused answers (a 0, or a 1
/// and its 128 bytes: see [`fingerprint_of`]), taken while the texts are
/// there, since the cache keeps none.
pub fn encode(records: &mut [Record]) -> Encoded {
    let mut encoded = Encoded::default();
    for record in records {
        let fingerprint = crate::families::of_record(record);
        let question = std::mem::take(&mut record.question.text);
        let answer = record.answer.as_mut().map(|a| std::mem::take(&mut a.text));
        // A record always encodes (strings, numbers and dates only): on
        // the impossible failure, the file is written without it and its
        // count tells the reader the cache is unsound.
        if let Ok(bytes) = postcard::to_extend(&*record, std::mem::take(&mut encoded.bytes)) {
            encoded.bytes = bytes;
            match fingerprint {
                Some(signature) => {
                    encoded.bytes.push(1);
                    encoded.bytes.extend_from_slice(&signature);
                }
                None => encoded.bytes.push(0),
            }
        }
        encoded.ends.push(encoded.bytes.len() as u64);
        record.question.text = question;
        if let (Some(a), Some(text)) = (record.answer.as_mut(), answer) {
            a.text = text;
        }
    }
    encoded
}

/// The fingerprint that ends a record's bytes ([`encode`]): `None` inside
/// when the answer has none; `Err` when the bytes are not one.
#[allow(clippy::result_unit_err)]
pub fn fingerprint_of(rest: &[u8]) -> Result<Option<crate::families::Signature>, ()> {
    match rest.split_first() {
        Some((0, [])) => Ok(None),
        Some((1, signature)) => signature.try_into().map(Some).map_err(|_| ()),
        _ => Err(()),
    }
}

/// One file of a cache to write.
#[derive(Debug, Clone)]
pub struct FilePart {
    pub entry: FileEntry,
    pub records: Encoded,
}

/// Writes `cache`: its files (in listing order) with their records, and
/// `index` over those records in the same order.
///
/// # Errors
/// The cache folder could not be written.
pub fn write(cache: &Cache, files: &[FilePart], index: &Index) -> io::Result<Written> {
    let meta = Meta {
        paths: cache
            .paths
            .iter()
            .map(|p| crate::load::source::source(p))
            .collect(),
        files: files.len(),
        records: files.iter().map(|f| f.records.ends.len()).sum(),
    };
    file::write(&cache.path, SECTIONS, |sink: &mut dyn Sink| {
        sink.section(META)?;
        sink.write(&postcard::to_stdvec(&meta).map_err(io::Error::other)?)?;
        sink.section(FILES)?;
        let entries: Vec<&FileEntry> = files.iter().map(|f| &f.entry).collect();
        sink.write(&postcard::to_stdvec(&entries).map_err(io::Error::other)?)?;
        sink.section(RECORD_ENDS)?;
        let mut offset = 0u64;
        let mut buffer = Vec::with_capacity(1 << 16);
        for part in files {
            for end in &part.records.ends {
                buffer.extend_from_slice(&(offset + end).to_le_bytes());
            }
            offset += part.records.bytes.len() as u64;
            if buffer.len() >= 1 << 16 {
                sink.write(&buffer)?;
                buffer.clear();
            }
        }
        sink.write(&buffer)?;
        sink.section(RECORD_DATA)?;
        for part in files {
            sink.write(&part.records.bytes)?;
        }
        index.write(sink)
    })
}

/// Builds and writes the cache of `cache.paths` in one go, without a
/// reader: every file stamped then parsed, the index built, the file
/// written. For tests and tools; the reader writes its cache from the
/// index it builds anyway.
///
/// # Errors
/// The cache folder could not be written.
pub fn build(cache: &Cache, today: chrono::NaiveDate) -> io::Result<Written> {
    use rayon::prelude::*;
    let (listed, _) = crate::corpus::units(&cache.paths);
    let loaded: Vec<(Vec<Record>, FilePart)> = listed
        .par_iter()
        .map(|unit| {
            let stamp = super::Stamp::of(&unit.path);
            let mut file = unit.load(today, crate::load::Texts::Keep);
            let records = encode(&mut file.records);
            let entry = FileEntry {
                source: unit.source.clone(),
                stamp,
                records: u32::try_from(file.records.len()).unwrap_or(u32::MAX),
                diagnostics: file.diagnostics,
            };
            (file.records, FilePart { entry, records })
        })
        .collect();
    let (files, parts): (Vec<Vec<Record>>, Vec<FilePart>) = loaded.into_iter().unzip();
    let records: Vec<Record> = files.into_iter().flatten().collect();
    write(cache, &parts, &Index::build(&records))
}
