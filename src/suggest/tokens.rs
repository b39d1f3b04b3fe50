//! Reading the documents: every word occurrence that the glossary does not claim, with
//! where it stands (its sentence, a footnote, a hyphenated name, a quoted Russian phrase).
//!
//! Occurrences are handed to a callback one at a time and borrow the document: a caller
//! keeps per word only what it needs, so that memory follows the vocabulary, not the
//! corpus. A [`Token`]'s context (its line, column and the sentence around it) is made only
//! when asked for.

use super::SuggestOptions;
use super::lexicon::Lexicon;
use super::lists::{is_foreign_people, is_western_given_name};
use super::score::{FUNCTION_WORDS, has_central_european_letter};
use super::suggestion::Context;
use crate::lang::{Lang, function_word};
use crate::normalize::MappedText;
use crate::normalize::normalize;
use crate::segment::{SegmentKind, segment_normalized};
use crate::source::Document;
use crate::terms::TermMatcher;
use crate::terms::context;
use crate::terms::english::TargetMatcher;
use crate::translit;

/// One word occurrence outside the glossary, borrowed from its document.
#[derive(Debug)]
pub(super) struct Token<'a> {
    pub(super) word: &'a str,
    pub(super) lang: Lang,
    pub(super) doc: usize,
    /// The first word of its sentence.
    pub(super) initial: bool,
    /// The hyphenated name the word is part of (`Brest-Litowsk` for `Litowsk`).
    pub(super) chain: Option<String>,
    /// In a footnote.
    pub(super) footnote: bool,
    /// The hyphenated word it is part of (`Kolyma-Gebiet`, `NEP-Politik`).
    pub(super) hyphenated: Option<&'a str>,
    /// Next to another name, one space apart (`Nikolai Jeschow`): a person's name.
    pub(super) beside_name: bool,
    /// After a preposition of place (`nach Workuta`, Dutch `naar Kolyma`).
    pub(super) after_place: bool,
    /// Right after a Western given name (`Lynne Viola`): a Western surname.
    pub(super) after_given: bool,
    /// Right after a given name spelt with a Czech, Polish or Hungarian letter (`Ludvík
    /// Svoboda`): a surname of Central Europe.
    pub(super) after_central: bool,
    /// One to three words after a people or an adjective of a country outside the Soviet
    /// Union (`der Bulgare Georgi Dimitrow`): a name of that country.
    pub(super) after_foreign: bool,
    /// In a footnote, after a given name or an initial and before a comma (`Boris Shub,
    /// Die vergessene Revolution`): an author cited.
    pub(super) cited: bool,
    /// The text's own translation of the glossed phrase the word is part of
    /// (`(russ. Proletarskaja kultura, „proletarische Kultur“)`).
    pub(super) gloss: Option<String>,
    /// Where it stands, for [`Token::context`].
    place: Place<'a>,
}

/// Where an occurrence stands: its document, its segment's text and block, and its span.
#[derive(Debug)]
struct Place<'a> {
    document: &'a Document,
    /// The segment's text and the word's span in it.
    text: &'a str,
    span: (usize, usize),
    /// The block the segment is part of, and where the segment starts in it.
    block: &'a MappedText,
    in_block: usize,
}

impl Token<'_> {
    /// The name of the word's document.
    pub(super) fn file(&self) -> &str {
        self.place.document.name()
    }

    /// Where the word was seen: its line and column in the file, and the sentence around
    /// it (made on demand: most occurrences never need it).
    pub(super) fn context(&self) -> Context {
        let p = &self.place;
        let (s, e) = p.span;
        let src = p.block.source_span(p.in_block + s, p.in_block + e);
        let (line, column) = p.document.line_col(src.start);
        Context {
            file: p.document.name().to_string(),
            line,
            column,
            lang: self.lang,
            text: context_short(p.text, s, e),
        }
    }
}

