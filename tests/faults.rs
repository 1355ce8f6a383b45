//! The command line when the world around it misbehaves: a reader that
//! closes the pipe early, a stderr nobody reads, paths that are devices or
//! FIFOs, file names that are not UTF-8, the same file given twice.

mod isolated;

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};

use serde_json::Value;

fn reponses() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.envs(isolated::ENV);
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command.env("LC_ALL", "C");
    command
}

/// A pipe whose read end is already closed: every write to the other end
/// fails with EPIPE (Rust programs ignore SIGPIPE).
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe(2) writes.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: both descriptors were just opened and are owned here only.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    Stdio::from(write)
}

/// The fixtures: good files, and broken ones whose errors go to stderr.
const FIXTURES: &str = "tests/fixtures";

#[test]
fn a_closed_stderr_costs_neither_the_records_nor_the_status() {
    let output = reponses()
        .args(["parse", "--json", FIXTURES])
        .stderr(closed_pipe())
        .output()
        .unwrap();
    let records: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    assert!(
        records.as_array().is_some_and(|r| r.len() > 10),
        "stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(output.status.code(), Some(1), "some fixtures are broken");

    let output = reponses()
        .args(["search", "ministre", FIXTURES])
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).lines().count() > 5);
    assert_eq!(output.status.code(), Some(2), "files failed to load");

    let output = reponses()
        .args(["quote", "--match", "ministre", FIXTURES])
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("» —"));
    assert_eq!(output.status.code(), Some(2), "files failed to load");
}

#[test]
fn a_reader_that_stops_early_ends_parse_quietly() {
    // `parse --json DIR | head -1`: more output than the pipe's buffer and
    // the writer's, so that the failed write happens inside the JSON.
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read("seeds/000_2a0bcd50e9b94967.txt").unwrap();
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), &seed).unwrap();
    }
    let mut child = reponses()
        .arg("parse")
        .arg("--json")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(stderr, "");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_device_or_a_fifo_given_as_a_path_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.txt");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    // Nobody ever writes to the FIFO: opening it would block forever.
    let output = reponses()
        .arg("check")
        .arg("/dev/zero")
        .arg(&fifo)
        .arg("tests/fixtures/answered.txt")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("/dev/zero: error: not a regular file or folder"),
        "{stdout}"
    );
    assert!(
        stdout.contains("fifo.txt: error: not a regular file or folder"),
        "{stdout}"
    );
    assert!(stdout.contains("1 record loaded"), "{stdout}");
    assert_eq!(output.status.code(), Some(1));
}

/// `parse --json ARGS`' records.
fn records(args: &[&std::ffi::OsStr]) -> Vec<Value> {
    let output = reponses()
        .args(["parse", "--json"])
        .args(args)
        .output()
        .unwrap();
    match serde_json::from_slice(&output.stdout) {
        Ok(Value::Array(records)) => records,
        _ => panic!("{}", String::from_utf8_lossy(&output.stdout)),
    }
}

fn ids(records: &[Value]) -> Vec<&str> {
    records.iter().filter_map(|r| r["id"].as_str()).collect()
}

#[test]
fn file_names_that_differ_in_undecodable_bytes_keep_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read("seeds/000_2a0bcd50e9b94967.txt").unwrap();
    for byte in [0xfe, 0xff] {
        let name = [byte, b'.', b't', b'x', b't'];
        let name = std::ffi::OsStr::from_bytes(&name);
        std::fs::write(dir.path().join(name), &seed).unwrap();
    }
    let records = records(&[dir.path().as_os_str()]);
    assert_eq!(records.len(), 2);
    let ids = ids(&records);
    assert_ne!(ids[0], ids[1]);
    let sources: Vec<&str> = records
        .iter()
        .filter_map(|r| r["source"].as_str())
        .collect();
    assert!(sources[0].ends_with("/\\xFE.txt"), "{sources:?}");
    assert!(sources[1].ends_with("/\\xFF.txt"), "{sources:?}");
}

#[test]
fn the_same_file_given_twice_is_loaded_once() {
    let answered = std::ffi::OsStr::new("tests/fixtures/answered.txt");
    let folder = std::ffi::OsStr::new("tests/fixtures");
    let once = records(&[folder]);
    let twice = records(&[answered, folder, answered]);
    assert_eq!(twice.len(), once.len());
    let mut ids = ids(&twice);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), twice.len(), "ids are unique");
}

/// Memory mappings of this process, from /proc/self/maps.
fn mappings() -> usize {
    std::fs::read_to_string("/proc/self/maps").map_or(0, |maps| maps.lines().count())
}

/// One file of thousands of documents: each text reserved up to 1 MB (the
/// rest of the file), above the allocator's mmap threshold, so each kept
/// a mapping of its own, even shrunk; 200,000 documents ran out of the
/// 65,530 a process may have and aborted ('parse --json', the reader's
/// texts). The mappings do not grow with the documents.
#[test]
fn a_file_of_thousands_of_documents_costs_no_mapping_per_text() {
    let seed = std::fs::read_to_string("seeds/000_2a0bcd50e9b94967.txt").unwrap();
    let file = format!("{seed}\n").repeat(5000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let before = mappings();
    let loaded = reponses::load::load_bytes("big.txt", file.as_bytes(), today);
    let after = mappings();
    assert_eq!(loaded.records.len(), 5000);
    assert!(
        after < before + 500,
        "{before} mappings before, {after} after"
    );
}
