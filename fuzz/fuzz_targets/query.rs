//! Fuzz target `query`: see `reponses::invariants::query` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::invariants::query(data));
