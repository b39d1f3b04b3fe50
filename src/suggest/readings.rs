//! The Russian readings of a word: the keys its transliteration allows, each with the
//! Russian word it spells and what reading it so costs. A key read as it stands costs
//! nothing; the spellings German and Dutch make of a Russian word cost a little: an `e`
//! put before a final `l` or `r` (`Rubel` is `рубль`), an unstressed `o` written for `а`
//! (`Kosaken` is `казаки`, not `косяк`), `h` for the г of Ukrainian and Belarusian
//! (`Holodomor` is `голодомор`), an `h` after a vowel that German writes to make the
//! vowel long (`Ehrenburg` is `эренбург`), a German plural in `-en` for a Russian one in `-и`,
//! and the letters transliterations confuse (`Kronstadt` for `Кронштадт`); a word may also
//! be Ukrainian (`Holodomor`, from the Ukrainian word list), or a German or Dutch exonym
//! that no key reaches (`Moskau` is `москва`, `data/suggest/exonyms.txt`); a word with no
//! reading at all may be a Russian noun the word list holds only in another case
//! (`Korenisazija`, коренизации) or a Soviet syllabic abbreviation (`Proletkult`, `Kombedy`:
//! `data/suggest/clipped.txt`). The best
//! supported reading (the most common Russian word, less the cost) is the word's.

use super::lexicon::Lexicon;
use super::lists::{clipped, exonym};
use super::score::FUNCTION_WORDS;
use super::stems::stems;
use crate::lang::Lang;
use crate::translit;
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

/// One reading of a word.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Reading {
    /// The Russian word, lowercase Cyrillic.
    pub(super) word: &'static str,
    /// Its Zipf value.
    pub(super) zipf: f64,
    /// What reading the word so costs, in Zipf steps.
    pub(super) cost: f64,
    /// How the key was read (`as written`, `o read as a` …).
    pub(super) how: &'static str,
    /// Whether it reads the whole word, not a stem of it without an ending.
    pub(super) whole: bool,
}

impl Reading {
    /// How well the reading is supported: the Russian word's Zipf value less the cost.
    pub(super) fn support(&self) -> f64 {
        self.zipf - self.cost
    }
}

/// How a reading through the г of Ukrainian and Belarusian is told.
pub(super) const UKRAINIAN_H: &str = "h read as Ukrainian г";
/// How a reading of a Ukrainian word is told.
pub(super) const THROUGH_UKRAINIAN: &str = "a Ukrainian word";
/// How a reading of the word as it stands is told.
pub(super) const AS_WRITTEN: &str = "as written";
/// How the reading of a stem, the word without an ending, is told.
pub(super) const WITHOUT_ENDING: &str = "without its ending";
/// How the reading of an exonym is told.
pub(super) const EXONYM: &str = "an exonym (data/suggest/exonyms.txt)";

/// The Zipf value given to the Russian word of an exonym that the word list lacks.
const EXONYM_ZIPF: f64 = 3.0;

/// How the reading of a Soviet abbreviation is told.
pub(super) const ABBREVIATION: &str = "a Soviet abbreviation (data/suggest/clipped.txt)";

/// The Zipf value a Soviet abbreviation is given: the word lists lack most of them, so
/// their frequency is unknown; that of a word of a specialist's vocabulary.
const ABBREVIATION_ZIPF: f64 = 3.0;

/// The least Zipf value of the Russian word that ends an abbreviation (`беды` of
/// `Kombedy`, `культ` of `Proletkult`): a rare one is a chance spelling.
const ABBREVIATION_TAIL: f64 = 3.0;

/// The least length of a key read as an abbreviation, of a clipped part after the first,
/// and of the Russian word that ends it (`Narben` is no нар-бен).
const ABBREVIATION_KEY: usize = 6;
const ABBREVIATION_PART: usize = 3;
const ABBREVIATION_WORD: usize = 4;

