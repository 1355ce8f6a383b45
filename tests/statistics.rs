//! `reponses stats` against what a short script computes from `reponses
//! parse --json` on the same files: a generated corpus of 2,000 records of
//! every status, with unknown dates and questions naming their ministry
//! only in their opening, for every `--by`.

mod isolated;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

fn reponses() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.envs(isolated::ENV);
    command.env("LC_ALL", "C");
    command
}

/// A tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const AUTHORS: &[(&str, &str, &str, &str)] = &[
    ("M.", "DOSSUS", "Thomas", "Rhône - GEST"),
    ("Mme", "DI FOLCO", "Catherine", "Rhône - Les Républicains-A"),
    (
        "M.",
        "LAURENT",
        "Jean Louis",
        "Alpes-de-Haute-Provence - SER",
    ),
    ("Mme", "CUKIERMAN", "Cécile", "Loire - CRCE-K"),
    ("M.", "MOINET", "Josy", "Charente-Maritime - G.D."),
];

const MINISTRIES: &[(&str, &str)] = &[
    ("Ministère de la culture", "ministre de la culture"),
    ("Ministère des armées", "ministre des armées"),
    (
        "Ministère de l'intérieur et des outre-mer",
        "ministre de l'intérieur et des outre-mer",
    ),
    (
        "Premier ministre - Relations avec le Parlement",
        "Premier ministre",
    ),
];

/// Writes `n` pages, one record each, under `dir`.
fn corpus(dir: &Path, n: usize) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for i in 0..n {
        let (civility, last, first, affiliation) = AUTHORS[rng.next(AUTHORS.len() as u64) as usize];
        let (ministry, addressee) = MINISTRIES[rng.next(MINISTRIES.len() as u64) as usize];
        let asked =
            NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(rng.next(4000));
        // One in fifty dates cannot be: the field is lost, the record kept.
        let date = if rng.next(50) == 0 {
            "31/02/2021".to_owned()
        } else {
            asked.format("%d/%m/%Y").to_string()
        };
        let mut page = String::new();
        let _ = writeln!(
            page,
            "Question de {civility} {last} {first} ({affiliation}) publiée le {date}\n"
        );
        // Some openings name nobody: their lapsed questions have no ministry.
        let opening = if rng.next(10) == 0 {
            format!("{civility} {first} s'inquiète de la situation.")
        } else {
            format!("{civility} {first} attire l'attention de M. le {addressee} sur la situation.")
        };
        let _ = writeln!(page, "{opening}\n\n- page {}\n", rng.next(9000) + 1);
        match rng.next(10) {
            0..=5 => {
                let answered = asked + chrono::Days::new(rng.next(300) + 1);
                let _ = writeln!(
                    page,
                    "Réponse du {ministry} publiée le {}\n\nLe ministre répond.\n\n- page {}\n",
                    answered.format("%d/%m/%Y"),
                    rng.next(9000) + 1
                );
            }
            6 | 7 => {
                let _ = writeln!(page, "En attente de réponse du {ministry}.\n");
            }
            8 => page.push_str("La question est caduque\n\n"),
            _ => page.push_str("La question a été retirée pour cause de décès.\n\n"),
        }
        page.push_str("Page mise à jour le\n");
        std::fs::write(dir.join(format!("q{i:05}.txt")), page).unwrap();
    }
}

/// What a script computes: the figures of `records` grouped by `key`.
fn expected(records: &[Value], key: impl Fn(&Value) -> String, today: NaiveDate) -> Vec<Value> {
    let mut groups: HashMap<String, Vec<&Value>> = HashMap::new();
    for r in records {
        groups.entry(key(r)).or_default().push(r);
    }
    let figures = |group: Value, rs: &[&Value]| -> Value {
        let status = |s: &str| rs.iter().filter(|r| r["status"] == s).count();
        let mut delays: Vec<i64> = rs
            .iter()
            .filter(|r| r["status"] == "answered")
            .filter_map(|r| r["delay_days"].as_i64())
            .collect();
        delays.sort();
        let n = delays.len();
        let median = (n > 0).then(|| {
            if n % 2 == 1 {
                delays[n / 2] as f64
            } else {
                (delays[n / 2 - 1] + delays[n / 2]) as f64 / 2.0
            }
        });
        let mean =
            (n > 0).then(|| (delays.iter().sum::<i64>() as f64 / n as f64 * 10.0).round() / 10.0);
        let p90 = (n > 0).then(|| delays[((n as f64 * 0.9).ceil() as usize).max(1) - 1]);
        let awaiting: Vec<&&Value> = rs.iter().filter(|r| r["status"] == "awaiting").collect();
        let oldest = awaiting
            .iter()
            .filter_map(|r| r["question"]["date"].as_str())
            .map(|d| (today - NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()).num_days())
            .max();
        serde_json::json!({
            "group": group,
            "questions": rs.len(),
            "answered": status("answered"),
            "answered_on_time": rs.iter().filter(|r| r["status"] == "answered" && r["late"] == false).count(),
            "delay_median": median,
            "delay_mean": mean,
            "delay_p90": p90,
            "awaiting": awaiting.len(),
            "awaiting_late": awaiting.iter().filter(|r| r["late"] == true).count(),
            "oldest_awaiting_days": oldest,
            "lapsed": status("lapsed"),
            "withdrawn": status("withdrawn"),
            // "Le ministre répond." is too short to be a reused answer.
            "reused": 0,
        })
    };
    let mut rows: Vec<Value> = groups
        .iter()
        .map(|(name, rs)| figures(Value::from(name.clone()), rs))
        .collect();
    rows.sort_by(|a, b| {
        b["questions"]
            .as_u64()
            .cmp(&a["questions"].as_u64())
            .then(a["group"].as_str().cmp(&b["group"].as_str()))
    });
    let all: Vec<&Value> = records.iter().collect();
    rows.push(figures(Value::Null, &all));
    rows
}

