//! Term-consistency diagnostics over aligned documents and their glossary, like compiler
//! lints: every [`Finding`] has a stable [`Code`], a place and a message; a [`Level`] per
//! code (from `glossa.toml` and the command line) says whether it is denied, a warning,
//! or not reported at all. This module returns data; rendering is the command line's job.
//!
//! The codes, their names, default levels and summaries are one table,
//! [`crate::lints::LINTS`]; each has one function here, called from [`find`]:
//!
//! - `deprecated-form`: a deprecated source form is used ([`deprecated_forms`]);
//! - `unknown-variant`: a word that is almost a glossary form but not listed, e.g. a
//!   Dutch `kolchoze` or a German `Tschecka` ([`unknown_variants`]);
//! - `inconsistent-spelling`: one concept written in two spellings of the same status in
//!   the checked texts ([`inconsistent_spellings`]);
//! - `stale-alignments`: committed alignment files differ from what glossa would write
//!   ([`stale_alignments`]);
//! - `glossary`: problems in the glossary itself ([`glossary_problems`]);
//! - `missing-translation`, `forbidden-translation`: what a translation did with a source
//!   term ([`translation_findings`]); `inconsistent-translation`: one concept rendered in
//!   several ways ([`inconsistent_translations`]).
//!
//! [`run`] is the one checker: `glossa check` and `glossa report` both call it, so they
//! always show the same findings. A [`Baseline`] records accepted findings by code, file,
//! concept and surface (never by line), so that editing other parts of a text does not
//! bring them back.

mod baseline;
mod deprecated;
mod files;
mod spelling;
mod translation;
mod variants;

use serde::Serialize;

pub use crate::lints::{Code, LINTS, Level, Levels, Lint};
pub use baseline::{Baseline, BaselineEntry, Filtered};
pub use deprecated::deprecated_forms;
pub use files::{glossary_problems, stale_alignments};
pub use spelling::inconsistent_spellings;
pub use translation::{
    inconsistent_translations, null_beads, translation_findings, unlikely_translations,
};
pub use variants::{
    EditDistance, FREQUENT_WORD, MIN_VARIANT_LEN, Similarity, damerau_levenshtein,
    unknown_variants, weighted_distance,
};

use crate::alignments::{Comparison, Stale};
use crate::error::Result;
use crate::glossary::{Form, Glossary, Problem};
use crate::pipeline::{Aligned, Occurrence, Word};
use crate::project::{Batch, BilingualBatch, Project};
use crate::terms::english::Rendering;

/// One diagnostic at one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub level: Level,
    /// The file, as named when it was read (without a leading `./`).
    pub file: String,
    /// 1-based line and column (in characters) of the start.
    pub line: usize,
    pub column: usize,
    /// How many characters on that line the finding covers (0: a place, not a span).
    pub width: usize,
    pub message: String,
    pub help: Option<String>,
    /// The concept concerned, if any.
    pub concept: Option<String>,
    /// The word as printed, if any.
    pub surface: Option<String>,
    /// In a bilingual file (XLIFF, TMX): the id of the segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// In a bilingual file: the id of the segment's unit, when it is not the segment
    /// itself (an XLIFF 1.2 `<mrk mtype="seg">` segment, an XLIFF 2 segment).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Finding {
    fn new(code: Code, file: &str, line: usize, column: usize, message: String) -> Finding {
        Finding {
            code,
            level: code.default_level(),
            file: file.strip_prefix("./").unwrap_or(file).to_string(),
            line,
            column,
            width: 0,
            message,
            help: None,
            concept: None,
            surface: None,
            segment: None,
            unit: None,
        }
    }

    fn at_occurrence(code: Code, o: &Occurrence, message: String) -> Finding {
        Finding {
            // A word split across lines is joined in the surface, so this is an upper
            // bound the renderer clips to the line.
            width: o.width.unwrap_or_else(|| o.term.surface.chars().count()),
            concept: Some(o.term.concept.clone()),
            surface: Some(o.term.surface.clone()),
            segment: o.segment.as_ref().map(|s| s.segment.clone()),
            unit: o.segment.as_ref().and_then(|s| s.unit.clone()),
            ..Finding::new(code, &o.file, o.term.line, o.term.column, message)
        }
    }

    fn help(mut self, help: String) -> Finding {
        self.help = Some(help);
        self
    }

    /// The finding's key in a [`Baseline`].
    pub fn key(&self) -> BaselineEntry {
        BaselineEntry {
            code: self.code.as_str().to_string(),
            file: self.file.clone(),
            concept: self.concept.clone(),
            surface: self.surface.clone(),
        }
    }
}

