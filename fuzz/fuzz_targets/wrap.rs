//! Fuzz target `wrap`: see `reponses::invariants::wrap_at` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::invariants::wrap_at(data));
