//! Derivations and compounds of Russian words: the Russian word a corpus word may be made
//! of (`Bucharin` of `Bucharinismus`, `Dekabristen` of `Dekabristenaufstand`), and
//! doctrines named after a person (`Schdanowismus`).

use super::lexicon::{Lexicon, plain};
use crate::lang::Lang;

/// Whether a word names a doctrine (`Schdanowismus`, `zjdanovisme`).
pub(super) fn is_doctrine(word: &str) -> bool {
    let w = word.to_lowercase();
    ["ismus", "isme", "ism"].iter().any(|e| w.ends_with(e))
}

/// The least Zipf value of a compound's last part for it to count as a word of the
/// language (`Aufstand` in `Dekabristenaufstand`).
const COMPOUND_TAIL: f64 = 2.5;

/// The Russian words a word may be made of, as it would spell them: without a suffix of
/// derivation (`Bucharin` of `Bucharinismus`, `Trotzki` of `Trotzkismus`, `Bolschewik` of
/// `Bolschewismus`, `Kronstadt` of `Kronstädter`), or the first part of a compound whose
/// last part is a word of the language (`Dekabristen` of `Dekabristenaufstand`).
pub(super) fn roots(surface: &str, lang: Lang) -> Vec<String> {
    let suffixes: &[&str] = match lang {
        Lang::De => &[
            "ismus",
            "isten",
            "istin",
            "ist",
            "istische",
            "istischen",
            "istischer",
            "istisch",
            "ische",
            "ischen",
            "ischer",
            "isch",
            "er",
            "ern",
        ],
        Lang::Nl => &[
            "isme", "isten", "ist", "istische", "istisch", "ische", "isch",
        ],
        Lang::En => &["ism", "ists", "ist", "ite", "ites"],
    };
    let mut out: Vec<String> = Vec::new();
    let lower = surface.to_lowercase();
    if lower.len() == surface.len() {
        for suffix in suffixes {
            if !lower.ends_with(suffix) {
                continue;
            }
            let root = &surface[..surface.len() - suffix.len()];
            if root.chars().count() < 3 {
                continue;
            }
            // A name in -ki and a noun in -ik lose their ending before -ismus, -ist
            // (`Trotzk-ismus`, `Bolschew-ismus`); a place its umlaut (`Kronstädt-er`).
            let lost = match lower[..root.len()].chars().last() {
                _ if !suffix.starts_with("is") => "",
                Some('k') => "i",
                Some('w' | 'v') => "ik",
                _ => "",
            };
            let umlaut: String = root
                .chars()
                .map(|c| match c {
                    'ä' => 'a',
                    'ö' => 'o',
                    'ü' => 'u',
                    c => c,
                })
                .collect();
            for r in [format!("{root}{lost}"), umlaut] {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
    }
    // The longest last part that is a word: `Konter|revolution`, not `Konterr|evolution`.
    let lexicon = Lexicon::get();
    let split = surface.char_indices().skip(4).find(|&(i, _)| {
        let tail = &surface[i..];
        tail.chars().count() >= 5 && lexicon.zipf(lang, &plain(tail)) >= COMPOUND_TAIL
    });
    if let Some((i, _)) = split {
        let head = surface[..i].to_string();
        if !out.contains(&head) {
            out.push(head);
        }
    }
    out
}
