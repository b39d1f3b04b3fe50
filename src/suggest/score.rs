//! How one word of the corpus scores as a candidate, by itself: spelling cues, the
//! spelling model, the vocabulary of the four languages and the Russian word it spells,
//! and, for a derivation or compound, the Russian word it is made of.

use super::corpus::{Vocabulary, Word};
use super::lexicon::{Lexicon, plain};
use super::lists::{
    acronym_stoplist, common_words, cue_score, exonym, is_country, is_foreign_people,
    is_western_given_name, native, western_score,
};
use super::model::TrigramModel;
use super::readings::{AS_WRITTEN, Reading, WITHOUT_ENDING, readings};
use super::roots::roots;
use super::russian::{russian_word, transliterated};
use super::stems::{is_acronym, paradigm, stems};
use crate::lang::Lang;
use crate::translit;

/// What a Russian word behind a candidate's key adds to its score.
const RUSSIAN_WORD: f64 = 0.5;
/// And per Zipf step that the Russian word is more common than the word in its own language.
const RUSSIAN_MARGIN: f64 = 0.8;
/// Known vocabulary loses this much per Zipf step above [`KNOWN_FLOOR`] when no Russian
/// word stands behind it, and [`COMMON_PENALTY`] per step above [`COMMON_FLOOR`] in any case:
/// `Klasse` is `класс` too, but a German word first.
const KNOWN_PENALTY: f64 = 1.0;
const KNOWN_FLOOR: f64 = 2.5;
const COMMON_PENALTY: f64 = 2.0;
const COMMON_FLOOR: f64 = 3.3;

/// Whether a word of three letters or fewer is a candidate: a capitalised one that spells
/// a Russian word more common than itself (`Zar`, for `царь`). Most short words are
/// function words or abbreviations.
fn short_russian(surface: &str, plain: &str, lang: Lang) -> bool {
    let lexicon = Lexicon::get();
    let russian = lexicon.russian(&translit::key(plain, lang));
    surface.chars().count() == 3
        && surface.chars().next().is_some_and(char::is_uppercase)
        && (SHORT_RUSSIAN..=FUNCTION_WORDS).contains(&russian)
        && russian > lexicon.zipf(lang, plain)
}

/// The Zipf value from which an all-capitals word is a heading's word of the language.
const HEADING_WORD: f64 = 4.0;

/// An acronym's score, and what a Russian abbreviation behind it (of at least
/// [`ACRONYM_READING`]) adds.
const ACRONYM: f64 = 2.0;
const ACRONYM_RUSSIAN: f64 = 1.5;
const ACRONYM_READING: f64 = 2.5;

/// What a name (a capitalised word inside a Dutch or English sentence) with a Russian
/// reading or spelling gains.
const NAME: f64 = 1.0;

/// What a word spelt exactly as its language transliterates the Russian word gains.
const EXACT_SPELLING: f64 = 0.5;

/// How much less a word counts as known when it is known in another of the languages.
const OTHER_LANGUAGE: f64 = 0.5;

/// What a lowercase word of a German text loses.
const LOWERCASE: f64 = 2.0;

/// What a word seen only in footnotes loses; one seen there mostly, that share of it.
/// Footnotes cite authors (`Shub`, `Viola`) and Russian titles, which a glossary of the
/// text does not need.
const FOOTNOTES_ONLY: f64 = 1.5;

/// What a country loses (`data/suggest/countries.txt`): `Tschad` and `Kasachstan` look
/// Russian, but a glossary of Russian-derived terms leaves countries out.
const COUNTRY: f64 = 3.0;

/// What a name with an `ö` loses, as a Western cue.
const UMLAUT: f64 = -1.5;

/// What a word loses that follows a Western given name in a third of its occurrences or
/// more (`Lynne Viola`, `Henk Sneevliet`: `data/suggest/given-names.txt`).
const WESTERN_NAME: f64 = 2.5;

/// By how much the Russian reading of a word with a native part must be more common than
/// the word itself for it to count as Russian.
const NATIVE_MARGIN: f64 = 1.5;

/// The least Zipf value of the Russian word behind a three-letter candidate.
const SHORT_RUSSIAN: f64 = 3.0;

