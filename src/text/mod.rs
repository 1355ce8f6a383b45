//! Pure text logic: folding, sentences, wrapping, sanitising; no terminal
//! types.

pub mod sanitize;
pub mod sentence;
pub mod wrap;
