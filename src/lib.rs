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
//! 4. [`detect`]: the language of each paragraph and sentence (lingua), with a confidence.
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
//! The library never prints and never exits; the `glossa` binary is the only place that does.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_debug_implementations)]

pub mod align;
pub mod alignment_file;
pub mod alignments;
pub mod check;
pub mod concordance;
pub mod config;
pub mod detect;
pub mod diff;
pub mod error;
pub mod fold;
pub mod glossary;
pub mod lang;
pub mod normalize;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod source;
pub mod span;
pub mod suggest;
pub mod terms;
pub mod translit;
