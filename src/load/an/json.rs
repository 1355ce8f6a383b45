//! The shape of the Assemblée's open-data JSON, as serde reads it
//! (../../../../shared/real/PROVENANCE.md has the field map).
//!
//! The JSON is a mechanical conversion of XML: every value is a string (or
//! `null` for an empty element), an element that may repeat is an object
//! when it occurs once and a list when it occurs more ([`OneOrMany`]), and
//! attributes are keys starting with `@`. Unknown keys are ignored, so a
//! later schema with more fields still loads. Texts are kept raw
//! ([`RawValue`]) and decoded only when they are wanted: `check` never
//! unescapes or converts a text.

use serde::Deserialize;
use serde_json::value::RawValue;

/// One document: `{"question": {…}}`.
#[derive(Debug, Deserialize)]
pub struct Document<'a> {
    #[serde(borrow)]
    pub question: Option<Question<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct Question<'a> {
    pub uid: Option<Text>,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    pub identifiant: Option<Identifiant>,
    #[serde(rename = "indexationAN", alias = "INDEXATION_AN")]
    pub indexation: Option<Indexation>,
    pub auteur: Option<Auteur>,
    #[serde(rename = "minInt")]
    pub min_int: Option<Organe>,
    #[serde(rename = "minAttribs")]
    pub min_attribs: Option<MinAttribs>,
    #[serde(rename = "textesQuestion", borrow)]
    pub textes_question: Option<TextesQuestion<'a>>,
    #[serde(rename = "textesReponse", borrow)]
    pub textes_reponse: Option<TextesReponse<'a>>,
    pub cloture: Option<Cloture>,
}

/// A value the JSON gives as a string, or a number or a boolean all the
/// same: kept as text (a null in a list is an empty one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            // A null inside a list: an empty element.
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text(String::new()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An element that may occur once (an object) or more (a list).
#[derive(Debug)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Read without buffering (serde's untagged enums buffer, which loses
/// the borrowed raw texts): a list is many, a map is one.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object or a list of them")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                let items =
                    Vec::<T>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
                Ok(OneOrMany::Many(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                let item = T::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(OneOrMany::One(item))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                let item = T::deserialize(serde::de::value::StrDeserializer::<E>::new(v))?;
                Ok(OneOrMany::One(item))
            }
        }
        d.deserialize_any(Visitor(std::marker::PhantomData))
    }
}

impl<T> OneOrMany<T> {
    /// Every occurrence, in order.
    pub fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(item) => vec![item],
            OneOrMany::Many(items) => items,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct Identifiant {
    pub numero: Option<Text>,
    pub legislature: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub struct Indexation {
    pub rubrique: Option<Text>,
    #[serde(alias = "ANALYSE")]
    pub analyses: Option<Analyses>,
}

#[derive(Debug, Deserialize)]
pub struct Analyses {
    #[serde(alias = "ANA")]
    pub analyse: Option<OneOrMany<Text>>,
}

#[derive(Debug, Deserialize)]
pub struct Auteur {
    pub identite: Option<Identite>,
    pub groupe: Option<Organe>,
}

#[derive(Debug, Deserialize)]
pub struct Identite {
    #[serde(rename = "acteurRef")]
    pub acteur_ref: Option<Text>,
}

/// A ministry or a group: its short and full names.
#[derive(Debug, Deserialize)]
pub struct Organe {
    pub abrege: Option<Text>,
    pub developpe: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub struct MinAttribs {
    #[serde(rename = "minAttrib")]
    pub min_attrib: Option<OneOrMany<MinAttrib>>,
}

#[derive(Debug, Deserialize)]
pub struct MinAttrib {
    pub denomination: Option<Organe>,
}

#[derive(Debug, Deserialize)]
pub struct TextesQuestion<'a> {
    #[serde(rename = "texteQuestion", borrow)]
    pub texte_question: Option<OneOrMany<Texte<'a>>>,
}

#[derive(Debug, Deserialize)]
pub struct TextesReponse<'a> {
    #[serde(rename = "texteReponse", borrow)]
    pub texte_reponse: Option<OneOrMany<Texte<'a>>>,
}

/// A text and where the JO published it.
#[derive(Debug, Deserialize)]
pub struct Texte<'a> {
    #[serde(rename = "infoJO")]
    pub info_jo: Option<InfoJo>,
    /// Raw, decoded only when the text is kept.
    #[serde(borrow)]
    pub texte: Option<&'a RawValue>,
}

#[derive(Debug, Deserialize)]
pub struct InfoJo {
    #[serde(rename = "dateJO")]
    pub date_jo: Option<Text>,
    #[serde(rename = "pageJO")]
    pub page_jo: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub struct Cloture {
    #[serde(rename = "codeCloture")]
    pub code: Option<Text>,
    #[serde(rename = "libelleCloture")]
    pub label: Option<Text>,
    #[serde(rename = "infoJO")]
    pub info_jo: Option<InfoJo>,
}
