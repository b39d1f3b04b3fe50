//! TMX 1.4b output: the sentence pairs of alignment files as a translation memory.
//!
//! One `<tu>` per bead with text on both sides (omissions and additions are left out),
//! each with a `<tuv>` per language. The source's file name and the bead's score are
//! kept as `<prop>`s. Output is deterministic: same pairs, same bytes.

use crate::alignment_file::{AlignmentFile, Record};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the sentence pairs of `files` as one TMX 1.4b document. `version` goes into the
/// header's `creationtoolversion`.
pub fn write(files: &[AlignmentFile], version: &str) -> String {
    let mut langs: Vec<&str> = files
        .iter()
        .flat_map(|f| f.records.iter())
        .filter_map(|r| match r {
            Record::Pair(p) if p.lang != "unknown" => Some(p.lang.as_str()),
            _ => None,
        })
        .collect();
    langs.sort_unstable();
    langs.dedup();
    // TMX's value for a memory whose units have different source languages.
    let src_lang = match langs.as_slice() {
        [one] => one.to_string(),
        _ => "*all*".to_string(),
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    out.push_str("<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"glossa\" creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"glossa-alignment\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n",
        escape(version),
        escape(&src_lang)
    ));
    out.push_str("  <body>\n");
    let mut n = 0;
    for f in files {
        let Some((tgt_lang, _)) = &f.target else {
            continue;
        };
        for r in &f.records {
            let Record::Pair(p) = r else { continue };
            if p.source_text.is_empty() || p.target_text.is_empty() {
                continue;
            }
            n += 1;
            let lang = if p.lang == "unknown" {
                langs.first().copied().unwrap_or("und")
            } else {
                p.lang.as_str()
            };
            out.push_str(&format!("    <tu tuid=\"{n}\">\n"));
            out.push_str(&format!(
                "      <prop type=\"x-source\">{}</prop>\n",
                escape(&f.source)
            ));
            out.push_str(&format!(
                "      <prop type=\"x-score\">{}</prop>\n",
                escape(&p.score)
            ));
            if p.review {
                out.push_str("      <prop type=\"x-review\">yes</prop>\n");
            }
            out.push_str(&format!(
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                escape(lang),
                escape(&p.source_text)
            ));
            out.push_str(&format!(
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                escape(tgt_lang),
                escape(&p.target_text)
            ));
            out.push_str("    </tu>\n");
        }
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alignment_file::PairRecord;

    #[test]
    fn pairs_become_translation_units_and_text_is_escaped() {
        let pair = |s: &str, t: &str| {
            Record::Pair(PairRecord {
                source: vec!["a".into()],
                target: vec!["b".into()],
                score: "0.900".into(),
                review: false,
                lang: "de".into(),
                source_text: s.into(),
                target_text: t.into(),
            })
        };
        let f = AlignmentFile {
            source: "corpus/a.txt".into(),
            glossary: "fnv1a64:0".into(),
            target: Some(("en".into(), "corpus/en/a.txt".into())),
            dictionary: None,
            records: vec![
                pair(
                    "Die »Kolchosen« & <Sowchosen>.",
                    "The \"kolkhozes\" & <sovkhozes>.",
                ),
                pair("Nur hier.", ""),
            ],
        };
        let tmx = write(&[f], "0.1.0");
        assert!(tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx"));
        assert!(tmx.contains("<tmx version=\"1.4\">"));
        assert!(tmx.contains("srclang=\"de\""));
        assert_eq!(
            tmx.matches("<tu ").count(),
            1,
            "a pair with an empty side is left out"
        );
        assert!(tmx.contains(
            "<tuv xml:lang=\"de\"><seg>Die »Kolchosen« &amp; &lt;Sowchosen&gt;.</seg></tuv>"
        ));
        assert!(tmx.contains("<tuv xml:lang=\"en\"><seg>The &quot;kolkhozes&quot; &amp; &lt;sovkhozes&gt;.</seg></tuv>"));
        // Balanced elements.
        for tag in ["tmx", "body", "tu", "tuv", "seg", "prop"] {
            let open =
                tmx.matches(&format!("<{tag} ")).count() + tmx.matches(&format!("<{tag}>")).count();
            assert_eq!(open, tmx.matches(&format!("</{tag}>")).count(), "<{tag}>");
        }
    }
}
