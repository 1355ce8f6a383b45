//! The record a question makes: the mapping of the module's doc, field by
//! field, with the status read from the closure and the dates and id.

use chrono::NaiveDate;

use super::json::{InfoJo, OneOrMany, Question, Text, Texte};
use super::names;
use super::raw::{OPENING, debate_opening, decode};
use crate::load::Texts;
use crate::load::message::Message;
use crate::model::{
    self, Answer, Author, Chamber, Closure, EarlierAnswer, Kind, Part, Record, Status,
};

/// The record a question makes.
pub(super) fn map(
    source: &str,
    line: usize,
    q: Question<'_>,
    today: NaiveDate,
    texts: Texts<'_>,
    warnings: &mut Vec<Message>,
) -> Record {
    let text = |t: Option<Text>| {
        t.filter(|t| !t.0.trim().is_empty())
            .map(|t| t.0.into_owned())
    };
    let keep = !matches!(texts, Texts::Drop);
    let uid = text(q.uid);
    let kind = match q.kind.as_ref().map(Text::as_str) {
        Some("QG") => Kind::Government,
        Some("QOSD") | Some("QO") => Kind::Oral,
        _ => Kind::Written,
    };
    let (number, legislature) = q
        .identifiant
        .map(|i| (text(i.numero), text(i.legislature)))
        .unwrap_or_default();
    let legislature_number = legislature.as_deref().and_then(|l| l.trim().parse().ok());
    let (topic, title) = match q.indexation {
        Some(index) => (
            text(index.rubrique),
            index
                .analyses
                .and_then(|a| a.analyse)
                .and_then(|a| a.into_vec().into_iter().rev().find_map(|t| text(Some(t)))),
        ),
        None => (None, None),
    };
    let (group, group_name, reference) = match q.auteur {
        Some(auteur) => {
            let (group, group_name) = auteur
                .groupe
                .map(|g| (text(g.abrege), text(g.developpe)))
                .unwrap_or_default();
            (
                group,
                group_name,
                auteur.identite.and_then(|i| text(i.acteur_ref)),
            )
        }
        None => (None, None, None),
    };
    let addressed_to = q.min_int.and_then(|m| text(m.developpe).or(text(m.abrege)));
    let attributions = q
        .min_attribs
        .and_then(|m| m.min_attrib)
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let attributed = attributions.into_iter().rev().find_map(|a| {
        a.denomination
            .and_then(|d| text(d.developpe).or(text(d.abrege)))
    });
    let mut date_of = |info: Option<&InfoJo>| -> (Option<NaiveDate>, Option<u32>) {
        let Some(info) = info else {
            return (None, None);
        };
        let date = info.date_jo.as_ref().and_then(|d| {
            let parsed = parse_date(d.as_str());
            if parsed.is_none() && !d.as_str().trim().is_empty() {
                warnings.push(Message::JsonDate(d.0.to_string()));
            }
            parsed
        });
        let page = info
            .page_jo
            .as_ref()
            .and_then(|p| p.as_str().trim().parse().ok());
        (date, page)
    };
    let questions: Vec<Texte<'_>> = q
        .textes_question
        .and_then(|t| t.texte_question)
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let mut answers: Vec<Texte<'_>> = q
        .textes_reponse
        .and_then(|t| t.texte_reponse)
        .map(OneOrMany::into_vec)
        .unwrap_or_default();
    let plain = |t: &Texte<'_>| -> String {
        match (keep, t.texte) {
            (true, Some(raw)) => decode(raw, usize::MAX),
            _ => String::new(),
        }
    };
    let opening = |t: Option<&Texte<'_>>, cut: usize| -> String {
        t.and_then(|t| t.texte)
            .map_or_else(String::new, |raw| decode(raw, cut))
    };
    let last_answer = answers.pop();
    let answer = last_answer.as_ref().map(|t| {
        let (date, page) = date_of(t.info_jo.as_ref());
        let earlier = answers
            .iter()
            .map(|e| {
                let (date, page) = date_of(e.info_jo.as_ref());
                EarlierAnswer {
                    date,
                    page,
                    text: plain(e),
                }
            })
            .collect();
        Answer {
            ministry: attributed.clone(),
            date,
            page,
            text: plain(t),
            earlier,
            ..Answer::default()
        }
    });
    let mut question = match questions.last() {
        Some(t) => {
            let (date, page) = date_of(t.info_jo.as_ref());
            Part {
                date,
                page,
                text: plain(t),
                ..Part::default()
            }
        }
        // A question to the Government: asked in the debate the answer
        // holds, on the day of that sitting.
        None => Part {
            date: answer.as_ref().and_then(|a| a.date),
            in_session: kind == Kind::Government,
            ..Part::default()
        },
    };
    question.text.shrink_to_fit();
    let in_debate = |extract: &str| {
        extract
            .split_once("La parole est à ")
            .map(|(_, rest)| names::author(rest))
            .unwrap_or_default()
    };
    let named = match (keep, question.text.trim().is_empty()) {
        (true, false) => names::author(&question.text),
        (true, true) => in_debate(answer.as_ref().map_or("", |a| a.text.as_str())),
        // Without the texts, still their openings, which name the author;
        // a debate names the member after its title and the chair's
        // words: the whole extract is read (questions to the Government
        // are few).
        (false, _) => {
            let asked = opening(questions.last(), OPENING);
            if asked.trim().is_empty() {
                let extract = last_answer.as_ref().and_then(|t| t.texte);
                in_debate(&extract.map_or_else(String::new, debate_opening))
            } else {
                names::author(&asked)
            }
        }
    };
    let author = Author {
        civility: named.civility,
        first_name: named.first_name,
        last_name: named.last_name,
        name: named.name,
        constituency: None,
        group,
        group_relation: None,
        group_name,
        reference,
    };
    // A debate's answer gives its page only in the closure's JO.
    let closure_page = q
        .cloture
        .as_ref()
        .and_then(|c| c.info_jo.as_ref())
        .filter(|info| {
            answer.as_ref().is_some_and(|a| {
                a.page.is_none()
                    && a.date.is_some()
                    && info.date_jo.as_ref().and_then(|d| parse_date(d.as_str())) == a.date
            })
        })
        .and_then(|info| info.page_jo.as_ref())
        .and_then(|p| p.as_str().trim().parse().ok());
    let mut answer = answer;
    if let (Some(answer), Some(page)) = (answer.as_mut(), closure_page) {
        answer.page = Some(page);
    }
    let closure = q.cloture.map(|c| Closure {
        code: text(c.code),
        label: text(c.label),
    });
    let status = status(closure.as_ref(), answer.is_some(), warnings);
    let ministry = answer
        .as_ref()
        .and_then(|a| a.ministry.clone())
        .or_else(|| attributed.clone())
        .or_else(|| addressed_to.clone());
    let answered = answer.as_ref().and_then(|a| a.date);
    // A question asked in session is answered there, the same day: its
    // delay is 0 days and it is on time, as the statistics count it (a
    // count of written questions alone filters `kind:written`).
    let delay_days = model::delay(question.date, answered);
    if let (Some(asked), Some(answered)) = (question.date, answered)
        && answered < asked
    {
        warnings.push(Message::AnswerBeforeQuestion(answered, asked));
    }
    let late = model::lateness(status, question.date, answered, today);
    // Made only from a legislature's number and a plain uid: the address
    // goes to a browser and into Markdown links.
    let url = match (legislature_number, &uid) {
        (Some(l), Some(u)) if u.bytes().all(|b| b.is_ascii_alphanumeric()) => Some(format!(
            "https://www.assemblee-nationale.fr/dyn/{l}/questions/{u}"
        )),
        _ => None,
    };
    Record {
        id: id(uid.as_deref(), source, line),
        source: source.to_owned(),
        line,
        chamber: Chamber::An,
        kind,
        url,
        title,
        topic,
        number,
        legislature: legislature_number,
        author,
        question,
        transmitted_to: None,
        // A withdrawn or lapsed question's answer, if the data has one,
        // is not shown as the Government's word.
        answer: answer.filter(|_| status == Status::Answered),
        errata: Vec::new(),
        status,
        closure,
        withdrawn_reason: None,
        ministry,
        addressed_to,
        delay_days,
        late,
        family: None,
    }
}

