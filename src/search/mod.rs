//! Search: the query language ([`query`]), the corpus-wide inverted index
//! ([`inverted`]), the folding of one record's fields ([`index`]) and the
//! matching of records and of highlights ([`matcher`]).
//!
//! Pure logic: the reader's search bar, the `search` subcommand and the
//! tests share it, and none of it knows about terminals.

pub mod index;
pub mod inverted;
pub mod matcher;
pub mod query;
pub mod raw;

pub use inverted::Index;
pub use matcher::{OneByOne, Query, filter, scan};
pub use query::QueryError;