/// A Soviet syllabic abbreviation that a key spells: clipped words and, last, a clipped
/// word or a Russian word (`kombedy` is `ком` + `беды`, `narkompros` `нар` + `ком` +
/// `прос`), the Cyrillic spelling; `None` when it spells none.
fn abbreviation(key: &str, depth: usize) -> Option<String> {
    if depth > 3 {
        return None;
    }
    let lexicon = Lexicon::get();
    for (head, cyrillic) in clipped() {
        let Some(rest) = key.strip_prefix(head.as_str()) else {
            continue;
        };
        if rest.chars().count() < ABBREVIATION_PART {
            continue;
        }
        if let Some((_, c)) = clipped().iter().find(|(k, _)| k == rest) {
            return Some(format!("{cyrillic}{c}"));
        }
        let zipf = lexicon.russian(rest);
        if rest.chars().count() >= ABBREVIATION_WORD
            && (ABBREVIATION_TAIL..=FUNCTION_WORDS).contains(&zipf)
            && let Some(word) = lexicon.russian_word(rest)
        {
            return Some(format!("{cyrillic}{word}"));
        }
        if let Some(more) = abbreviation(rest, depth + 1) {
            return Some(format!("{cyrillic}{more}"));
        }
    }
    None
}

/// A word made once and kept for the life of the process: the Cyrillic spellings of the
/// abbreviations read, a handful per corpus.
fn intern(word: String) -> &'static str {
    static POOL: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut pool = POOL
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(w) = pool.get(word.as_str()) {
        return w;
    }
    let w: &'static str = Box::leak(word.into_boxed_str());
    pool.insert(w);
    w
}

/// What reading a word through another case of its Russian word costs, and how it is told.
const ANOTHER_CASE: f64 = 0.3;
pub(super) const ANOTHER_CASE_READ: &str = "read through another case of the Russian word";

/// The endings of a Russian noun's nominative and the endings of its other cases that a
/// word list may hold instead: the word lists count inflected forms apart, and a noun of a
/// specialist's vocabulary may be in them only in the genitive (`коренизации`).
const CASES: &[(&str, &[&str])] = &[
    ("ия", &["ии", "ию", "ией"]),
    // A masculine noun's plural printed, its singular in the list (`Sownarchosy`:
    // совнархоза).
    ("ы", &["", "а", "у", "ом", "ов"]),
];

/// The least length of a key read through another case: short keys spell some inflected
/// Russian word by chance.
const ANOTHER_CASE_KEY: usize = 8;

/// The reading of a word as the nominative of a Russian noun that the word list holds only
/// in another case: `Korenisazija` is коренизация, which the list has as коренизации.
/// The Russian word is the nominative, spelt from the case found.
fn another_case(plain: &str, lang: Lang) -> Option<Reading> {
    let lexicon = Lexicon::get();
    let key = translit::key(plain, lang);
    if key.chars().count() < ANOTHER_CASE_KEY {
        return None;
    }
    let mut best: Option<Reading> = None;
    for (nominative, others) in CASES {
        let Some(stem) = key.strip_suffix(translit::key_cyrillic(nominative).as_str()) else {
            continue;
        };
        for other in *others {
            let k = format!("{stem}{}", translit::key_cyrillic(other));
            let zipf = lexicon.russian(&k);
            if zipf <= 0.0 || zipf > FUNCTION_WORDS {
                continue;
            }
            let Some(found) = lexicon.russian_word(&k).and_then(|w| w.strip_suffix(other)) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| b.zipf < zipf) {
                best = Some(Reading {
                    word: intern(format!("{found}{nominative}")),
                    zipf,
                    cost: ANOTHER_CASE,
                    how: ANOTHER_CASE_READ,
                    whole: true,
                });
            }
        }
    }
    best
}

/// What reading a word as Ukrainian costs: German and Dutch take most of their Soviet
/// words from Russian.
const UKRAINIAN: f64 = 0.3;

/// What a German or Dutch spelling of a Russian word costs to read back.
const EPENTHETIC_E: f64 = 0.2;
const PLURAL: f64 = 0.2;
const O_FOR_A: f64 = 0.3;
const H_FOR_G: f64 = 0.3;
const CONFUSED_LETTERS: f64 = 0.5;

/// What reading an `h` after a vowel as German's mark of a long vowel costs, and how it is
/// told.
const LENGTHENING_H: f64 = 0.3;
pub(super) const LENGTHENING_H_READ: &str = "h after a vowel read as German's mark of length";

/// A key without each `h` that follows a vowel and comes before a consonant: German's mark
/// of a long vowel (`ehrenburg`: `erenburg`, as `эренбург` spells); `None` when there is
/// none.
fn without_lengthening_h(key: &str) -> Option<String> {
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiouy".contains(*c));
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    let mut changed = false;
    for (i, c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        if *c == 'h' && vowel(before) && after.is_some() && !vowel(after) {
            changed = true;
        } else {
            out.push(*c);
        }
    }
    changed.then_some(out)
}

/// What reading a German `z` inside a word as з costs, and how it is told.
const Z_AS_ZE: f64 = 0.3;
pub(super) const Z_READ_AS_ZE: &str = "z inside the word read as з";

