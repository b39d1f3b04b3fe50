//! The corpus as suggest sees it: the statistics of every word the glossary does not
//! claim, the spelling model that sets the glossary's forms against those words, and what
//! the corpus says of its own vocabulary.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::SuggestOptions;
use super::lexicon::plain;
use super::lists::{RUSSIAN, entries};
use super::model::TrigramModel;
use super::suggestion::Context;
use super::tokens::{Token, each_token};
use crate::error::Result;
use crate::fold::fold_str;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::source::Document;
use crate::terms::TermMatcher;
use crate::terms::english::TargetMatcher;

/// The corpus's words outside the glossary, the spelling model and what the corpus says of
/// its vocabulary.
pub(super) struct Corpus {
    pub(super) words: HashMap<String, Word>,
    pub(super) model: TrigramModel,
    pub(super) vocabulary: Vocabulary,
}

impl Corpus {
    pub(super) fn new(
        glossary: &Glossary,
        docs: &[Document],
        options: &SuggestOptions,
    ) -> Result<Corpus> {
        let matcher = TermMatcher::new(glossary)?;
        let renderings = TargetMatcher::new(glossary)?;
        let mut words: HashMap<String, Word> = HashMap::new();
        // Each occurrence is counted as it is read and then dropped: a word keeps its
        // counts, its documents and at most `MAX_CONTEXTS` contexts.
        for (di, doc) in docs.iter().enumerate() {
            each_token(&matcher, &renderings, di, doc, options, |t| {
                match words.get_mut(t.word) {
                    Some(w) => w.add(t),
                    None => words.entry(t.word.to_string()).or_default().add(t),
                }
            });
        }
        let model = spelling_model(glossary, &words);
        let mut vocabulary = Vocabulary::new(words.keys());
        vocabulary.tokens = words.values().map(|w| w.count).sum();
        for (word, w) in &words {
            *vocabulary.plain_counts.entry(plain(word)).or_default() += w.count;
        }
        Ok(Corpus {
            words,
            model,
            vocabulary,
        })
    }
}

/// The spelling model: the glossary's forms (and the Russian words of
/// `data/suggest/russian.txt`) against the corpus's own words.
fn spelling_model(glossary: &Glossary, words: &HashMap<String, Word>) -> TrigramModel {
    let positive: Vec<String> = glossary
        .concepts
        .iter()
        .flat_map(|c| c.forms.iter().map(|f| plain(&f.text)))
        .chain(entries(RUSSIAN).map(plain))
        .collect();
    let negative: Vec<String> = words.keys().map(|w| plain(w)).collect();
    TrigramModel::new(&positive, &negative)
}

/// How many contexts a word keeps, each from another document: what a suggestion shows.
pub(super) const MAX_CONTEXTS: usize = 2;

/// Statistics of one spelling (by exact surface form).
#[derive(Debug, Default)]
pub(super) struct Word {
    pub(super) count: usize,
    pub(super) docs: HashSet<usize>,
    pub(super) langs: BTreeMap<Lang, usize>,
    /// Occurrences not at the start of a sentence, and of those the capitalised ones.
    pub(super) inner: usize,
    pub(super) inner_capital: usize,
    /// Hyphenated names the word was part of, with how often.
    pub(super) chains: HashMap<String, usize>,
    /// Occurrences in footnotes, where Russian titles and archive names are cited as
    /// they are (`Vneshnei Politiki`) and not translated.
    pub(super) footnotes: usize,
    /// Hyphenated words it was part of.
    pub(super) hyphenated: BTreeSet<String>,
    /// Occurrences beside another name (`Nikolai Jeschow`).
    pub(super) beside_name: usize,
    /// Occurrences after a preposition of place (`nach Workuta`).
    pub(super) after_place: usize,
    /// Occurrences right after a Western given name (`Lynne Viola`).
    pub(super) after_given: usize,
    /// Occurrences after a people or an adjective of a country outside the Soviet Union
    /// (`der Bulgare Georgi Dimitrow`).
    pub(super) after_foreign: usize,
    /// Occurrences right after a given name with a Czech, Polish or Hungarian letter
    /// (`Ludvík Svoboda`).
    pub(super) after_central: usize,
    /// Occurrences as a cited author in footnotes (`Boris Shub, Die vergessene …`).
    pub(super) cited: usize,
    /// The text's own translation of the glossed phrase the word was part of, the first
    /// seen.
    pub(super) gloss: Option<String>,
    /// At most [`MAX_CONTEXTS`], from different documents.
    pub(super) contexts: Vec<Context>,
}

impl Word {
    /// Counts one occurrence of the word.
    fn add(&mut self, t: Token<'_>) {
        // Contexts from different documents first; one made only when it is kept.
        if self.contexts.len() < MAX_CONTEXTS && self.contexts.iter().all(|c| c.file != t.file()) {
            self.contexts.push(t.context());
        }
        self.count += 1;
        self.docs.insert(t.doc);
        *self.langs.entry(t.lang).or_default() += 1;
        if t.footnote {
            self.footnotes += 1;
        }
        self.beside_name += usize::from(t.beside_name);
        self.after_place += usize::from(t.after_place);
        self.after_given += usize::from(t.after_given);
        self.after_foreign += usize::from(t.after_foreign);
        self.after_central += usize::from(t.after_central);
        self.cited += usize::from(t.cited);
        if self.gloss.is_none() {
            self.gloss = t.gloss;
        }
        if let Some(chain) = t.chain {
            *self.chains.entry(chain).or_default() += 1;
        }
        if let Some(h) = t.hyphenated
            && !self.hyphenated.contains(h)
        {
            self.hyphenated.insert(h.to_string());
        }
        if !t.initial {
            self.inner += 1;
            if t.word.chars().next().is_some_and(char::is_uppercase) {
                self.inner_capital += 1;
            }
        }
    }
}

