//! Pure text logic the reader needs, with no terminal in sight: what a
//! search compares and how its matches map back to the text on screen.
//! Everything here works on `&str` and byte ranges, so the same code serves
//! the reader, the `search` subcommand and the tests.

pub mod fold;
