//! Search: the query language ([`query`]), a compact per-record index of
//! folded text ([`index`]) and the matching of records and of highlights
//! ([`matcher`]).
//!
//! Pure logic: the reader's search bar, the `search` subcommand and the
//! tests share it, and none of it knows about terminals.

pub mod index;
pub mod matcher;
pub mod query;
pub mod raw;

pub use matcher::{Query, filter};
pub use query::QueryError;