/// The vocabulary's say: `known` is the word's Zipf value in its own language, `russian`
/// that of the Russian word it spells (0 for none).
fn lexical_score(known: f64, russian: f64) -> f64 {
    let common = COMMON_PENALTY * (known - COMMON_FLOOR).max(0.0);
    if russian > 0.0 {
        RUSSIAN_WORD + RUSSIAN_MARGIN * (russian - known.max(1.0)).clamp(-2.0, 3.0) - common
    } else {
        -KNOWN_PENALTY * (known - KNOWN_FLOOR).max(0.0) - common
    }
}

/// By how many Zipf steps a Russian reading must be more common than the word in its own
/// language for the trigram model's doubt to be set aside.
const READING_OVER_VOCABULARY: f64 = 0.3;

/// What a word with a Russian reading gains per Zipf step (up to two) that it is more
/// frequent in the texts than in its language, from [`KEYNESS_FLOOR`] on, when it occurs
/// [`KEY_COUNT`] times or more.
const KEYNESS: f64 = 0.5;
const KEYNESS_FLOOR: f64 = 1.5;
const KEY_COUNT: usize = 3;

/// By how many Zipf steps Russian must know a word with a Latin suffix better than the
/// languages do for the suffix not to count against it.
const LATIN_OVER_RUSSIAN: f64 = 1.0;

/// The trigram model's say, and the least it can say against a word.
const RATIO_WEIGHT: f64 = 1.0;
const RATIO_FLOOR: f64 = -0.8;

fn is_roman(word: &str) -> bool {
    word.chars().all(|c| "IVXLCDM".contains(c))
}

/// Where the scoring writes down its reasons, for `glossa suggest --explain`: a label and what it added
/// (`None` for a verdict). Off, and free, in a plain run.
#[derive(Debug, Default)]
pub(super) struct Trace(pub(super) Option<Vec<(String, Option<f64>)>>);

impl Trace {
    pub(super) fn on() -> Trace {
        Trace(Some(Vec::new()))
    }

    fn add(&mut self, what: impl FnOnce() -> String, value: f64) {
        if let Some(t) = &mut self.0 {
            // `+ 0.0` turns a negative zero into zero.
            t.push((what(), Some(value + 0.0)));
        }
    }

    fn say(&mut self, what: impl FnOnce() -> String) {
        if let Some(t) = &mut self.0 {
            t.push((what(), None));
        }
    }
}

/// How a word of the corpus scores as a candidate, by itself (frequency aside), with the
/// Russian word it was scored as when that is a root of it; `None` for words that are
/// never candidates.
pub(super) fn score(
    surface: &str,
    w: &Word,
    lang: Lang,
    model: &TrigramModel,
    vocabulary: &Vocabulary,
    trace: &mut Trace,
) -> Option<(f64, Option<String>)> {
    let (s, russian, known, western) = score_word(surface, w, lang, model, vocabulary, trace)?;
    // The Russian word a derivation or compound is made of: the longest root that spells
    // one (`sowjet` of `sowjetische`, not the `sowje` before `Tische`). A word that is no
    // vocabulary itself scores as its root, a little lower, since a text may use the word
    // only so (`Bucharinismus`, `Dekabristenaufstand`); any word groups with its root
    // (`sowjetischen` joins `Sowjet`).
    // A word that spells a Russian word as written at least as common as a root's is no
    // compound of it (`Perestroika` is перестройка, not `Peres` + `troika`).
    let own = readings(&plain(surface), lang)
        .first()
        .filter(|r| r.how == AS_WRITTEN)
        .map_or(0.0, |r| r.support());
    let mut root: Option<(f64, String, f64)> = None;
    for r in roots(surface, lang) {
        if let Some((rs, reading, _, _)) =
            score_word(&r, w, lang, model, vocabulary, &mut Trace::default())
        {
            let longer = root.as_ref().is_none_or(|(bs, b, _)| {
                let (n, m) = (r.chars().count(), b.chars().count());
                n > m || (n == m && rs > *bs)
            });
            if reading > 0.0 && reading > own && longer {
                root = Some((rs, r, reading));
            }
        }
    }
    let mut best = s;
    if let Some((rs, r, reading)) = &root {
        // So does a word whose own Russian reading is far weaker than its root's
        // (`Zarismus`, read as a rare form, is made of `Zar`, царь). A country or its people
        // (`Litauer` of `Litauen`) is not rescued by its root.
        if (russian <= known || *reading > russian + ROOT_OVER_OWN)
            && (known < COMMON_FLOOR
                || (*reading > known + ROOT_OVER_KNOWN
                    && r.chars().count() >= KNOWN_ROOT
                    && reads_as_written(&plain(r), lang)))
            && rs - DERIVED > s
            && !is_country(&plain(surface), lang)
        {
            best = rs - DERIVED;
            trace.add(
                || {
                    format!(
                        "scored as {r}{}, the Russian word it is made of, less {DERIVED}",
                        cyrillic(r, lang)
                    )
                },
                best - s,
            );
        } else {
            trace.say(|| {
                format!(
                    "groups with {r}{}, the Russian word it is made of",
                    cyrillic(r, lang)
                )
            });
        }
    }
    // A Russian reading more common than the word in its own language keeps it in the
    // running however it scores by itself: its frequency in the corpus may still lift it
    // (`Komintern`).
    // Not a country, though, nor a name with a Western mark: those a glossary of
    // Russian-derived terms leaves out.
    let keep = best > 0.0
        || (russian > known
            && (known < COMMON_FLOOR
                || (known < NAME_CEILING && name_spelt_as_russian(surface, lang)))
            && !western
            && !is_country(&plain(surface), lang));
    if !keep {
        trace.say(|| "not a candidate: the score is not above 0".to_string());
    }
    keep.then_some((best, root.map(|(_, r, _)| r)))
}

