//! What a group is called: its category (term, person, place, organisation) and a guess
//! at its English rendering, read from the Russian word behind its base form.

use super::lexicon::plain;
use super::lists::established;
use super::readings::{
    LENGTHENING_H_READ, Reading, THROUGH_UKRAINIAN, UKRAINIAN_H, readings, z_as_ze,
};
use super::russian::{english_of_key, russian_word, russian_word_whole};
use super::stems::is_acronym;
use crate::glossary::Category;
use crate::lang::Lang;
use crate::translit;

/// What the occurrences of a group say of its category.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Evidence {
    pub(super) count: usize,
    /// Occurrences one space from another name (`Nikolai Jeschow`).
    pub(super) beside_name: usize,
    /// Occurrences after a preposition of place (`nach Workuta`).
    pub(super) after_place: usize,
    /// Capitalised inside sentences of a language that capitalises only names (Dutch
    /// `Holodomor`, `Goelag`): a proper noun, written with a capital in English too.
    pub(super) proper: bool,
}

impl Evidence {
    /// At least half of the occurrences, and one.
    fn mostly(n: usize, of: usize) -> bool {
        n > 0 && n * 2 >= of
    }
}

/// The category of a group with base form `base` of `lang`, named after `named` (the base,
/// or the Russian word a derivation is made of; `ism` for a doctrine named after one): the
/// one `data/suggest/established.txt` gives its Russian word, else from the evidence: an
/// acronym is an organisation; a name mostly after a preposition of place (`nach Workuta`,
/// `in Saratow`, whatever its ending) and not beside another name, or one with a Russian
/// place ending (`-grad`, `-sk`, `-burg`) unless mostly beside another name (`Ilja
/// Ehrenburg`), a place; a capitalised word with a Russian surname ending (`-ow`, `-in`,
/// `-ski`, `-owitsch`) or mostly beside another name (`Nikolai`, `Jeschow`) a person;
/// anything else a term.
pub(super) fn category(base: &str, named: &str, lang: Lang, ism: bool, ev: Evidence) -> Category {
    // What established.txt says of the Russian word (`Moskau` is a place).
    if !ism
        && !is_acronym(base)
        && !named.contains(' ')
        && let Some((_, c)) = russian_word(named, lang).and_then(established)
    {
        return c;
    }
    let named_key = translit::key(named, lang);
    let capital = base.chars().next().is_some_and(char::is_uppercase);
    // Russian surname endings, and the Georgian ones of Soviet names (`Schewardnadse`,
    // `Dschugaschwili`).
    let surname = [
        "ov", "ev", "in", "ski", "ki", "viC", "ina", "ova", "eva", "enko", "dze", "dse", "Svili",
    ]
    .iter()
    .any(|e| named_key.ends_with(e))
        // The Russian plural of a noun of agents is a group of people, no surname
        // (`Mjeschotschniki`, `Subbotniki`, `Schestidesjatniki`; `-ники`, `-чики`, `-щики`).
        && !PLURAL_OF_AGENTS.iter().any(|e| named_key.ends_with(e));
    let place_ending = ["grad", "sk", "burg", "gorod"]
        .iter()
        .any(|e| named_key.ends_with(e))
        // Ukrainian -ів of places (`Charkiw`, `Kyjiw`, `Lwiw`), where Russian has -ов, -ев.
        || (named_key.ends_with("iv") && ukrainian(named, lang));
    let beside_name = Evidence::mostly(ev.beside_name, ev.count);
    let after_place = Evidence::mostly(ev.after_place, ev.count);
    if is_acronym(base) {
        Category::Organisation
    } else if named.contains(' ') {
        // A transliterated phrase: a name of an institution when capitalised
        // (`Kommoenistitsjeski Internatsional`), else a saying (`po novomu`).
        if capital {
            Category::Organisation
        } else {
            Category::Term
        }
    } else if ism {
        Category::Term
    } else if capital && after_place && !beside_name {
        // What the text says of the word outweighs its ending (`in Saratow`).
        Category::Place
    } else if place_ending && !(capital && beside_name) {
        Category::Place
    } else if capital && (beside_name || surname) {
        // A name beside another name is a person's whatever its ending (`Ilja
        // Ehrenburg`).
        Category::Person
    } else {
        Category::Term
    }
}

/// The key endings of the Russian plural of a noun of agents (`-ники`, `-чики`, `-щики`),
/// which end as a surname in `-ki` does.
const PLURAL_OF_AGENTS: &[&str] = &["niki", "Ciki", "Qiki"];

/// A guess at the English rendering of a group (see [`category`] for the arguments): an
/// acronym as it is, a doctrine as `-ism` (`Zhdanovism`), a name with every part
/// capitalised (`Brest-Litovsk`).
pub(super) fn english(
    base: &str,
    named: &str,
    lang: Lang,
    ism: bool,
    category: Category,
    proper: bool,
) -> String {
    if is_acronym(base) {
        return base.to_string();
    }
    let e = english_spelling(named, lang);
    if ism {
        // The doctrine of a person: `Zhdanovism`.
        let mut chars = e.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>() + "ism")
            .unwrap_or_default()
    } else if category == Category::Term && !proper {
        e
    } else {
        capitalise_parts(&e)
    }
}