/// What the corpus says about its own vocabulary.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Every word written in lowercase, plain.
    pub(super) lowercase: HashSet<String>,
    /// Every word written with a capital and lowercase letters after it, plain.
    pub(super) capitalised: HashSet<String>,
    /// Folded endings (four letters or more) of words, with how many words end so.
    pub(super) heads: HashMap<String, usize>,
    /// Occurrences of all words outside the glossary.
    pub(super) tokens: usize,
    /// Occurrences per plain word, whatever its case and accents.
    pub(super) plain_counts: HashMap<String, usize>,
}

impl Vocabulary {
    /// A word's frequency in the corpus as a Zipf value (log10 of its occurrences per
    /// billion words), to set against its frequency in general German or Dutch.
    pub(super) fn zipf(&self, count: usize) -> f64 {
        if self.tokens == 0 || count == 0 {
            return 0.0;
        }
        (count as f64 * 1e9 / self.tokens as f64).log10()
    }
}

impl Vocabulary {
    /// How often a plain word occurs, in any case (`Kombedy` and `kombedy` together).
    pub(super) fn count(&self, plain: &str) -> usize {
        self.plain_counts.get(plain).copied().unwrap_or(0)
    }

    fn new<'a>(words: impl Iterator<Item = &'a String>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for w in words {
            let f = fold_str(w);
            let chars: Vec<(usize, char)> = f.char_indices().collect();
            for &(i, _) in chars.iter().skip(3) {
                if f.len() - i >= 4 {
                    *v.heads.entry(f[i..].to_string()).or_default() += 1;
                }
            }
            let mut chars = w.chars();
            match chars.next() {
                Some(c) if c.is_lowercase() => {
                    v.lowercase.insert(plain(w));
                }
                Some(c) if c.is_uppercase() && chars.all(char::is_lowercase) => {
                    v.capitalised.insert(plain(w));
                }
                _ => {}
            }
        }
        v
    }
}

/// The language most of a word's occurrences are in.
pub(super) fn main_lang(w: &Word) -> Lang {
    w.langs
        .iter()
        .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))
        .map_or(Lang::De, |(l, _)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY: &str = r#"
[concept.kolkhoz]
english = "kolkhoz"
category = "term"
de = [{ form = "Kolchos" }]
"#;

    /// A page as PDF extraction leaves it: a word hyphenated across lines, a footnote
    /// number glued to a word, a broken byte, a passage repeated, a hyphenated name.
    fn page() -> Vec<u8> {
        let mut p = "Das Natschalstwo der Kolchosen war mächtig.3 Das Natschal-\nstwo \
            blieb, und das Natschalstwo in Brest-Litowsk auch. Jeschow kam nach Workuta.12\n\
            Das Natschalstwo der Kolchosen war mächtig. Sanato"
            .as_bytes()
            .to_vec();
        p.push(0xff);
        p.extend_from_slice("rien und Natschalstwo12 blieben.\n".as_bytes());
        p
    }

    fn corpus(docs: usize, repeat: usize) -> Corpus {
        let g = Glossary::parse("g.toml", GLOSSARY).unwrap();
        let docs: Vec<Document> = (0..docs)
            .map(|i| Document::from_bytes(&format!("{i}.txt"), &page().repeat(repeat)).unwrap())
            .collect();
        Corpus::new(&g, &docs, &SuggestOptions::default()).unwrap()
    }

    /// What a word keeps does not grow with the corpus: its counts do, its contexts and
    /// the names it was part of stay as they were.
    #[test]
    fn a_word_keeps_bounded_state_whatever_the_corpus_size() {
        let small = corpus(1, 1);
        let big = corpus(12, 25);
        let (s, b) = (&small.words["Natschalstwo"], &big.words["Natschalstwo"]);
        assert!(s.count >= 4, "{s:?}");
        assert_eq!(b.count, s.count * 12 * 25);
        assert_eq!(b.docs.len(), 12);
        assert_eq!(s.contexts.len(), 1);
        assert_eq!(b.contexts.len(), MAX_CONTEXTS);
        // The contexts are the first seen, one per document.
        let files: Vec<&str> = b.contexts.iter().map(|c| c.file.as_str()).collect();
        assert_eq!(files, ["0.txt", "1.txt"]);
        assert_eq!(b.contexts[0], s.contexts[0]);
        assert_eq!(b.chains, small.words["Natschalstwo"].chains);
        assert_eq!(
            big.words["Litowsk"].chains.get("Brest-Litowsk"),
            Some(&(12 * 25))
        );
        assert_eq!(big.words["Litowsk"].hyphenated.len(), 1);
        // Every word alike, and no more words: the vocabulary is the same.
        assert_eq!(
            big.words.keys().collect::<BTreeSet<_>>(),
            small.words.keys().collect::<BTreeSet<_>>()
        );
        for (word, w) in &big.words {
            assert!(w.contexts.len() <= MAX_CONTEXTS, "{word}: {:?}", w.contexts);
            assert_eq!(w.count, small.words[word].count * 12 * 25, "{word}");
        }
        // The word cut by the broken byte is no word.
        assert!(!big.words.keys().any(|w| w.starts_with("Sanato")));
    }
}