/// ` (колхоз)`: the Russian word a root of a word spells, for `--explain`; empty when it
/// spells none.
fn cyrillic(root: &str, lang: Lang) -> String {
    russian_word(root, lang).map_or(String::new(), |w| format!(" ({w})"))
}

/// Whether a word is a name spelt as its language transliterates the Russian word it
/// reads as (`Stalin` for `сталин`): German and Dutch know many Soviet names well, because
/// they write about their bearers, yet Russian knows them better.
fn name_spelt_as_russian(surface: &str, lang: Lang) -> bool {
    surface.chars().next().is_some_and(char::is_uppercase) && transliterated(&plain(surface), lang)
}

/// The Zipf value in its own language up to which a name spelt as its Russian word stays a
/// candidate when its best supported Russian reading is better known (`Stalin`: German 3.8
/// against 5.4 for that reading, стали + ending; сталин alone is 4.2): a name German knows
/// better still is one it gives its own (`Alexander`, 4.7).
const NAME_CEILING: f64 = 4.0;

/// By how many Zipf steps a root's Russian reading must be better supported than a word's
/// own for the word to score as its root.
const ROOT_OVER_OWN: f64 = 1.5;

/// By how many Zipf steps Russian must know a root better than the language knows the
/// word made of it for a word the language knows well to score as its root: German knows
/// `Sowjetunion` (4.1) because it names a Soviet thing, and Russian knows `совет` (5.1)
/// better still.
const ROOT_OVER_KNOWN: f64 = 0.5;
/// The fewest letters of such a root, which must also spell its Russian word as written
/// (`Sowjet`, `совет`): a shorter root, or one read otherwise (without an ending, as an
/// exonym), starts words by chance (`krimi` in `kriminelle`).
const KNOWN_ROOT: usize = 5;

/// Whether the best reading of a plain word is the word as written.
fn reads_as_written(plain: &str, lang: Lang) -> bool {
    readings(plain, lang)
        .first()
        .is_some_and(|r| r.how == AS_WRITTEN)
}

/// What a derivation or compound loses against the Russian word it is made of.
const DERIVED: f64 = 0.5;

