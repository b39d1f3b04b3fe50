//! glossa finds Russian-derived terms in German and Dutch texts on Soviet history and maps
//! them to their English renderings.
//!
//! The library is a one-way pipeline; each stage is a module with a plain data type at its
//! boundary:
//!
//! 1. [`source`]: bytes to a [`source::Document`] (decoding, BOM, legacy encodings, CRLF);
//! 2. [`normalize`]: undo what PDF extraction did (hyphenation, lost hyphens, footnote
//!    blocks, page furniture, glued headings and footnote numbers), keeping a map back to
//!    the raw bytes;
//! 3. [`segment`]: a nom grammar that cuts the normalised text into sentences;
//! 4. [`detect`]: the language of each paragraph and sentence (lingua), with a confidence;
//! 5. [`terms`]: the [`glossary`] compiled into one matcher that finds every concept in any
//!    inflection, compound or spelling ([`fold`] is the shared spelling normalisation);
//! 6. [`align`]: a document aligned sentence by sentence with its translation, and each
//!    term's rendering judged;
//! 7. [`alignment_file`]: the diffable output, written per document ([`alignments`] says
//!    which files a project should hold).
//!
//! Beside normalise and segment, [`bilingual`] reads the XLIFF and TMX files of CAT tools
//! into segment pairs that are already aligned; [`pipeline::Aligner::align_bilingual`]
//! checks them without sentence alignment.
//!
//! Shared by every stage: [`span`] (byte ranges, line and column), [`lang`] (the languages
//! and what glossa knows of each), [`fold`], [`translit`], [`lints`] (the table of
//! diagnostics) and [`error`]. [`pipeline`] wires the stages for one document.
//!
//! Above the stages, [`project`] resolves what a run works on once (settings, glossary,
//! languages, sources with their translations) and runs the pipeline over batches of
//! sources. Its consumers: [`alignments`] (the alignment directory: write, verify, stale,
//! orphans), [`check`] (the one checker, for `glossa check` and `glossa report`),
//! [`report`] (the HTML page), [`diff`] (what changed between two alignment sets),
//! [`suggest`] (what the glossary lacks), [`concordance`] and [`stream`] (the JSON lines
//! protocol of `glossa align --stream`). `docs/architecture.md` has
//! the table of which module may use which.
//!
//! ```
//! use glossa::{source::Document, segment::{segment_document, Options}};
//!
//! let doc = Document::from_bytes("example.txt",
//!     "Die Kolchosen wurden 1930 gegrün-\ndet. Das geschah z. B. in der Ukraine.\n".as_bytes())?;
//! let segments = segment_document(&doc, &Options::default());
//! let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
//! assert_eq!(texts, ["Die Kolchosen wurden 1930 gegründet.", "Das geschah z. B. in der Ukraine."]);
//! # Ok::<(), glossa::error::Error>(())
//! ```
//!
//! Finding terms, from a glossary to the records of an alignment file:
//!
//! ```
//! use glossa::{glossary::Glossary, pipeline::Aligner, segment::Options, source::Document};
//!
//! let glossary = Glossary::parse("soviet.toml", r#"
//! [concept.kolkhoz]
//! english = "kolkhoz"
//! category = "term"
//! compound = "modifier"
//! de = [{ form = "Kolchos" }]
//! "#)?;
//! let doc = Document::from_bytes("a.txt", "Die Kolchos-\nbauern litten.\n".as_bytes())?;
//! let aligned = Aligner::new(&glossary, Options::default())?.align(&doc, "a.txt");
//! let o = &aligned.occurrences[0];
//! let t = &o.term;
//! assert_eq!((t.surface.as_str(), t.concept.as_str(), t.line, t.column), ("Kolchosbauern", "kolkhoz", 1, 5));
//! # Ok::<(), glossa::error::Error>(())
//! ```
//!
//! The library never prints and never exits; the `glossa` binary is the only place that does.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_debug_implementations)]

pub mod align;
pub mod alignment_file;
pub mod alignments;
pub mod bilingual;
pub mod check;
pub mod concordance;
pub mod detect;
pub mod diff;
pub mod error;
pub mod fold;
pub mod glossary;
pub mod lang;
pub mod links;
pub mod lints;
pub mod normalize;
pub mod pipeline;
pub mod project;
pub mod report;
pub mod segment;
pub mod source;
pub mod span;
pub mod stream;
pub mod suggest;
pub mod terms;
pub mod translit;

#[cfg(test)]
mod architecture;