/// A German word with each `z` inside it (not first, not after `t`) written `s`, as German
/// transliterates з (`bezgramotnosti`: `besgramotnosti`, `Ramzin`: `Ramsin`); `None` for a
/// word of another language or without such a `z`. German writes ц as `z` too (`Zar`,
/// `Trotzki`), and the key reads it so at no cost.
pub(super) fn z_as_ze(plain: &str, lang: Lang) -> Option<String> {
    if lang != Lang::De {
        return None;
    }
    let mut out = String::with_capacity(plain.len());
    let mut changed = false;
    let mut previous = ' ';
    for c in plain.chars() {
        if c == 'z' && previous != ' ' && previous != 't' {
            out.push('s');
            changed = true;
        } else {
            out.push(c);
        }
        previous = c;
    }
    changed.then_some(out)
}

/// The least Zipf value of a Russian word read through a changed letter of a short key
/// (under six symbols): short keys spell some rare Russian word by chance.
const SHORT_NEAR: f64 = 3.5;

/// Letters transliterations confuse (key symbols).
const CONFUSED: &[(char, char)] = &[
    ('s', 'S'),
    ('S', 's'),
    ('e', 'i'),
    ('i', 'e'),
    ('e', 'o'),
    // Russian print writes ё as е (`буденный`), German and Dutch as `jo` (`Budjonny`).
    ('o', 'e'),
    ('k', 'x'),
    ('x', 'k'),
];

