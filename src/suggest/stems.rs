//! A word's stems and their transliteration keys: how suggest sees `Netschajews` as
//! `Netschajew` and `Zaren` as `Zar` before it compares keys and tries end cues. Acronyms
//! are keyed by their letters and never stemmed.

use super::lexicon::plain;
use crate::lang::{ByLang, Lang, RUSSIAN_PLURAL_ENDINGS};
use crate::translit;

/// Derivational suffixes stripped besides the inflectional endings: the adjectives German
/// and Dutch make of a name (`Netschajewsche`, `Netschajewschen`, Dutch `Moskouse`), so
/// that they group with it. (The suffixes that lead from a derivation to its Russian word,
/// `-ismus`, `-isten`, are `roots`.)
const DERIVATIONAL: ByLang<&[&str]> = ByLang([&["sche", "schen"], &["se", "sche"], &[]]);

/// Inflectional endings suggest does not strip, as measured with `examples/suggest_eval`
/// (folds 0, 1 and 2) when its endings came to be derived from [`Lang::endings`]:
///
/// - German `-y`: the English spelling of Western names (`Kautsky`, `Zarusky`,
///   `Gorodetsky`) lost it and read as Russian `-sk`; they climbed into the top 50, `Levy`
///   joined `leven`, and recall fell from 0.84 to 0.82 in fold 1 (`Wolga` dropped out);
/// - Dutch `-er`: it changed the ranking below the top 50 only (`krantenuitgever` came
///   in at 1.70, `omroeper` went), recall and the top 30 unchanged; left out so that the
///   ranking stays as it was.
///
/// German `'s`, Dutch `-es`, `-ers`, `-y` and English `-y` changed nothing.
const NOT_STRIPPED: ByLang<&[&str]> = ByLang([&["y"], &["er"], &[]]);

/// The endings stripped before keys are compared and end cues tried: the language's
/// inflectional endings ([`Lang::endings`], the term matcher's), the Russian plural endings
/// of borrowed words ([`RUSSIAN_PLURAL_ENDINGS`]) and the [`DERIVATIONAL`] suffixes, less
/// those [`NOT_STRIPPED`].
fn endings(lang: Lang) -> impl Iterator<Item = &'static str> {
    lang.endings()
        .iter()
        .chain(RUSSIAN_PLURAL_ENDINGS)
        .chain(DERIVATIONAL[lang])
        .copied()
        .filter(move |e| !NOT_STRIPPED[lang].contains(e))
}

/// The word and its stems without one ending (at least four letters remain).
pub(super) fn stems(word: &str, lang: Lang) -> Vec<String> {
    stems_down_to(word, lang, 4)
}

/// The word and its stems without one ending, at least `min` letters long.
pub(super) fn stems_down_to(word: &str, lang: Lang, min: usize) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for e in endings(lang) {
        if let Some(s) = word.strip_suffix(e)
            && s.chars().count() >= min
        {
            out.push(s.to_string());
        }
    }
    out
}

/// The endings a name takes in German and Dutch (`Lenins`, `Stalin's`), which [`paradigm`]
/// does not add: the genitive of a name is no sign that the name is common vocabulary.
const NAME_ENDINGS: &[&str] = &["s", "'s"];

