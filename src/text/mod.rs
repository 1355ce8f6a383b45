//! Pure text logic the reader needs, with no terminal in sight: folding for
//! search (with its map back to the original), French sentence bounds,
//! wrapping into display lines, and sanitising for the screen. Everything
//! here works on `&str` and byte ranges into the original text, so the same
//! code serves the reader, the subcommands and the tests.

pub mod fold;
pub mod sanitize;
pub mod sentence;
pub mod wrap;
