//! Wraps the benches' 3 MB answer (`corpus::big_answer`) 20 times at 80
//! columns, on one thread: for instruction counts under `perf stat`,
//! which a loaded machine does not skew as it skews wall time.
#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let text = corpus::big_answer();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let lines = pool.install(|| {
        let mut n = 0;
        let rounds: usize = std::env::args()
            .nth(1)
            .and_then(|a| a.parse().ok())
            .unwrap_or(20);
        for _ in 0..rounds {
            n += reponses::text::wrap::wrap(std::hint::black_box(&text), 80).len();
        }
        n
    });
    println!("{lines}");
}
