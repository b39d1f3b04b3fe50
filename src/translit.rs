//! A transliteration-aware key: the spellings of one Russian word in German, Dutch and
//! English reduced to one phonetic skeleton.
//!
//! German writes Russian with Duden's conventions (`Chruschtschow`, `Natschalstwo`), Dutch
//! with its own (`Chroesjtsjov`, `natsjalstvo`), English with BGN/PCGN (`Khrushchev`,
//! `nachalstvo`). [`key`] reads a word with its language's table and writes the Russian
//! sounds it stands for: `ч` is `tsch` / `tsj` / `ch`, `ш` is `sch` / `sj` / `sh`, `х` is
//! `ch` / `ch` / `kh`, `в` is `w` / `v` / `v`, `у` is `u` / `oe` / `u`, `ц` is `z` / `ts` /
//! `ts`, `з` is `s` / `z` / `z` … All three spellings above become `xruQov` or `xruQev`
//! (`ё` is `o` in German and Dutch, `e` in English), within [`distance`] 1.
//!
//! The tables are data (`data/translit/{de,nl,en}.txt`, compiled in): one rule a line,
//! `SPELLING SKELETON`, longest spelling first, `^`/`$` anchors. Skeleton symbols: `C` = ч,
//! `S` = ш and ж (German cannot tell them apart), `Q` = щ, `x` = х, `c` = ц; other letters
//! stand for themselves. After the table, `j` is dropped (German and Dutch write the glide
//! of я, е, ё, ю and й as `j`, English as `y` or not at all) and doubled symbols collapse
//! (`Kerenski`/`Kerensky`, `Budjonny`, Dutch `koelakken`).
//!
//! ```
//! use glossa::lang::Lang;
//! use glossa::translit::{key, same_word};
//!
//! assert_eq!(key("Natschalstwo", Lang::De), key("nachalstvo", Lang::En));
//! assert_eq!(key("kolchoz", Lang::Nl), key("Kolchos", Lang::De));
//! assert!(same_word(&key("Chroesjtsjov", Lang::Nl), &key("Khrushchev", Lang::En)));
//! ```

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::lang::{ByLang, Lang};

/// One rule of a table.
#[derive(Debug)]
struct Rule {
    spelling: Vec<char>,
    skeleton: String,
    at_start: bool,
    at_end: bool,
}

/// A language's rules, longest spelling first.
#[derive(Debug)]
struct Table {
    rules: Vec<Rule>,
    /// Indices into `rules` by the first character of the spelling, in rule order.
    by_first: std::collections::HashMap<char, Vec<usize>>,
}

const DE: &str = include_str!("../data/translit/de.txt");
const NL: &str = include_str!("../data/translit/nl.txt");
const EN: &str = include_str!("../data/translit/en.txt");
const RU: &str = include_str!("../data/translit/ru.txt");
const RU_DE: &str = include_str!("../data/translit/ru-de.txt");
const RU_NL: &str = include_str!("../data/translit/ru-nl.txt");
const RU_EN: &str = include_str!("../data/translit/ru-en.txt");
const UK_EN: &str = include_str!("../data/translit/uk-en.txt");

impl Table {
    /// Parses a table; the tables are compiled in and checked by the tests, so a bad line
    /// is a bug, reported by the test `tables_parse`.
    fn parse(text: &str) -> Result<Table, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(spelling), Some(skeleton), None) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(format!("line {}: expected `SPELLING SKELETON`", n + 1));
            };
            let at_start = spelling.starts_with('^');
            let at_end = spelling.ends_with('$');
            let spelling = spelling.trim_start_matches('^').trim_end_matches('$');
            if spelling.is_empty() {
                return Err(format!("line {}: empty spelling", n + 1));
            }
            rules.push(Rule {
                spelling: spelling.chars().collect(),
                skeleton: if skeleton == "-" {
                    String::new()
                } else {
                    skeleton.to_string()
                },
                at_start,
                at_end,
            });
        }
        // Longest first; anchored before unanchored of the same length.
        rules.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.spelling.len()),
                !(r.at_start || r.at_end),
            )
        });
        Ok(Table::new(rules))
    }

    fn new(rules: Vec<Rule>) -> Table {
        let mut by_first: std::collections::HashMap<char, Vec<usize>> = Default::default();
        for (i, r) in rules.iter().enumerate() {
            by_first.entry(r.spelling[0]).or_default().push(i);
        }
        Table { rules, by_first }
    }

    fn get(lang: Lang) -> &'static Table {
        static TABLES: OnceLock<ByLang<Table>> = OnceLock::new();
        let tables = TABLES.get_or_init(|| {
            ByLang([DE, NL, EN].map(|t| Table::parse(t).unwrap_or_else(|_| Table::new(Vec::new()))))
        });
        &tables[lang]
    }

    /// The table of Russian itself (Cyrillic).
    fn russian() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| Table::parse(RU).unwrap_or_else(|_| Table::new(Vec::new())))
    }
}