/// Hands every word of document `doc` (number `di` of the corpus) that the matcher does
/// not claim to `visit`, in the order of the text.
pub(super) fn each_token(
    matcher: &TermMatcher,
    renderings: &TargetMatcher,
    di: usize,
    doc: &Document,
    options: &SuggestOptions,
    mut visit: impl FnMut(Token<'_>),
) {
    let norm = normalize(doc.text());
    let segments = segment_normalized(doc, &norm, &options.segment);
    for seg in &segments {
        // What the glossary covers: its forms, and in English its renderings (a
        // translation's `kolkhoz` is the glossary's, not a new word).
        let mut hits: Vec<(usize, usize)> = matcher
            .find(&seg.text, None)
            .iter()
            .map(|h| (h.start, h.end))
            .collect();
        if seg.lang == Lang::En {
            hits.extend(renderings.find(&seg.text).iter().map(|h| (h.start, h.end)));
        }
        let text = seg.text.as_str();
        let mut first = true;
        let mut start = None;
        let mut after_colon = false;
        for (i, ch) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            // The soft sign of scholarly transliteration, an apostrophe between two
            // letters, is part of the word (`Bol’saja`, `Gor’kij`).
            let soft_sign = matches!(ch, '’' | 'ʼ' | 'ʹ' | '\'')
                && start.is_some()
                && text[i + ch.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if ch.is_alphabetic() || soft_sign {
                start.get_or_insert(i);
                continue;
            }
            let Some(s) = start.take() else {
                if ch == ':' || ch == '»' || ch == '„' || ch == '"' || ch == '(' {
                    after_colon = true;
                }
                continue;
            };
            let e = i;
            let initial = first || after_colon;
            first = false;
            after_colon = matches!(ch, ':');
            if hits.iter().any(|&(hs, he)| hs < e && s < he) {
                continue;
            }
            // A word cut by a broken byte (`Sanato�rien`) is no word of the text.
            if text[..s].ends_with('\u{FFFD}') || text[e..].starts_with('\u{FFFD}') {
                continue;
            }
            // A word of a Russian title a footnote cites (`Delo akademika Vavilova`) is no
            // candidate by itself: the title is a source, not a term of the text.
            if seg.kind == SegmentKind::Footnote && in_cited_title(text, s, e, seg.lang) {
                continue;
            }
            let glossed = glossed_phrase(text, s, e, seg.lang);
            visit(Token {
                word: &text[s..e],
                lang: seg.lang,
                doc: di,
                initial: initial || seg.kind == SegmentKind::Heading,
                chain: hyphen_chain(text, s, e)
                    .or_else(|| russian_phrase(text, s, e, seg.lang))
                    .or_else(|| russian_title(text, s, e, seg.lang))
                    .or_else(|| glossed.as_ref().map(|(p, _)| p.clone())),
                gloss: glossed.and_then(|(_, g)| g),
                footnote: seg.kind == SegmentKind::Footnote,
                hyphenated: hyphenated(text, s, e),
                beside_name: beside_name(text, s, e, seg.lang),
                after_place: after_place(text, s, e, seg.lang)
                    && text[s..e].chars().next().is_some_and(char::is_uppercase),
                after_given: text[s..e].chars().next().is_some_and(char::is_uppercase)
                    && neighbours(text, s, e).0.is_some_and(is_western_given_name),
                after_central: text[s..e].chars().next().is_some_and(char::is_uppercase)
                    && neighbours(text, s, e).0.is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && has_central_european_letter(w)
                    }),
                after_foreign: text[s..e].chars().next().is_some_and(char::is_uppercase)
                    && after_foreign(text, s, seg.lang),
                cited: seg.kind == SegmentKind::Footnote && cited(text, s, e),
                place: Place {
                    document: doc,
                    text,
                    span: (s, e),
                    block: &norm.blocks[seg.block].text,
                    in_block: seg.in_block.0,
                },
            });
        }
    }
}

/// The word one space before `s` of `text` and the word one space after `e`, if any.
fn neighbours(text: &str, s: usize, e: usize) -> (Option<&str>, Option<&str>) {
    let before = text[..s].strip_suffix(' ').map(|b| {
        let start = b
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(b.len(), |(i, _)| i);
        &b[start..]
    });
    let after = text[e..].strip_prefix(' ').map(|a| {
        let end = a
            .char_indices()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        &a[..end]
    });
    (
        before.filter(|w| !w.is_empty()),
        after.filter(|w| !w.is_empty()),
    )
}