/// The forms of a plain word's paradigm in `lang`, as far as spelling shows it: the word,
/// its stems, and each stem with each inflectional ending of the language but those of
/// names (`apparat`, `apparate`, `apparates` …; `ukrainisch`, `ukrainische`, `ukrainischen`
/// …); in Dutch also
/// the long vowel a closed syllable doubles (`bulgaar`, `bulgaren`), the consonant a short
/// vowel doubles before an ending (`koelak`, `koelakken`) and the `f` and `s` that turn
/// voiced there (`joegoslaaf`, `joegoslaven`). Unsorted, without repeats.
pub(super) fn paradigm(plain: &str, lang: Lang) -> Vec<String> {
    let mut stems = stems(plain, lang);
    if lang == Lang::Nl {
        let more: Vec<String> = stems.iter().flat_map(|s| dutch_alternations(s)).collect();
        stems.extend(more);
    }
    let mut out: Vec<String> = Vec::with_capacity(stems.len() * (lang.endings().len() + 1));
    for s in &stems {
        for form in std::iter::once(s.clone()).chain(
            lang.endings()
                .iter()
                .filter(|e| !NAME_ENDINGS.contains(e))
                .map(|e| format!("{s}{e}")),
        ) {
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

fn is_vowel(c: char) -> bool {
    "aeiouy".contains(c)
}

/// The other stems Dutch spelling gives a stem (see [`paradigm`]): `bulgaar` and `bulgar`,
/// `koelakk` and `koelak`, `joegoslaaf` and `joegoslav`.
fn dutch_alternations(stem: &str) -> Vec<String> {
    let c: Vec<char> = stem.chars().collect();
    let n = c.len();
    let mut out = Vec::new();
    if n < 4 {
        return out;
    }
    let (a, b, last) = (c[n - 3], c[n - 2], c[n - 1]);
    let head: String = c[..n - 3].iter().collect();
    let voiced = |x: char| match x {
        'f' => 'v',
        's' => 'z',
        x => x,
    };
    if a == b && "aeou".contains(a) && !is_vowel(last) {
        // A long vowel in a closed syllable, single in an open one.
        out.push(format!("{head}{a}{}", voiced(last)));
        out.push(format!("{head}{a}{last}"));
    } else if !is_vowel(a) && is_vowel(b) && !is_vowel(last) && last != 'w' {
        // A single vowel: long in the open syllable of a plural, written double in the
        // singular; or short, its consonant doubled before an ending.
        out.push(format!("{head}{a}{b}{b}{last}"));
        out.push(format!("{stem}{last}"));
    } else if a != last && b == last && !is_vowel(last) && is_vowel(a) {
        out.push(c[..n - 1].iter().collect());
    }
    out
}

/// The keys of a word and of its stems.
pub(super) fn stem_keys(surface: &str, lang: Lang) -> Vec<String> {
    let p = plain(surface);
    if is_acronym(surface) {
        return vec![p];
    }
    // Stems of three letters too, so that `Zaren` joins `Zar`.
    let mut keys: Vec<String> = stems_down_to(&p, lang, 3)
        .iter()
        .map(|s| translit::key(s, lang))
        .collect();
    keys.dedup();
    keys
}

/// Whether a word is an acronym: two to seven letters, at least two thirds of them
/// capitals (`NKWD`, `KPdSU`). The `h` of a capital's digraph, as German writes х
/// (`Ch`), ш (`Sch`) and ж (`Sh`), is part of that letter: `WASChNIL` is the seven
/// letters of ВАСХНИЛ.
pub(super) fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let mut previous = ' ';
    let mut n = 0;
    for c in word.chars() {
        if !(c == 'h' && "CSKZ".contains(previous)) {
            n += 1;
        }
        previous = c;
    }
    (2..=7).contains(&n) && upper >= 2 && upper * 3 >= n * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_has_two_thirds_capitals_a_digraph_one_letter() {
        for w in ["NKWD", "KPdSU", "ZK", "WASChNIL", "GPU"] {
            assert!(is_acronym(w), "{w}");
        }
        for w in ["Stalin", "Ch", "Schach", "SChachspiel", "WASCHNILOWKA", "A"] {
            assert!(!is_acronym(w), "{w}");
        }
    }

    #[test]
    fn a_paradigm_holds_the_inflections_and_dutch_spellings_but_no_genitive_of_names() {
        let de = paradigm("apparat", Lang::De);
        for f in ["apparat", "apparate", "apparaten", "apparates"] {
            assert!(de.iter().any(|x| x == f), "{f}: {de:?}");
        }
        let adjective = paradigm("ukrainischen", Lang::De);
        for f in ["ukrainisch", "ukrainische", "ukrainischer"] {
            assert!(adjective.iter().any(|x| x == f), "{f}: {adjective:?}");
        }
        // A long vowel written double in a closed syllable, single in an open one.
        assert!(
            paradigm("bulgaar", Lang::Nl)
                .iter()
                .any(|x| x == "bulgaren")
        );
        assert!(
            paradigm("bulgaren", Lang::Nl)
                .iter()
                .any(|x| x == "bulgaar")
        );
        assert!(
            paradigm("joegoslaaf", Lang::Nl)
                .iter()
                .any(|x| x == "joegoslaven")
        );
        // A short vowel's consonant doubled before an ending.
        assert!(
            paradigm("koelakken", Lang::Nl)
                .iter()
                .any(|x| x == "koelak")
        );
        assert!(
            paradigm("koelak", Lang::Nl)
                .iter()
                .any(|x| x == "koelakken")
        );
        // A name's genitive is none of it: `Lenins` does not make `Lenin` common.
        assert!(!paradigm("lenin", Lang::De).iter().any(|x| x == "lenins"));
        assert!(!paradigm("stalin", Lang::Nl).iter().any(|x| x == "stalins"));
    }
}
