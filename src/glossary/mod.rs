//! Glossaries: concepts with their English renderings and their German and Dutch forms.
//!
//! A glossary is a TOML file with one table per concept, keyed by a stable id, so that a
//! change to one term is a small local diff (the schema is documented in
//! `docs/glossary.md`):
//!
//! ```toml
//! [concept.kolkhoz]
//! english = "kolkhoz"
//! alternatives = ["collective farm"]
//! category = "term"
//! compound = "both"
//! de = [
//!     { form = "Kolchos" },
//!     { form = "Kolchose", status = "deprecated" },
//!     { form = "Kolchosbauern", status = "admitted", english = "kolkhoz peasants" },
//! ]
//! nl = [{ form = "kolchoz" }]
//! ```
//!
//! - [`Glossary::parse`] reads one file strictly (unknown keys are errors) and reports
//!   syntax and schema errors as [`Error::Syntax`] with file, line and column;
//! - [`Glossary::problems`] validates what parsed: forms claimed by two concepts, empty
//!   renderings, forms that can never match;
//! - [`Glossary::load`] does both and refuses a glossary with problems;
//! - [`Glossary::to_toml`] writes the canonical form (of an import, of new entries);
//! - [`edit`] puts an existing file in canonical order keeping every comment (`glossa
//!   glossary fmt`, `glossa suggest --write`).
//!
//! ```
//! use glossa::glossary::Glossary;
//!
//! let g = Glossary::parse("g.toml", r#"
//! [concept.gulag]
//! english = "Gulag"
//! category = "organisation"
//! compound = "modifier"
//! de = [{ form = "Gulag" }]
//! "#)?;
//! assert!(g.problems().is_empty());
//! assert_eq!(g.concepts[0].id, "gulag");
//! # Ok::<(), glossa::error::Error>(())
//! ```

pub mod edit;
pub mod exchange;
mod format;
mod schema;
mod validate;

pub(crate) use validate::unmatchable;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang::Lang;

pub use validate::{MIN_COMPOUND_FORM_LEN, MIN_FORM_LEN, Problem, ProblemKind};

/// A set of concepts, usually read from one file.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    /// The file it was read from (as given), for messages.
    pub path: String,
    /// The concepts, in file order.
    pub concepts: Vec<Concept>,
    /// Comment lines at the top of the file, kept by `fmt`.
    pub header: String,
    /// Words a user rejected as candidates: `glossa suggest` never proposes them again,
    /// nor any word with the same transliteration key (see [`crate::translit`]).
    pub ignore: Vec<String>,
}

/// One concept: a thing with one English rendering, however it is spelled in the sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    /// Stable id: lowercase ASCII letters, digits and `-` (`kolkhoz`, `soviet-union`).
    pub id: String,
    /// The agreed English rendering.
    pub english: String,
    /// Other English renderings a translation may use.
    pub alternatives: Vec<String>,
    /// English renderings a translation must not use.
    pub forbidden: Vec<String>,
    pub category: Category,
    /// A short definition for translators (of the concept, in no language in particular).
    pub definition: Option<String>,
    /// Definitions in a language, by language tag (`de`, `en`, `fr`): what a termbase
    /// defines under a language section.
    pub definitions: BTreeMap<String, String>,
    /// A remark for glossary maintainers (sources, spelling decisions).
    pub note: Option<String>,
    /// How the concept's forms inflect unless a form says otherwise.
    pub inflect: Option<Inflect>,
    /// Whether the concept's forms stand inside compounds unless a form says otherwise.
    pub compound: Option<Compound>,
    /// Source-language forms, in file order (`de` forms first, then `nl`, then `en`).
    pub forms: Vec<Form>,
    /// Terms in languages glossa does not match (`fr`, `ru`, `pt-BR`), by language tag
    /// then in file order: kept from a termbase and carried through to export.
    pub other_forms: Vec<OtherForm>,
    /// Where the concept is in its file (its `english` key).
    pub location: Option<Location>,
}

/// A term in a language glossa does not match: carried, never matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherForm {
    /// The language tag (see [`crate::lang::language_tag`]): `fr`, `ru`, `pt-BR`.
    pub lang: String,
    /// The term as written.
    pub text: String,
    pub status: Status,
    /// A definition of this term.
    pub definition: Option<String>,
    pub note: Option<String>,
    pub location: Option<Location>,
}

/// A source-language spelling of a concept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub lang: Lang,
    /// The form as written (`Kolchos`, `Natschalstwo`, `koelak`).
    pub text: String,
    pub status: Status,
    /// The English rendering of this form when it differs from the concept's (derived
    /// words: `Bolschewismus` → `Bolshevism`, `Kolchosbauern` → `kolkhoz peasants`).
    pub english: Option<String>,
    /// Overrides the concept's inflection.
    pub inflect: Option<Inflect>,
    /// Overrides the concept's compound setting.
    pub compound: Option<Compound>,
    /// Extra endings beyond those of the inflection class (`["ki"]`).
    pub endings: Vec<String>,
    /// A definition of this term (a termbase's term-level definition).
    pub definition: Option<String>,
    pub note: Option<String>,
    pub location: Option<Location>,
}

/// What kind of thing a concept is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Term,
    Person,
    Place,
    Organisation,
}

/// The standing of a form.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The spelling to use.
    #[default]
    Preferred,
    /// Acceptable.
    Admitted,
    /// Found in sources but not to be used; hits are flagged.
    Deprecated,
    /// Proposed by `glossa suggest`, not yet reviewed; it matches like `admitted`.
    Proposed,
}

