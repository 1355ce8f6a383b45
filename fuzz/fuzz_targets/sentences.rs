//! Fuzz target `sentences`: see `reponses::invariants::sentences_of` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::invariants::sentences_of(data));
