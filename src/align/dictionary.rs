//! A bilingual dictionary as lexical evidence for sentence alignment, as hunalign uses its
//! dictionary: a source sentence and a target sentence that hold a word and its translation
//! are more likely a pair.
//!
//! Two formats are read:
//!
//! - **dictd**, as Debian packages the FreeDict dictionaries (`dict-freedict-deu-eng`,
//!   `dict-freedict-nld-eng`, `dict-freedict-deu-fra`, …): `NAME.index` (headword, offset
//!   and length in base 64) next to `NAME.dict.dz` (dictzip, gzip-compatible) or `NAME.dict`.
//!   An entry is a headword line, then lines of translations separated by commas or
//!   semicolons (numbered senses `1. …` too); notes, examples, synonyms and cross references
//!   that follow are skipped. A `freedict-eng-deu` dictionary serves German to English too.
//! - **TSV**: `source<TAB>target` per line, `#` starts a comment line.
//!
//! Words are compared through their stems (Snowball stemmers of rust-stemmers, for the
//! languages that have one), so `Verbindungen` finds `Verbindung → connection` and the
//! target's `connections`. A translation of several words contributes its content words
//! (`Benutzername → user name`: `user`, `name`).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rust_stemmers::{Algorithm, Stemmer};

use crate::error::{Error, Result};

/// Where Debian installs dictd dictionaries.
pub const DICTD_DIR: &str = "/usr/share/dictd";

/// English words that carry no meaning of their own in a dictionary's translations.
const ENGLISH_STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "of",
    "sth",
    "sb",
    "something",
    "somebody",
    "someone",
    "one",
    "oneself",
    "one's",
    "be",
    "is",
    "are",
    "and",
    "or",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "it",
    "its",
    "up",
    "out",
    "off",
];

/// Word pairs of two languages, compared by stem.
pub struct Dictionary {
    name: String,
    /// Source stem to the ids of its translations' target stems.
    entries: HashMap<String, Vec<u32>>,
    target_ids: HashMap<String, u32>,
    /// Target words already seen while loading, to their stem's id: most translations
    /// repeat, stemming each once is most of the work.
    seen_targets: HashMap<String, u32>,
    /// The last source headword and its stem (dictd indexes are sorted: a headword's
    /// entries are neighbours).
    last_source: (String, String),
    pairs: usize,
    /// Entries read, and those that gave no word pair (a phrase of several words, no
    /// letters, a translation of more than three words): counted, so that a user's file is
    /// never thinned out without a word.
    read: usize,
    unused: usize,
    source: Option<Stemmer>,
    target: Option<Stemmer>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("name", &self.name)
            .field("source_words", &self.entries.len())
            .field("pairs", &self.pairs)
            .finish()
    }
}

/// The ISO 639-3 code FreeDict names a language by, for an ISO 639-1 code.
fn iso3(code: &str) -> Option<&'static str> {
    Some(match code {
        "de" => "deu",
        "nl" => "nld",
        "en" => "eng",
        "fr" => "fra",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "ru" => "rus",
        "pl" => "pol",
        "sv" => "swe",
        "da" => "dan",
        "nb" | "no" => "nor",
        "fi" => "fin",
        "hu" => "hun",
        "cs" => "ces",
        "sk" => "slk",
        "ro" => "ron",
        "tr" => "tur",
        "el" => "ell",
        "uk" => "ukr",
        "bg" => "bul",
        "hr" => "hrv",
        "sr" => "srp",
        "lt" => "lit",
        "lv" => "lav",
        "ja" => "jpn",
        "zh" => "zho",
        "ar" => "ara",
        _ => return None,
    })
}

/// The Snowball stemmer of a language (ISO 639-1), if rust-stemmers has one.
fn stemmer(code: &str) -> Option<Stemmer> {
    let algorithm = match code {
        "de" => Algorithm::German,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "da" => Algorithm::Danish,
        "nb" | "no" => Algorithm::Norwegian,
        "fi" => Algorithm::Finnish,
        "hu" => Algorithm::Hungarian,
        "ro" => Algorithm::Romanian,
        "tr" => Algorithm::Turkish,
        "el" => Algorithm::Greek,
        "ar" => Algorithm::Arabic,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The words of a text, lowercased: runs of letters of three or more.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(2).is_some())
        .map(str::to_lowercase)
}

