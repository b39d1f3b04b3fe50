//! Variants of concepts the glossary covers: a group whose word is another spelling, a
//! Russian plural, a derivation or a German or Dutch spelling of a concept's form (`Tscheki`
//! and `Tschekist` of `Tscheka`, `kolkhozy` of `kolkhoz`, Dutch `Jezjov` of `Jeschow`) is
//! a new form of that concept, not a new concept.

use super::stems::{is_acronym, stem_keys};
use super::suggestion::Suggestion;
use crate::glossary::Glossary;
use crate::lang::Lang;
use crate::translit;

/// The suffixes (as keys) that derive a person or a doctrine from a concept's word:
/// `Tschekist` of `Tscheka`, `Leninismus` of `Lenin`.
const DERIVATIONS: &[&str] = &["ist", "isti", "istka", "ism", "isms"];

/// The fewest symbols of a concept's key for a derivation of it to count.
const DERIVED_BASE: usize = 3;

/// The glossary's concepts by the keys of their forms and English renderings.
#[derive(Debug, Default)]
pub(super) struct Covered {
    keys: Vec<(String, usize)>,
    ids: Vec<String>,
}

impl Covered {
    pub(super) fn new(glossary: &Glossary) -> Covered {
        let mut c = Covered::default();
        for (i, concept) in glossary.concepts.iter().enumerate() {
            c.ids.push(concept.id.clone());
            let forms = concept
                .forms
                .iter()
                .map(|f| (f.text.as_str(), f.lang))
                .chain(std::iter::once((concept.english.as_str(), Lang::En)));
            for (text, lang) in forms {
                if is_acronym(text) || text.contains(' ') {
                    continue;
                }
                let k = translit::key(text, lang);
                if k.chars().count() > DERIVED_BASE && !c.keys.iter().any(|(x, _)| *x == k) {
                    c.keys.push((k, i));
                }
            }
        }
        c
    }

    /// The id of the concept `s` is a variant of: one of its simple forms (or their
    /// stems) has a concept's key, is within the key's tolerance of one, or is a
    /// derivation of one (`Cekist` of `Ceka`).
    pub(super) fn concept_of(&self, s: &Suggestion) -> Option<String> {
        for v in s.variants.iter().filter(|v| !v.compound) {
            if is_acronym(&v.form) || v.form.contains(' ') {
                continue;
            }
            for k in stem_keys(&v.form, v.lang) {
                if k.chars().count() < DERIVED_BASE {
                    continue;
                }
                let found = self.keys.iter().find(|(ck, _)| {
                    *ck == k || near(ck, &k) || derived(&k, ck) || k == stem_of(ck)
                });
                if let Some((_, i)) = found {
                    return Some(self.ids[*i].clone());
                }
            }
        }
        None
    }
}

/// Whether key `k` is another spelling of the concept key `ck`: within the key's tolerance,
/// and ending alike, since another last letter is another inflection or another name
/// (`Sergo` is no spelling of `Sergej`).
fn near(ck: &str, k: &str) -> bool {
    translit::same_word(ck, k) && ck.chars().next_back() == k.chars().next_back()
}

/// A concept key without its final vowel (`Cek` of `Ceka`): what its Russian inflections
/// and derivations are made of.
fn stem_of(key: &str) -> &str {
    let stem = key.trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y']);
    if stem.chars().count() >= DERIVED_BASE {
        stem
    } else {
        key
    }
}

/// Whether key `k` is a derivation of the concept key `ck` (`Cekist` of `Ceka`).
fn derived(k: &str, ck: &str) -> bool {
    let stem = stem_of(ck);
    k.strip_prefix(stem)
        .is_some_and(|rest| DERIVATIONS.contains(&rest))
        || k.strip_prefix(ck)
            .is_some_and(|rest| DERIVATIONS.contains(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivations_and_inflections_of_a_key() {
        assert!(derived("Cekist", "Ceka"));
        assert!(derived("leninism", "lenin"));
        assert!(!derived("Cekoslovak", "Ceka"));
        assert_eq!(stem_of("Ceka"), "Cek");
        assert_eq!(stem_of("nep"), "nep");
    }

    #[test]
    fn another_last_letter_is_another_word() {
        let k = |w: &str, l: Lang| translit::key(w, l);
        assert!(near(
            &k("Chruschtschow", Lang::De),
            &k("Chroesjtsjov", Lang::Nl)
        ));
        assert!(!near(&k("Sergej", Lang::De), &k("Sergo", Lang::Nl)));
    }
}
