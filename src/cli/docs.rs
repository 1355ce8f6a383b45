//! What a packaged command-line tool ships beside itself: shell
//! completions (clap_complete) and a manual page (clap_mangen), both made
//! from the same clap definitions as `--help`, so they cannot disagree
//! with it.

use std::io::{self, Write};

use clap::CommandFactory;

use super::Cli;

/// The completion script for `shell`.
///
/// # Errors
/// Writing to `out` failed.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "reponses", &mut script);
    out.write_all(&script)
}

/// The manual page, in roff: the command and each subcommand.
///
/// # Errors
/// Writing to `out` failed.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    // Each command's synopsis and options, under a section of its own.
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("reponses {}", sub.get_name());
        writeln!(page, ".SH \"{}\"", name.to_uppercase())?;
        if let Some(about) = sub.get_about() {
            writeln!(page, "{about}")?;
        }
        let man = clap_mangen::Man::new(sub.clone().bin_name(name));
        man.render_synopsis_section(&mut page)?;
        man.render_options_section(&mut page)?;
    }
    page.extend_from_slice(EPILOGUE.as_bytes());
    out.write_all(&page)
}

/// What `--help` leaves to the manual: exit statuses, files, environment.
const EPILOGUE: &str = r#".SH "EXIT STATUS"
As grep: 0 when every file loaded cleanly (or something was found), 1 when
some files had errors (or nothing was found), 2 on a usage error or a bad
query; \fBsearch\fR and \fBquote\fR exit 2 as well when a file failed to
load, their matches still printed. The reader exits 129 when its terminal
goes away, 128+N on signal N.
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/reponses/config.toml\fR
The configuration: keys, colours, citation templates, language, sort,
quote file (\fBreponses config \-\-default\fR prints one, commented).
.TP
\fI$XDG_DATA_HOME/reponses/quotes.md\fR
The quote file \fBe\fR appends to; \fBx\fR exports lists beside it.
.TP
\fI$XDG_CACHE_HOME/reponses/\fR
The cache of the folders opened (\fBreponses cache info\fR).
.SH ENVIRONMENT
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
French when the first set starts with fr, English otherwise
(\fB\-\-lang\fR chooses).
.TP
\fBNO_COLOR\fR
No colours; focus and selection still show through bold and reverse video.
.TP
\fBBROWSER\fR
The browser \fBo\fR opens a record's page with.
"#;