fn stem(stemmer: Option<&Stemmer>, word: &str) -> String {
    match stemmer {
        Some(s) => s.stem(word).into_owned(),
        None => word.to_string(),
    }
}

/// The content words of one translation (`to lose sth.` gives `lose`), or none when it is
/// a phrase of more than three words.
fn translation_words(phrase: &str, english: bool) -> Vec<String> {
    let all: Vec<String> = phrase
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !(english && ENGLISH_STOP.contains(&w.as_str())))
        .collect();
    if all.len() > 3 {
        return Vec::new();
    }
    all.into_iter()
        .filter(|w| w.chars().nth(2).is_some() && w.chars().all(char::is_alphabetic))
        .collect()
}

/// A line with bracketed labels removed: `[soc.] forlorn <adj>` gives ` forlorn `.
fn strip_labels(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '[' | '<' | '(' | '{' => depth += 1,
            ']' | '>' | ')' | '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The translations of one dictd entry: the lines after the headword line, up to notes,
/// examples, synonyms or cross references.
fn dictd_translations(entry: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in entry.lines().skip(1) {
        let t = line.trim();
        if t.is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if t.starts_with('"')
            || t.starts_with("Note")
            || t.starts_with("Synonym")
            || t.starts_with("see:")
            || t.starts_with("Example")
            || t.starts_with("Antonym")
        {
            break;
        }
        // Numbered senses: `1. dossier, file`.
        let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
        let t = t.strip_prefix('.').unwrap_or(t);
        out.extend(
            strip_labels(t)
                .split([',', ';'])
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
        );
    }
    out
}

/// A base-64 number of a dictd index (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`).
fn base64_number(s: &str) -> Option<usize> {
    s.bytes().try_fold(0usize, |n, b| {
        let d = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n.checked_mul(64)?.checked_add(usize::from(d))
    })
}

impl Dictionary {
    /// An empty dictionary from `source` to `target` (ISO 639-1 codes).
    fn new(name: &str, source: &str, target: &str) -> Dictionary {
        Dictionary {
            name: name.to_string(),
            entries: HashMap::new(),
            target_ids: HashMap::new(),
            seen_targets: HashMap::new(),
            last_source: (String::new(), String::new()),
            pairs: 0,
            read: 0,
            unused: 0,
            source: stemmer(source),
            target: stemmer(target),
        }
    }

    /// The name it was loaded from (file name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The number of distinct word pairs, by stem.
    pub fn pairs(&self) -> usize {
        self.pairs
    }

    /// The entries read (lines of a TSV file, translations of a dictd entry) and those of
    /// them that gave no word pair.
    pub fn entries(&self) -> (usize, usize) {
        (self.read, self.unused)
    }

    /// The number of distinct source words, by stem.
    pub fn headwords(&self) -> usize {
        self.entries.len()
    }

    fn add(&mut self, source_word: &str, target_phrase: &str, target_english: bool) {
        self.read += 1;
        if source_word.split_whitespace().nth(1).is_some() {
            self.unused += 1;
            return; // a phrase, not a word
        }
        if self.last_source.0 != source_word {
            let Some(w) = words(source_word).next() else {
                self.unused += 1;
                return;
            };
            self.last_source = (source_word.to_string(), stem(self.source.as_ref(), &w));
        }
        let targets = translation_words(target_phrase, target_english);
        if targets.is_empty() {
            self.unused += 1;
        }
        for w in targets {
            let id = match self.seen_targets.get(&w) {
                Some(&id) => id,
                None => {
                    let t = stem(self.target.as_ref(), &w);
                    let next = self.target_ids.len() as u32;
                    let id = *self.target_ids.entry(t).or_insert(next);
                    self.seen_targets.insert(w, id);
                    id
                }
            };
            let ids = self.entries.entry(self.last_source.1.clone()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
                self.pairs += 1;
            }
        }
    }

    /// Reads `source<TAB>target` lines.
    pub fn parse_tsv(name: &str, text: &str, source: &str, target: &str) -> Result<Dictionary> {
        let mut d = Dictionary::new(name, source, target);
        for (k, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((s, t)) = line.split_once('\t') else {
                return Err(Error::Syntax {
                    path: name.into(),
                    line: k + 1,
                    column: 1,
                    message: "expected `source<TAB>target`".into(),
                });
            };
            d.add(s.trim(), t.trim(), target == "en");
        }
        d.seen_targets = HashMap::new();
        Ok(d)
    }

    /// Reads a dictd dictionary from its index and its (uncompressed) data. With
    /// `reversed`, its headwords are in the target language and its translations in the
    /// source language.
    pub fn parse_dictd(
        name: &str,
        index: &str,
        data: &[u8],
        source: &str,
        target: &str,
        reversed: bool,
    ) -> Result<Dictionary> {
        let mut d = Dictionary::new(name, source, target);
        for (k, line) in index.lines().enumerate() {
            let mut f = line.split('\t');
            let (Some(word), Some(offset), Some(len)) = (f.next(), f.next(), f.next()) else {
                return Err(Error::Syntax {
                    path: format!("{name}.index"),
                    line: k + 1,
                    column: 1,
                    message: "expected `headword<TAB>offset<TAB>length`".into(),
                });
            };
            if word.starts_with("00-database") || word.starts_with("00database") {
                continue;
            }
            let (Some(offset), Some(len)) = (base64_number(offset), base64_number(len)) else {
                return Err(Error::Syntax {
                    path: format!("{name}.index"),
                    line: k + 1,
                    column: word.chars().count() + 2,
                    message: "offset and length must be dictd base-64 numbers".into(),
                });
            };
            let Some(bytes) = data.get(offset..offset.saturating_add(len)) else {
                return Err(Error::Syntax {
                    path: format!("{name}.index"),
                    line: k + 1,
                    column: 1,
                    message: format!(
                        "the entry `{word}` lies beyond the end of the data ({} bytes): \
                         index and data do not belong together",
                        data.len()
                    ),
                });
            };
            if word.split_whitespace().nth(1).is_some() {
                d.read += 1;
                d.unused += 1;
                continue;
            }
            let entry = String::from_utf8_lossy(bytes);
            for t in dictd_translations(&entry) {
                if reversed {
                    d.add(&t, word, target == "en");
                } else {
                    d.add(word, &t, target == "en");
                }
            }
        }
        d.seen_targets = HashMap::new();
        Ok(d)
    }

    /// Loads a dictionary file for aligning `source` with `target` (ISO 639-1 codes): a
    /// dictd `.index` (or its `.dict.dz` / `.dict`), or anything else as TSV. A dictd file
    /// named `…-TGT-SRC` (FreeDict's ISO 639-3 names) is read in reverse.
    pub fn load(path: &Path, source: &str, target: &str) -> Result<Dictionary> {
        let read_err = |p: &Path, e| Error::Read {
            name: p.display().to_string(),
            source: e,
        };
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = file
            .strip_suffix(".index")
            .or_else(|| file.strip_suffix(".dict.dz"))
            .or_else(|| file.strip_suffix(".dict"));
        let Some(stem) = stem else {
            let text = std::fs::read_to_string(path).map_err(|e| read_err(path, e))?;
            return Dictionary::parse_tsv(&path.display().to_string(), &text, source, target);
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        let index_path = dir.join(format!("{stem}.index"));
        let index = std::fs::read_to_string(&index_path).map_err(|e| read_err(&index_path, e))?;
        let dz = dir.join(format!("{stem}.dict.dz"));
        let data = if dz.exists() {
            let compressed = std::fs::read(&dz).map_err(|e| read_err(&dz, e))?;
            let mut data = Vec::with_capacity(compressed.len() * 6);
            flate2::read::MultiGzDecoder::new(&compressed[..])
                .read_to_end(&mut data)
                .map_err(|e| read_err(&dz, e))?;
            data
        } else {
            let plain = dir.join(format!("{stem}.dict"));
            std::fs::read(&plain).map_err(|e| read_err(&plain, e))?
        };
        let reversed = match (iso3(source), iso3(target)) {
            (Some(s), Some(t)) => stem.ends_with(&format!("{t}-{s}")),
            _ => false,
        };
        Dictionary::parse_dictd(stem, &index, &data, source, target, reversed)
    }

    /// The installed FreeDict dictionary for `source` to `target` in `dir` (normally
    /// [`DICTD_DIR`]): `freedict-SRC-TGT.index`, else `freedict-TGT-SRC.index`.
    pub fn find(dir: &Path, source: &str, target: &str) -> Option<PathBuf> {
        let (s, t) = (iso3(source)?, iso3(target)?);
        [
            format!("freedict-{s}-{t}.index"),
            format!("freedict-{t}-{s}.index"),
        ]
        .into_iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
    }

    /// The words of a source sentence that the dictionary knows, each with the ids of its
    /// first [`MAX_TRANSLATIONS`] translations (dictionaries list the common senses
    /// first), keyed by the word's stem; of a compound it lacks, the parts it knows (see
    /// `Dictionary::compound`).
    pub fn source_words(&self, text: &str) -> Vec<DictionaryWord> {
        let word = |s: &str, ids: &[u32]| {
            let mut ids = ids[..ids.len().min(MAX_TRANSLATIONS)].to_vec();
            ids.sort_unstable();
            DictionaryWord {
                key: word_key(s),
                ids,
            }
        };
        let mut out: Vec<DictionaryWord> = Vec::new();
        for w in words(text) {
            let s = stem(self.source.as_ref(), &w);
            if let Some(ids) = self.entries.get(&s) {
                out.push(word(&s, ids));
            } else if let Some(parts) = self.compound(&w) {
                out.extend(parts.iter().map(|(s, ids)| word(s, ids)));
            }
        }
        out.sort_by_key(|w| w.key);
        out.dedup_by_key(|w| w.key);
        out
    }

    /// The two parts of a compound the dictionary lacks as a whole but knows in parts, as
    /// stems with their translations: the longest known last part (the head) whose first
    /// part is known too, with or without a linking `s`, `es`, `n`, `en` or `e` (German
    /// `Rotanteil`, `Arbeitszeit`; Dutch `invoergebeurtenissen`, `gebruikersnaam`). FreeDict
    /// lists few of the compounds a text makes: their parts' translations are what the
    /// English says (`red`, `share`; `input`, `event`).
    fn compound(&self, word: &str) -> Option<[(String, &[u32]); 2]> {
        let at: Vec<usize> = word.char_indices().map(|(k, _)| k).collect();
        if at.len() < 2 * MIN_PART + 1 {
            return None;
        }
        let known = |w: &str| {
            let s = stem(self.source.as_ref(), w);
            let ids = self.entries.get(&s)?;
            Some((s, ids.as_slice()))
        };
        for k in MIN_PART..=at.len() - MIN_PART {
            let Some(head) = known(&word[at[k]..]) else {
                continue;
            };
            let first = &word[..at[k]];
            for link in ["", "s", "es", "n", "en", "e"] {
                let Some(m) = first.strip_suffix(link) else {
                    continue;
                };
                if m.chars().count() < MIN_PART {
                    continue;
                }
                if let Some(modifier) = known(m) {
                    return Some([modifier, head]);
                }
            }
        }
        None
    }

    /// The words of a target sentence that are some source word's translation, each with
    /// its own id.
    pub fn target_words(&self, text: &str) -> Vec<DictionaryWord> {
        let mut out: Vec<DictionaryWord> = words(text)
            .filter_map(|w| {
                let id = *self.target_ids.get(&stem(self.target.as_ref(), &w))?;
                Some(DictionaryWord {
                    key: u64::from(id),
                    ids: vec![id],
                })
            })
            .collect();
        out.sort_by_key(|w| w.key);
        out.dedup_by_key(|w| w.key);
        out
    }

    /// The translation ids of a source text's words, for tests.
    #[cfg(test)]
    fn source_keys(&self, text: &str) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .source_words(text)
            .into_iter()
            .flat_map(|w| w.ids)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[cfg(test)]
    fn target_keys(&self, text: &str) -> Vec<u32> {
        self.target_words(text)
            .into_iter()
            .flat_map(|w| w.ids)
            .collect()
    }
}

/// Which dictionary sentence alignment uses (`dictionary` in glossa.toml, `--dictionary`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DictionarySetting {
    /// The installed FreeDict dictionary of each pair's languages, if there is one.
    #[default]
    Auto,
    /// None: length, glossary, names and numbers only.
    None,
    /// This file, for every pair.
    File(PathBuf),
}

impl DictionarySetting {
    /// `auto`, `none`, or a path.
    pub fn parse(value: &str) -> DictionarySetting {
        match value {
            "auto" => DictionarySetting::Auto,
            "none" => DictionarySetting::None,
            path => DictionarySetting::File(PathBuf::from(path)),
        }
    }
}

/// A source and a target language code.
type LanguagePair = (String, String);

/// The dictionaries of a run: the one file named (loaded at once, so that a broken file
/// stops the run before it starts), or the installed one of each language pair (loaded
/// the first time a pair needs it).
#[derive(Debug)]
pub struct Dictionaries {
    setting: DictionarySetting,
    dir: PathBuf,
    file: Option<Arc<Dictionary>>,
    found: Mutex<HashMap<LanguagePair, Option<Arc<Dictionary>>>>,
}

impl Dictionaries {
    /// The dictionaries of `setting`; installed ones are looked for in `dir` (normally
    /// [`DICTD_DIR`]). A named file's languages come from its name (`freedict-deu-eng`,
    /// `de-en.tsv`); when the name does not tell, words are compared unstemmed.
    pub fn new(setting: DictionarySetting, dir: &Path) -> Result<Dictionaries> {
        let file = match &setting {
            DictionarySetting::File(path) => {
                let (source, target) = languages_of(path).unwrap_or(("", ""));
                Some(Arc::new(Dictionary::load(path, source, target)?))
            }
            _ => None,
        };
        Ok(Dictionaries {
            setting,
            dir: dir.to_path_buf(),
            file,
            found: Mutex::new(HashMap::new()),
        })
    }

    /// The file named in the settings, once loaded.
    pub fn file(&self) -> Option<&Dictionary> {
        self.file.as_deref()
    }

    /// The dictionary for aligning text in `source` with text in `target` (ISO 639-1),
    /// if any. An installed dictionary that cannot be read counts as none.
    pub fn for_pair(&self, source: &str, target: &str) -> Option<Arc<Dictionary>> {
        match &self.setting {
            DictionarySetting::None => None,
            DictionarySetting::File(_) => self.file.clone(),
            DictionarySetting::Auto => {
                let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
                found
                    .entry((source.to_string(), target.to_string()))
                    .or_insert_with(|| {
                        let path = Dictionary::find(&self.dir, source, target)?;
                        Dictionary::load(&path, source, target).ok().map(Arc::new)
                    })
                    .clone()
            }
        }
    }
}

/// The two language codes (ISO 639-1) a dictionary file's name gives: its last two
/// `-`-separated parts before the extension, each an ISO 639-1 or FreeDict ISO 639-3 code.
fn languages_of(path: &Path) -> Option<(&'static str, &'static str)> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    let mut parts = stem.rsplit(['-', '_']);
    let (t, s) = (parts.next()?, parts.next()?);
    Some((iso1(s)?, iso1(t)?))
}

