//! [`Lang`]: the languages glossa knows, with their ISO 639-1 codes.
//!
//! This is the only place that names languages; the detector converts to and from
//! lingua's types privately.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::error::Error;

/// A language glossa can segment, detect or match terms in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    De,
    Nl,
    En,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 3] = [Lang::De, Lang::Nl, Lang::En];

    /// The ISO 639-1 code (`de`, `nl`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The English name of the language.
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "German",
            Lang::Nl => "Dutch",
            Lang::En => "English",
        }
    }

    /// Parses a comma-separated list such as `de,nl,en`, without duplicates.
    pub fn parse_list(list: &str) -> Result<Vec<Lang>, Error> {
        let mut langs = Vec::new();
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let lang: Lang = code.parse()?;
            if !langs.contains(&lang) {
                langs.push(lang);
            }
        }
        Ok(langs)
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(code: &str) -> Result<Lang, Error> {
        match code.to_ascii_lowercase().as_str() {
            "de" | "deu" | "ger" | "german" => Ok(Lang::De),
            "nl" | "nld" | "dut" | "dutch" => Ok(Lang::Nl),
            "en" | "eng" | "english" => Ok(Lang::En),
            _ => Err(Error::UnknownLanguage {
                code: code.to_string(),
                supported: Lang::ALL.map(Lang::code).join(", "),
            }),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
        }
    }

    #[test]
    fn list_rejects_unknown_code_by_name() {
        let err = Lang::parse_list("de,xx").unwrap_err().to_string();
        assert!(err.contains("`xx`"), "{err}");
        assert_eq!(
            Lang::parse_list("de, nl,de").unwrap(),
            vec![Lang::De, Lang::Nl]
        );
    }
}