/// The least Zipf value of the Russian word a title's noun spells when the language has the
/// word too (`Mir`: `мир`, German `mir`).
const TITLE_NOUN: f64 = 4.0;

/// The endings of a Russian adjective before its noun as German and Dutch transliterate
/// them (`Nowy Mir`, `Sowjetskaja Rossija`, Dutch `Moskovskieje Novosti`).
const ADJECTIVE_BEFORE: &[&str] = &["aja", "oje", "ije", "yje", "ieje", "yj", "y"];
/// The endings of a Russian adjective after its noun, as place names put it (`Gorki
/// Leninskije`): not the singular of a surname (`Krupskaja`, `Tolstoi`).
const ADJECTIVE_AFTER: &[&str] = &["oje", "ije", "yje", "ieje"];

/// The Russian name of a thing made of an adjective and a noun that the text prints in
/// Latin letters, both capitalised, one space apart (`Nowy Mir`, a journal; `Sowjetskaja
/// Rossija`, a newspaper; `Gorki Leninskije`, a place) that the word at `s..e` is part of:
/// both words read as Russian and are no vocabulary of `lang` (the noun after an adjective
/// may be, if Russian knows it well), and the adjective is none of a surname (`-ski`,
/// `-skij`; `-skaja` after its noun) or a given name. One candidate, as a hyphenated name
/// is: the parts are no persons of their own.
fn russian_title(text: &str, s: usize, e: usize, lang: Lang) -> Option<String> {
    let lexicon = Lexicon::get();
    let reads = |w: &str| lexicon.russian(&translit::key(w, lang)) > 0.0;
    // An adjective in -sk- reads as the noun it is made of when the whole does not (German
    // `Sowjetskaja`, whose `ts` the key reads as ц: `Sowjet`, совет).
    let reads_as_adjective =
        |w: &str| reads(w) || w.rfind("sk").is_some_and(|i| i >= 4 && reads(&w[..i]));
    let word_of = |w: &str, reads: &dyn Fn(&str) -> bool| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && w.chars().count() >= 3
            && lexicon.zipf(lang, w) < NAME_PART
            && reads(w)
            && !is_western_given_name(w)
    };
    let part = |w: &str| word_of(w, &reads);
    let adjective = |w: &str| word_of(w, &reads_as_adjective);
    // A masculine adjective in -ski is a surname's ending (`Twardowski`), and so is a
    // feminine one after a given name (`Nadeschda Krupskaja`); before a noun a feminine one
    // is a title's (`Sowjetskaja Rossija`).
    let ends = |w: &str, endings: &[&str], surnames: &[&str]| {
        let l = w.to_lowercase();
        endings.iter().any(|x| l.ends_with(x)) && !surnames.iter().any(|x| l.ends_with(x))
    };
    let masculine = ["ski", "skij", "skyj", "sky"];
    // The noun after an adjective may be a word of the language too (`Mir`, German `mir`),
    // so long as it is a Russian word of some frequency (`мир`).
    let noun = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && lexicon.russian(&translit::key(w, lang)) >= TITLE_NOUN
            && !is_western_given_name(w)
    };
    let title = |a: &str, b: &str| {
        (adjective(a) && ends(a, ADJECTIVE_BEFORE, &masculine) && (part(b) || noun(b)))
            || (part(a) && adjective(b) && ends(b, ADJECTIVE_AFTER, &["skaja"]))
    };
    let word = &text[s..e];
    let (before, after) = neighbours(text, s, e);
    if let Some(b) = after
        && title(word, b)
    {
        return Some(format!("{word} {b}"));
    }
    if let Some(a) = before
        && title(a, word)
    {
        return Some(format!("{a} {word}"));
    }
    None
}

