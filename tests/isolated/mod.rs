//! What every test that runs the binary sets in its environment: a cache
//! folder of the tests' own, and a configuration folder with nothing in it,
//! so that neither the user's caches nor their configuration can change
//! an outcome.

pub const ENV: [(&str, &str); 2] = [
    (
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache"),
    ),
    (
        "XDG_CONFIG_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"),
    ),
];
