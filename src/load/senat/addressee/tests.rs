//! Openings in the shapes senat.fr questions take, from 1980 to today:
//! verbs, civilities, titles, "chargé de", "délégué", "auprès de", commas
//! inside a ministry's name, and what follows it.

use super::addressee;

#[track_caller]
fn reads(opening: &str, expected: &str) {
    assert_eq!(addressee(opening), Some(expected), "{opening}");
}

#[test]
fn openings_of_every_shape() {
    let cases = [
        (
            "M. Thomas Dossus interroge M. le ministre de l'intérieur et des outre-mer sur \
             l'utilisation illégale des algorithmes de vidéosurveillance.",
            "ministre de l'intérieur et des outre-mer",
        ),
        (
            "Mme Catherine Di Folco attire l'attention de M. le ministre des armées sur la \
             situation des personnels civils.",
            "ministre des armées",
        ),
        (
            "M. Jean Dupont demande à Mme la ministre de la culture si elle entend revenir sur \
             cette décision.",
            "ministre de la culture",
        ),
        (
            "M. Jean Louis Laurent interroge M. le Premier ministre sur la publication tardive \
             des réponses.",
            "Premier ministre",
        ),
        (
            "M. André Lefèvre appelle l'attention de M. le secrétaire d'État chargé des \
             transports sur la desserte ferroviaire de la Corrèze.",
            "secrétaire d'État chargé des transports",
        ),
        (
            "Mme Cécile Cukierman appelle l'attention de Mme la ministre déléguée auprès du \
             ministre de l'intérieur et des outre-mer, chargée des collectivités territoriales, \
             sur la dotation globale de fonctionnement.",
            "ministre déléguée auprès du ministre de l'intérieur et des outre-mer, chargée des \
             collectivités territoriales",
        ),
        (
            "M. Pierre Martin demande à M. le garde des sceaux, ministre de la justice, de bien \
             vouloir lui indiquer le nombre de magistrats.",
            "garde des sceaux, ministre de la justice",
        ),
        (
            "M. Henri Goetschy attire l'attention de Mme le ministre des affaires sociales et de \
             la solidarité nationale sur les retraites des mineurs.",
            "ministre des affaires sociales et de la solidarité nationale",
        ),
        (
            "M. Daniel Gremillet demande à M. le ministre de l'économie, des finances et de la \
             relance quelles mesures il entend prendre.",
            "ministre de l'économie, des finances et de la relance",
        ),
        (
            "Mme Nathalie Goulet interroge M. le ministre délégué auprès du ministre de \
             l'économie, des finances et de la souveraineté industrielle et numérique, chargé \
             des comptes publics, au sujet de la fraude sociale.",
            "ministre délégué auprès du ministre de l'économie, des finances et de la \
             souveraineté industrielle et numérique, chargé des comptes publics",
        ),
        (
            "M. Stéphane Le Rudulier appelle l'attention de M. le secrétaire d'État auprès du \
             Premier ministre, chargé des relations avec le Parlement, sur les délais de réponse.",
            "secrétaire d'État auprès du Premier ministre, chargé des relations avec le Parlement",
        ),
        (
            "M. Jean Boyer expose à M. le ministre de l'agriculture que les producteurs de lait \
             connaissent des difficultés.",
            "ministre de l'agriculture",
        ),
        (
            "M. Louis Souvet demande à M. le ministre de l'intérieur de lui préciser les règles \
             applicables.",
            "ministre de l'intérieur",
        ),
        (
            "Mme Laurence Muller-Bronn demande à Mme la Première ministre quelles suites elle \
             entend donner à ce rapport.",
            "Première ministre",
        ),
        (
            "M. Guillaume Chevrollier souhaite attirer l'attention de M. le ministre de la \
             transition écologique et de la cohésion des territoires à propos de la \
             réglementation des éoliennes.",
            "ministre de la transition écologique et de la cohésion des territoires",
        ),
        (
            "M. Jean-Pierre Sueur rappelle à M. le ministre de l'éducation nationale les termes \
             de sa question n° 01234.",
            "ministre de l'éducation nationale",
        ),
        (
            "Mme Annick Billon signale à Mme la secrétaire d'État chargée de la mer la situation \
             des pêcheurs vendéens.",
            "secrétaire d'État chargée de la mer",
        ),
        (
            "M. Olivier Paccaud interroge M. le ministre du travail, du plein emploi et de \
             l'insertion concernant les contrats aidés.",
            "ministre du travail, du plein emploi et de l'insertion",
        ),
        (
            "M. Roger Karoutchi attire l'attention de M. le ministre d'État, ministre de \
             l'intérieur, sur la sécurité des élus.",
            "ministre d'État, ministre de l'intérieur",
        ),
        (
            "M. Alain Milon demande à M. le haut-commissaire à l'économie sociale et solidaire \
             s'il compte réformer l'agrément.",
            "haut-commissaire à l'économie sociale et solidaire",
        ),
        (
            "M. Michel Savin demande à Mme la ministre des sports et des jeux Olympiques et \
             Paralympiques pourquoi le décret n'a pas été publié.",
            "ministre des sports et des jeux Olympiques et Paralympiques",
        ),
        (
            "Mme Sylvie Goy-Chavent attire l'attention de Madame la ministre de la culture et de \
             la communication sur les archives départementales.",
            "ministre de la culture et de la communication",
        ),
        (
            "M. Paul Girod demande à M. le ministre des départements et territoires d'outre-mer \
             d'indiquer le montant des crédits.",
            "ministre des départements et territoires d'outre-mer",
        ),
        (
            "M. Jacques Legendre attire l'attention de M.\u{a0}le ministre de l'éducation \
             nationale et de la jeunesse, sur la formation des maîtres.",
            "ministre de l'éducation nationale et de la jeunesse",
        ),
        (
            "M. René Trégouët appelle l'attention de M. le secrétaire d'Etat chargé du budget \
             sur la taxe d'apprentissage.",
            "secrétaire d'Etat chargé du budget",
        ),
        (
            "M. Jean-Marie Rausch demande à M. le ministre délégué chargé des relations avec les \
             collectivités territoriales des précisions sur le calendrier.",
            "ministre délégué chargé des relations avec les collectivités territoriales",
        ),
        (
            "M. Jean Dupont interroge M. le ministre de l\u{2019}intérieur et lui demande de \
             renforcer les effectifs.",
            "ministre de l\u{2019}intérieur",
        ),
        (
            "M. Jean Dupont attire l'attention du ministre de l'agriculture et de la \
             souveraineté alimentaire sur la crise.",
            "ministre de l'agriculture et de la souveraineté alimentaire",
        ),
        (
            "M. Jean Dupont interroge M. le ministre chargé des PME.",
            "ministre chargé des PME",
        ),
        (
            "M. Jean Dupont demande à M. le ministre de l'intérieur en quoi consiste ce plan.",
            "ministre de l'intérieur",
        ),
    ];
    assert!(cases.len() >= 15);
    for (opening, expected) in cases {
        reads(opening, expected);
    }
}

#[test]
fn no_addressee_without_a_title() {
    for opening in [
        "",
        "M. Jean Dupont s'inquiète de la fermeture des trésoreries.",
        "M. le maire de Lyon a saisi le préfet.",
        "Le texte de cette question n'est pas disponible en format numérique.",
    ] {
        assert_eq!(addressee(opening), None, "{opening}");
    }
}

#[test]
fn only_the_first_paragraph_is_read() {
    let text = "M. Jean Dupont s'inquiète de la situation.\n\nIl demande à M. le ministre \
                de l'intérieur ce qu'il compte faire.";
    assert_eq!(addressee(text), None);
}

proptest::proptest! {
    /// Any opening: no panic, and the addressee is a slice of the
    /// opening's first paragraph that starts with its title.
    #[test]
    fn any_opening_reads_without_panic(text in "(M\\. le |Mme la |ministre |de |l'|d'État |sur |, |\\. |[a-zé]{1,6} |\u{a0}|\n){0,40}") {
        if let Some(found) = addressee(&text) {
            proptest::prop_assert!(text.contains(found));
            proptest::prop_assert!(!found.is_empty());
        }
    }
}