/// How a form inflects.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Inflect {
    /// Never: only the form itself (acronyms, invariable names).
    None,
    /// The language's endings (German `-e -en -n -s -es -er -ern -em`, Dutch `-en -s -e`
    /// and doubled consonants) and Snowball stem equality.
    #[default]
    Stem,
    /// As `stem`, plus Russian plurals (`Bolschewiki`, `Apparatschiki`).
    RussianPlural,
}

/// Whether a form may stand inside a compound. A hyphenated compound (`NEP-Politik`,
/// `Beria-Krise`) always matches: the hyphen marks the boundary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compound {
    /// Only as a whole word (or a hyphenated part).
    #[default]
    None,
    /// As the first part: `Kolchosbauern`.
    Modifier,
    /// As the last part: `Betriebsnatschalstwo`.
    Head,
    /// Either.
    Both,
}

impl Compound {
    /// Whether the form may be the first part of a closed compound.
    pub fn modifier(self) -> bool {
        matches!(self, Compound::Modifier | Compound::Both)
    }

    /// Whether the form may be the last part of a closed compound.
    pub fn head(self) -> bool {
        matches!(self, Compound::Head | Compound::Both)
    }
}

/// A 1-based line and column (in characters) in a glossary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Form {
    /// A form with this status and nothing else set.
    pub fn new(lang: Lang, text: &str, status: Status) -> Form {
        Form {
            lang,
            text: text.to_string(),
            status,
            english: None,
            inflect: None,
            compound: None,
            endings: Vec::new(),
            definition: None,
            note: None,
            location: None,
        }
    }

    /// The form's inflection, its concept's, or the default.
    pub fn inflect_in(&self, concept: &Concept) -> Inflect {
        self.inflect.or(concept.inflect).unwrap_or_default()
    }

    /// The form's compound setting, its concept's, or the default.
    pub fn compound_in(&self, concept: &Concept) -> Compound {
        self.compound.or(concept.compound).unwrap_or_default()
    }

    /// The English rendering of this form.
    pub fn english_in<'a>(&'a self, concept: &'a Concept) -> &'a str {
        self.english.as_deref().unwrap_or(&concept.english)
    }
}

impl Glossary {
    /// Reads and parses a glossary file, then validates it: any problem is an error.
    pub fn load(path: &Path) -> Result<Glossary> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            name: path.display().to_string(),
            source,
        })?;
        let glossary = Glossary::parse(&path.display().to_string(), &text)?;
        glossary.check()?;
        Ok(glossary)
    }

    /// Reads several glossary files into one and validates the union (a form claimed by
    /// concepts of two files is a problem too): any problem is an error.
    pub fn load_all(paths: &[impl AsRef<Path>]) -> Result<Glossary> {
        let (all, problems) = Glossary::load_lenient(paths)?;
        Glossary::refuse(&problems)?;
        Ok(all)
    }

    /// Reads and merges several glossary files, collecting their problems instead of
    /// refusing them (for `glossa glossary lint` and `glossa check`): each file's own, then
    /// forms claimed by concepts of two files. A file that cannot be read or parsed is an
    /// error.
    pub fn load_lenient(paths: &[impl AsRef<Path>]) -> Result<(Glossary, Vec<Problem>)> {
        let mut all = Glossary::default();
        let mut problems = Vec::new();
        for path in paths {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
                name: path.display().to_string(),
                source,
            })?;
            let g = Glossary::parse(&path.display().to_string(), &text)?;
            problems.extend(g.problems());
            all.path = if all.path.is_empty() {
                g.path
            } else {
                format!("{}, {}", all.path, g.path)
            };
            all.concepts.extend(g.concepts);
            all.ignore.extend(g.ignore);
        }
        // Forms claimed across files: only what the files alone did not report.
        if paths.len() > 1 {
            for p in all.problems() {
                if p.kind == ProblemKind::ClaimedByBoth && !problems.contains(&p) {
                    problems.push(p);
                }
            }
        }
        Ok((all, problems))
    }

    /// Parses a glossary strictly; `path` only names it in messages. Syntax errors,
    /// unknown keys and wrong types are [`Error::Syntax`] with line and column.
    pub fn parse(path: &str, text: &str) -> Result<Glossary> {
        schema::parse(path, text)
    }

    /// Everything wrong with the glossary, in file order.
    pub fn problems(&self) -> Vec<Problem> {
        validate::problems(self)
    }

    /// The first problem as an error, if any.
    fn check(&self) -> Result<()> {
        Glossary::refuse(&self.problems())
    }

    /// The first of `problems` as an error (naming how many more there are), if any.
    pub fn refuse(problems: &[Problem]) -> Result<()> {
        match problems.first() {
            None => Ok(()),
            Some(p) => {
                let more = match problems.len() - 1 {
                    0 => String::new(),
                    n => format!(" (and {n} more; run `glossa glossary lint`)"),
                };
                Err(Error::Syntax {
                    path: p.path.clone(),
                    line: p.line,
                    column: p.column,
                    message: format!("{}{more}", p.message),
                })
            }
        }
    }

    /// The concept with this id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// The glossary in canonical form: header comments, then concepts sorted by id, keys
    /// in a fixed order. Written from the model, it has no comments but the header: to
    /// put an existing file in order with its comments, use [`edit::canonical`].
    pub fn to_toml(&self) -> String {
        format::to_toml(self)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Category::Term => "term",
            Category::Person => "person",
            Category::Place => "place",
            Category::Organisation => "organisation",
        })
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "deprecated",
            Status::Proposed => "proposed",
        })
    }
}

impl fmt::Display for Inflect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Inflect::None => "none",
            Inflect::Stem => "stem",
            Inflect::RussianPlural => "russian-plural",
        })
    }
}

impl fmt::Display for Compound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Compound::None => "none",
            Compound::Modifier => "modifier",
            Compound::Head => "head",
            Compound::Both => "both",
        })
    }
}

#[cfg(test)]
mod tests;