/// Every reading of a plain word of `lang`, the best supported first; function words
/// (`есть`, `быть`), which no borrowing spells, are left out.
pub(super) fn readings(plain: &str, lang: Lang) -> Vec<Reading> {
    let lexicon = Lexicon::get();
    let mut out: Vec<Reading> = Vec::new();
    let mut add = |key: &str, cost: f64, how: &'static str, least: f64, whole: bool| {
        let zipf = lexicon.russian(key);
        if zipf <= 0.0 || zipf > FUNCTION_WORDS || zipf < least {
            return;
        }
        let Some(word) = lexicon.russian_word(key) else {
            return;
        };
        match out.iter_mut().find(|r| r.word == word) {
            Some(r) if r.cost > cost => {
                r.cost = cost;
                r.how = how;
                r.whole = whole;
            }
            Some(r) => r.whole |= whole && r.cost == cost,
            None => out.push(Reading {
                word,
                zipf,
                cost,
                how,
                whole,
            }),
        }
    };
    let mut ukrainian: Vec<Reading> = Vec::new();
    // An exonym is the Russian word it names, whatever its key spells (`Moskau`).
    let exonym = exonym(plain, lang).map(|word| {
        let zipf = lexicon.russian(&translit::key_cyrillic(word));
        Reading {
            word,
            zipf: if zipf > 0.0 { zipf } else { EXONYM_ZIPF },
            cost: 0.0,
            how: EXONYM,
            whole: true,
        }
    });
    let words = stems(plain, lang);
    for (n, stem) in words.iter().enumerate() {
        let k = translit::key(stem, lang);
        let len = k.chars().count();
        if len < 3 {
            continue;
        }
        // A stem costs nothing (`Kulaken` is `кулак`); `russian_word` prefers the word as
        // written (`Stalin` is `сталин`, not `стали` without an `-n`).
        let how = if n == 0 { AS_WRITTEN } else { WITHOUT_ENDING };
        let whole = n == 0;
        add(&k, 0.0, how, 0.0, whole);
        // Through Ukrainian, whose words German and Dutch take too (`Holodomor`).
        if let Some((zipf, word)) = lexicon.ukrainian(&k)
            && zipf <= FUNCTION_WORDS
        {
            ukrainian.push(Reading {
                word,
                zipf,
                cost: UKRAINIAN,
                how: THROUGH_UKRAINIAN,
                whole: n == 0,
            });
        }
        // German writes an `h` after a vowel to make it long (`Ehrenburg` for
        // `Эренбург`); no transliteration of Russian does.
        if let Some(v) = without_lengthening_h(&k) {
            add(&v, LENGTHENING_H, LENGTHENING_H_READ, 0.0, whole);
        }
        // `Rubel` for `рубль`, `Kreml` aside.
        for (end, to) in [("el", "l"), ("er", "r")] {
            if let Some(s) = k.strip_suffix(end) {
                add(
                    &format!("{s}{to}"),
                    EPENTHETIC_E,
                    "an e put before the last consonant",
                    0.0,
                    whole,
                );
            }
        }
        let chars: Vec<char> = k.chars().collect();
        let least = if len < 6 { SHORT_NEAR } else { 0.0 };
        for (i, c) in chars.iter().enumerate() {
            let mut swap_to = |to: char, cost: f64, how: &'static str| {
                let mut v = chars.clone();
                v[i] = to;
                let v: String = v.into_iter().collect();
                add(&v, cost, how, least, whole);
                // A German plural for the Russian one (`Kosaken`: `казаки`); only with a
                // changed letter, since a German plural read as a Russian one spells some
                // Russian word by chance (`Schüben`, `шубы`).
                if n > 0 && plain.ends_with("en") {
                    add(&format!("{v}i"), cost + PLURAL, how, least, false);
                }
            };
            if *c == 'o' {
                swap_to('a', O_FOR_A, "o read as a");
            }
            // Ukrainian and Belarusian г is `h` (`Holodomor` is `голодомор`, Russian `g`).
            if *c == 'h' {
                swap_to('g', H_FOR_G, UKRAINIAN_H);
            }
            if *c == 'a' {
                swap_to('o', O_FOR_A, "a read as o");
            }
            // Not the last vowel: another last vowel is another inflection or another name
            // (`Sergo` is `серго`, not `сергей`).
            let last_vowel = i + 1 == len && "aeiouy".contains(*c);
            if len >= 5 && !last_vowel {
                for &(_, to) in CONFUSED.iter().filter(|(from, _)| from == c) {
                    swap_to(to, CONFUSED_LETTERS, "a letter transliterations confuse");
                }
            }
            // Two letters swapped, a slip of typing or reading (`Tiblissi`).
            if len >= 6 && i + 1 < chars.len() && chars[i] != chars[i + 1] {
                let mut v = chars.clone();
                v.swap(i, i + 1);
                let v: String = v.into_iter().collect();
                add(&v, CONFUSED_LETTERS, "two letters swapped", 0.0, whole);
            }
        }
    }
    // German writes ц as `z`, but a `z` inside a word may be the з of a spelling German
    // took from English or from scholarly transliteration (`bezgramotnosti` is
    // `безграмотности`, `Ramzin` `Рамзин`).
    if let Some(alternative) = z_as_ze(plain, lang) {
        for (n, stem) in stems(&alternative, lang).iter().enumerate() {
            let k = translit::key(stem, lang);
            if k.chars().count() >= 3 {
                add(&k, Z_AS_ZE, Z_READ_AS_ZE, 0.0, n == 0);
            }
        }
    }
    // A word both languages have is read as the better supported of the two.
    for r in ukrainian {
        match out.iter_mut().find(|o| o.word == r.word) {
            Some(o) if o.support() < r.support() => *o = r,
            Some(_) => {}
            None => out.push(r),
        }
    }
    out.sort_by(|a, b| {
        b.support()
            .total_cmp(&a.support())
            .then_with(|| a.word.cmp(b.word))
    });
    // A word with no reading may be a Russian noun whose word list holds only other cases
    // of it (`Korenisazija`: коренизации, not коренизация).
    if out.is_empty() && exonym.is_none() {
        out.extend(another_case(plain, lang));
    }
    // A word with no reading may be an abbreviation the word lists lack (`Proletkult`).
    if out.is_empty() && exonym.is_none() {
        let k = translit::key(plain, lang);
        if k.chars().count() >= ABBREVIATION_KEY
            && let Some(word) = abbreviation(&k, 0)
        {
            out.push(Reading {
                word: intern(word),
                zipf: ABBREVIATION_ZIPF,
                cost: 0.0,
                how: ABBREVIATION,
                whole: true,
            });
        }
    }
    // The exonym's reading comes first: the table says what the word names.
    if let Some(r) = exonym {
        out.retain(|o| o.word != r.word);
        out.insert(0, r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(word: &str, lang: Lang) -> Option<&'static str> {
        readings(word, lang).first().map(|r| r.word)
    }

    #[test]
    fn the_best_supported_reading_wins() {
        assert_eq!(best("rubel", Lang::De), Some("рубль"));
        assert!(
            // Russian казаки, or Ukrainian козак: not косяк, which the key spells.
            matches!(best("kosaken", Lang::De), Some(w) if w.starts_with("казак") || w == "козак"),
            "{:?}",
            readings("kosaken", Lang::De)
        );
        assert_eq!(best("kolchos", Lang::De), Some("колхоз"));
        assert_eq!(best("holodomor", Lang::De), Some("голодомор"));
        assert!(
            readings("holodomor", Lang::De)
                .iter()
                .any(|r| r.how == THROUGH_UKRAINIAN),
            "{:?}",
            readings("holodomor", Lang::De)
        );
        let russian_word = super::super::russian::russian_word;
        assert_eq!(russian_word("Stalin", Lang::De), Some("сталин"));
        assert_eq!(best("wirtschaft", Lang::De), None);
        // A German `z` inside a word may be з.
        assert_eq!(best("bezgramotnosti", Lang::De), Some("безграмотности"));
        assert_eq!(best("zar", Lang::De), Some("царь"));
        // Another last vowel is another word: `Sergo` is no `Sergej`.
        assert_eq!(best("sergo", Lang::Nl), Some("серго"));
        // German's `h` of a long vowel is no letter of the Russian word.
        assert_eq!(best("ehrenburg", Lang::De), Some("эренбург"));
        assert_eq!(readings("ehrenburgs", Lang::De)[0].how, LENGTHENING_H_READ);
        assert_eq!(without_lengthening_h("ahmed"), Some("amed".to_string()));
        assert_eq!(without_lengthening_h("holodomor"), None);
        assert_eq!(without_lengthening_h("sah"), None);
    }

    #[test]
    fn a_soviet_abbreviation_reads_as_its_clipped_words() {
        assert_eq!(best("proletkult", Lang::De), Some("пролеткульт"));
        assert_eq!(best("kombedy", Lang::De), Some("комбеды"));
        assert_eq!(best("narkompros", Lang::De), Some("наркомпрос"));
        assert_eq!(readings("kombedy", Lang::De)[0].how, ABBREVIATION);
        // The clipped words of food supply: a people's commissariat, its detachments.
        assert_eq!(best("narkomprod", Lang::De), Some("наркомпрод"));
        assert_eq!(best("prodotrjady", Lang::De), Some("продотряды"));
        assert_eq!(best("prodnalog", Lang::Nl), Some("продналог"));
        // Words of the language with a clipped head are none: the rest spells nothing.
        for w in [
            "kompetenz",
            "organisator",
            "profession",
            "kolonnen",
            "produktion",
            "produzenten",
            "productie",
        ] {
            assert!(
                readings(w, Lang::De).iter().all(|r| r.how != ABBREVIATION),
                "{w}: {:?}",
                readings(w, Lang::De)
            );
        }
    }

    #[test]
    fn a_noun_the_list_holds_in_another_case_reads_as_its_nominative() {
        // The list has коренизации, not the nominative.
        assert_eq!(best("korenisazija", Lang::De), Some("коренизация"));
        assert_eq!(best("korenizatsija", Lang::Nl), Some("коренизация"));
        assert_eq!(readings("korenisazija", Lang::De)[0].how, ANOTHER_CASE_READ);
        // A word with a reading of its own keeps it (Ukrainian українізація, Russian
        // украинизация are in the lists).
        assert!(best("ukrainisazija", Lang::De).is_some());
        assert_ne!(
            readings("ukrainisazija", Lang::De)[0].how,
            ANOTHER_CASE_READ
        );
        // A plural whose singular the list holds in the genitive: the plural, spelt with the
        // list's з where the key merges з and с.
        assert_eq!(best("sownarchosy", Lang::De), Some("совнархозы"));
        // German words spell no case of a Russian noun.
        assert_eq!(best("organisation", Lang::De), None);
        assert_eq!(best("situation", Lang::De), None);
        for w in [
            "abteilungen",
            "versuchswirtschaft",
            "hauptverwaltungen",
            "kommunisten",
        ] {
            assert!(
                readings(w, Lang::De)
                    .iter()
                    .all(|r| r.how != ANOTHER_CASE_READ),
                "{w}: {:?}",
                readings(w, Lang::De)
            );
        }
    }

    #[test]
    fn an_exonym_reads_as_the_russian_word_it_names() {
        assert_eq!(best("moskau", Lang::De), Some("москва"));
        assert_eq!(best("moskaus", Lang::De), Some("москва"));
        assert_eq!(best("moskou", Lang::Nl), Some("москва"));
        assert_eq!(best("krim", Lang::De), Some("крым"));
        assert_eq!(readings("moskau", Lang::De)[0].how, EXONYM);
        let russian_word = super::super::russian::russian_word;
        assert_eq!(russian_word("Zaren", Lang::De), Some("царь"));
    }
}
