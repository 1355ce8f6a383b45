//! Getting quotes out of the reader: to the clipboard ([`clipboard`]) and
//! to the quote file ([`mod@file`]).

pub mod clipboard;
pub mod file;