/// How a script names a record's group.
type GroupKey<'a> = Box<dyn Fn(&Value) -> String + 'a>;

fn run(args: &[&str]) -> (String, i32) {
    let out = reponses().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn every_figure_is_what_a_script_computes_from_parse_json() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 2000);
    let path = dir.path().to_str().unwrap();
    let (json, _) = run(&["parse", "--json", path]);
    let records: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(records.len(), 2000);
    let today = chrono::Local::now().date_naive();
    let text = |v: &Value| v.as_str().map(str::to_owned);
    let date = |r: &Value| {
        text(&r["question"]["date"]).map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap())
    };
    let keys: [(&str, GroupKey<'_>); 5] = [
        (
            "ministry",
            Box::new(move |r| text(&r["ministry"]).unwrap_or("(none)".into())),
        ),
        (
            "group",
            Box::new(move |r| text(&r["author"]["group"]).unwrap_or("(none)".into())),
        ),
        (
            "author",
            Box::new(move |r| text(&r["author"]["name"]).unwrap_or("(none)".into())),
        ),
        (
            "year",
            Box::new(move |r| date(r).map_or("(date unknown)".into(), |d| d.year().to_string())),
        ),
        (
            "month",
            Box::new(move |r| {
                date(r).map_or("(date unknown)".into(), |d| {
                    format!("{:04}-{:02}", d.year(), d.month())
                })
            }),
        ),
    ];
    let mut saw_none = false;
    for (by, key) in keys {
        let (out, status) = run(&["stats", "--by", by, "--format", "json", path]);
        assert_eq!(status, 0, "{by}");
        let got: Vec<Value> = serde_json::from_str(&out).unwrap();
        let want = expected(&records, key, today);
        assert_eq!(got, want, "--by {by}");
        saw_none |= got
            .iter()
            .any(|r| r["group"] == "(none)" || r["group"] == "(date unknown)");
        // CSV holds the same figures.
        let (csv, _) = run(&["stats", "--by", by, "--format", "csv", path]);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), want.len());
        for (row, want) in rows.iter().zip(&want) {
            assert_eq!(&row[0], want["group"].as_str().unwrap_or(""));
            assert_eq!(
                row[1].parse::<u64>().unwrap(),
                want["questions"].as_u64().unwrap()
            );
            assert_eq!(
                row[3].parse::<u64>().unwrap(),
                want["answered_on_time"].as_u64().unwrap()
            );
        }
    }
    assert!(saw_none, "the corpus has records without ministry or date");
}

#[test]
fn the_query_picks_the_records_counted_and_nothing_divides_by_zero() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let (json, _) = run(&["stats", "status:answered", "--format", "json", fixtures]);
    let rows: Vec<Value> = serde_json::from_str(&json).unwrap();
    let total = rows.last().unwrap();
    assert_eq!(total["group"], Value::Null);
    assert_eq!(total["questions"], total["answered"]);
    // Nothing matches: a header and a zero total.
    let (table, status) = run(&["stats", "quelconque", "--format", "table", fixtures]);
    assert_eq!(status, 1, "some fixtures have errors");
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("ministry"), "{table}");
    assert!(lines.last().unwrap().starts_with("total"), "{table}");
    assert!(lines.last().unwrap().contains(" 0 "), "{table}");
    let (json, _) = run(&["stats", "quelconque", "--format", "json", fixtures]);
    let rows: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["questions"], 0);
    assert_eq!(rows[0]["delay_median"], Value::Null);
    // Unknown dates are counted apart and said in a footer.
    let (table, _) = run(&["stats", "--by", "year", "--format", "table", fixtures]);
    assert!(table.contains("(date unknown)"), "{table}");
    assert!(
        table
            .trim_end()
            .ends_with("no delay or waiting time is counted for it"),
        "{table}"
    );
    let (markdown, _) = run(&["stats", "--format", "markdown", fixtures]);
    assert!(
        markdown.starts_with("| ministry | questions |"),
        "{markdown}"
    );
    assert!(markdown.contains("| **total** |"), "{markdown}");
    // A bad query is located.
    let out = reponses()
        .args(["stats", "autor:x", fixtures])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("column 1"));
}

