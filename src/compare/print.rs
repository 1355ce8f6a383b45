//! An alignment for scripts (`reponses compare`): one line a sentence,
//! marked as `diff` marks lines, or JSON.
//!
//! - `  ` a sentence of both answers;
//! - `- ` a sentence of the first answer only, `+ ` of the second only;
//! - `~ ` a sentence changed in a few words, written once with its
//!   changes as `wdiff` writes them: `[-removed-]{+added+}`.

use std::io::{self, Write};

use super::{Alignment, RowKind, WordKind};

/// The lines of an alignment of `left` and `right`, then the counts.
///
/// # Errors
/// Writing failed.
pub fn write_text(
    out: &mut dyn Write,
    left: &str,
    right: &str,
    alignment: &Alignment,
) -> io::Result<()> {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for row in &alignment.rows {
        match row.kind {
            RowKind::Shared | RowKind::Left => {
                let i = row.left.unwrap_or_default();
                let mark = if row.kind == RowKind::Shared {
                    ' '
                } else {
                    '-'
                };
                let s = alignment.left.get(i).map_or("", |r| &left[r.clone()]);
                writeln!(out, "{mark} {}", one_line(s))?;
            }
            RowKind::Right => {
                let j = row.right.unwrap_or_default();
                let s = alignment.right.get(j).map_or("", |r| &right[r.clone()]);
                writeln!(out, "+ {}", one_line(s))?;
            }
            RowKind::Changed => {
                let mut line = String::new();
                for word in &row.words {
                    let piece = match word.kind {
                        WordKind::Equal => one_line(&left[word.left.clone()]),
                        WordKind::Delete => format!("[-{}-]", one_line(&left[word.left.clone()])),
                        WordKind::Insert => {
                            format!("{{+{}+}}", one_line(&right[word.right.clone()]))
                        }
                    };
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&piece);
                }
                writeln!(out, "~ {line}")?;
            }
        }
    }
    Ok(())
}

/// The alignment as JSON: the rows, each with its kind and sentences (and
/// a changed one's words), then the counts.
///
/// # Errors
/// Writing failed.
pub fn write_json(
    out: &mut dyn Write,
    ids: [&str; 2],
    left: &str,
    right: &str,
    alignment: &Alignment,
) -> io::Result<()> {
    let rows: Vec<serde_json::Value> = alignment
        .rows
        .iter()
        .map(|row| {
            let l = row
                .left
                .and_then(|i| alignment.left.get(i))
                .map(|r| &left[r.clone()]);
            let r = row
                .right
                .and_then(|j| alignment.right.get(j))
                .map(|r| &right[r.clone()]);
            let words: Vec<serde_json::Value> = row
                .words
                .iter()
                .map(|w| {
                    let text = match w.kind {
                        WordKind::Insert => &right[w.right.clone()],
                        _ => &left[w.left.clone()],
                    };
                    serde_json::json!({ "kind": w.kind, "text": text })
                })
                .collect();
            serde_json::json!({ "kind": row.kind, "left": l, "right": r, "words": words })
        })
        .collect();
    let value = serde_json::json!({
        "left": ids[0],
        "right": ids[1],
        "complete": alignment.complete,
        "counts": alignment.counts(),
        "rows": rows,
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::from)?;
    writeln!(out)
}