/// A word's score by itself, with the Zipf values of the Russian word it spells and of
/// the word in its own languages, and whether it bears a Western name's mark.
fn score_word(
    surface: &str,
    w: &Word,
    lang: Lang,
    model: &TrigramModel,
    vocabulary: &Vocabulary,
    trace: &mut Trace,
) -> Option<(f64, f64, f64, bool)> {
    let n = surface.chars().count();
    if n < 2 || surface.chars().any(|c| c.is_ascii_digit()) {
        trace.say(|| "not a candidate: one letter, or digits".to_string());
        return None;
    }
    // The text names the person as one of another country (`der Bulgare Georgi Dimitrow`)
    // in half of the word's occurrences.
    if w.after_foreign > 0 && w.after_foreign * 2 >= w.count {
        trace.say(|| {
            format!(
                "not a candidate: a name of a country outside the Soviet Union, after its \
                 people or adjective ({} of {}, data/suggest/foreign.txt)",
                w.after_foreign, w.count
            )
        });
        return None;
    }
    // An author the footnotes cite (`Boris Shub, Die vergessene Revolution`) in more than
    // half of the word's occurrences: the authors of a text's sources are no terms of it,
    // whatever their names' origin (a leader cited once for his speeches and named once
    // in the text is still one of its names).
    if w.cited * 2 > w.count {
        trace.say(|| {
            format!(
                "not a candidate: an author cited in footnotes ({} of {})",
                w.cited, w.count
            )
        });
        return None;
    }
    // A name the text gives with a Czech, Polish or Hungarian given name in half of its
    // occurrences (`Ludvík Svoboda`) is that person's, not a Russian's.
    if w.after_central > 0 && w.after_central * 2 >= w.count {
        trace.say(|| {
            format!(
                "not a candidate: after a Czech, Polish or Hungarian given name ({} of {})",
                w.after_central, w.count
            )
        });
        return None;
    }
    // Nor do they write the letters of Czech, Polish or Hungarian names (`Husák`, `Ludvík`,
    // `Gomułka`).
    if has_central_european_letter(surface) {
        trace.say(|| "not a candidate: a letter of Czech, Polish or Hungarian".to_string());
        return None;
    }
    // A people or an adjective of a country outside the Soviet Union (Dutch
    // `Tsjechoslowaakse`) is no entry, as a country is none.
    if is_foreign_people(surface, lang) {
        trace.say(|| {
            "not a candidate: a people or adjective of a country outside the Soviet Union \
             (data/suggest/foreign.txt)"
                .to_string()
        });
        return None;
    }
    if common_words().contains(&plain(surface)) {
        trace.say(|| "not a candidate: a common word (data/suggest/common.txt)".to_string());
        return None;
    }
    if is_acronym(surface) {
        return score_acronym(surface, w, lang, vocabulary, trace);
    }
    let p = plain(surface);
    if n < 4 && !short_russian(surface, &p, lang) {
        trace.say(|| "not a candidate: under four letters and no common Russian word".to_string());
        return None;
    }
    let capital = surface.chars().next().is_some_and(char::is_uppercase);
    let (mut s, cues, international) = spelling_score(&p, capital, w, lang, model, trace);
    // An exonym (`Moskau`, `Krim`) is common in German or Dutch because it names the Russian
    // place: that is no evidence against it, and its letters are no Western name's.
    let exonym = exonym(&p, lang);
    let known = match exonym {
        Some(r) => {
            trace.say(|| {
                format!(
                    "an exonym of Russian {r}: its frequency in the language is not held against it"
                )
            });
            0.0
        }
        None => known(&p, lang),
    };
    // German and Dutch transliterations of Russian write no `ö` (`Gröner`); the borrowings
    // that took an umlaut took `ü` (`Politbüro`), and `ä` marks a German derivation
    // (`Kronstädter`).
    let umlaut = if surface.contains(['ö', 'Ö']) {
        UMLAUT
    } else {
        0.0
    };
    // A Western given name (`Ronald`) is no Russian one.
    let given = if capital && is_western_given_name(surface) {
        -WESTERN_NAME
    } else {
        0.0
    };
    let western = western_score(&p, lang) + umlaut + given;
    if capital && exonym.is_none() && western < 0.0 {
        s += western;
        trace.add(
            || {
                "a Western name: letters no transliteration of Russian writes (cues.txt, \
                 western), an ö, or a given name of given-names.txt"
                    .to_string()
            },
            western,
        );
    }
    // A name English has as written, where German or Dutch reads its letters as another
    // word (`Maslow`, English `Maslov`; `Shultz`): the spelling a Western bearer of the
    // name gave it.
    if capital && exonym.is_none() && lang != Lang::En && english_as_written(&p, lang) {
        s -= WESTERN_NAME;
        trace.add(
            || "a Western name: English writes it so, and reads its letters otherwise".to_string(),
            -WESTERN_NAME,
        );
    }
    let russian = russian_reading(&p, lang);
    // The trigram model knows the glossary's spellings: a Russian word without the telltale
    // ones (`Kosaken`, `Politbüro`) looks German to it, and the glossary's absence of it is
    // no evidence. A reading more common than the word in its own language sets its doubt
    // aside.
    // How much more frequent the word is in the corpus than in its language: a text's own
    // terms stand out (`Kosaken` in a history of the civil war), which no glossary knows.
    // Counted whatever the case (`Kombedy` at a German sentence's start, Dutch `kombedy`).
    let count = vocabulary.count(&p).max(w.count);
    let keyness = vocabulary.zipf(count) - known.max(1.0);
    if russian > 0.0 && count >= KEY_COUNT && keyness > KEYNESS_FLOOR {
        let k = KEYNESS * (keyness - KEYNESS_FLOOR).min(2.0);
        s += k;
        trace.add(
            || format!("{keyness:.1} Zipf steps more frequent in the texts than in the language"),
            k,
        );
    }
    let doubt = RATIO_WEIGHT * model.ratio(&p, true).max(RATIO_FLOOR);
    if doubt < 0.0
        && russian > known + READING_OVER_VOCABULARY
        && count >= KEY_COUNT
        && keyness > KEYNESS_FLOOR
    {
        s -= doubt;
        trace.add(
            || {
                format!(
                    "a Russian reading ({}) more common than the word: the trigram model's \
                     doubt set aside",
                    readings(&p, lang).first().map_or("", |r| r.word)
                )
            },
            -doubt,
        );
    }
    // An internationalism is known vocabulary: a word no vocabulary knows that spells a
    // Russian word is a borrowing with a Latin suffix (`Dekabristen`), not one; so is one
    // the languages know but Russian ten times better (Dutch `stalinisme` beside English
    // `Stalinism`).
    if known + LATIN_OVER_RUSSIAN < russian && international != 0.0 {
        s -= international;
        trace.add(
            || "a Latin suffix, but Russian knows the word far better".to_string(),
            -international,
        );
    }
    // ... and a word its language knows as well is one the more surely: the suffix counts
    // twice (`Apparat`, Dutch `emigranten`).
    if known >= KNOWN_FLOOR && international != 0.0 {
        s += international;
        trace.add(
            || "a Latin suffix on a word its language knows".to_string(),
            international,
        );
    }
    // A native part (`mensch`, `wirtsch`) marks German vocabulary, unless the word spells
    // a Russian word more common than itself (`Menschewiki` is `меньшевики`).
    if native(&p, lang) && russian <= known + NATIVE_MARGIN {
        trace.say(|| "not a candidate: a native word part (data/suggest/native.txt)".to_string());
        return None;
    }
    let mut s = with_vocabulary(s, &p, lang, known, russian, trace);
    if is_country(&p, lang) {
        s -= COUNTRY;
        trace.add(
            || "a country (data/suggest/countries.txt)".to_string(),
            -COUNTRY,
        );
    }
    let s = with_occurrences(s, capital, w, lang, russian, cues, trace);
    let western = capital && exonym.is_none() && western < 0.0;
    Some((s, russian, known, western))
}