/// Sorts findings by file, place and code, the order every output uses.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
    });
}

impl Levels {
    /// Gives each finding its code's level and drops the allowed ones.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                f.level = self.get(f.code);
                (f.level != Level::Allow).then_some(f)
            })
            .collect()
    }
}

/// The glossary form an occurrence matched.
fn form_of<'g>(glossary: &'g Glossary, o: &Occurrence) -> Option<&'g Form> {
    glossary
        .concept(&o.term.concept)?
        .forms
        .iter()
        .find(|f| f.text == o.form)
}

/// What the diagnostics look at.
#[derive(Debug)]
pub struct Input<'a> {
    pub glossary: &'a Glossary,
    /// The glossary's problems, for `glossary`.
    pub problems: &'a [Problem],
    /// The checked documents, aligned with their words collected (see
    /// [`crate::pipeline::Aligner::with_words`]) and with their translations.
    pub aligned: &'a [Aligned],
    /// The alignment files that differ from what glossa would write, for `stale-alignments`.
    pub stale: &'a [Stale],
    words: Vec<Word>,
    occurrences: Vec<Occurrence>,
}

impl<'a> Input<'a> {
    pub fn new(
        glossary: &'a Glossary,
        problems: &'a [Problem],
        aligned: &'a [Aligned],
        stale: &'a [Stale],
    ) -> Input<'a> {
        Input {
            glossary,
            problems,
            aligned,
            stale,
            words: aligned
                .iter()
                .flat_map(|a| a.words.iter().cloned())
                .collect(),
            occurrences: aligned
                .iter()
                .flat_map(|a| a.occurrences.iter().cloned())
                .collect(),
        }
    }
}

/// The findings of one diagnostic, at its default level.
pub fn find(code: Code, input: &Input<'_>) -> Vec<Finding> {
    let (glossary, occurrences) = (input.glossary, input.occurrences.as_slice());
    match code {
        Code::DeprecatedForm => deprecated_forms(glossary, occurrences),
        Code::UnknownVariant => {
            unknown_variants(glossary, &input.words, occurrences, &EditDistance)
        }
        Code::InconsistentSpelling => inconsistent_spellings(glossary, occurrences),
        Code::StaleAlignments => stale_alignments(input.stale),
        Code::Glossary => glossary_problems(input.problems),
        Code::MissingTranslation => translation_findings(input.aligned, Rendering::Missing),
        Code::ForbiddenTranslation => translation_findings(input.aligned, Rendering::Forbidden),
        Code::InconsistentTranslation => inconsistent_translations(glossary, input.aligned),
        Code::UntranslatedSentence => null_beads(input.aligned, true),
        Code::AddedSentence => null_beads(input.aligned, false),
        Code::UnlikelyTranslation => unlikely_translations(input.aligned),
    }
}

/// Every diagnostic `levels` enables, at its level, sorted.
pub fn findings(input: &Input<'_>, levels: &Levels) -> Vec<Finding> {
    let mut out = Vec::new();
    for code in Code::ALL.into_iter().filter(|&c| levels.enabled(c)) {
        out.extend(find(code, input));
    }
    let mut out = levels.apply(out);
    sort(&mut out);
    out
}

/// What [`run`] found, with what it aligned to find it (the report shows both).
#[derive(Debug)]
pub struct Checked {
    /// Every source with its documents and alignment, in project order.
    pub batch: Batch,
    /// Every bilingual file (XLIFF, TMX) with its segment pairs checked, in project order.
    pub bilingual: BilingualBatch,
    pub findings: Vec<Finding>,
}

