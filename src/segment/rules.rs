//! Language data for the boundary rules: abbreviations and sentence starters.
//!
//! The lists are data files under `data/` compiled into the binary; a unit test keeps them
//! sorted and free of duplicates.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang::Lang;

/// Abbreviations and sentence starters of one language.
#[derive(Debug)]
pub struct Rules {
    pub lang: Lang,
    /// Abbreviations with their final full stop, inner spaces removed (`z.B.`).
    abbreviations: HashSet<String>,
    /// Abbreviations that may also end a sentence (`usw.`).
    may_end: HashSet<String>,
    /// Word endings that make an abbreviation of any word (`-str.`: `Goethestr.`).
    suffixes: Vec<String>,
    starters: HashSet<String>,
    /// Whether `30.` before a noun is an ordinal rather than a sentence end (German).
    pub ordinal_dot: bool,
    /// The longest abbreviation, in full-stop-separated parts.
    pub max_parts: usize,
}

const DE_ABBR: &str = include_str!("../../data/abbreviations/de.txt");
const NL_ABBR: &str = include_str!("../../data/abbreviations/nl.txt");
const EN_ABBR: &str = include_str!("../../data/abbreviations/en.txt");
const DE_START: &str = include_str!("../../data/starters/de.txt");
const NL_START: &str = include_str!("../../data/starters/nl.txt");
const EN_START: &str = include_str!("../../data/starters/en.txt");

pub(crate) fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Rules {
    fn build(lang: Lang, abbr: &str, starters: &str, ordinal_dot: bool) -> Rules {
        let mut abbreviations = HashSet::new();
        let mut may_end = HashSet::new();
        let mut suffixes = Vec::new();
        let mut max_parts = 1;
        for line in data_lines(abbr) {
            let (word, end) = match line.strip_suffix('*') {
                Some(w) => (w.trim(), true),
                None => (line, false),
            };
            let key: String = word.chars().filter(|c| !c.is_whitespace()).collect();
            if let Some(suffix) = key.strip_prefix('-') {
                suffixes.push(suffix.to_string());
                continue;
            }
            max_parts = max_parts.max(key.matches('.').count());
            if end {
                may_end.insert(key.clone());
            }
            abbreviations.insert(key);
        }
        Rules {
            lang,
            abbreviations,
            may_end,
            suffixes,
            starters: data_lines(starters).map(str::to_string).collect(),
            ordinal_dot,
            max_parts,
        }
    }

    /// The rules of a language, built once.
    pub fn of(lang: Lang) -> &'static Rules {
        static DE: OnceLock<Rules> = OnceLock::new();
        static NL: OnceLock<Rules> = OnceLock::new();
        static EN: OnceLock<Rules> = OnceLock::new();
        match lang {
            Lang::De => DE.get_or_init(|| Rules::build(Lang::De, DE_ABBR, DE_START, true)),
            Lang::Nl => NL.get_or_init(|| Rules::build(Lang::Nl, NL_ABBR, NL_START, false)),
            Lang::En => EN.get_or_init(|| Rules::build(Lang::En, EN_ABBR, EN_START, false)),
        }
    }

    /// Looks up an abbreviation key (`vgl.`, `z.B.`); a capitalised first letter also
    /// matches the lowercase entry (`Vgl.` at the start of a footnote).
    pub fn abbreviation(&self, key: &str) -> Option<bool> {
        if self.abbreviations.contains(key) {
            return Some(self.may_end.contains(key));
        }
        // A single word ending like a suffix abbreviation (`Goethestr.`), longer than it.
        if !key[..key.len() - 1].contains('.') {
            let lower = key.to_lowercase();
            if self
                .suffixes
                .iter()
                .any(|s| lower.len() > s.len() && lower.ends_with(s.as_str()))
            {
                return Some(false);
            }
        }
        let mut chars = key.chars();
        let first = chars.next()?;
        if first.is_uppercase() {
            let lower: String = first.to_lowercase().chain(chars).collect();
            if self.abbreviations.contains(&lower) {
                return Some(self.may_end.contains(&lower));
            }
        }
        None
    }

    /// Whether `word` typically starts a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_and_unique() {
        for (name, data) in [
            ("abbreviations/de.txt", DE_ABBR),
            ("abbreviations/nl.txt", NL_ABBR),
            ("abbreviations/en.txt", EN_ABBR),
            ("starters/de.txt", DE_START),
            ("starters/nl.txt", NL_START),
            ("starters/en.txt", EN_START),
        ] {
            let lines: Vec<&str> = data_lines(data).collect();
            for w in lines.windows(2) {
                assert!(
                    w[0].as_bytes() < w[1].as_bytes(),
                    "data/{name}: `{}` and `{}` are out of order or duplicated",
                    w[0],
                    w[1]
                );
            }
        }
    }

    #[test]
    fn lookups() {
        let de = Rules::of(Lang::De);
        assert_eq!(de.abbreviation("z.B."), Some(false));
        assert_eq!(de.abbreviation("usw."), Some(true));
        assert_eq!(de.abbreviation("Vgl."), Some(false));
        assert_eq!(de.abbreviation("Haus."), None);
        assert_eq!(de.abbreviation("Goethestr."), Some(false));
        assert_eq!(de.abbreviation("Co."), Some(false));
        assert!(de.is_starter("Die"));
        let nl = Rules::of(Lang::Nl);
        assert_eq!(nl.abbreviation("d.w.z."), Some(false));
        assert!(nl.max_parts >= 3);
    }
}
