//! Every string of the interface, in French and in English: one screen
//! speaks one language.
//!
//! The language comes from the locale as the C library reads it
//! (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: the first one set decides,
//! French when it starts with `fr`), or from `--lang fr|en`. Dates and
//! numbers follow it: `02/02/2023` and `53 334` in French, ISO
//! `2023-02-02` and `53,334` in English (ISO rather than "2 Feb 2023":
//! unambiguous, sortable, and as narrow as the French form, so the list's
//! columns do not move). Citations stay French in both: they cite French
//! sources ([`crate::quote`]).
//!
//! The strings are data: [`catalogue`] lists each with its two versions,
//! templates fill their `{}` in order ([`fill`]), and a test renders every
//! screen in both languages and fails when a string of the other shows.

mod catalogue;

use chrono::NaiveDate;

pub use catalogue::{Catalogue, EN, FR};

/// A language of the interface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The locale's language: see the module's documentation.
    pub fn from_env() -> Lang {
        let var = |name| std::env::var(name).ok();
        Lang::from_locale([var("LC_ALL"), var("LC_MESSAGES"), var("LANG")])
    }

    /// The language of the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set and not empty, as the C library picks the messages' locale.
    pub fn from_locale(vars: [Option<String>; 3]) -> Lang {
        let locale = vars.into_iter().flatten().find(|v| !v.is_empty());
        match locale {
            Some(l) if l.starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// `fr` or `en`, as `--lang` takes them.
    pub fn parse(name: &str) -> Option<Lang> {
        match name.to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// Its strings.
    pub fn t(self) -> &'static Catalogue {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }

    /// A date as this language writes it: `02/02/2023`, `2023-02-02`.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::Fr => date.format("%d/%m/%Y").to_string(),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A date that may be unknown: `??/??/????`, `????-??-??`.
    pub fn maybe_date(self, date: Option<NaiveDate>) -> String {
        date.map_or_else(
            || match self {
                Lang::Fr => "??/??/????".to_owned(),
                Lang::En => "????-??-??".to_owned(),
            },
            |d| self.date(d),
        )
    }

    /// A count with its thousands grouped: `53 334`, `53,334`.
    pub fn number(self, n: usize) -> String {
        let separator = match self {
            Lang::Fr => ' ',
            Lang::En => ',',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// `n` and the noun agreeing with it: `one` or `many`, templates of
    /// one `{}`. French takes the singular for 0 and 1, English for 1 only.
    pub fn count(self, n: usize, one: &str, many: &str) -> String {
        let singular = match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        };
        fill(if singular { one } else { many }, &[&self.number(n)])
    }
}

/// `template` with each `{}` replaced by the next of `args`, in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
