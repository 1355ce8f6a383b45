//! Getting quotes out of the reader: to the clipboard ([`clipboard`]) and
//! to the quote file ([`mod@file`]); and records as CSV for scripts
//! ([`records`]).

pub mod clipboard;
pub mod file;
pub mod records;
