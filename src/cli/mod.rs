//! The command line: arguments → a command. Wiring only; the work is done
//! by [`crate::corpus`] and friends, and the reader by [`crate::tui`].
//!
//! Exit statuses follow grep: 0 when everything loaded (or something was
//! found), 1 when some files had errors (or nothing was found), 2 on usage
//! errors, which clap reports itself. `search` and `quote` follow ripgrep
//! for files that fail to load: their matches are still printed, and the
//! status is 2, so a script cannot take a partial answer for a whole one.

mod commands;
mod compare;
mod config;
mod docs;
mod families;
mod quote;
pub mod reader;
mod search;
mod snippet;
mod stats;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use commands::{check, parse, plural};
pub use compare::{CompareFormat, compare};
pub use config::config;
pub use docs::{completions, man};
pub use families::{FamiliesFormat, families};
pub use quote::{QuoteFormat, QuoteStyle, quote};
pub use search::{ColorChoice, SearchOptions, search};
pub use stats::{StatsOptions, stats};

/// A terminal reader for French parliamentary written questions and the
/// ministers' answers.
///
/// With no command, opens the reader on PATHs (files, zip archives, or
/// folders searched for .txt, .json, .jsonl and .zip files); with no PATH,
/// on the bundled seed documents.
#[derive(Debug, Parser)]
#[command(name = "reponses", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files and folders to open.
    pub paths: Vec<PathBuf>,
    /// The language of the interface and messages: fr or en (default:
    /// the locale's, from LC_ALL, LC_MESSAGES or LANG; English unless it
    /// is French). Citations are French in both.
    #[arg(long, global = true, value_name = "LANG", value_parser = lang)]
    pub lang: Option<crate::i18n::Lang>,
    /// Read every file, neither using nor writing the cache of the
    /// folders opened (see `reponses cache info`).
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// `reponses cache info|clear`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum CacheAction {
    /// Where the cache is, its size, the folders cached and their age.
    Info,
    /// Removes every cache file.
    Clear,
}