/// Lowercase letters without diacritics (`ß` → `ss`, `ё` → `e`); everything that is not a
/// letter is dropped.
fn letters(word: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) || !c.is_alphabetic() {
            continue;
        }
        push_letter(&mut out, c);
    }
    out
}

/// One letter, lowercase, with the ligatures and barred letters spelt out.
fn push_letter(out: &mut Vec<char>, c: char) {
    match c {
        'ß' | 'ẞ' => out.extend(['s', 's']),
        'æ' | 'Æ' => out.extend(['a', 'e']),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        c => out.extend(c.to_lowercase()),
    }
}

/// The transliteration skeleton of a word read as `lang` writes Russian.
pub fn key(word: &str, lang: Lang) -> String {
    key_with(Table::get(lang), word)
}

/// The transliteration skeleton of a Russian word in Cyrillic: `начальство` → `naCalstvo`,
/// as `Natschalstwo` (German) and `nachalstvo` (English).
pub fn key_cyrillic(word: &str) -> String {
    // й and ё are letters of their own, not и and е with a mark, which `letters` drops.
    let word: String = word
        .nfc()
        .map(|c| match c {
            'й' | 'Й' => 'j',
            'ё' | 'Ё' => 'о',
            c => c,
        })
        .collect();
    key_with(Table::russian(), &word)
}

fn key_with(table: &Table, word: &str) -> String {
    let raw = table.apply(&letters(word));
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c == 'j' || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

impl Table {
    /// Rewrites `chars` by the rules, left to right, the longest spelling first.
    fn apply(&self, chars: &[char]) -> String {
        let mut raw = String::with_capacity(chars.len());
        let mut i = 0;
        'outer: while i < chars.len() {
            for r in self.by_first.get(&chars[i]).into_iter().flatten() {
                let r = &self.rules[*r];
                let n = r.spelling.len();
                if i + n > chars.len() || chars[i..i + n] != r.spelling[..] {
                    continue;
                }
                if (r.at_start && i != 0) || (r.at_end && i + n != chars.len()) {
                    continue;
                }
                raw.push_str(&r.skeleton);
                i += n;
                continue 'outer;
            }
            raw.push(chars[i]);
            i += 1;
        }
        raw
    }
}

/// How `lang` spells a Russian word written in Cyrillic, lowercase: `хрущёв` is
/// `chruschtschow` in German, `chroesjtsjov` in Dutch, `khrushchev` in English (the tables
/// `data/translit/ru-{de,nl,en}.txt`).
pub fn spell_cyrillic(word: &str, lang: Lang) -> String {
    static TABLES: OnceLock<ByLang<Table>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        ByLang(
            [RU_DE, RU_NL, RU_EN]
                .map(|t| Table::parse(t).unwrap_or_else(|_| Table::new(Vec::new()))),
        )
    });
    let table = &tables[lang];
    let chars: Vec<char> = word.nfc().flat_map(char::to_lowercase).collect();
    table.apply(&chars)
}

/// How English spells a Ukrainian word written in Cyrillic, lowercase, by BGN/PCGN 2019
/// (the table `data/translit/uk-en.txt`): `скрипник` is `skrypnyk`, `харків` `kharkiv`.
pub fn spell_ukrainian(word: &str) -> String {
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table =
        TABLE.get_or_init(|| Table::parse(UK_EN).unwrap_or_else(|_| Table::new(Vec::new())));
    let chars: Vec<char> = word.nfc().flat_map(char::to_lowercase).collect();
    table.apply(&chars)
}

/// The edit distance (Levenshtein, in characters) between two keys.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How far apart two keys may be and still spell one word: nothing for keys shorter than
/// five symbols (`GPU`, `Duma`), one below ten (`xruQov`/`xruQev`), two from ten on.
pub fn tolerance(a: &str, b: &str) -> usize {
    match a.chars().count().min(b.chars().count()) {
        0..5 => 0,
        5..10 => 1,
        _ => 2,
    }
}

