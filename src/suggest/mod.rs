//! Candidate glossary entries: words of a corpus that look like Russian borrowings,
//! transliterated names or acronyms and that the glossary does not cover yet.
//!
//! [`suggest`] reads documents as `glossa align` does (normalise, segment), runs the term
//! matcher and sets every matched word aside, in English sentences (a translation) also the
//! glossary's English renderings. Each remaining word is scored (`score`):
//!
//! - the vocabulary (`lexicon`): how common the Russian word is that the word
//!   spells through its transliteration key (`Machno` is `махно`), against how common the
//!   word is in German, Dutch or, by its key, English (`Periode`, `Partisanen` are
//!   internationalisms, `Klasse` is German), all the forms of its paradigm together
//!   (`Apparat` with `Apparate`, Dutch `Bulgaar` with `Bulgaren`); a word spelt exactly as
//!   its language transliterates a Russian word that Russian knows better gains a little,
//!   and a name so spelt stays a candidate however it scores, up to Zipf 4 in its language
//!   (`Stalin`);
//! - spelling cues per language (`data/suggest/cues.txt`: `schtsch`, `tsch`, `-ow`, `-stwo`,
//!   `-skij`; Dutch `tsj`, `zj`, `-stvo`, `-ov` …; against: Latin suffixes, the case endings
//!   of cited Russian titles), and native word parts that only look Russian
//!   (`data/suggest/native.txt`: `deutsch`, `Wirtschaft`, Dutch `meisje`);
//! - a character-trigram model: how much more the word resembles the glossary's own forms
//!   (Russian spellings) than the words of the corpus (German and Dutch);
//! - acronyms (`RGASPI`, `OGPU`), minus the Western ones (`data/suggest/acronyms.txt`), more
//!   when they spell a Russian abbreviation (`NKWD`, `ZK`);
//! - a capital letter inside a Dutch sentence (names); a lowercase German word (not a noun)
//!   and a word seen only in footnotes lose;
//! - how often the word occurs and in how many documents;
//! - against Western names: letters no transliteration of Russian writes (`cues.txt`,
//!   tagged `western`: `th`, `ee`, `-ville`, `ö`), a Western given name before the word
//!   (`data/suggest/given-names.txt`: `Lynne Viola`) and a spelling English has for a
//!   Western bearer of a Russian name (`Maslow`); countries and their peoples
//!   (`data/suggest/countries.txt`);
//! - never candidates: a name the text gives as another country's (after `der Bulgare`,
//!   `de Joegoslavische`: `data/suggest/foreign.txt`, or a Czech, Polish or Hungarian
//!   given name: `Ludvík Svoboda`) in half of the word's occurrences, such a people or
//!   adjective itself, a word with a Czech, Polish or Hungarian letter (`Husák`), and an
//!   author the footnotes cite (`Boris Shub, Die vergessene Revolution`) in more than half.
//!
//! A word the language knows well scores as the Russian word it is made of when Russian
//! knows that root better still (`Sowjetunion` as `Sowjet`, `совет`).
//!
//! A word's Russian readings (`readings`) include the German and Dutch exonyms no key
//! reaches (`data/suggest/exonyms.txt`: `Moskau` is `москва`; their frequency in the
//! language is not held against them) and, for a word with no reading at all, a Soviet
//! syllabic abbreviation made of clipped words (`data/suggest/clipped.txt`: `Kombedy`). The
//! English of a group is BGN/PCGN's spelling of its Russian word, or the English that
//! `data/suggest/established.txt` gives (`Sowjet` is Soviet), or, for a transliterated
//! phrase, the text's own English translation of it.
//!
//! Words are then grouped by their transliteration key ([`crate::translit`]) with and
//! without inflectional endings, so that `Netschajew`, `Netschajews` and Dutch
//! `Netsjajev` form one group; compounds whose first or last part is a group's word
//! (`Kolchosvorsitzender`, `Betriebsnatschalstwo`) join it. A word seen mostly inside a
//! hyphenated name or a quoted Russian phrase stands for it (`Brest-Litowsk`, `po novomu`).
//! Groups are ranked by score. Words of the glossary's and the project's `ignore` lists,
//! and words with their keys, never come back.
//!
//! A run goes through the files of this module in this order: `tokens` (the words of the
//! documents that the glossary does not claim), `corpus` (their statistics, the spelling
//! model and the corpus's vocabulary), `score` (each word by itself, with `stems`,
//! `roots`, `readings` and `russian` (the Russian words a word may spell, the best
//! supported chosen), `lexicon` and the word lists of `lists`), `rank` (every word
//! scored, then grouped by `group`, each group made a [`Suggestion`] by `build` and named
//! by `name`, and marked by `covered` when it is a new form of a concept the glossary has).
//! [`explain()`] runs the same steps for one word and keeps the reasons.

mod build;
mod corpus;
mod covered;
mod explain;
mod group;
mod lexicon;
mod lists;
mod model;
mod name;
mod rank;
mod readings;
mod roots;
mod russian;
mod score;
mod stems;
mod suggestion;
mod tokens;

pub use explain::{Explanation, Placed, Reason, RussianReading, explain};
pub use russian::english_of_key;
pub use suggestion::{Context, Suggestion, Variant};

use crate::error::Result;
use crate::glossary::Glossary;
use crate::segment::Options;
use crate::source::Document;

use self::corpus::Corpus;
use self::rank::rank;

/// Settings of a run.
#[derive(Clone, Debug, Default)]
pub struct SuggestOptions {
    /// Words never to propose (with their transliteration variants).
    pub ignore: Vec<String>,
    /// Segmentation options (the language of each block).
    pub segment: Options,
}

/// Finds candidate entries in `docs` that `glossary` does not cover, best first.
pub fn suggest(
    glossary: &Glossary,
    docs: &[Document],
    options: &SuggestOptions,
) -> Result<Vec<Suggestion>> {
    let corpus = Corpus::new(glossary, docs, options)?;
    Ok(rank(glossary, &corpus, options))
}

#[cfg(test)]
mod tests;