/// Whether the word at `s..e` of a footnote is part of a transliterated Russian title cited
/// there: the clause between commas around it (`…, Delo akademika Vavilova, Ann Arbor`)
/// has two to eight words, a lowercase one after the first (Russian capitalises only a
/// title's first word and names), none of them common in the text's language or in
/// English, and half of them or more reading as Russian words.
fn in_cited_title(text: &str, s: usize, e: usize, lang: Lang) -> bool {
    let stop = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '\n') || c.is_ascii_digit();
    let start = text[..s].rfind(stop).map_or(0, |i| i + 1);
    let end = text[e..].find(stop).map_or(text.len(), |i| e + i);
    let clause = text[start..end].trim().trim_end_matches('.');
    let words: Vec<&str> = clause.split(' ').filter(|w| !w.is_empty()).collect();
    if !(2..=8).contains(&words.len()) || !words.iter().all(|w| w.chars().all(char::is_alphabetic))
    {
        return false;
    }
    if !words[1..]
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        return false;
    }
    let lexicon = Lexicon::get();
    let common = |w: &str| {
        lexicon.zipf(lang, w) >= NAME_NEIGHBOUR || lexicon.zipf(Lang::En, w) >= NAME_NEIGHBOUR
    };
    if words.iter().any(|w| common(w)) {
        return false;
    }
    let russian = words
        .iter()
        .filter(|w| lexicon.russian(&translit::key(w, lang)) > 0.0)
        .count();
    russian * 2 >= words.len()
}

/// Whether the word at `s..e` of `text` stands as a cited author does: capitalised, before a
/// comma, after a capitalised name or an initial one space before it that opens the
/// reference (the footnote's start, its number, `Vgl.`, `siehe:`, `;`): `Boris Shub, Die
/// vergessene Revolution`, `Vgl. D. Shub, …`; not a title's word (`The Unknown Gulag,`).
fn cited(text: &str, s: usize, e: usize) -> bool {
    if !text[s..e].chars().next().is_some_and(char::is_uppercase) || !text[e..].starts_with(',') {
        return false;
    }
    let Some(before) = text[..s].strip_suffix(' ') else {
        return false;
    };
    let first = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let name = before[first..].trim_end_matches('.');
    let mut chars = name.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    // What stands before the name opens a reference: nothing but spaces, or no letter.
    let opens = before[..first]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphabetic());
    capitalised && !name.contains('.') && opens
}

/// How many words before a name [`after_foreign`] looks at.
const FOREIGN_REACH: usize = 3;

/// The Zipf value from which a word stops [`after_foreign`]'s look back: a preposition or
/// article (`in`, `auf`, Dutch `van`) ends the phrase that names a person.
const PHRASE_STOP: f64 = 5.5;

/// Whether the word at `s` of `text` comes one to [`FOREIGN_REACH`] words after a people
/// or an adjective of a country outside the Soviet Union (`der Bulgare Georgi Dimitrow`,
/// `der bulgarische Kommunist Georgi Dimitrow`, `de Joegoslavische leider Tito`), the
/// words between one space apart and none a function word (`der bulgarische Einfluss auf
/// Moskau` says nothing of Moskau).
fn after_foreign(text: &str, s: usize, lang: Lang) -> bool {
    let lexicon = Lexicon::get();
    let mut rest = &text[..s];
    for _ in 0..FOREIGN_REACH {
        let Some(before) = rest.strip_suffix(' ') else {
            return false;
        };
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = &before[start..];
        if word.is_empty() {
            return false;
        }
        if is_foreign_people(word, lang) {
            return true;
        }
        let lower = word.to_lowercase();
        if function_word(&lower).is_some() || lexicon.zipf(lang, &lower) >= PHRASE_STOP {
            return false;
        }
        rest = &before[..start];
    }
    false
}

/// The Zipf value below which a capitalised neighbour is a name rather than a noun.
const NAME_NEIGHBOUR: f64 = 3.0;

/// How much more common in Russian than in the text's language a capitalised neighbour's
/// reading must be for it to be a name (`Ilja Ehrenburg`).
const RUSSIAN_NEIGHBOUR: f64 = 1.0;