/// The fixtures that load cleanly (those in tests/fixtures/broken do not).
fn good_fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn search_lists_records_for_scripts_in_the_order_asked() {
    let files = good_fixtures();
    let with = |args: &[&str]| -> Vec<String> {
        args.iter()
            .map(|a| a.to_string())
            .chain(files.iter().cloned())
            .collect()
    };
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(&args)
    };
    let (csv, status) = run(with(&[
        "search",
        "--format",
        "csv",
        "--sort",
        "-date",
        "status:answered",
    ]));
    assert_eq!(status, 0);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id",
            "source",
            "line",
            "number",
            "date",
            "author",
            "group",
            "constituency",
            "ministry",
            "status",
            "answer_date",
            "delay_days",
            "late",
            "title"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 5);
    assert!(rows.iter().all(|r| &r[9] == "answered"));
    let dates: Vec<String> = rows
        .iter()
        .map(|r| r[4].to_owned())
        .filter(|d| !d.is_empty())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // JSON in parse's form, every record for an empty query.
    let (json, _) = run(with(&["search", "--format", "json", ""]));
    let found: Vec<Value> = serde_json::from_str(&json).unwrap();
    let (all, _) = run(with(&["parse", "--json"]));
    let all: Vec<Value> = serde_json::from_str(&all).unwrap();
    assert_eq!(found, all);
    // TSV, a filter alone.
    let (tsv, _) = run(with(&["search", "--format", "tsv", "status:lapsed"]));
    assert!(tsv.starts_with("id\tsource\t"));
    assert_eq!(
        tsv.lines().count(),
        1 + all.iter().filter(|r| r["status"] == "lapsed").count()
    );
    // Lines, sorted by delay.
    let (lines, _) = run(with(&["search", "--sort", "delay", "status:answered"]));
    assert_eq!(lines.lines().count(), rows.len());
}

/// The reader's `S`: the statistics of exactly the records the list shows;
/// Tab changes the grouping; Enter adds the row's group to the filter.
#[test]
fn s_shows_the_statistics_of_the_listed_records() {
    use ratatui::{Terminal, backend::TestBackend, layout::Rect};
    use reponses::corpus::{Corpus, Input};
    use reponses::stats::GroupBy;
    use reponses::tui::{action::Action, app::App, app::Overlay, view};

    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let corpus = Corpus::load(
        &Input::Paths(good_fixtures().into_iter().map(Into::into).collect()),
        today,
    );
    let mut app = App::new(corpus, None, Rect::new(0, 0, 160, 45), false, today);
    app.update(Action::Search);
    for c in "status:answered".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Open);
    let shown = app.shown.len();
    app.update(Action::Stats);
    assert_eq!(app.overlay, Some(Overlay::Stats));
    let view_of = |app: &App| app.stats.clone().unwrap();
    let table = view_of(&app).table;
    assert_eq!(table.total.questions, shown);
    assert_eq!(table.total.answered, shown);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal.draw(|frame| view::draw(frame, &mut app)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Statistics · by ministry"), "{screen}");
    assert!(screen.contains("two months"), "{screen}");
    assert!(screen.contains('█') && screen.contains('▓'), "{screen}");
    app.update(Action::FocusNext);
    assert_eq!(view_of(&app).table.by, GroupBy::Group);
    app.update(Action::FocusPrev);
    assert_eq!(view_of(&app).table.by, GroupBy::Ministry);
    app.update(Action::Down);
    let row = view_of(&app).table.rows[1].clone();
    app.update(Action::Open);
    assert_eq!(app.overlay, None);
    let filter = app.filter.as_ref().unwrap().text.clone();
    assert!(
        filter.starts_with("status:answered ministry:=\""),
        "{filter}"
    );
    assert_eq!(app.shown.len(), row.questions, "{filter}");
    // Esc closes; x exports the list.
    app.update(Action::Stats);
    app.update(Action::Escape);
    assert_eq!(app.overlay, None);
    let dir = tempfile::tempdir().unwrap();
    app.quotes_file = Some(dir.path().join("quotes.md"));
    app.update(Action::ExportList);
    let exported: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exported.len(), 1, "{exported:?}");
    let name = exported[0]
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        name.starts_with("export-") && name.ends_with(".csv"),
        "{name}"
    );
    let csv = std::fs::read_to_string(&exported[0]).unwrap();
    assert_eq!(csv.lines().count(), 1 + row.questions);
    assert!(app.message.as_ref().unwrap().text.contains(&name));
}