/// `--lang fr|en`.
fn lang(value: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::parse(value).ok_or_else(|| "expected fr or en".to_owned())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a shell completion script: `reponses completions bash >
    /// ~/.local/share/bash-completion/completions/reponses`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `reponses man > ~/.local/share/man/man1/reponses.1`.
    Man,
    /// The configuration file: where it is; with --default, a commented
    /// one with every default; with --check, what is wrong in one.
    ///
    /// Exit status: 0, or 1 when --check found a problem or could not read
    /// the file.
    Config {
        /// Print a configuration with every setting at its default,
        /// commented out.
        #[arg(long, conflicts_with = "check")]
        default: bool,
        /// Check FILE (default: the configuration file): each problem as
        /// path:line:col: message.
        #[arg(long, value_name = "FILE", num_args = 0..=1)]
        check: Option<Option<PathBuf>>,
    },
    /// The cache of the folders opened: `info` or `clear`.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Print every record as a JSON array.
    Parse {
        /// JSON output (the only format, and the default).
        #[arg(long)]
        json: bool,
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// Print every diagnostic as path:line:col: severity: message, then a
    /// summary.
    Check {
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// Print the records a query matches, one line each:
    /// path:line: author — ministry — snippet.
    ///
    /// The snippet is about 80 columns of the title, question or answer
    /// around the first match, in that reading order (the start of the
    /// question when only filters or the author or ministry matched).
    ///
    /// Exit status: 0 if a record matched, 1 if none did, 2 on a bad query
    /// or if a file failed to load (its errors go to stderr; matches in the
    /// other files are still printed).
    #[command(after_help = QUERY_HELP)]
    Search {
        /// Print only the path of each file with a match, once, in load
        /// order.
        #[arg(short = 'l', long)]
        files_with_matches: bool,
        /// When to colour matches (bold red).
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// lines: path:line: author — ministry — snippet; json: the records
        /// as `parse --json` prints them; csv, tsv: one row per record (id,
        /// source, line, number, date, author, group, constituency,
        /// ministry, status, answer_date, delay_days, late, title).
        #[arg(long, value_enum, default_value_t = SearchFormat::Lines)]
        format: SearchFormat,
        /// The order of the records: date (oldest first), -date (newest
        /// first), delay (longest first), ministry, author; a leading -
        /// reverses any. Default: the order of the files.
        #[arg(long, value_name = "ORDER", value_parser = sort_order, allow_hyphen_values = true)]
        sort: Option<(crate::sort::Sort, bool)>,
        /// The query, in the reader's query language (see below); empty or
        /// made of filters only, it matches every record they keep.
        query: String,
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// Per ministry (or group, author, year, month, chamber): questions asked,
    /// answered, answered within the two months, delays, questions still
    /// awaiting: the Senate's "palmarès", for the records QUERY keeps.
    ///
    /// QUERY is optional: when the first argument names a file or folder
    /// that exists, every argument is a path. Definitions: answered on
    /// time = answered and not late (the two-month rule); delays are the
    /// answered records' days, median (mean of the two middle values for
    /// an even count), mean (one decimal) and 90th percentile (nearest
    /// rank); awaiting late = awaiting past the two months; oldest
    /// awaiting = the most days waited so far; reused answers = answers in
    /// a family of two or more near-identical answers across every record
    /// given (see `reponses families`). Records with no ministry group as
    /// "(none)", with no date as "(date unknown)".
    ///
    /// Exit status: 0 when every file loaded, 1 when some had errors (the
    /// figures of the others are printed), 2 on a bad query.
    #[command(after_help = QUERY_HELP)]
    Stats {
        /// What to group by.
        #[arg(long, value_enum, default_value_t = StatsBy::Ministry)]
        by: StatsBy,
        /// table (the default on a terminal), csv (the default otherwise),
        /// json (an array, the total last with group null), markdown.
        #[arg(long, value_enum)]
        format: Option<StatsFormat>,
        /// The order of the rows (the total stays last).
        #[arg(long, value_enum, default_value_t = StatsSort::Questions)]
        sort: StatsSort,
        /// The query (optional), then files and folders (default: the
        /// bundled seeds).
        #[arg(value_name = "QUERY|PATH")]
        args: Vec<String>,
    },
    /// Print two answers aligned sentence by sentence: `  ` a sentence of
    /// both, `- ` of the first only, `+ ` of the second only, `~ ` one
    /// changed in a few words, its changes written [-removed-]{+added+}.
    ///
    /// IDs are the records' ids (`search --format csv` prints them, and
    /// `families --format json` the ids of each family). The counts go to
    /// stderr.
    ///
    /// Exit status: 0, 1 when some file had errors, 2 when an ID is not
    /// found.
    Compare {
        /// The first record's id.
        id1: String,
        /// The second record's id.
        id2: String,
        /// text: one marked line a sentence; json: the rows, with a
        /// changed sentence's words, and the counts.
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// List the families of near-identical answers: answers a ministry gave
    /// again, whose word 3-shingles (figures aside) are 75 % the same or
    /// more (estimated by MinHash), joined transitively.
    ///
    /// A family's key is the id of its earliest answer: `family:KEY` in a
    /// query keeps its records. Answers that are missing, never digitised
    /// or a dozen words long are in no family.
    ///
    /// Exit status: 0 when a family was found, 1 when none was or a file
    /// had errors.
    Families {
        /// The smallest family listed.
        #[arg(long, value_name = "N", default_value_t = 2)]
        min: usize,
        /// table: size, ministry, first and last date, authors, key, a
        /// sentence; csv: the same; json: the same with every member's id.
        #[arg(long, value_enum, default_value_t = FamiliesFormat::Table)]
        format: FamiliesFormat,
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// Print the sentence where TEXT first occurs, with its citation.
    ///
    /// TEXT is found as the search finds a phrase (ignoring case and accents
    /// unless it has capitals or accents, any whitespace matching any
    /// whitespace) but is taken literally: quotes or "author:" in it are
    /// text, not query syntax. Question texts and answer texts are searched
    /// record by record, in load order, the question before the answer; the
    /// first match is quoted. When other records match too, stderr says how
    /// many and which record was quoted.
    ///
    /// The quote starts with the sentence holding the start of the match and
    /// takes the next ones up to N sentences, more if the match itself runs
    /// over more sentences.
    ///
    /// Exit status: 0 when quoted, 1 when TEXT is not found, 2 on a usage
    /// error or if a file failed to load.
    Quote {
        /// The text to find.
        #[arg(long = "match", value_name = "TEXT")]
        text: String,
        /// How many sentences to quote, from the one holding the match.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = at_least_one)]
        sentences: usize,
        /// text: « passage » — citation, on one line; markdown: a block
        /// quote ending with the citation.
        #[arg(long, value_enum, default_value_t = QuoteFormat::Text)]
        format: QuoteFormat,
        /// Files and folders (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
}

/// What every command knows of its run: the day lateness is counted to,
/// and the language of its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub today: chrono::NaiveDate,
    pub lang: crate::i18n::Lang,
    /// Whether the cache may be used (not `--no-cache`).
    pub cache: bool,
}

/// A writer whose failures are ignored: stderr, for the commands. A
/// diagnostic that cannot be written (stderr is a closed pipe, a full
/// disk) must cost neither the output on stdout nor the exit status,
/// which already says that something went wrong.
pub struct BestEffort<W>(pub W);

impl<W: std::io::Write> std::io::Write for BestEffort<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

/// `search --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SearchFormat {
    #[default]
    Lines,
    Json,
    Csv,
    Tsv,
}

/// `stats --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsBy {
    Ministry,
    Group,
    Author,
    Year,
    Month,
    Chamber,
}

/// `stats --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

/// `stats --sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsSort {
    Questions,
    Answered,
    OnTime,
    Delay,
    Awaiting,
    Name,
}

/// `--sort date|-date|delay|ministry|author`.
fn sort_order(value: &str) -> Result<(crate::sort::Sort, bool), String> {
    crate::sort::Sort::parse(value)
        .ok_or_else(|| "expected date, -date, delay, ministry or author".to_owned())
}

/// A count of one or more, for `--sentences`.
fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a whole number, 1 or more".to_owned()),
    }
}

