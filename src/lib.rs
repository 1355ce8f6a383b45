//! `reponses`: a terminal reader for French parliamentary written questions
//! and the ministers' answers to them.
//!
//! The library holds everything but the wiring: [`load`] turns files into
//! [`model::Record`]s with located diagnostics, [`corpus`] gathers them,
//! [`text`] holds the pure text logic the reader needs, and [`tui`] draws
//! them. Only `tui` knows about terminals.

pub mod cache;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dirs;
pub mod export;
pub mod families;
pub mod i18n;
pub mod invariants;
pub mod load;
pub mod model;
pub mod quote;
pub mod search;
pub mod seeds;
pub mod sort;
pub mod stats;
pub mod text;
pub mod tui;