/// The ISO 639-1 code of an ISO 639-1 or 639-3 code glossa knows a stemmer or FreeDict
/// name for.
fn iso1(code: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "de", "nl", "en", "fr", "es", "it", "pt", "ru", "pl", "sv", "da", "nb", "no", "fi", "hu",
        "cs", "sk", "ro", "tr", "el", "uk", "bg", "hr", "sr", "lt", "lv", "ja", "zh", "ar",
    ];
    let code = code.to_ascii_lowercase();
    CODES
        .iter()
        .find(|c| **c == code || iso3(c) == Some(code.as_str()))
        .copied()
}

/// The shortest part of a compound looked up (`Rot` in `Rotanteil`).
const MIN_PART: usize = 3;

/// The translations of one source word considered: dictionaries list the common senses
/// first, and a word with thirty rare senses would otherwise match any sentence.
pub const MAX_TRANSLATIONS: usize = 6;

/// A word of a sentence that the dictionary knows: a key of its own (for counting in how
/// many sentences it occurs) and the ids it matches on the other side (a source word's
/// translations; a target word's own id).
#[derive(Clone, Debug, PartialEq)]
pub struct DictionaryWord {
    pub key: u64,
    pub ids: Vec<u32>,
}

/// A stable key for a stem (FNV-1a), with the top bit set so that it never equals a target
/// id.
fn word_key(stem: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in stem.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h | (1 << 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dictd index and data of `(headword, entry)` pairs.
    fn dictd(entries: &[(&str, &str)]) -> (String, Vec<u8>) {
        let (mut index, mut data) = (String::new(), Vec::new());
        for (word, entry) in entries {
            index.push_str(&format!(
                "{word}\t{}\t{}\n",
                b64(data.len()),
                b64(entry.len())
            ));
            data.extend_from_slice(entry.as_bytes());
        }
        (index, data)
    }

    #[test]
    fn dictd_entries_give_stemmed_word_pairs() {
        let (index, data) = dictd(&[
            ("00-database-info", "info\n"),
            (
                "Datei",
                "Datei /da/\n1. file\n2. data file\n   Synonym: {Akte}\n\n",
            ),
            (
                "Verbindung",
                "Verbindung /f/\n[tech.] connection, link <n>\n \"eine Verbindung\" - a link\n",
            ),
            ("etw. verbinden", "etw. verbinden\nto connect sth.\n"),
        ]);
        let d = Dictionary::parse_dictd("t", &index, &data, "de", "en", false).unwrap();
        let keys = d.source_keys("Die Verbindungen zur Datei");
        let target = d.target_keys("The connections to the file");
        assert_eq!(keys.len(), 4, "{d:?}"); // file, data, connection, link
        assert!(target.iter().all(|k| keys.contains(k)));
        assert_eq!(target.len(), 2);
        // Notes, examples, synonyms and phrases are no word pairs.
        assert!(d.target_keys("Akte eine sth").is_empty());
        assert_eq!(d.pairs(), 4);
    }

    fn b64(mut n: usize) -> String {
        const D: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::new();
        loop {
            out.push(D[n % 64]);
            n /= 64;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn compounds_the_dictionary_lacks_are_read_through_their_parts() {
        let tsv = "rot\tred\nanteil\tshare\ninvoer\tinput\ngebruiker\tuser\nnaam\tname\n\
                   arbeit\twork\nzeit\ttime\nrotanteil\tred amount\n";
        let de = Dictionary::parse_tsv("t", tsv, "de", "en").unwrap();
        let red_share = de.target_keys("the red share");
        // Known as a whole: its own translations, not its parts'.
        assert_eq!(de.source_keys("Rotanteil").len(), 2);
        assert_eq!(de.source_keys("Rotanteile"), de.source_keys("Rotanteil"));
        // A linking `s` between the parts; a part shorter than three letters is none.
        assert_eq!(de.source_keys("Arbeitszeit"), de.target_keys("work time"));
        assert!(de.source_keys("Roanteil").is_empty());
        let nl = Dictionary::parse_tsv("t", tsv, "nl", "en").unwrap();
        assert_eq!(
            nl.source_keys("gebruikersnamen"),
            nl.target_keys("user names")
        );
        assert_eq!(nl.source_keys("invoernaam"), nl.target_keys("input name"));
        // Both parts must be known: `Grün` is not.
        assert!(de.source_keys("Grünanteil").is_empty());
        assert_eq!(red_share.len(), 2);
    }

    #[test]
    fn reversed_and_tsv_dictionaries() {
        let tsv = "# comment\nhuis\thouse\nbestand\tfile\n";
        let d = Dictionary::parse_tsv("t.tsv", tsv, "nl", "en").unwrap();
        assert_eq!(d.pairs(), 2);
        assert_eq!(d.source_keys("De bestanden"), d.target_keys("the files"));
        assert_eq!(d.source_keys("het huis").len(), 1);
        assert_eq!(d.entries(), (2, 0));
        // Entries that give no word pair are counted, not dropped in silence.
        let tsv = "huis\thouse\nhet huis\tthe house\n123\tone two three\nboek\ta book that one reads at night\n";
        let d = Dictionary::parse_tsv("t.tsv", tsv, "nl", "en").unwrap();
        assert_eq!((d.entries(), d.pairs()), ((4, 3), 1));
        let err = Dictionary::parse_tsv("t.tsv", "huis house\n", "nl", "en").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:1:1: expected `source<TAB>target`");
        // An English-German dictionary read for German to English.
        let data = b"house /h/\nHaus, Geb\xc3\xa4ude\n".to_vec();
        let index = format!("house\tA\t{}\n", b64(data.len()));
        let d = Dictionary::parse_dictd("eng-deu", &index, &data, "de", "en", true).unwrap();
        assert_eq!(d.source_keys("Die Häuser"), d.target_keys("houses"));
        assert_eq!(d.source_keys("Gebäude").len(), 1);
    }

    #[test]
    fn a_named_file_gives_its_languages_and_auto_finds_installed_ones() {
        assert_eq!(
            languages_of(Path::new("/x/freedict-deu-eng.index")),
            Some(("de", "en"))
        );
        assert_eq!(languages_of(Path::new("nl-en.tsv")), Some(("nl", "en")));
        assert_eq!(languages_of(Path::new("words.tsv")), None);
        let dir = std::env::temp_dir().join(format!("glossa-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (index, data) = dictd(&[("huis", "huis\nhouse\n")]);
        std::fs::write(dir.join("freedict-nld-eng.index"), index).unwrap();
        std::fs::write(dir.join("freedict-nld-eng.dict"), data).unwrap();
        let auto = Dictionaries::new(DictionarySetting::Auto, &dir).unwrap();
        let d = auto.for_pair("nl", "en").expect("found");
        assert_eq!(d.name(), "freedict-nld-eng");
        assert!(auto.for_pair("de", "en").is_none());
        let none = Dictionaries::new(DictionarySetting::None, &dir).unwrap();
        assert!(none.for_pair("nl", "en").is_none());
        // A named file that is missing or broken stops the run.
        let missing = DictionarySetting::File(dir.join("nope.tsv"));
        assert!(Dictionaries::new(missing, &dir).is_err());
        std::fs::write(dir.join("bad.tsv"), "huis house\n").unwrap();
        let bad = DictionarySetting::File(dir.join("bad.tsv"));
        let err = Dictionaries::new(bad, &dir).unwrap_err().to_string();
        assert!(
            err.ends_with("bad.tsv:1:1: expected `source<TAB>target`"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn broken_index_lines_are_errors_with_their_line() {
        let err = Dictionary::parse_dictd("d", "Haus\tA\n", b"", "de", "en", false).unwrap_err();
        assert!(err.to_string().starts_with("d.index:1:1:"), "{err}");
        let err =
            Dictionary::parse_dictd("d", "Haus\tA\tZZ\n", b"x", "de", "en", false).unwrap_err();
        assert!(err.to_string().contains("beyond the end"), "{err}");
    }
}