/// Letters of Czech, Slovak, Polish and Hungarian that no transliteration of Russian into
/// German, Dutch or English writes (scholarly transliteration's `č`, `š`, `ž` aside).
const CENTRAL_EUROPEAN: &str = "áíóúýůřěďťňłńśźżőűÁÍÓÚÝŮŘĚĎŤŇŁŃŚŹŻŐŰ";

/// Whether a word has a letter of [`CENTRAL_EUROPEAN`]: a Czech, Polish or Hungarian name.
pub(super) fn has_central_european_letter(word: &str) -> bool {
    word.chars().any(|c| CENTRAL_EUROPEAN.contains(c))
}

/// The Zipf value from which a word is English vocabulary as written, for
/// [`english_as_written`].
const ENGLISH_WORD: f64 = 2.0;

/// Whether a plain word of German or Dutch is an English word or name as written
/// ([`ENGLISH_WORD`]) that is `lang`'s transliteration of its Russian reading but not
/// English's (`maslow` is German for `маслов`, which English writes `maslov`): English has
/// the name from a Western bearer of it. English writes й as `y` or `i` (`Andrei`,
/// `Andrey`), so the two are one letter here.
fn english_as_written(p: &str, lang: Lang) -> bool {
    let y_as_i = |w: &str| plain(w).replace('y', "i");
    Lexicon::get().zipf(Lang::En, p) >= ENGLISH_WORD
        && russian_word(p, lang).is_some_and(|r| {
            plain(&translit::spell_cyrillic(r, lang)) == p
                && y_as_i(&translit::spell_cyrillic(r, Lang::En)) != y_as_i(p)
        })
}