/// The one checker: aligns the project's sources (with their words, and their
/// translations) and checks the segment pairs of its bilingual files, compares what it
/// would write with the alignment directory, and runs every diagnostic `levels` enables
/// over both. `glossa check` and `glossa report` both call it. A file that cannot be read
/// (or a bilingual file that is not well-formed) is an error.
pub fn run(
    project: &Project,
    levels: &Levels,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Checked> {
    let aligner = project.aligner()?.with_words();
    let batch = project.align(&aligner, 0..project.sources.len(), progress)?;
    let mut stale = Vec::new();
    if levels.enabled(Code::StaleAlignments) {
        // Outside the whole project (files named), a file without a committed alignment
        // is not stale: there is nothing to keep fresh.
        let mut comparison = Comparison::new(&project.output, project.whole);
        let files = project.sources[batch.range.clone()]
            .iter()
            .zip(&batch.aligned)
            .map(|(s, a)| (s.path.as_path(), a.file.render()));
        stale = comparison.batch(files)?;
        if project.whole {
            stale.extend(comparison.orphans());
        }
    }
    let mut bilingual = project.align_bilingual(&aligner, progress)?;
    // One list for the diagnostics (moved, not copied), split again for the callers.
    let mut batch = batch;
    let texts = batch.aligned.len();
    batch.aligned.append(&mut bilingual.aligned);
    let input = Input::new(&project.glossary, &project.problems, &batch.aligned, &stale);
    let findings = findings(&input, levels);
    bilingual.aligned = batch.aligned.split_off(texts);
    Ok(Checked {
        batch,
        bilingual,
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damerau_levenshtein_bounded() {
        assert_eq!(damerau_levenshtein("tschecka", "tscheka", 2), Some(1));
        assert_eq!(damerau_levenshtein("kolchoz", "kolchos", 1), Some(1));
        assert_eq!(damerau_levenshtein("tschkea", "tscheka", 1), Some(1));
        assert_eq!(damerau_levenshtein("bauern", "kolchos", 2), None);
        assert_eq!(damerau_levenshtein("abc", "abcdef", 2), None);
    }

    #[test]
    fn weighted_distance_knows_transliteration() {
        let e = EditDistance;
        assert_eq!(e.cost("tschecka", "tscheka"), Some(1));
        assert_eq!(e.cost("kolchoz", "kolchos"), Some(1));
        assert_eq!(e.cost("berija", "beria"), Some(1));
        assert_eq!(e.cost("molotov", "molotow"), Some(1));
        assert_eq!(e.cost("werkt", "werst"), None);
        assert_eq!(e.cost("tschkea", "tscheka"), None);
        assert_eq!(e.cost("bauer", "bauer"), Some(0));
        assert_eq!(e.cost("tuchatschewski", "tuchatschewskij"), Some(1));
        assert_eq!(e.cost("vinogradov", "winogradow"), Some(2));
    }

    #[test]
    fn baseline_round_trips() {
        let f = Finding::new(Code::Glossary, "./g.toml", 3, 1, "x".into());
        assert_eq!(f.file, "g.toml");
        let b = Baseline::of(std::slice::from_ref(&f));
        let back = Baseline::parse("b.json", &b.to_json()).unwrap();
        assert!(back.contains(&f));
        assert!(Baseline::parse("b.json", "{}").is_err());
    }

    #[test]
    fn a_baseline_counts_and_reports_the_excess() {
        let at = |line| {
            let mut f = Finding::new(Code::Glossary, "a.txt", line, 1, "x".into());
            f.concept = Some("kolkhoz".into());
            f
        };
        let b = Baseline::parse("b.json", &Baseline::of(&[at(3)]).to_json()).unwrap();
        assert!(b.to_json().contains("\"count\": 1"), "{}", b.to_json());
        // Moved elsewhere: still accepted.
        assert_eq!(b.filter(vec![at(9)]).findings, []);
        // A new repeat: one accepted, the later one reported with a note.
        let f = b.filter(vec![at(3), at(7)]);
        assert_eq!(f.accepted, 1);
        assert_eq!(f.findings.len(), 1);
        assert_eq!(f.findings[0].line, 7);
        let help = f.findings[0].help.as_deref().unwrap();
        assert!(
            help.contains("accepts 1 finding(s) like this in a.txt"),
            "{help}"
        );
        // A version 1 file (no counts) accepts any number, as it did.
        let v1 = r#"{"glossa_baseline": 1, "findings": [{"code": "glossary", "file": "a.txt", "concept": "kolkhoz"}]}"#;
        let f = Baseline::parse("b.json", v1)
            .unwrap()
            .filter(vec![at(3), at(7)]);
        assert_eq!((f.accepted, f.findings.len()), (2, 0));
        let zero = r#"{"glossa_baseline": 2, "findings": [{"code": "glossary", "file": "a.txt", "count": 0}]}"#;
        assert!(Baseline::parse("b.json", zero).is_err());
    }
}