/// The English spelling of the Russian word behind each part of `named` where the lexicon
/// has one (`Kerenski` is `керенский`, English `kerensky`), or its established English
/// (`Sowjet` is `совет`, Soviet; `Moskau` is Moscow: `data/suggest/established.txt`),
/// else the part's key read aloud.
fn english_spelling(named: &str, lang: Lang) -> String {
    named
        .split_inclusive(['-', ' '])
        .map(|part| {
            let (word, sep) = part.split_at(part.trim_end_matches(['-', ' ']).len());
            // A word read through Ukrainian or Belarusian is spelt as written there
            // (`Holodomor`, not Russian `golodomor`).
            let ukrainian = ukrainian(word, lang);
            let russian = russian_word_whole(word, lang).filter(|_| !ukrainian);
            if let Some((e, _)) = russian.and_then(established) {
                return e + sep;
            }
            // A Ukrainian word is romanised as Ukrainian is (BGN/PCGN 2019, Ukraine's
            // national system): и is `y`, і `i` (`Skrypnyk`, not Russian `skripnik`).
            if ukrainian && let Some(w) = ukrainian_word(word, lang) {
                return translit::spell_ukrainian(w) + sep;
            }
            // A Russian adjective in -sk- that no key reads as a whole is spelt from the word
            // it is made of (`Sowjetskaja`: совет + ская, `Sovetskaya`).
            if russian.is_none()
                && let Some(w) = adjective_of(word, lang)
            {
                return translit::spell_cyrillic(&w, Lang::En) + sep;
            }
            let english = match russian {
                // A name German spells with its lengthening `h` is a German name a Russian
                // bears, and English keeps the `h` (`Ehrenburg`, BGN `Erenburg`).
                Some(w) if lengthening_h(word, lang, w) => {
                    english_of_key(&translit::key(word, lang))
                }
                Some(w) => translit::spell_cyrillic(&as_spelt(w, word, lang), Lang::En),
                // A spelling whose letters English reads as the text's language does keeps
                // them: an established Latin spelling (`Ramzin`, not `Ramtsin` read off
                // German `z` as ц).
                None if latin(word, lang) => plain(word),
                None => english_of_key(&translit::key(word, lang)),
            };
            english + sep
        })
        .collect::<String>()
}

/// Whether every letter of a word reads alike in English and in `lang`'s transliteration
/// of Russian, a German `z` inside the word taken as з (`Ramzin`, `Ivanovo`): no `w`, `j`,
/// `c`, `q`, `x`, `h`, no German `s` (з or с), `tz` or initial `z` (ц), no Dutch `oe` or
/// `ie`, no umlaut.
fn latin(word: &str, lang: Lang) -> bool {
    let p = plain(word);
    if p.chars().count() != word.chars().count()
        || word.chars().any(|c| "äöüÄÖÜ".contains(c))
        || p.contains(['w', 'j', 'c', 'q', 'x', 'h'])
        || !p.chars().all(|c| c.is_ascii_lowercase())
    {
        return false;
    }
    match lang {
        Lang::De => {
            let z = z_as_ze(&p, lang).unwrap_or_else(|| p.clone());
            !p.contains('s') && !z.contains('z') && !p.contains("ei") && !p.contains("eu")
        }
        Lang::Nl => !p.contains("oe") && !p.contains("ie"),
        Lang::En => true,
    }
}

/// Whether a word is read as Ukrainian: its best reading is (`Holodomor`), and no Russian
/// reading comes near it (`Chruschtschow` is Russian `хрущёв` before Ukrainian `хрущов`).
fn ukrainian(word: &str, lang: Lang) -> bool {
    let is_ukrainian = |r: &Reading| r.how == UKRAINIAN_H || r.how == THROUGH_UKRAINIAN;
    let all = readings(&plain(word), lang);
    all.first().is_some_and(|best| {
        is_ukrainian(best)
            && !all
                .iter()
                .any(|r| !is_ukrainian(r) && r.support() >= best.support() - RUSSIAN_NEAR)
    })
}

/// Letters a key merges (з and с, и and ы, е and э) that the text's language may spell
/// apart.
const MERGED: &[(char, char)] = &[
    ('з', 'с'),
    ('с', 'з'),
    ('и', 'ы'),
    ('ы', 'и'),
    ('е', 'э'),
    ('э', 'е'),
];