/// The status a closure says. Codes seen in the Assemblée's data:
/// REP_PUB ("Réponse publiée"); withdrawals and lapses carry labels such as
/// "Retrait", "Question retirée", "Caducité", "Fin de mandat",
/// "Changement de gouvernement".
pub(super) fn status(
    closure: Option<&Closure>,
    answered: bool,
    warnings: &mut Vec<Message>,
) -> Status {
    let Some(closure) = closure else {
        return if answered {
            Status::Answered
        } else {
            Status::Awaiting
        };
    };
    let code = closure.code.as_deref().unwrap_or("");
    let label = closure.label.as_deref().unwrap_or("").to_lowercase();
    if code == "REP_PUB" {
        return if answered {
            Status::Answered
        } else {
            Status::Awaiting
        };
    }
    if label.contains("retrait") || label.contains("retiré") {
        return Status::Withdrawn;
    }
    // "caduque", "caducité".
    if [
        "caduq",
        "caduc",
        "fin de mandat",
        "changement de gouvernement",
    ]
    .iter()
    .any(|w| label.contains(w))
    {
        return Status::Lapsed;
    }
    warnings.push(Message::UnknownClosure(code.to_owned()));
    if answered {
        Status::Answered
    } else {
        Status::Awaiting
    }
}

/// `2025-03-25` or, in older legislatures, `25/03/2025`; a time after
/// either is ignored.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = text.get(..10)?;
    // `yyyy-mm-dd`, read at once: chrono's format parser was a twentieth
    // of `check`.
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b[4] == b'-' && b[7] == b'-' {
        let (year, month, date) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, date);
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%d/%m/%Y"))
        .ok()
}

/// Unique in a load and stable across runs: the Assemblée's uid, with a
/// short hash of where it was read (the same document may be in a folder
/// and in an archive).
fn id(uid: Option<&str>, source: &str, line: usize) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in source.bytes().chain([0]).chain(line.to_string().bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    match uid {
        Some(uid) => format!("{uid}-{hash:08x}"),
        None => format!("an-{hash:08x}"),
    }
}