/// The query language, after `search --help`.
const QUERY_HELP: &str = "\
Query language:
  cnil cameras          every word must occur (substrings, in any searched field)
  \"cadre juridique\"     a phrase, across any whitespace
  CNIL, caméras         a capital makes a word case-sensitive, an accent accent-sensitive
  author:dossus  ministry:intérieur  group:gest   (at the start of a word)
  ministry:=\"Ministère de la culture\"  author:=\"Thomas Dossus\"  group:=GEST
                        the whole field, case and accents aside; ministry:=\"\" for none
  status:answered|awaiting|lapsed|withdrawn  late:yes|no  answered:yes|no
  after:2023-01-31  before:2023-03-01   (question date, strict)
  answer-after:2023-01-31  answer-before:2023-03-01   (answer date, strict)
  delay:>60  delay:<=30  delay:45   days to the answer, or waited so far if awaiting
  number:05589          the question number (number:5589 finds it too)
  reused:yes|no  family:KEY   answers given again (see `reponses families`)
  cnil -caméras  -\"cadre juridique\"  -status:answered   a leading - excludes
A query that starts with - goes after --: reponses search -- -status:answered
Searched fields: title, author, ministry, question and answer text.";

/// How a command ended, as a process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything loaded, or something matched.
    Success,
    /// 1: some files had errors, or nothing matched.
    Failure,
    /// 2: the command could not do its job: a bad query, or a search over
    /// files that did not all load.
    Error,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Failure => 1,
            Outcome::Error => 2,
        }
    }

    /// The status of a search, ripgrep's way: an error in any file wins,
    /// then whether something was found.
    pub fn of_search(found: bool, failed_files: usize) -> Outcome {
        match (failed_files, found) {
            (1.., _) => Outcome::Error,
            (0, true) => Outcome::Success,
            (0, false) => Outcome::Failure,
        }
    }
}
