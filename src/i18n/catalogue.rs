//! The strings, each in English then in French. A `{}` is filled in order
//! by [`super::fill`]; `_one` / `_many` pairs are chosen by
//! [`super::Lang::count`]. Texts that name the Journal officiel's own
//! things ("JO Sénat", "n°", "Erratum") read the same in both.

macro_rules! catalogue {
    ($($(#[$doc:meta])* $name:ident: $en:expr, $fr:expr;)*) => {
        /// Every string of the interface in one language.
        #[derive(Debug)]
        pub struct Catalogue {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        /// The English strings.
        pub static EN: Catalogue = Catalogue { $($name: $en,)* };
        /// The French strings.
        pub static FR: Catalogue = Catalogue { $($name: $fr,)* };

        impl Catalogue {
            /// Every entry, by name: for tests that look for one
            /// language's strings on the other's screens.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

catalogue! {
    // The list.
    list_title: " Questions {} / {} ", " Questions {} / {} ";
    list_title_sorted: " Questions {} / {} · {} ", " Questions {} / {} · {} ";
    list_loading: "loading…", "chargement…";
    list_reading: "reading texts…", "lecture des textes…";
    list_empty: "no records", "aucune question";
    list_none_shown: "no record matches", "aucune question ne correspond";
    list_late: "late", "retard";
    list_position: " row {} / {} ", " ligne {} / {} ";

    // The reading panes.
    question: "Question", "Question";
    answer: "Answer", "Réponse";
    answer_in_session: "in public sitting", "en séance publique";
    answer_awaiting: "awaited from {}", "attendue de : {}";
    answer_awaiting_alone: "awaited", "en attente";
    answer_lapsed: "lapsed question", "question caduque";
    answer_withdrawn: "withdrawn question", "question retirée";
    status_awaiting: "awaiting an answer", "en attente de réponse";
    status_lapsed: "lapsed, never answered", "caduque, sans réponse";
    status_withdrawn: "withdrawn", "retirée";
    status_withdrawn_because: "withdrawn ({})", "retirée ({})";
    status_answered: "answered", "répondue";
    days_one: "{} day", "{} jour";
    days_many: "{} days", "{} jours";
    waited_one: "waiting for {} day", "en attente depuis {} jour";
    waited_many: "waiting for {} days", "en attente depuis {} jours";
    late: "late", "en retard";
    legislature: "legislature {}", "{}e législature";
    in_session: "Answered in public sitting on {}", "Réponse apportée en séance publique le {}";
    transmitted: "Transferred to {}", "Transmise au {}";
    transmitted_old: "Transferred to the ministry: {}", "Transmise au ministère : {}";
    erratum: "Erratum: JO Sénat of {}", "Erratum : JO Sénat du {}";
    erratum_page: "Erratum: JO Sénat of {}, p. {}", "Erratum : JO Sénat du {}, p. {}";
    lines_range: " {}–{} / {} ", " {}–{} / {} ";
    too_small: "terminal too small", "terminal trop petit";

    // The quote pane.
    quote_title: " Quote · {} · {} · y copy  Y bare  e save ", " Citation · {} · {} · y copier  Y sans référence  e enregistrer ";
    sentences_one: "{} sentence", "{} phrase";
    sentences_many: "{} sentences", "{} phrases";
    lines_one: "{} line", "{} ligne";
    lines_many: "{} lines", "{} lignes";

    // The status bar.
    focus_list: "list", "liste";
    focus_question: "question", "question";
    focus_answer: "answer", "réponse";
    hint_focus: "focus", "panneau";
    hint_move: "move", "aller";
    hint_search: "search", "chercher";
    hint_match: "match", "occurrence";
    hint_help: "help", "aide";
    hint_quit: "quit", "quitter";
    prompt_filter: " filter ", " filtre ";
    prompt_find: " find ", " trouver ";
    invalid_query: "invalid query (col {}: {}) — {}", "requête invalide (col. {} : {}) — {}";
    showing_all: "showing every record", "toutes les questions affichées";
    showing: "showing \"{}\"", "affiche « {} »";
    not_found: "[0/0] not found", "[0/0] introuvable";
    matches_one: "{} match", "{} occurrence";
    matches_many: "{} matches", "{} occurrences";
    filter_count: "filter \"{}\": {}", "filtre « {} » : {}";
    records_one: "{} record", "{} question";
    records_many: "{} records", "{} questions";
    loading_found: "loading {}…", "chargement {}…";
    loading_of: "loading {} / {}", "chargement {} / {}";
    reading_texts: "reading texts…", "lecture des textes…";
    indexing: "indexing {} / {}", "indexation {} / {}";
    failed_one: "{} file failed (E)", "{} fichier en échec (E)";
    failed_many: "{} files failed (E)", "{} fichiers en échec (E)";

    // Messages.
    no_match: "no match for {}", "aucune occurrence de {}";
    no_match_here: "no match for {} in this record", "aucune occurrence de {} dans cette question";
    no_search: "no search: press / first", "aucune recherche : tapez d'abord /";
    wrapped_top: "search hit the end, continuing at the top", "fin atteinte, reprise au début";
    wrapped_end: "search hit the top, continuing at the end", "début atteint, reprise à la fin";
    never_digitised: "this text was never digitised: the page only says so, there is nothing to quote", "ce texte n'a jamais été numérisé : la page ne fait que le dire, rien à citer";
    nothing_to_select: "nothing to select here", "rien à sélectionner ici";
    nothing_selected: "nothing selected: press v to select a sentence", "aucune sélection : v sélectionne une phrase";
    selected_one: "{} sentence selected: y copies with citation, Y without, e saves", "{} phrase sélectionnée : y copie avec la référence, Y sans, e enregistre";
    selected_many: "{} sentences selected: y copies with citation, Y without, e saves", "{} phrases sélectionnées : y copie avec la référence, Y sans, e enregistre";
    copied: "copied {} ({} chars) to {}", "copié : {} ({} caractères) vers {}";
    copied_quote_and_citation: "quote and citation", "citation et référence";
    copied_quote: "quote", "citation";
    way_osc52: "OSC 52", "OSC 52";
    way_tmux: "tmux buffer", "tampon tmux";
    way_native: "system clipboard", "presse-papiers du système";
    too_long: "too long to copy ({} bytes, terminals take {}): press e to save it to the quote file", "trop long pour être copié ({} octets, les terminaux en acceptent {}) : e l'enregistre dans le fichier de citations";
    copy_failed: "{}; press e to save it to the quote file", "{} ; e l'enregistre dans le fichier de citations";
    no_quote_file: "no quote file: set XDG_DATA_HOME or HOME", "pas de fichier de citations : définissez XDG_DATA_HOME ou HOME";
    saved: "saved to {}", "enregistrée dans {}";
    already_saved: "already saved in {}", "déjà enregistrée dans {}";
    cannot_save: "cannot save to {}: {}", "impossible d'enregistrer dans {} : {}";
    texts_abandoned: "the texts could not be read in the background: each record is read when opened", "les textes n'ont pu être lus en arrière-plan : chaque question est lue à son ouverture";

    // Overlays.
    help_title: " Keys · Esc closes ", " Touches · Échap ferme ";
    errors_title: " Files that failed to load · Esc closes ", " Fichiers en échec · Échap ferme ";
    errors_none_title: " No file failed to load · Esc closes ", " Aucun fichier en échec · Échap ferme ";
    errors_none: "Every file loaded cleanly.", "Tous les fichiers ont été chargés sans erreur.";
    scroll_more: " j/k scroll · more below ", " j/k défiler · suite plus bas ";
    scroll: " j/k scroll ", " j/k défiler ";
}
