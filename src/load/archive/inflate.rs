//! An entry's bytes, inflated on the thread that loads it with that
//! thread's inflater and buffers, reset from entry to entry.
//!
//! The zip crate's reader makes an inflater (a 32 KB window and its state)
//! for every entry: a legislature's 100,000 entries made as many, whose
//! freed blocks, between the texts the reader keeps, the allocator could
//! not use again; the reader's memory grew by 50 KB an entry (6 GB for a
//! legislature, against 1 GB for the same files in a folder). Here the
//! compressed bytes are read raw and inflated with `flate2` into buffers
//! each loader thread keeps, and the entry's size and CRC-32 are checked
//! as the zip crate checks them.

use std::cell::RefCell;
use std::io::Read;

use flate2::{Decompress, FlushDecompress, Status};
use zip::CompressionMethod;
use zip::read::ZipFile;

use super::ENTRY_LIMIT;
use crate::load::message::Message;

/// A buffer that grew past this for one large entry is given back.
const KEEP: usize = 1 << 20;

thread_local! {
    /// The inflater, the compressed bytes, the inflated bytes.
    static STATE: RefCell<(Option<Decompress>, Vec<u8>, Vec<u8>)> =
        const { RefCell::new((None, Vec::new(), Vec::new())) };
}

/// Calls `use_bytes` with the inflated bytes of `file` (opened raw), or
/// says why they cannot be had.
pub fn entry<T, R: Read>(
    mut file: ZipFile<'_, R>,
    use_bytes: impl FnOnce(&[u8]) -> T,
) -> Result<T, Message> {
    let too_large = Message::ZipTooLarge(ENTRY_LIMIT >> 20);
    let (size, compressed, crc) = (file.size(), file.compressed_size(), file.crc32());
    if size > ENTRY_LIMIT || compressed > ENTRY_LIMIT {
        return Err(too_large);
    }
    let method = file.compression();
    STATE.with(|state| {
        // Lent already (`use_bytes` loaded another entry on this thread):
        // buffers of this call's own.
        let mut own = (None, Vec::new(), Vec::new());
        let mut borrowed = state.try_borrow_mut();
        let (inflater, raw, out) = match borrowed.as_mut() {
            Ok(state) => &mut **state,
            Err(_) => &mut own,
        };
        raw.clear();
        (&mut file)
            .take(compressed)
            .read_to_end(raw)
            .map_err(|e| Message::ZipEntry(e.to_string()))?;
        let bytes: &[u8] = match method {
            CompressionMethod::Stored => raw,
            CompressionMethod::Deflated => {
                let inflater = inflater.get_or_insert_with(|| Decompress::new(false));
                inflater.reset(false);
                out.clear();
                // The declared size, and room to see that it lied.
                out.reserve(usize::try_from(size).unwrap_or(0) + 1);
                inflate(inflater, raw, out, size)?;
                out
            }
            other => {
                return Err(Message::ZipEntry(format!(
                    "compression method {other} is not supported"
                )));
            }
        };
        if bytes.len() as u64 != size {
            return Err(Message::ZipEntry(format!(
                "{} bytes where the archive declares {size}",
                bytes.len()
            )));
        }
        if crc32fast::hash(bytes) != crc {
            return Err(Message::ZipEntry("Invalid checksum".to_owned()));
        }
        let result = use_bytes(bytes);
        for buffer in [&mut *raw, &mut *out] {
            if buffer.capacity() > KEEP {
                *buffer = Vec::new();
            }
        }
        Ok(result)
    })
}

/// Inflates all of `raw` into `out`, which has room for the declared
/// `size` and one byte more: an entry that fills it inflates past what it
/// declared (a bomb that lies), and is refused there.
fn inflate(
    inflater: &mut Decompress,
    raw: &[u8],
    out: &mut Vec<u8>,
    size: u64,
) -> Result<(), Message> {
    loop {
        let read = usize::try_from(inflater.total_in()).unwrap_or(usize::MAX);
        if out.len() as u64 > size {
            return Err(Message::ZipEntry(format!(
                "it inflates past the {size} bytes it declares"
            )));
        }
        if out.len() == out.capacity() {
            out.reserve(1);
        }
        let status = inflater
            .decompress_vec(&raw[read.min(raw.len())..], out, FlushDecompress::Finish)
            .map_err(|e| Message::ZipEntry(e.to_string()))?;
        match status {
            Status::StreamEnd => return Ok(()),
            Status::Ok => {}
            Status::BufError => {
                if out.len() < out.capacity() {
                    return Err(Message::ZipEntry("incomplete deflate stream".to_owned()));
                }
            }
        }
    }
}