/// An acronym's score (see [`score_word`]); `None` for a roman numeral, a Western acronym or
/// a word of a heading in capitals.
fn score_acronym(
    surface: &str,
    w: &Word,
    lang: Lang,
    vocabulary: &Vocabulary,
    trace: &mut Trace,
) -> Option<(f64, f64, f64, bool)> {
    let n = surface.chars().count();
    let p = plain(surface);
    let lexicon = Lexicon::get();
    if is_roman(surface)
        || !surface.chars().all(|c| c.is_ascii_alphabetic())
        || acronym_stoplist().contains(surface)
        || vocabulary.lowercase.contains(&p)
        // An uppercase heading word (`TREFFEN`, `POLITIK`) is a word of the text or of
        // the language; `KPdSU` and `ZK` are acronyms however common.
        || (n >= 4
            && !surface.chars().any(char::is_lowercase)
            && (vocabulary.capitalised.contains(&p) || lexicon.zipf(lang, &p) >= HEADING_WORD))
    {
        trace.say(|| {
            "not a candidate: a roman numeral, a known abbreviation or a heading word".to_string()
        });
        return None;
    }
    // A Russian abbreviation read letter for letter (`NKWD` is `нквд`, `ZK` is `цк`).
    let russian = lexicon.russian(&translit::key(&p, lang));
    // Two letters spell some Russian abbreviation by chance (`SU`, `EB`): they must
    // recur to count.
    let spelt = (ACRONYM_READING..=FUNCTION_WORDS).contains(&russian) && (n > 2 || w.count > 1);
    // An acronym is derived from nothing: it counts as known, for [`score`].
    let s = ACRONYM + if spelt { ACRONYM_RUSSIAN } else { 0.0 };
    trace.add(|| "an acronym".to_string(), ACRONYM);
    if spelt {
        trace.add(
            || format!("spells a Russian abbreviation (Zipf {russian:.1})"),
            ACRONYM_RUSSIAN,
        );
    }
    Some((s, 0.0, COMMON_FLOOR, false))
}

/// What the spelling says of a plain word: its cues and the trigram model, less
/// [`LOWERCASE`] for a lowercase German word; with the cues' score and the part of it that
/// the suffixes of internationalisms make.
fn spelling_score(
    p: &str,
    capital: bool,
    w: &Word,
    lang: Lang,
    model: &TrigramModel,
    trace: &mut Trace,
) -> (f64, f64, f64) {
    let (cues, international) = cue_score(p, lang);
    let ratio = model.ratio(p, true);
    // The spelling model is a weak witness against a word: a Russian word without the
    // telltale spellings (`Machno`, `Beria`) looks German to it.
    let mut s = cues + RATIO_WEIGHT * ratio.max(RATIO_FLOOR);
    trace.add(|| "spelling cues (data/suggest/cues.txt)".to_string(), cues);
    trace.add(
        || "likeness to the glossary's forms (trigram model)".to_string(),
        RATIO_WEIGHT * ratio.max(RATIO_FLOOR),
    );
    // German writes nouns and names with a capital: a lowercase word is an adjective or a
    // verb (`marxistischen`), which a glossary lists under its noun, if at all; Russian
    // quoted as such (`po novomu`) is the exception.
    if lang == Lang::De && !capital && w.chains.is_empty() {
        s -= LOWERCASE;
        trace.add(|| "lowercase in a German text".to_string(), -LOWERCASE);
    }
    (s, cues, international)
}

/// How common a plain word of `lang` is as vocabulary (a Zipf value): its whole paradigm
/// together ([`paradigm`]: `Apparat` with `Apparate` and `Apparates`, `ukrainisch` with
/// `ukrainische` and `ukrainischen`, Dutch `Bulgaar` with `Bulgaren`), in any of the
/// languages or, by its key, as an English word (`Partisanen`, `Periode`): a word that
/// English shares is an internationalism rather than a borrowing from Russian. A word of
/// another of the languages counts too, a little less: German quoted in a Dutch text
/// (`Gruppe`) is no more Russian than in a German one.
fn known(p: &str, lang: Lang) -> f64 {
    let lexicon = Lexicon::get();
    let international = match lang {
        Lang::En => 0.0,
        _ => stems(p, lang)
            .iter()
            .map(|stem| lexicon.english_by_key(&translit::key(stem, lang)))
            .fold(0.0, f64::max),
    };
    Lang::ALL
        .iter()
        .map(|l| {
            lexicon.paradigm_zipf(*l, &paradigm(p, *l))
                - if *l == lang { 0.0 } else { OTHER_LANGUAGE }
        })
        .fold(international, f64::max)
}

