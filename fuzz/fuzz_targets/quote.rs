//! Fuzz target `quote`: see `reponses::invariants::quote_of` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::invariants::quote_of(data));
