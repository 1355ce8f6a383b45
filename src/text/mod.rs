//! Pure text logic: folding, sentences, wrapping, sanitising; no terminal
//! types.

pub mod sanitize;
pub mod wrap;