/// Whether the word at `s..e` stands one space from a capitalised word that is no common
/// vocabulary of `lang` (`Nikolai Jeschow`, `Jeschow` beside `Nikolai`): the two are one
/// person's names. A word before that starts the sentence counts too (`Stanislaw Kossior
/// und …`).
fn beside_name(text: &str, s: usize, e: usize, lang: Lang) -> bool {
    let word = &text[s..e];
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lexicon = Lexicon::get();
    let name = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && w.chars().count() >= 3
            && (lexicon.zipf(lang, w) < NAME_NEIGHBOUR
                // A Russian given name German knows a little (`Ilja`, Zipf 3.0 in German,
                // `илья` 4.5 in Russian).
                || lexicon.russian(&translit::key(w, lang))
                    >= lexicon.zipf(lang, w) + RUSSIAN_NEIGHBOUR)
    };
    let (before, after) = neighbours(text, s, e);
    before.is_some_and(name) || after.is_some_and(name)
}

/// Whether the word at `s` follows a preposition of place (`nach Workuta`, `in Omsk`,
/// Dutch `naar Kolyma`) or a noun of a place (`im Gouvernement Tambow`), or `von`/`van`/`of` after a noun of a place (`im Gefängnis von
/// Saratow`, `de stad van Omsk`; not `ein Roman von Ehrenburg`). A German genitive before
/// its noun is none: the preposition governs the noun (`nach Stalins Tod`).
fn after_place(text: &str, s: usize, e: usize, lang: Lang) -> bool {
    if lang == Lang::De
        && text[s..e].ends_with('s')
        && neighbours(text, s, e)
            .1
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let (places, of, nouns): (&[&str], &str, &[&str]) = match lang {
        Lang::De => (
            &["nach", "in", "aus", "bei", "um"],
            "von",
            &[
                "Stadt",
                "Gebiet",
                "Gefängnis",
                "Lager",
                "Umgebung",
                "Nähe",
                "Region",
                "Hafen",
                "Universität",
                "Bahnhof",
                "Bezirk",
                "Provinz",
                "Gouvernement",
            ],
        ),
        Lang::Nl => (
            &["naar", "in", "uit", "bij", "te"],
            "van",
            &[
                "stad",
                "gebied",
                "gevangenis",
                "kamp",
                "omgeving",
                "buurt",
                "regio",
                "haven",
                "universiteit",
                "station",
                "provincie",
                "gouvernement",
            ],
        ),
        Lang::En => (
            &["to", "in", "from", "near", "at"],
            "of",
            &[
                "city",
                "region",
                "prison",
                "camp",
                "port",
                "university",
                "province",
            ],
        ),
    };
    let Some(before) = neighbours(text, s, s).0 else {
        return false;
    };
    // After a noun of a place, in apposition (`im Gouvernement Tambow`, `die Stadt
    // Charkiw`, Dutch `de provincie Tambov`).
    if places.contains(&before) || nouns.contains(&before) {
        return true;
    }
    // The word before `von`: `Gefängnis` of `im Gefängnis von Saratow`.
    let at = s - before.len() - 1;
    before == of
        && neighbours(text, at, at)
            .0
            .is_some_and(|w| nouns.contains(&w))
}

/// The hyphenated word the word at `s..e` of `text` is a part of (`Kolyma-Gebiet` for
/// `Kolyma`), if any.
fn hyphenated(text: &str, s: usize, e: usize) -> Option<&str> {
    let letter_or_hyphen = |c: char| c.is_alphabetic() || c == '-';
    let start = text[..s]
        .char_indices()
        .rev()
        .take_while(|(_, c)| letter_or_hyphen(*c))
        .last()
        .map_or(s, |(i, _)| i);
    let end = text[e..]
        .char_indices()
        .take_while(|(_, c)| letter_or_hyphen(*c))
        .last()
        .map_or(e, |(i, c)| e + i + c.len_utf8());
    let chain = text[start..end].trim_matches('-');
    chain.contains('-').then_some(chain)
}