/// `s` with the vocabulary's say ([`lexical_score`]: how common the word is in its own
/// language, `known`, and how common the Russian word it spells, `russian`), and
/// [`EXACT_SPELLING`] for a word spelt as its language transliterates that Russian word.
fn with_vocabulary(
    mut s: f64,
    p: &str,
    lang: Lang,
    known: f64,
    russian: f64,
    trace: &mut Trace,
) -> f64 {
    s += lexical_score(known, russian);
    // The score takes the best supported reading (`russian` is its support); the Russian
    // word the word spells, which its English is made of, may be another: the word as
    // written when that is nearly as well supported (`Stalin` is `сталин`, Zipf 4.2, but
    // scores as `стали` + ending, 5.4). Both lines name each reading with its own figures.
    trace.say(|| readings_told(p, lang));
    trace.add(
        || {
            format!(
                "vocabulary: known at Zipf {known:.1}; {}",
                scored_reading(p, lang)
            )
        },
        lexical_score(known, russian),
    );
    // Spelt exactly as `lang` transliterates the Russian word (`Machno` for `махно`, but
    // not `Levi` for `леви`, which German would write `Lewi`).
    // Only when Russian knows the word better than the language does: a common German word
    // that Russian has too is spelt so because German has it (`Tabu`, `табу`).
    if russian > known && transliterated(p, lang) {
        s += EXACT_SPELLING;
        trace.add(
            || "spelt as its language transliterates".to_string(),
            EXACT_SPELLING,
        );
    }
    s
}

/// One reading as `--explain` shows it: the Russian word, its Zipf value, how it was read
/// and its support.
fn show_reading(r: &Reading) -> String {
    format!(
        "{} (Zipf {:.1}, {}, support {:.1})",
        r.word,
        r.zipf,
        r.how,
        r.support()
    )
}

/// The readings of a plain word, told for `--explain`: the one chosen (the Russian word the
/// word spells, [`russian_word`]), the one the score takes when that is another (the best
/// supported), and the others tried.
fn readings_told(p: &str, lang: Lang) -> String {
    let all = readings(p, lang);
    let Some(best) = all.first() else {
        return "readings tried: none spells a Russian word".to_string();
    };
    let chosen = russian_word(p, lang)
        .and_then(|w| all.iter().find(|r| r.word == w))
        .unwrap_or(best);
    let mut told = format!("reading chosen: {}", show_reading(chosen));
    if chosen.word != best.word {
        told.push_str(&format!(
            "; the score takes the best supported, {}",
            show_reading(best)
        ));
    }
    let others: Vec<String> = all
        .iter()
        .filter(|r| r.word != chosen.word && r.word != best.word)
        .take(4)
        .map(show_reading)
        .collect();
    told.push_str("; also tried: ");
    if others.is_empty() {
        told.push_str("nothing else");
    } else {
        told.push_str(&others.join("; "));
    }
    told
}

/// The reading whose support the vocabulary's say takes ([`russian_reading`]: the best
/// supported), told with that reading's own figures: `spells Russian сталин (Zipf 4.2)`
/// for the word as written, `read as стали + ending (Zipf 5.4 for стали)` for a stem,
/// `read as казаки, o read as a: Zipf 4.0, less 0.5 for the reading: 3.5` for a reading
/// that costs.
fn scored_reading(p: &str, lang: Lang) -> String {
    let all = readings(p, lang);
    let Some(r) = all.first() else {
        return "no Russian reading".to_string();
    };
    if r.support() <= 0.0 {
        return format!(
            "no Russian reading counts (the best, {}, has support {:.1})",
            r.word,
            r.support()
        );
    }
    match r.how {
        AS_WRITTEN if r.cost == 0.0 => format!("spells Russian {} (Zipf {:.1})", r.word, r.zipf),
        WITHOUT_ENDING if r.cost == 0.0 => {
            format!(
                "read as {} + ending (Zipf {:.1} for {})",
                r.word, r.zipf, r.word
            )
        }
        how if r.cost == 0.0 => format!("read as {}, {how}: Zipf {:.1}", r.word, r.zipf),
        how => format!(
            "read as {}, {how}: Zipf {:.1}, less {:.1} for the reading: {:.1}",
            r.word,
            r.zipf,
            r.cost,
            r.support()
        ),
    }
}