/// The Russian word `russian` read for `word` of `lang`, with a letter its key merges with
/// another told apart by the word's own spelling: the key of Dutch `Sacharov` is that of
/// `захаров` and of `сахаров`, and Dutch writes з as `z`, so the word is `сахаров`
/// (Sakharov, not Zakharov). Where the language spells both alike (German `Sacharow`), or
/// no change spells the word, `russian` stays.
fn as_spelt(russian: &str, word: &str, lang: Lang) -> String {
    let written = plain(word);
    let spells = |w: &str| plain(&translit::spell_cyrillic(w, lang)) == written;
    if spells(russian) {
        return russian.to_string();
    }
    let chars: Vec<char> = russian.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        for &(_, to) in MERGED.iter().filter(|(from, _)| from == c) {
            let mut v = chars.clone();
            v[i] = to;
            let v: String = v.into_iter().collect();
            if spells(&v) {
                return v;
            }
        }
    }
    russian.to_string()
}

/// The endings of a Russian adjective in -sk- as German and Dutch transliterate them (after
/// the `sk`), with their Cyrillic.
const SK_ADJECTIVE: &[(&str, &str)] = &[
    ("aja", "ая"),
    ("oje", "ое"),
    ("ieje", "ие"),
    ("ije", "ие"),
    ("yje", "ые"),
    ("ij", "ий"),
    ("yj", "ий"),
];

/// The Russian adjective a word of `lang` in -sk- spells, made of the Russian word its
/// part before the `sk` reads as (`Sowjetskaja`: `Sowjet`, совет; советская), when the word
/// has no reading of its own (German reads its `ts` as ц).
fn adjective_of(word: &str, lang: Lang) -> Option<String> {
    let p = plain(word);
    let (stem, ending) = SK_ADJECTIVE.iter().find_map(|(latin, cyrillic)| {
        p.strip_suffix(latin)
            .and_then(|s| s.strip_suffix("sk"))
            .map(|s| (s, *cyrillic))
    })?;
    if stem.chars().count() < 4 {
        return None;
    }
    let root = russian_word_whole(stem, lang)?;
    Some(format!("{root}ск{ending}"))
}

/// The Ukrainian word a word is read as, if its best reading is one.
fn ukrainian_word(word: &str, lang: Lang) -> Option<&'static str> {
    readings(&plain(word), lang)
        .into_iter()
        .find(|r| r.how == THROUGH_UKRAINIAN)
        .map(|r| r.word)
}

/// Whether `word` reads as the Russian word `russian` through German's lengthening `h`.
fn lengthening_h(word: &str, lang: Lang, russian: &str) -> bool {
    readings(&plain(word), lang)
        .iter()
        .any(|r| r.word == russian && r.whole && r.how == LENGTHENING_H_READ)
}

/// How close a Russian reading must come to a Ukrainian one for the word to be Russian.
const RUSSIAN_NEAR: f64 = 1.0;

/// Every part of a name capitalised (`Brest-Litovsk`).
fn capitalise_parts(e: &str) -> String {
    let mut out = String::with_capacity(e.len());
    let mut start = true;
    for c in e.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == '-' || c == ' ';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_a_key_merges_are_told_apart_by_the_spelling() {
        // Dutch writes з as `z`: `Sacharov` is сахаров; German `Sacharow` may be either.
        assert_eq!(as_spelt("захаров", "Sacharov", Lang::Nl), "сахаров");
        assert_eq!(as_spelt("захаров", "Zacharov", Lang::Nl), "захаров");
        assert_eq!(as_spelt("захаров", "Sacharow", Lang::De), "захаров");
        assert_eq!(english_spelling("Sacharov", Lang::Nl), "sakharov");
    }

    #[test]
    fn an_adjective_in_sk_is_spelt_from_its_word() {
        assert_eq!(english_spelling("Sowjetskaja", Lang::De), "sovetskaya");
        assert_eq!(english_spelling("Sovjetskaja", Lang::Nl), "sovetskaya");
    }

    #[test]
    fn a_ukrainian_place_in_iv_is_a_place() {
        let ev = Evidence {
            count: 4,
            ..Evidence::default()
        };
        for w in ["Charkiw", "Kyjiw"] {
            assert_eq!(category(w, w, Lang::De, false, ev), Category::Place, "{w}");
        }
        assert_eq!(
            english(
                "Charkiw",
                "Charkiw",
                Lang::De,
                false,
                Category::Place,
                false
            ),
            "Kharkiv"
        );
        // A Russian name in -ов stays a person.
        assert_eq!(
            category("Kirow", "Kirow", Lang::De, false, ev),
            Category::Person
        );
    }

    #[test]
    fn a_name_read_through_ukrainian_takes_the_ukrainian_romanisation() {
        assert_eq!(english_spelling("Skrypnyk", Lang::De), "skrypnyk");
        assert_eq!(english_spelling("Chwylowyj", Lang::De), "khvylovyi");
        assert_eq!(english_spelling("Holodomor", Lang::De), "holodomor");
        // A Russian name stays Russian (`Chruschtschow` is хрущёв first).
        assert_eq!(english_spelling("Chruschtschow", Lang::De), "khrushchev");
    }
}
