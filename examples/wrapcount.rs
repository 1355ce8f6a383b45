//! Wraps a 3 MB answer (as benches/reader.rs builds it) 20 times at 80
//! columns, on one thread: for instruction counts under `perf stat`,
//! which a loaded machine does not skew as it skews wall time.
#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 3_000_000 {
        let doc = corpus::document(i);
        let structural = [
            "Question",
            "Réponse",
            "Transmise",
            "En attente",
            "Page",
            "-",
            "La ",
        ];
        for paragraph in doc.lines().filter(|l| l.len() > 80) {
            if !structural.iter().any(|s| paragraph.starts_with(s)) {
                text.push_str(paragraph);
                text.push_str("\n\n");
            }
        }
        i += 1;
    }
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
