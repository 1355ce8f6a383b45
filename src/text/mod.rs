//! x
pub mod sentence;
