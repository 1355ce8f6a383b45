//! Fuzz target `app`: see `reponses::tui::invariants::app` for what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reponses::tui::invariants::app(data));
