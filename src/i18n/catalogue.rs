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
    sort_newest: "newest first", "plus récentes d'abord";
    sort_oldest: "oldest first", "plus anciennes d'abord";
    sort_delay: "longest delay first", "plus longs délais d'abord";
    sort_ministry: "by ministry", "par ministère";
    sort_author: "by author", "par auteur";
    sort_reversed: "{}, reversed", "{}, inversé";
    sorted: "sorted: {}", "tri : {}";

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
    /// After a number of days in the list: "84 d", "84 j".
    days_short: "d", "j";
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
    removed_one: "{} control character or escape sequence taken out of the quote", "{} caractère de contrôle ou séquence d'échappement retiré de la citation";
    removed_many: "{} control characters or escape sequences taken out of the quote", "{} caractères de contrôle ou séquences d'échappement retirés de la citation";
    copy_unreachable: "no clipboard could be reached: {}", "aucun presse-papiers n'a pu être atteint : {}";
    config_problems: "{} (and {} more: reponses config --check)", "{} (et {} autres : reponses config --check)";
    config_no_home: "no configuration folder: set XDG_CONFIG_HOME or HOME", "pas de dossier de configuration : définissez XDG_CONFIG_HOME ou HOME";
    config_exists: "{}", "{}";
    config_missing: "{} (none: the defaults apply; reponses config --default prints one)", "{} (absent : les réglages par défaut s'appliquent ; reponses config --default en affiche un)";
    config_not_found: "{}: no such file", "{} : fichier introuvable";
    config_ok: "{}: OK", "{} : correct";
    // Problems in the configuration file, each after its path:line:col.
    cfg_syntax: "syntax error: {}", "erreur de syntaxe : {}";
    cfg_not_table: "[{}] must be a table", "[{}] doit être une table";
    cfg_not_string: "{} must be a string", "{} doit être une chaîne";
    cfg_bad_lang: "unknown language \"{}\" (fr or en)", "langue inconnue \"{}\" (fr ou en)";
    cfg_bad_sort: "unknown order \"{}\" (newest, oldest, delay, ministry, author; a leading - reverses it)", "ordre inconnu \"{}\" (newest, oldest, delay, ministry, author ; un - devant l'inverse)";
    cfg_unknown_setting: "unknown setting \"{}\" (known: {})", "réglage inconnu \"{}\" (connus : {})";
    cfg_home_needed: "~ needs HOME to be set", "~ demande que HOME soit défini";
    cfg_relative_quote_file: "quote_file \"{}\" must be an absolute path or start with ~/", "quote_file \"{}\" doit être un chemin absolu ou commencer par ~/";
    cfg_unknown_role: "unknown colour role \"{}\" (known: {})", "rôle de couleur inconnu \"{}\" (connus : {})";
    cfg_bad_colour: "bad colour {} for {} (a name such as red, lightblue or darkgray, or #rrggbb)", "couleur invalide {} pour {} (un nom comme red, lightblue ou darkgray, ou #rrggbb)";
    cfg_unknown_citation: "unknown citation \"{}\" (known: {})", "citation inconnue \"{}\" (connues : {})";
    cfg_unknown_action: "unknown action \"{}\"", "action inconnue \"{}\"";
    cfg_see_default: " (see reponses config --default)", " (voir reponses config --default)";
    cfg_key_list: "expected a key (\"q\") or a list of keys ([\"q\", \"Ctrl-c\"])", "une touche (\"q\") ou une liste de touches ([\"q\", \"Ctrl-c\"]) est attendue";
    cfg_unknown_key: "unknown key \"{}\" (a character, or Tab, Shift-Tab, Enter, Esc, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, F1…F12, each optionally prefixed with Ctrl-)", "touche inconnue \"{}\" (un caractère, ou Tab, Shift-Tab, Enter, Esc, Space, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, F1…F12, chacune éventuellement précédée de Ctrl-)";
    cfg_bound_twice: "key \"{}\" is bound to both {} and {}", "la touche \"{}\" est attribuée à la fois à {} et à {}";
    tpl_nested: "an optional part {[ … ]} inside another", "une partie facultative {[ … ]} dans une autre";
    tpl_brace_not_closed: "a { not closed", "une { non fermée";
    tpl_unknown_field: "unknown field {{}} (known: {})", "champ inconnu {{}} (connus : {})";
    tpl_brace_not_opened: "a } not opened (write }} for a brace)", "une } non ouverte (écrivez }} pour une accolade)";
    tpl_optional_not_closed: "an optional part {[ not closed by ]}", "une partie facultative {[ non fermée par ]}";
    config_unreadable: "cannot read {}: {}; the defaults apply", "impossible de lire {} : {} ; les réglages par défaut s'appliquent";
    no_quote_file: "no quote file: set XDG_DATA_HOME or HOME", "pas de fichier de citations : définissez XDG_DATA_HOME ou HOME";
    saved: "saved to {}", "enregistrée dans {}";
    exported: "exported {} to {}", "{} exportées dans {}";
    already_saved: "already saved in {}", "déjà enregistrée dans {}";
    cannot_save: "cannot save to {}: {}", "impossible d'enregistrer dans {} : {}";
    cache_rebuilt: "the cache was unusable ({}): it is built again", "le cache était inutilisable ({}) : il est reconstruit";
    cache_damaged: "damaged", "endommagé";
    cache_foreign: "not a cache file", "pas un fichier de cache";
    cache_version: "format version {}", "format version {}";
    cache_unreadable: "unreadable: {}", "illisible : {}";
    cache_unwritable: "no cache: {} cannot be written ({}); every open reads all the files", "pas de cache : impossible d'écrire dans {} ({}) ; chaque ouverture relit tous les fichiers";
    cache_reread_one: "{} file changed since the cache: read again", "{} fichier modifié depuis le cache : relu";
    cache_reread_many: "{} files changed since the cache: read again", "{} fichiers modifiés depuis le cache : relus";
    cache_none: "no cache folder: set XDG_CACHE_HOME or HOME", "pas de dossier de cache : définissez XDG_CACHE_HOME ou HOME";
    cache_info_where: "cache: {}", "cache : {}";
    cache_info_empty: "no cache yet", "aucun cache pour l'instant";
    cache_info_entry: "{} · {} · {} files, {} records · written {} ago", "{} · {} · {} fichiers, {} questions · écrit il y a {}";
    cache_info_bad: "{} · {} · unusable ({})", "{} · {} · inutilisable ({})";
    cache_info_total: "{} in {} caches", "{} dans {} caches";
    cache_cleared: "removed {} ({})", "supprimé : {} ({})";
    texts_abandoned: "the texts could not be read in the background: each record is read when opened", "les textes n'ont pu être lus en arrière-plan : chaque question est lue à son ouverture";

    // Overlays.
    help_title: " Keys · Esc closes ", " Touches · Échap ferme ";
    errors_title: " Files that failed to load · Esc closes ", " Fichiers en échec · Échap ferme ";
    errors_none_title: " No file failed to load · Esc closes ", " Aucun fichier en échec · Échap ferme ";
    errors_none: "Every file loaded cleanly.", "Tous les fichiers ont été chargés sans erreur.";
    scroll_more: " j/k scroll · more below ", " j/k défiler · suite plus bas ";
    scroll: " j/k scroll ", " j/k défiler ";

    // The help: one line per action of the keymap, then the rest.
    help_focus_next: "focus: list → question → answer (and pinned ones)", "panneau : liste → question → réponse (et épinglées)";
    help_focus_prev: "focus back", "panneau précédent";
    help_down: "next record / scroll down", "question suivante / descendre";
    help_up: "previous record / scroll up", "question précédente / monter";
    help_page_down: "page down", "page suivante";
    help_page_up: "page up", "page précédente";
    help_top: "first record / top of the text", "première question / début du texte";
    help_bottom: "last record / end of the text", "dernière question / fin du texte";
    help_open: "read the selected record", "lire la question choisie";
    help_search: "filter the list / find in the open record", "filtrer la liste / trouver dans la question ouverte";
    help_next_match: "next match (comparing: next difference)", "occurrence suivante (comparaison : différence suivante)";
    help_prev_match: "previous match (comparing: previous difference)", "occurrence précédente (comparaison : différence précédente)";
    help_select: "select the sentence at the match, or the first shown", "sélectionner la phrase de l'occurrence, ou la première affichée";
    help_extend: "extend the selection by one sentence", "étendre la sélection d'une phrase";
    help_shrink: "shrink the selection by one sentence", "réduire la sélection d'une phrase";
    help_copy: "copy the selection with its citation", "copier la sélection avec sa référence";
    help_copy_bare: "copy the bare selection", "copier la sélection seule";
    help_export: "save the selection with its citation to the quote file", "enregistrer la sélection et sa référence dans le fichier de citations";
    help_escape: "close; clear the selection, search, filter", "fermer ; effacer la sélection, la recherche, le filtre";
    help_errors: "files that failed to load", "fichiers en échec";
    help_help: "this help", "cette aide";
    help_sort: "sort the list: newest, oldest, longest delay, ministry, author", "trier la liste : récentes, anciennes, délai, ministère, auteur";
    help_reverse: "reverse the list's order", "inverser l'ordre de la liste";
    help_stats: "statistics of the listed records: Tab grouping, Enter filters to a row", "statistiques des questions listées : Tab regroupement, Entrée filtre sur une ligne";
    topic: "Topic: {}", "Rubrique : {}";
    asked_in_session: "Asked in the chamber: the question and the answer are the debate extract in the answer pane", "Posée en séance : la question et la réponse forment l'extrait des débats du volet réponse";
    help_pin: "pin the open record: the next one opened is compared with it, sentence by sentence (n/N: differences); again: unpin", "épingler la question ouverte : la suivante ouverte lui est comparée, phrase par phrase (n/N : différences) ; à nouveau : désépingler";
    help_family: "list the answers given again with the open one (its family), by date", "lister les réponses données à nouveau avec celle ouverte (sa famille), par date";
    help_open_page: "open the question's public page in the browser (Assemblée nationale records)", "ouvrir la page publique de la question dans le navigateur (questions de l'Assemblée nationale)";
    no_page: "no public page for this record (senat.fr pages give none)", "pas de page publique pour cette question (les pages senat.fr n'en donnent pas)";
    page_opened: "opening {}", "ouverture de {}";
    page_cannot_open: "cannot start {} ({})", "impossible de lancer {} ({})";
    page_no_display: "no display to open a browser on", "pas d'écran où ouvrir un navigateur";
    page_copied: "{}: address copied ({}): {}", "{} : adresse copiée ({}) : {}";
    page_shown: "{}; the address: {}", "{} ; l'adresse : {}";
    help_export_list: "export the listed records to a CSV file", "exporter les questions listées dans un fichier CSV";
    help_quit: "quit (q closes an overlay first)", "quitter (q ferme d'abord une fenêtre)";
    help_prompt: "Search bar: Enter keeps · Esc clears · Ctrl-C cancels · Backspace, Ctrl-W (word), Ctrl-U (all) edit · ↑ ↓ move in the list", "Barre de recherche : Entrée garde · Échap efface · Ctrl-C annule · Retour arrière, Ctrl-W (mot), Ctrl-U (tout) corrigent · ↑ ↓ parcourent la liste";
    help_filter: "Filter (list): every word must occur · \"a phrase\" · author: ministry: group: (at word starts) · status:answered|awaiting|lapsed|withdrawn · late:yes|no · after:/before:YYYY-MM-DD · a capital or an accent makes a word exact", "Filtre (liste) : chaque mot doit figurer · \"une expression\" · author: ministry: group: (en début de mot) · status:answered|awaiting|lapsed|withdrawn · late:yes|no · after:/before:AAAA-MM-JJ · une majuscule ou un accent rend un mot exact";
    help_find: "Find (open record): what is typed, as one phrase, in the question and the answer", "Trouver (question ouverte) : ce qui est tapé, comme une seule expression, dans la question et la réponse";
    help_marks: "List: ✓ answered · … awaiting · † lapsed · × withdrawn · late (! when narrow) · days the answer took, or waited so far", "Liste : ✓ répondue · … en attente · † caduque · × retirée · retard (! si étroit) · jours mis à répondre, ou attendus jusqu'ici";
    help_mouse: "Mouse: the wheel scrolls the pane under the pointer; a click focuses it", "Souris : la molette fait défiler le panneau pointé ; un clic le choisit";

    // Diagnostics (`check`, the errors view).
    severity_error: "error", "erreur";
    severity_warning: "warning", "avertissement";
    diag_binary: "binary data (a NUL byte), not a text document; expected a senat.fr question page or Assemblée nationale JSON", "données binaires (un octet NUL), pas un document texte ; une page de question senat.fr ou du JSON de l'Assemblée nationale était attendu";
    diag_cannot_read: "cannot read: {}", "illisible : {}";
    diag_no_such_path: "no such file or folder", "fichier ou dossier introuvable";
    diag_no_txt: "no .txt, .json or .zip file in this folder", "aucun fichier .txt, .json ou .zip dans ce dossier";
    diag_not_a_file: "not a regular file or folder (a device, a FIFO or a socket); skipped", "ni un fichier ordinaire ni un dossier (un périphérique, un tube ou une socket) ; ignoré";
    diag_empty: "empty document: expected a {}", "document vide : un en-tête {} était attendu";
    diag_no_header: "no {} found: not a senat.fr question page", "aucun en-tête {} : pas une page de question senat.fr";
    diag_header_grammar: "\"Question de M./Mme NAME First name (constituency - group) publiée le dd/mm/yyyy\" header", "\"Question de M./Mme NOM Prénom (circonscription - groupe) publiée le jj/mm/aaaa\"";
    diag_broken_header: "broken \"Question de\" header: expected {}; this document is skipped", "en-tête \"Question de\" incomplet : il manque {} ; ce document est ignoré";
    diag_broken_answer: "broken \"Réponse\" header: expected {}", "en-tête \"Réponse\" incomplet : il manque {}";
    diag_broken_answer_skipped: "broken \"Réponse\" header: expected {}; this document is skipped", "en-tête \"Réponse\" incomplet : il manque {} ; ce document est ignoré";
    diag_second_answer: "a second \"Réponse\" header in this document: it replaces the answer above it", "un second en-tête \"Réponse\" dans ce document : il remplace la réponse au-dessus";
    diag_second_session: "a second \"Réponse apportée en séance publique\" line in this document: the first is kept", "une seconde ligne \"Réponse apportée en séance publique\" dans ce document : la première est gardée";
    diag_session_date: "unreadable date of the public sitting: expected \"le dd/mm/yyyy\"; the field is left empty", "date de la séance publique illisible : \"le jj/mm/aaaa\" attendu ; le champ reste vide";
    diag_erratum_unread: "erratum not fully read: expected \"Erratum : JO du dd/mm/yyyy p. N\"", "erratum lu en partie : \"Erratum : JO du jj/mm/aaaa p. N\" attendu";
    diag_impossible_date: "impossible date {}; the field is left empty", "date impossible {} ; le champ reste vide";
    diag_answer_before_question: "the answer is dated {}, before its question ({}): one of the dates is wrong; no delay or lateness is counted", "la réponse est datée du {}, avant sa question ({}) : l'une des dates est fausse ; ni délai ni retard ne sont comptés";
    diag_unplaced: "unrecognised line: it looks like {} but is not one; left out of the text", "ligne non reconnue : elle ressemble à {} sans en être ; laissée hors du texte";
    diag_unplaced_page: "a \"- page N\" line", "une ligne \"- page N\"";
    diag_unplaced_footer: "a \"Page mise à jour le\" footer", "un pied de page \"Page mise à jour le\"";
    diag_cut_short: "the page looks cut short: it ends inside its \"Page mise à jour le\" footer", "la page semble tronquée : elle s'arrête dans son pied de page \"Page mise à jour le\"";
    diag_belongs_after_header: "ignored: this line belongs after a \"Question de\" header", "ignorée : cette ligne vient après un en-tête \"Question de\"";
    diag_before_title_one: "ignored {} line of text before the title and the \"Question de\" header", "{} ligne de texte ignorée avant le titre et l'en-tête \"Question de\"";
    diag_before_title_many: "ignored {} lines of text before the title and the \"Question de\" header", "{} lignes de texte ignorées avant le titre et l'en-tête \"Question de\"";
    diag_after_footer_one: "ignored {} line after the page footer", "{} ligne ignorée après le pied de page";
    diag_after_footer_many: "ignored {} lines after the page footer", "{} lignes ignorées après le pied de page";
    diag_no_text: "the question has no text", "la question n'a pas de texte";
    diag_json: "invalid JSON: {}; this document is skipped", "JSON invalide : {} ; ce document est ignoré";
    diag_not_a_question: "a JSON document without a \"question\" key: not an Assemblée nationale question; skipped", "un document JSON sans clé \"question\" : pas une question de l'Assemblée nationale ; ignoré";
    diag_json_date: "unreadable date \"{}\": expected yyyy-mm-dd; the field is left empty", "date illisible \"{}\" : aaaa-mm-jj attendu ; le champ reste vide";
    diag_unknown_closure: "unknown closure code \"{}\": the status is read from whether an answer is published", "code de clôture inconnu \"{}\" : le statut est déduit de la présence d'une réponse publiée";
    diag_zip: "unreadable zip archive: {}", "archive zip illisible : {}";
    diag_zip_entry: "this archive entry does not inflate: {}; skipped", "cette entrée de l'archive ne se décompresse pas : {} ; ignorée";
    diag_zip_too_large: "this archive entry inflates to more than {} MB; refused", "cette entrée de l'archive dépasse {} Mo une fois décompressée ; refusée";
    expected_names_then_affiliation: "the last and first names, then \" (constituency - group)\"", "les nom et prénom, puis \" (circonscription - groupe)\"";
    expected_names: "the author's last and first names", "les nom et prénom de l'auteur";
    expected_closing_parenthesis: "\")\" closing \"(constituency - group\"", "\")\" fermant \"(circonscription - groupe\"";
    expected_published_on: "\" publiée le dd/mm/yyyy\"", "\" publiée le jj/mm/aaaa\"";
    expected_date: "a date dd/mm/yyyy", "une date jj/mm/aaaa";
    expected_end_of_line: "the end of the line after the date", "la fin de la ligne après la date";
    expected_header: "a complete header", "un en-tête complet";
    expected_answer_header: "a complete answer header", "un en-tête de réponse complet";

    // Query errors.
    query_error: "column {}: {}", "colonne {} : {}";
    query_too_long: "the query is {} bytes long; the longest taken is {} bytes (16 KB): search for a shorter passage", "la requête fait {} octets ; la plus longue acceptée en fait {} (16 Ko) : cherchez un passage plus court";
    query_unknown_filter: "unknown filter '{}:'; known: {} (quote a phrase to search for a colon: \"{}\")", "filtre inconnu '{}:' ; connus : {} (mettez entre guillemets pour chercher un deux-points : \"{}\")";
    query_empty_value: "empty value for '{}:'; {}", "valeur vide pour '{}:' ; {}";
    query_unbalanced: "unbalanced quote: this \" is never closed", "guillemet seul : ce \" n'est jamais fermé";
    query_no_status: "no status '{}'; {}", "pas de statut '{}' ; {}";
    query_no_chamber: "no chamber '{}'; {}", "pas de chambre '{}' ; {}";
    query_no_kind: "no kind of question '{}'; {}", "pas de type de question '{}' ; {}";
    query_bad_late: "'{}' for late:; {}", "'{}' pour late: ; {}";
    query_bad_answered: "'{}' for answered:; {}", "'{}' pour answered: ; {}";
    query_bad_reused: "'{}' for reused:; {}", "'{}' pour reused: ; {}";
    query_bad_delay: "'{}' is not a delay; {}", "'{}' n'est pas un délai ; {}";
    query_bad_number: "'{}' is not a question number; {}", "'{}' n'est pas un numéro de question ; {}";
    query_malformed_date: "malformed date '{}'; expected YYYY-MM-DD", "date mal formée '{}' ; AAAA-MM-JJ attendu";
    query_no_month: "impossible date {}: there is no month {}", "date impossible {} : il n'y a pas de mois {}";
    query_no_day: "impossible date {}: {} has {} days", "date impossible {} : {} a {} jours";
    query_expects_status: "expected answered, awaiting, lapsed or withdrawn", "answered, awaiting, lapsed ou withdrawn attendu";
    query_expects_chamber: "expected an (Assemblée nationale) or senat", "an (Assemblée nationale) ou senat attendu";
    query_expects_kind: "expected written, government (questions to the Government) or oral", "written, government ou oral attendu";
    query_expects_yes_no: "expected yes or no", "yes ou no attendu";
    query_expects_date: "expected a date, YYYY-MM-DD", "une date AAAA-MM-JJ attendue";
    query_expects_text: "expected a word or a \"quoted phrase\"", "un mot ou une \"expression entre guillemets\" attendu";
    query_expects_delay: "expected a number of days, perhaps after >, >=, <, <= or =: delay:>60, delay:<=30, delay:45", "un nombre de jours attendu, précédé si besoin de >, >=, <, <= ou = : delay:>60, delay:<=30, delay:45";
    query_expects_number: "expected the question's number, letters and digits: number:05589", "le numéro de la question attendu, en lettres et chiffres : number:05589";

    // The command line.
    files_checked_one: "{} file checked", "{} fichier vérifié";
    files_checked_many: "{} files checked", "{} fichiers vérifiés";
    records_loaded_one: "{} record loaded", "{} question chargée";
    records_loaded_many: "{} records loaded", "{} questions chargées";
    errors_one: "{} error", "{} erreur";
    errors_many: "{} errors", "{} erreurs";
    warnings_one: "{} warning", "{} avertissement";
    warnings_many: "{} warnings", "{} avertissements";
    check_summary: "{}, {}, {}, {}; {}", "{}, {}, {}, {} ; {}";
    check_clean: "every file loaded cleanly", "tous les fichiers chargés sans erreur";
    files_with_errors_one: "{} file with errors", "{} fichier en erreur";
    files_with_errors_many: "{} files with errors", "{} fichiers en erreur";
    cli_error: "reponses: {}", "reponses : {}";
    cli_bad_query: "reponses: bad query: {}", "reponses : requête invalide : {}";
    cli_match_empty: "reponses: --match: nothing to find in {}", "reponses : --match : rien à chercher dans {}";
    cli_match_too_long: "reponses: --match: {}", "reponses : --match : {}";
    cli_not_found: "reponses: {} not found in the questions and answers of {}", "reponses : {} introuvable dans les questions et réponses de {}";
    cli_others_one: "reponses: quoted {}; {} other record also matches", "reponses : citation de {} ; {} autre question correspond aussi";
    cli_others_many: "reponses: quoted {}; {} other records also match", "reponses : citation de {} ; {} autres questions correspondent aussi";
    cli_no_ministry: "no ministry", "sans ministère";
    cli_unknown_author: "unknown author", "auteur inconnu";
    cli_needs_terminal: "reponses: the reader needs a terminal; for scripts use parse, check, search, quote", "reponses : le lecteur a besoin d'un terminal ; pour les scripts : parse, check, search, quote";
    cli_no_such_path: "reponses: {}: no such file or folder", "reponses : {} : fichier ou dossier introuvable";
    cli_did_you_mean: "; did you mean '{}'?", " ; vouliez-vous dire '{}' ?";

    // Statistics.
    stats_ministry: "ministry", "ministère";
    stats_group: "group", "groupe";
    stats_author: "author", "auteur";
    stats_year: "year", "année";
    stats_chamber: "chamber", "chambre";
    stats_month: "month", "mois";
    stats_questions: "questions", "questions";
    stats_answered: "answered", "répondues";
    stats_on_time: "on time", "dans les délais";
    stats_answered_share: "% answered", "% répondues";
    stats_on_time_share: "% on time", "% à temps";
    stats_median: "median", "médiane";
    stats_mean: "mean", "moyenne";
    stats_p90: "p90", "p90";
    stats_awaiting: "awaiting", "en attente";
    stats_awaiting_late: "late", "en retard";
    stats_oldest: "oldest", "plus ancienne";
    stats_lapsed: "lapsed", "caduques";
    stats_withdrawn: "withdrawn", "retirées";
    stats_reused: "reused answers", "réponses réutilisées";
    stats_total: "total", "total";
    stats_title: " Statistics · {} · {} · Tab grouping · Enter filters · Esc closes ", " Statistiques · {} · {} · Tab regroupement · Entrée filtre · Échap ferme ";
    stats_by_ministry: "by ministry", "par ministère";
    stats_by_group: "by group", "par groupe";
    stats_by_author: "by author", "par auteur";
    stats_by_year: "by year", "par année";
    stats_by_month: "by month", "par mois";
    stats_by_chamber: "by chamber", "par chambre";
    stats_legend_on_time: "answered on time", "répondue dans les délais";
    stats_legend_late: "answered late", "répondue en retard";
    stats_legend_awaiting: "awaiting", "en attente";
    stats_histogram_one: "Delay of {} answer, in days", "Délai de {} réponse, en jours";
    stats_histogram_many: "Delays of {} answers, in days", "Délais de {} réponses, en jours";
    stats_deadline: "two months", "deux mois";
    stats_undated_one: "{} record has an unknown date: no delay or waiting time is counted for it", "{} question a une date inconnue : aucun délai ni attente n'est compté pour elle";
    stats_undated_many: "{} records have an unknown date: no delay or waiting time is counted for them", "{} questions ont une date inconnue : aucun délai ni attente n'est compté pour elles";

    // Families of reused answers, and comparisons.
    families_size: "size", "taille";
    families_first: "first", "première";
    families_last: "last", "dernière";
    families_authors: "authors", "auteurs";
    families_key: "key", "clé";
    families_sentence: "sentence", "phrase";
    compare_counts: "{} sentences shared, {} changed, {} only here, {} only there", "{} phrases communes, {} modifiées, {} seulement ici, {} seulement là";
    compare_counts_cli: "{} sentences shared, {} changed, {} only in {}, {} only in {}", "{} phrases communes, {} modifiées, {} seulement dans {}, {} seulement dans {}";
    compare_partial: " (compared in part: too long)", " (comparaison partielle : trop long)";
    compare_working: "comparing…", "comparaison…";
    compare_not_found: "reponses: no record {} in {}", "reponses : aucune question {} dans {}";
    compare_no_answer: "no answer", "pas de réponse";
    pinned: "pinned: open another record to compare it with this one; p again unpins", "épinglée : ouvrez une autre question pour la comparer à celle-ci ; p à nouveau désépingle";
    unpinned: "unpinned", "désépinglée";
    nothing_to_pin: "no record to pin", "aucune question à épingler";
    no_difference: "the two answers say the same, sentence for sentence", "les deux réponses disent la même chose, phrase pour phrase";
    difference_at: "difference {} / {}", "différence {} / {}";
    pinned_title: "Pinned", "Épinglée";
    focus_pinned: "pinned", "épinglée";
    family_none: "this answer was not given again (no family)", "cette réponse n'a pas été donnée à nouveau (aucune famille)";
    family_pending: "families of reused answers are being computed…", "calcul des familles de réponses réutilisées…";
    family_unknown: "families need the texts: they are computed once the texts are read", "les familles demandent les textes : elles sont calculées une fois les textes lus";
    family_shown: "the same answer, given {} times from {} to {} to {}", "la même réponse, donnée {} fois du {} au {} à {}";
    families_found: "{} of reused answers found ({} s)", "{} de réponses réutilisées trouvées ({} s)";
    families_one: "{} family", "{} famille";
    families_many: "{} families", "{} familles";
    family_authors_one: "{} author", "{} auteur";
    family_authors_many: "{} authors", "{} auteurs";

    // Key names, as the help writes them.
    key_space: "Space", "Espace";
    key_enter: "Enter", "Entrée";
    key_esc: "Esc", "Échap";
    key_shift_tab: "Shift-Tab", "Maj-Tab";
    key_page_down: "PgDn", "PgSuiv";
    key_page_up: "PgUp", "PgPréc";
    key_home: "Home", "Début";
    key_end: "End", "Fin";
    key_backspace: "Backspace", "Retour arrière";
}