/// `s` with what the word's occurrences say: a name inside Dutch or English sentences
/// gains, a word seen only in footnotes loses.
fn with_occurrences(
    mut s: f64,
    capital: bool,
    w: &Word,
    lang: Lang,
    russian: f64,
    cues: f64,
    trace: &mut Trace,
) -> f64 {
    // In Dutch (and English) only names are capitalised inside a sentence: a name with a
    // Russian reading or spelling is likely a Russian name.
    let name = lang != Lang::De && capital && w.inner > 0 && w.inner_capital * 2 >= w.inner;
    if name && (russian > 0.0 || cues > 0.0) {
        s += NAME;
        trace.add(|| "a name inside sentences".to_string(), NAME);
    }
    if w.after_given > 0 && w.after_given * 3 >= w.count {
        s -= WESTERN_NAME;
        trace.add(
            || {
                format!(
                    "after a Western given name ({} of {}, data/suggest/given-names.txt)",
                    w.after_given, w.count
                )
            },
            -WESTERN_NAME,
        );
    }
    if w.footnotes * 2 > w.count {
        let share = w.footnotes as f64 / w.count as f64;
        s -= FOOTNOTES_ONLY * share;
        trace.add(
            || format!("seen in footnotes ({} of {})", w.footnotes, w.count),
            -FOOTNOTES_ONLY * share,
        );
    }
    s
}

/// How well supported the best Russian reading of a plain word of `lang` is ([`readings`]:
/// the Zipf value of the Russian word, less what the reading costs); 0 when there is none.
fn russian_reading(plain: &str, lang: Lang) -> f64 {
    readings(plain, lang)
        .first()
        .map_or(0.0, |r| r.support().max(0.0))
}

/// The Zipf value above which Russian words are function words.
pub(super) const FUNCTION_WORDS: f64 = 5.6;

#[cfg(test)]
mod tests {
    use super::*;

    /// The vocabulary's line names the reading whose support the score takes, with that
    /// reading's own figures (issue 19: `Stalin` was told as `сталин` with `стали`'s Zipf).
    #[test]
    fn the_vocabulary_line_names_the_reading_it_scores() {
        for (word, lang, told) in [
            (
                "Stalin",
                Lang::De,
                "read as стали + ending (Zipf 5.4 for стали)",
            ),
            ("Machno", Lang::De, "spells Russian махно (Zipf 3.1)"),
            (
                "Kosaken",
                Lang::De,
                "read as козак, a Ukrainian word: Zipf 4.3, less 0.3 for the reading: 4.0",
            ),
            (
                "Rubel",
                Lang::De,
                "read as рубль, an e put before the last consonant: Zipf 4.4, less 0.2 for the \
                 reading: 4.2",
            ),
            (
                "Chruschtschow",
                Lang::De,
                "read as хрущов, a Ukrainian word: Zipf 3.4, less 0.3 for the reading: 3.1",
            ),
            ("Parteitag", Lang::De, "no Russian reading"),
        ] {
            let p = plain(word);
            assert_eq!(scored_reading(&p, lang), told, "{word}");
            // The figure told is the one the score takes.
            let russian = russian_reading(&p, lang);
            assert!(
                russian == 0.0 || told.contains(&format!("{russian:.1}")),
                "{word}"
            );
        }
    }

    /// The readings' line names the Russian word chosen and, when the score takes another,
    /// that one too, each with its own figures.
    #[test]
    fn the_readings_line_names_both_readings_when_they_differ() {
        assert_eq!(
            readings_told("stalin", Lang::De),
            "reading chosen: сталин (Zipf 4.2, as written, support 4.2); the score takes the \
             best supported, стали (Zipf 5.4, without its ending, support 5.4); also tried: \
             сталін (Zipf 4.1, a Ukrainian word, support 3.8); столы (Zipf 3.8, a read as o, \
             support 3.5)"
        );
        assert_eq!(
            readings_told("machno", Lang::De),
            "reading chosen: махно (Zipf 3.1, as written, support 3.1); also tried: nothing else"
        );
        assert_eq!(
            readings_told("parteitag", Lang::De),
            "readings tried: none spells a Russian word"
        );
    }
}
