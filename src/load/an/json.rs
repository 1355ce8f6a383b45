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

use std::borrow::Cow;

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
    #[serde(borrow)]
    pub uid: Option<Text<'a>>,
    #[serde(rename = "type", borrow)]
    pub kind: Option<Text<'a>>,
    #[serde(borrow)]
    pub identifiant: Option<Identifiant<'a>>,
    #[serde(rename = "indexationAN", alias = "INDEXATION_AN", borrow)]
    pub indexation: Option<Indexation<'a>>,
    #[serde(borrow)]
    pub auteur: Option<Auteur<'a>>,
    #[serde(rename = "minInt", borrow)]
    pub min_int: Option<Organe<'a>>,
    #[serde(rename = "minAttribs", borrow)]
    pub min_attribs: Option<MinAttribs<'a>>,
    #[serde(rename = "textesQuestion", borrow)]
    pub textes_question: Option<TextesQuestion<'a>>,
    #[serde(rename = "textesReponse", borrow)]
    pub textes_reponse: Option<TextesReponse<'a>>,
    #[serde(borrow)]
    pub cloture: Option<Cloture<'a>>,
}

/// A value the JSON gives as a string, or a number or a boolean all the
/// same: kept as text (a null in a list is an empty one). Borrowed from the
/// document when it has no escape, as most short values have not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text<'a>, D::Error> {
        struct Visitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visitor<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            // A null inside a list: an empty element.
            fn visit_unit<E>(self) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed("")))
            }
        }
        d.deserialize_any(Visitor(std::marker::PhantomData))
    }
}

impl Text<'_> {
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
pub struct Identifiant<'a> {
    #[serde(borrow)]
    pub numero: Option<Text<'a>>,
    #[serde(borrow)]
    pub legislature: Option<Text<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct Indexation<'a> {
    #[serde(borrow)]
    pub rubrique: Option<Text<'a>>,
    #[serde(alias = "ANALYSE", borrow)]
    pub analyses: Option<Analyses<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct Analyses<'a> {
    #[serde(alias = "ANA", borrow)]
    pub analyse: Option<OneOrMany<Text<'a>>>,
}

#[derive(Debug, Deserialize)]
pub struct Auteur<'a> {
    #[serde(borrow)]
    pub identite: Option<Identite<'a>>,
    #[serde(borrow)]
    pub groupe: Option<Organe<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct Identite<'a> {
    #[serde(rename = "acteurRef", borrow)]
    pub acteur_ref: Option<Text<'a>>,
}

/// A ministry or a group: its short and full names.
#[derive(Debug, Deserialize)]
pub struct Organe<'a> {
    #[serde(borrow)]
    pub abrege: Option<Text<'a>>,
    #[serde(borrow)]
    pub developpe: Option<Text<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct MinAttribs<'a> {
    #[serde(rename = "minAttrib", borrow)]
    pub min_attrib: Option<OneOrMany<MinAttrib<'a>>>,
}

#[derive(Debug, Deserialize)]
pub struct MinAttrib<'a> {
    #[serde(borrow)]
    pub denomination: Option<Organe<'a>>,
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
    #[serde(rename = "infoJO", borrow)]
    pub info_jo: Option<InfoJo<'a>>,
    /// Raw, decoded only when the text is kept.
    #[serde(borrow)]
    pub texte: Option<&'a RawValue>,
}

#[derive(Debug, Deserialize)]
pub struct InfoJo<'a> {
    #[serde(rename = "dateJO", borrow)]
    pub date_jo: Option<Text<'a>>,
    #[serde(rename = "pageJO", borrow)]
    pub page_jo: Option<Text<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct Cloture<'a> {
    #[serde(rename = "codeCloture", borrow)]
    pub code: Option<Text<'a>>,
    #[serde(rename = "libelleCloture", borrow)]
    pub label: Option<Text<'a>>,
    #[serde(rename = "infoJO", borrow)]
    pub info_jo: Option<InfoJo<'a>>,
}
