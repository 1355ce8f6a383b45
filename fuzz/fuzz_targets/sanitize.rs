//! Fuzz target `sanitize`: see `reponses::invariants::sanitize` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::invariants::sanitize(data));