/// The hyphenated name around the word at `s..e` of `text`, every part capitalised
/// (`Brest-Litowsk`, `Nowo-Tscherkassk`); `None` for a word on its own or in a hyphenated
/// compound (`Kolchos-Vorsitzender` is capitalised too, but it is rarely the only way a
/// word occurs, which is what `build` asks of a chain).
fn hyphen_chain(text: &str, s: usize, e: usize) -> Option<String> {
    let chain = hyphenated(text, s, e)?;
    let parts: Vec<&str> = chain.split('-').collect();
    let lexicon = Lexicon::get();
    let vocabulary = |p: &str| Lang::ALL.iter().any(|l| lexicon.zipf(*l, p) >= NAME_PART);
    // Every part a name: capitalised, and none common vocabulary (`Beria-Krise` is a
    // compound of the name) ...
    let name = parts
        .iter()
        .all(|p| p.chars().next().is_some_and(char::is_uppercase) && !vocabulary(p));
    // ... or a Russian phrase: every part lowercase and a Russian word (`po-novomu`).
    let phrase = parts.iter().all(|p| {
        p.chars().all(char::is_lowercase)
            && Lang::ALL
                .iter()
                .any(|l| lexicon.russian(&translit::key(p, *l)) > 0.0)
    }) && !vocabulary(parts[parts.len() - 1]);
    (name || phrase).then(|| chain.to_string())
}

/// The quoted Russian phrase around the lowercase word at `s..e` of `text`: the run of
/// lowercase words, one space apart, that are Russian words and not `lang`'s vocabulary,
/// or Russian function words (`po novomu`, `na mestach`); `None` for a word on its own.
fn russian_phrase(text: &str, s: usize, e: usize, lang: Lang) -> Option<String> {
    let lexicon = Lexicon::get();
    // Inside parentheses a transliterated name keeps its capitals (`(Vserossijskaja
    // tsjrezvytsjajnaja komissija …)`, `(Kommoenistitsjeski Internatsional)`): the phrase is
    // the parentheses' words.
    let paren = parentheses(text, s, e);
    let russian = |w: &str| {
        let r = lexicon.russian(&translit::key(w, lang));
        let mut chars = w.chars();
        let cased = match paren {
            Some(_) => chars.next().is_some() && chars.all(char::is_lowercase),
            None => w.chars().all(char::is_lowercase),
        };
        cased && r > 0.0 && (lexicon.zipf(lang, w) < NAME_PART || r > FUNCTION_WORDS)
    };
    if !russian(&text[s..e]) {
        return None;
    }
    let (mut start, mut end) = (s, e);
    // Words to the left, then to the right, one space apart.
    while let Some(before) = text[..start].strip_suffix(' ') {
        let w0 = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        if w0 == before.len() || !russian(&before[w0..]) {
            break;
        }
        start = w0;
    }
    while let Some(after) = text[end..].strip_prefix(' ') {
        let n = after
            .char_indices()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if n == 0 || !russian(&after[..n]) {
            break;
        }
        end += 1 + n;
    }
    // Its first and last words are no words of `lang` (Dutch `tot koelak` is no phrase).
    let vocabulary = |w: &str| lexicon.zipf(lang, w) >= PHRASE_EDGE;
    while let Some((first, rest)) = text[start..end].split_once(' ') {
        if !vocabulary(first) {
            break;
        }
        start = end - rest.len();
    }
    while let Some((rest, last)) = text[start..end].rsplit_once(' ') {
        if !vocabulary(last) {
            break;
        }
        end = start + rest.len();
    }
    let phrase = &text[start..end];
    // A phrase in parentheses is all of them or nothing: a part of it is no candidate of
    // its own.
    if let Some((ps, pe)) = paren
        && (start, end) != (ps, pe)
    {
        return None;
    }
    let content = phrase
        .split(' ')
        .any(|w| lexicon.russian(&translit::key(w, lang)) <= FUNCTION_WORDS);
    (phrase.contains(' ') && content).then(|| phrase.to_string())
}

/// The names of the languages a transliteration in parentheses is introduced by (`russ.`,
/// `Kurzwort für russ.`, Dutch `Russisch`), lowercase, without their full stop.
const LANGUAGE_LABELS: &[&str] = &[
    "russ",
    "russisch",
    "russian",
    "rus",
    "ukr",
    "ukrain",
    "ukrainisch",
    "oekraïens",
    "ukrainian",
];

