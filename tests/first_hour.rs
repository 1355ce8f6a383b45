//! What a new user met in their first hour (issue 12), each pinned: the
//! reader refusing what it cannot do with a clear line, headers and lists
//! that show what they hold, an unanswered question taking the room, the
//! help fitting a corner of tmux.

mod isolated;

use std::process::{Command, Stdio};

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use reponses::corpus::{Corpus, Input};
use reponses::load;
use reponses::tui::{action::Action, app::App, view};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn reponses() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reponses"));
    command.envs(isolated::ENV);
    command
        .env("LC_ALL", "C")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn draw(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().to_string().replace('\u{a0}', " ")
}

fn fixture(name: &str, width: u16, height: u16) -> App {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let corpus = Corpus::load(&Input::Paths(vec![path.into()]), today());
    App::new(corpus, None, Rect::new(0, 0, width, height), false, today())
}

#[test]
fn without_a_terminal_the_reader_says_so_and_writes_nothing() {
    // `echo | reponses`, and `reponses > out.txt`.
    for (stdin, stdout) in [
        (Stdio::piped(), Stdio::piped()),
        (Stdio::null(), Stdio::piped()),
    ] {
        let out = reponses()
            .stdin(stdin)
            .stdout(stdout)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(out.stdout, b"", "nothing drawn into the file");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "reponses: the reader needs a terminal; for scripts use parse, check, search, quote\n"
        );
    }
}

#[test]
fn a_path_that_does_not_exist_is_an_error_before_any_screen() {
    let out = reponses().arg("/nonexistent").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "reponses: /nonexistent: no such file or folder\n"
    );
    let out = reponses().args(["serach", "cnil"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "reponses: serach: no such file or folder; did you mean 'search'?\n"
    );
    assert_eq!(out.stdout, b"");
}

#[test]
fn header_lines_wrap_and_cut_no_date_or_flag() {
    // The seed's answer header at 120×30 ended "· l│" ("late" cut).
    let mut app = App::new(
        Corpus::load(&Input::Seeds, today()),
        None,
        Rect::new(0, 0, 120, 30),
        false,
        today(),
    );
    let screen = draw(&mut app);
    assert!(screen.contains("84 days"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("late ") || l.contains(" late│")),
        "{screen}"
    );
    for line in screen.lines() {
        assert!(!line.contains("· l│") && !line.contains("· la│"), "{line}");
    }
    // A long transfer line and a 150-character title wrap whole.
    let long_title = "Situation ".repeat(15);
    let text = format!(
        "{long_title}\nQuestion de Mme DI FOLCO Catherine (Rhône - UC) publiée le 02/03/2023\n\
         Texte.\n- page 1\nTransmise au Ministère de l'économie, des finances et de la \
         souveraineté industrielle et numérique\nEn attente de réponse du Ministère de \
         l'économie, des finances et de la souveraineté industrielle et numérique.\n"
    );
    let mut corpus = Corpus::default();
    corpus.add(load::load_bytes("t.txt", text.as_bytes(), today()));
    let mut app = App::new(corpus, None, Rect::new(0, 0, 80, 30), false, today());
    let screen = draw(&mut app);
    assert_eq!(screen.matches("Situation").count(), 15, "{screen}");
    assert!(screen.contains("numérique"), "{screen}");
}

#[test]
fn the_list_shows_ministries_and_delays_at_160_columns() {
    let mut app = fixture("premier_ministre.txt", 160, 45);
    let screen = draw(&mut app);
    let row = screen.lines().nth(1).unwrap();
    assert!(row.contains("Premier ministre - Rel"), "{row}");
    assert!(row.contains("98 d"), "{row}");
    assert!(screen.contains("row 1 / 1"), "{screen}");
    // At 80 columns: date, author, status and delay.
    let mut app = fixture("premier_ministre.txt", 80, 24);
    let row = draw(&mut app).lines().nth(1).unwrap().to_owned();
    for shown in ["2023-01-12", "Théoph", "✓", "98 d"] {
        assert!(row.contains(shown), "{shown}: {row}");
    }
}

#[test]
fn an_unanswered_question_takes_the_room() {
    let mut app = fixture("awaiting.txt", 120, 30);
    let panes = app.panes();
    let (question, answer) = (panes.question.unwrap(), panes.answer.unwrap());
    assert!(
        question.height > 3 * answer.height,
        "{question:?} {answer:?}"
    );
    assert_eq!(question.x, answer.x, "stacked");
    let screen = draw(&mut app);
    assert!(
        screen.contains("Answer · awaited from Ministère de la transition"),
        "{screen}"
    );
}

#[test]
fn the_help_fits_a_corner_of_tmux_without_crossing_borders() {
    let mut app = fixture("awaiting.txt", 20, 6);
    app.update(Action::Help);
    let screen = draw(&mut app);
    let rows: Vec<&str> = screen.lines().collect();
    // The window takes the screen above the status bar: its own border
    // is the only one.
    assert!(rows[0].starts_with("\"┌ Keys"), "{screen}");
    assert!(rows[4].starts_with("\"└"), "{screen}");
    for row in &rows[1..4] {
        let inner: String = row.chars().skip(2).take(18).collect();
        assert!(!inner.contains(['┌', '┐', '└', '┘', '│']), "{screen}");
    }
}
