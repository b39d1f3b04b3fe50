//! Scores the language detector against the hand-labelled documents in
//! `tests/fixtures/detect/`: every `NAME.txt` has a `NAME.labels` with one line per block,
//! `PARAGRAPH: SENTENCE SENTENCE …` (ISO 639-1 codes or `unknown`).
//!
//! Shared by the integration test (which asserts the thresholds) and
//! `examples/detect_eval.rs` (which prints the figures).

use std::path::{Path, PathBuf};

use glossa::detect::{DetectConfig, Detector};
use glossa::segment::LangChoice;
use glossa::source::Document;

/// Right and total counts, and a line per mistake.
#[derive(Debug, Default)]
pub struct Score {
    pub paragraphs_right: usize,
    pub paragraphs: usize,
    pub sentences_right: usize,
    pub sentences: usize,
    pub mistakes: Vec<String>,
}

impl Score {
    pub fn paragraph_accuracy(&self) -> f64 {
        self.paragraphs_right as f64 / self.paragraphs.max(1) as f64
    }

    pub fn sentence_accuracy(&self) -> f64 {
        self.sentences_right as f64 / self.sentences.max(1) as f64
    }

    fn add(&mut self, other: Score) {
        self.paragraphs_right += other.paragraphs_right;
        self.paragraphs += other.paragraphs;
        self.sentences_right += other.sentences_right;
        self.sentences += other.sentences;
        self.mistakes.extend(other.mistakes);
    }
}

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/detect")
}

/// The fixture names (`NAME` of `NAME.txt`), sorted.
pub fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("tests/fixtures/detect exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "labels")
                .then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

fn parse_labels(text: &str) -> Vec<(String, Vec<String>)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (p, s) = l.split_once(':').expect("a label line is `P: S S …`");
            (
                p.trim().to_string(),
                s.split_whitespace().map(str::to_string).collect(),
            )
        })
        .collect()
}

/// Scores one fixture.
pub fn score_fixture(detector: &Detector, name: &str) -> Score {
    let dir = fixture_dir();
    let bytes = std::fs::read(dir.join(format!("{name}.txt"))).expect("fixture text");
    let labels =
        parse_labels(&std::fs::read_to_string(dir.join(format!("{name}.labels"))).expect("labels"));
    let doc = Document::from_bytes(name, &bytes).expect("fixture decodes");
    let result = detector.detect_document(&doc, LangChoice::Auto);
    let mut score = Score::default();
    if result.paragraphs.len() != labels.len() {
        score.mistakes.push(format!(
            "{name}: {} blocks, but {} labelled; scoring the common prefix",
            result.paragraphs.len(),
            labels.len()
        ));
    }
    for (i, (plabel, slabels)) in labels.iter().enumerate() {
        score.paragraphs += 1;
        score.sentences += slabels.len();
        let Some(p) = result.paragraphs.get(i) else {
            continue;
        };
        if p.detection.code() == plabel {
            score.paragraphs_right += 1;
        } else {
            score.mistakes.push(format!(
                "{name}:{}: paragraph is {}, detected {} ({:.2}, {:?})",
                p.line,
                plabel,
                p.detection.code(),
                p.detection.confidence,
                p.detection.basis
            ));
        }
        let sentences: Vec<_> = result
            .sentences
            .iter()
            .filter(|s| s.segment.block == i)
            .collect();
        if sentences.len() != slabels.len() {
            score.mistakes.push(format!(
                "{name}:{}: {} sentences, but {} labelled: {:?}",
                p.line,
                sentences.len(),
                slabels.len(),
                sentences
                    .iter()
                    .map(|s| s.segment.text.as_str())
                    .collect::<Vec<_>>()
            ));
            continue;
        }
        for (s, label) in sentences.iter().zip(slabels) {
            if s.detection.code() == label {
                score.sentences_right += 1;
            } else {
                score.mistakes.push(format!(
                    "{name}:{}: sentence is {}, detected {} ({:.2}, {:?}): {}",
                    s.segment.line,
                    label,
                    s.detection.code(),
                    s.detection.confidence,
                    s.detection.basis,
                    s.segment.text
                ));
            }
        }
    }
    score
}

/// Scores every fixture with a detector built from `config`; per fixture and in total.
pub fn score_all(config: &DetectConfig) -> (Vec<(String, Score)>, Score) {
    let detector = Detector::new(config).expect("valid config");
    let mut total = Score::default();
    let mut per = Vec::new();
    for name in fixtures() {
        let s = score_fixture(&detector, &name);
        let figures = Score {
            mistakes: Vec::new(),
            ..s
        };
        total.add(s);
        per.push((name, figures));
    }
    (per, total)
}