/// The transliterated phrase in parentheses that the word at `s..e` of `text` is part of,
/// after a language label and before the text's own translation of it (`(russ.
/// Proletarskaja kultura, „proletarische Kultur“)`, `(von russ. likwidazija
/// bezgramotnosti, …)`), with that translation, unquoted; `None` when the word is in no
/// such phrase, or the phrase has one word or no Russian word.
fn glossed_phrase(text: &str, s: usize, e: usize, lang: Lang) -> Option<(String, Option<String>)> {
    let (ps, pe) = parentheses(text, s, e)?;
    let inner = &text[ps..pe];
    // The phrase ends at the first comma, semicolon or colon; what follows is its gloss.
    let cut = inner.find([',', ';', ':']).unwrap_or(inner.len());
    let (head, rest) = inner.split_at(cut);
    // The phrase starts after the last language name (`von russ.`, `Kurzwort für russ.`).
    let mut start = 0;
    let mut at = 0;
    for word in head.split(' ') {
        at += word.len() + 1;
        let bare = word.trim_end_matches('.');
        if LANGUAGE_LABELS.contains(&bare.to_lowercase().as_str()) {
            start = at;
        }
    }
    let phrase_start = ps + start.min(head.len());
    let phrase_end = ps + head.trim_end().len();
    if s < phrase_start || e > phrase_end || start == 0 {
        return None;
    }
    let phrase = &text[phrase_start..phrase_end];
    let words: Vec<&str> = phrase.split(' ').collect();
    let lexicon = Lexicon::get();
    let russian = |w: &str| {
        w.chars().all(char::is_alphabetic)
            && lexicon.russian(&translit::key(w, lang)) > 0.0
            && lexicon.zipf(lang, &w.to_lowercase()) < NAME_PART
    };
    if words.len() < 2 || !words.iter().all(|w| w.chars().all(char::is_alphabetic)) {
        return None;
    }
    if words.iter().filter(|w| russian(w)).count() * 2 < words.len() {
        return None;
    }
    let gloss = rest
        .trim_start_matches([',', ';', ':'])
        .trim()
        .trim_matches(['„', '“', '”', '"', '‚', '‘', '’', '\'', '»', '«', '›', '‹'])
        .trim();
    Some((
        phrase.to_string(),
        (!gloss.is_empty()).then(|| gloss.to_string()),
    ))
}

/// The inside of the parentheses around `s..e` of `text` (on one line, without other
/// parentheses), trimmed, if any.
fn parentheses(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let open = text[..s].rfind(['(', ')', '\n'])?;
    if !text[open..].starts_with('(') {
        return None;
    }
    let close = e + text[e..].find([')', '(', '\n'])?;
    if !text[close..].starts_with(')') {
        return None;
    }
    let inner = &text[open + 1..close];
    let lead = inner.len() - inner.trim_start().len();
    Some((open + 1 + lead, open + 1 + inner.trim_end().len()))
}

/// The Zipf value from which a word at the edge of a phrase is a word of the text's
/// language (Dutch `tot`), not Russian (`po`).
const PHRASE_EDGE: f64 = 4.5;

/// The Zipf value from which a word is vocabulary rather than part of a name.
const NAME_PART: f64 = 3.0;

/// A shorter context than the alignment files' (about 30 characters a side).
fn context_short(text: &str, s: usize, e: usize) -> String {
    let full = context(text, s, e);
    let Some(open) = full.find("[[") else {
        return full;
    };
    let close = full.find("]]").map_or(full.len(), |c| c + 2);
    let before: Vec<char> = full[..open].chars().collect();
    let after: Vec<char> = full[close..].chars().collect();
    let keep = 30;
    let b: String = if before.len() > keep {
        std::iter::once('…')
            .chain(before[before.len() - keep..].iter().copied())
            .collect()
    } else {
        before.iter().collect()
    };
    let a: String = if after.len() > keep {
        after[..keep]
            .iter()
            .copied()
            .chain(std::iter::once('…'))
            .collect()
    } else {
        after.iter().collect()
    };
    format!("{b}{}{a}", &full[open..close])
}