/// Whether two keys are within [`tolerance`] of each other.
pub fn same_word(a: &str, b: &str) -> bool {
    let t = tolerance(a, b);
    a.chars().count().abs_diff(b.chars().count()) <= t && distance(a, b) <= t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        for (name, t) in [
            ("de", DE),
            ("nl", NL),
            ("en", EN),
            ("ru", RU),
            ("ru-de", RU_DE),
            ("ru-nl", RU_NL),
            ("ru-en", RU_EN),
            ("uk-en", UK_EN),
        ] {
            let table = Table::parse(t).unwrap_or_else(|e| panic!("{name}.txt: {e}"));
            assert!(!table.rules.is_empty(), "{name}.txt has no rules");
        }
    }

    /// German / Dutch / English spellings of one Russian word, from the domain.
    const TRIPLES: &[(&str, &str, &str)] = &[
        ("Natschalstwo", "natsjalstvo", "nachalstvo"),
        ("Kolchos", "kolchoz", "kolkhoz"),
        ("Sowchos", "sovchoz", "sovkhoz"),
        ("Tscheka", "Tsjeka", "Cheka"),
        ("Tschekist", "tsjekist", "chekist"),
        ("Chruschtschow", "Chroesjtsjov", "Khrushchev"),
        ("Schukow", "Zjoekov", "Zhukov"),
        ("Shukow", "Zjoekov", "Zhukov"),
        ("Bolschewik", "bolsjewiek", "Bolshevik"),
        ("Menschewik", "mensjewiek", "Menshevik"),
        ("Tschernyschewski", "Tsjernysjevski", "Chernyshevsky"),
        ("Dserschinski", "Dzerzjinski", "Dzerzhinsky"),
        ("Sinowjew", "Zinovjev", "Zinoviev"),
        ("Kamenew", "Kamenev", "Kamenev"),
        ("Bucharin", "Boecharin", "Bukharin"),
        ("Tuchatschewski", "Toechatsjevski", "Tukhachevsky"),
        ("Tuchatschewskij", "Toechatsjevski", "Tukhachevsky"),
        ("Schljapnikow", "Sjljapnikov", "Shlyapnikov"),
        ("Kaganowitsch", "Kaganovitsj", "Kaganovich"),
        ("Malenkow", "Malenkov", "Malenkov"),
        ("Trotzki", "Trotski", "Trotsky"),
        ("Gorbatschow", "Gorbatsjov", "Gorbachev"),
        ("Breschnew", "Brezjnev", "Brezhnev"),
        ("Jeschow", "Jezjov", "Yezhov"),
        ("Dostojewski", "Dostojevski", "Dostoevsky"),
        ("Puschkin", "Poesjkin", "Pushkin"),
        ("Gulag", "Goelag", "Gulag"),
        ("Kulak", "koelak", "kulak"),
        ("Sowjet", "sovjet", "soviet"),
        ("Datscha", "datsja", "dacha"),
        ("Intelligenzija", "intelligentsia", "intelligentsia"),
        ("Jewtuschenko", "Jevtoesjenko", "Yevtushenko"),
        ("Uljanow", "Oeljanov", "Ulyanov"),
        ("Nowosibirsk", "Novosibirsk", "Novosibirsk"),
        ("Woroschilow", "Vorosjilov", "Voroshilov"),
        ("Schdanow", "Zjdanov", "Zhdanov"),
        ("Chabarowsk", "Chabarovsk", "Khabarovsk"),
        ("Tschernobyl", "Tsjernobyl", "Chernobyl"),
        ("Solschenizyn", "Solzjenitsyn", "Solzhenitsyn"),
        ("Pjatakow", "Pjatakov", "Pyatakov"),
        ("Ochrana", "Ochrana", "Okhrana"),
        ("Jenukidse", "Jenoekidze", "Yenukidze"),
        ("Perestroika", "perestrojka", "perestroika"),
        ("Apparatschik", "apparatsjik", "apparatchik"),
        ("Kosak", "kozak", "Cossack"),
        ("Budjonny", "Boedjonny", "Budyonny"),
        ("Tschaikowski", "Tsjaikovski", "Chaykovsky"),
        ("Kaliningrad", "Kaliningrad", "Kaliningrad"),
        ("Wyschinski", "Vysjinski", "Vyshinsky"),
        ("Jagoda", "Jagoda", "Yagoda"),
    ];

    #[test]
    fn known_triples_are_within_tolerance() {
        let mut far = Vec::new();
        for &(de, nl, en) in TRIPLES {
            let keys = [key(de, Lang::De), key(nl, Lang::Nl), key(en, Lang::En)];
            for (a, b) in [(0, 1), (0, 2), (1, 2)] {
                if !same_word(&keys[a], &keys[b]) {
                    far.push(format!("{de}/{nl}/{en}: {keys:?}"));
                    break;
                }
            }
        }
        assert!(
            far.is_empty(),
            "{} triples apart:\n{}",
            far.len(),
            far.join("\n")
        );
    }

    /// Russian words in Cyrillic and their German, Dutch and English spellings.
    const CYRILLIC: &[(&str, &str)] = &[
        ("начальство", "Natschalstwo"),
        ("колхоз", "Kolchos"),
        ("Хрущёв", "Chruschtschow"),
        ("Жуков", "Schukow"),
        ("большевик", "Bolschewik"),
        ("Достоевский", "Dostojewski"),
        ("Зиновьев", "Sinowjew"),
        ("Бухарин", "Bucharin"),
        ("Ежов", "Jeschow"),
        ("интеллигенция", "Intelligenzija"),
        ("Ульянов", "Uljanow"),
        ("Тухачевский", "Tuchatschewski"),
        ("перестройка", "Perestrojka"),
        ("дача", "Datscha"),
        ("Чернобыль", "Tschernobyl"),
        ("Щедрин", "Schtschedrin"),
        ("Тула", "Tula"),
        ("Киев", "Kiew"),
    ];

    #[test]
    fn cyrillic_reads_to_the_key_of_the_transliterations() {
        for &(ru, de) in CYRILLIC {
            assert_eq!(key_cyrillic(ru), key(de, Lang::De), "{ru} / {de}");
        }
        assert_eq!(key_cyrillic("начальство"), key("nachalstvo", Lang::En));
        assert_eq!(key_cyrillic("Зиновьев"), key("Zinovjev", Lang::Nl));
    }

    #[test]
    fn ukrainian_spelt_as_english_writes_it_bgn_pcgn_2019() {
        for (cyrillic, latin) in [
            ("скрипник", "skrypnyk"),
            ("хвильовий", "khvylovyi"),
            ("харків", "kharkiv"),
            ("київ", "kyiv"),
            ("голодомор", "holodomor"),
            ("згорани", "zghorany"),
            ("яготин", "yahotyn"),
            ("мар'янівка", "marianivka"),
            ("щастя", "shchastia"),
        ] {
            assert_eq!(spell_ukrainian(cyrillic), latin, "{cyrillic}");
        }
    }

    #[test]
    fn cyrillic_spelt_as_each_language_writes_it() {
        for (ru, de, nl, en) in [
            ("Хрущёв", "chruschtschow", "chroesjtsjov", "khrushchev"),
            ("начальство", "natschalstwo", "natsjalstvo", "nachalstvo"),
            ("Жуков", "schukow", "zjoekov", "zhukov"),
            ("Достоевский", "dostojewski", "dostojevski", "dostoyevsky"),
            ("Ежов", "jeschow", "jezjov", "yezhov"),
            ("Зиновьев", "sinowjew", "zinovjev", "zinovyev"),
            ("Александр", "alexandr", "aleksandr", "aleksandr"),
        ] {
            assert_eq!(spell_cyrillic(ru, Lang::De), de);
            assert_eq!(spell_cyrillic(ru, Lang::Nl), nl);
            assert_eq!(spell_cyrillic(ru, Lang::En), en);
            // What a language spells reads back to the key of the Russian word.
            for lang in Lang::ALL {
                let spelt = spell_cyrillic(ru, lang);
                assert!(
                    same_word(&key(&spelt, lang), &key_cyrillic(ru)),
                    "{ru} {spelt}"
                );
            }
        }
    }

    #[test]
    fn keys_of_the_examples() {
        assert_eq!(key("Natschalstwo", Lang::De), "naCalstvo");
        assert_eq!(key("Chruschtschow", Lang::De), "xruQov");
        assert_eq!(key("Khrushchev", Lang::En), "xruQev");
        assert_eq!(key("koelakken", Lang::Nl), "kulaken");
        assert_eq!(key("Straße", Lang::De), "strase");
    }

    #[test]
    fn distance_is_levenshtein() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("xruQov", "xruQev"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn short_keys_must_be_equal() {
        assert!(same_word("gpu", "gpu"));
        assert!(!same_word("duma", "dumi"));
    }
}
