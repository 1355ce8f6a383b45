use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_locale_decides_in_the_c_library_s_order() {
    let s = |v: &str| Some(v.to_owned());
    assert_eq!(Lang::from_locale([None, None, s("fr_FR.UTF-8")]), Lang::Fr);
    assert_eq!(Lang::from_locale([None, None, s("en_GB.UTF-8")]), Lang::En);
    assert_eq!(Lang::from_locale([None, None, None]), Lang::En);
    assert_eq!(
        Lang::from_locale([s("C"), None, s("fr_FR.UTF-8")]),
        Lang::En
    );
    assert_eq!(Lang::from_locale([s(""), s("fr_CA"), s("en_US")]), Lang::Fr);
    assert_eq!(Lang::from_locale([None, s("en_US"), s("fr_FR")]), Lang::En);
    assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
    assert_eq!(Lang::parse("en"), Some(Lang::En));
    assert_eq!(Lang::parse("de"), None);
}

#[test]
fn dates_and_numbers_follow_the_language() {
    assert_eq!(Lang::Fr.date(day(2023, 2, 2)), "02/02/2023");
    assert_eq!(Lang::En.date(day(2023, 2, 2)), "2023-02-02");
    assert_eq!(Lang::Fr.number(53334), "53 334");
    assert_eq!(Lang::En.number(53334), "53,334");
    assert_eq!(Lang::En.number(999), "999");
    assert_eq!(Lang::Fr.number(1_234_567), "1 234 567");
    assert_eq!(Lang::Fr.count(0, "{} jour", "{} jours"), "0 jour");
    assert_eq!(Lang::En.count(0, "{} day", "{} days"), "0 days");
    assert_eq!(Lang::Fr.count(84, "{} jour", "{} jours"), "84 jours");
    assert_eq!(Lang::En.count(1, "{} day", "{} days"), "1 day");
}

#[test]
fn templates_fill_in_order() {
    assert_eq!(fill("{} / {}", &["1", "2"]), "1 / 2");
    assert_eq!(fill("no hole", &["x"]), "no hole");
    assert_eq!(fill("{} and {}", &["a"]), "a and ");
}

/// Both catalogues have the same holes in the same entries: a French
/// template cannot lose an argument its English one shows.
#[test]
fn both_languages_fill_the_same_holes() {
    for ((name, en), (_, fr)) in EN.entries().into_iter().zip(FR.entries()) {
        assert_eq!(en.matches("{}").count(), fr.matches("{}").count(), "{name}");
        assert!(!en.is_empty() && !fr.is_empty(), "{name}");
    }
}
