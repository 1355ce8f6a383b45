//! Fuzz target `load`: see `reponses::invariants::load` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::invariants::load(data));
