//! The long help of every command: what it does beyond its one-line summary, its exit
//! status and examples. `--help` prints these after the options, `glossa man` turns them
//! into the DESCRIPTION, EXIT STATUS and EXAMPLES sections of the manual pages.
//!
//! Every text ends with an `Exit status:` paragraph and an `Examples:` block, in that
//! order (a test checks it). The examples name files of the example project (corpus/,
//! glossary/soviet.toml, alignments/), and a test runs each one there that needs no
//! shell (no pipe or redirection): an example that fails is a bug.

use glossa::lints::LINTS;

pub const TOP: &str = "\
Exit status: 0 clean, 1 findings (a difference, a denied diagnostic, stale files),
2 error (bad arguments, unreadable input, a broken glossary or settings file).

Examples:
  glossa init my-project --languages de,nl,en
  glossa align
  glossa check
  glossa report";

pub const INIT: &str = "\
Writes glossa.toml (every setting with its default and what it does), glossary/terms.toml
(one example concept, with comments), an empty corpus/ directory, .gitattributes (the
diff driver for alignment files) and .gitignore (the report). Nothing is overwritten: if
any of these files exists, nothing is written. `glossa align` then runs in the project as
it is; put the texts into corpus/ and the terms into the glossary.

Exit status: 0 written, 2 a file exists already or cannot be written.

Examples:
  glossa init new-project
  glossa init nl-project --languages nl,en";

pub const SEGMENT: &str = "\
Prints the body's sentences and headings in reading order; --footnotes appends the
footnote entries. With one language configured, its abbreviation rules are used
throughout and nothing is detected. --format jsonl also lists, after each file's
segments, the lines left out as page furniture (kind `dropped`, reason `page-number` or
`running-head`): a running head is a short line repeated at page-like intervals.

Exit status: 0 done, 2 an input cannot be read (or is binary).

Examples:
  glossa segment corpus/de-kolchosen.txt
  glossa segment --format jsonl --footnotes corpus/de-kolchosen.txt corpus/nl-collectivisatie.txt
  glossa segment --lang nl corpus/nl-collectivisatie.txt
  pdftotext -layout buch.pdf - | glossa segment - --lang de";

pub const DETECT: &str = "\
Each paragraph (body paragraph, heading or footnote entry) gets a language, then each
sentence: a sentence keeps its paragraph's language unless it clearly belongs to another.
Russian loanwords and names (Chruschtschow, Kolchos, koelakken) do not count as evidence;
text with too little evidence inherits from its neighbours, or is `unknown`. With one
language configured, every paragraph is in it (basis `configured`).

Exit status: 0 done, 2 an input cannot be read (or is binary).

Examples:
  glossa detect corpus/de-kolchosen.txt
  glossa detect --format jsonl --languages de,nl corpus/nl-collectivisatie.txt
  pdftotext buch.pdf - | glossa detect --accuracy low -";

pub const ALIGN: &str = "\
With no PATH, reads glossa.toml in the current directory (or the --config file) and
aligns its corpus into its output directory (alignments/), each source with its
translation where [[pairs]] declares one. With PATHs, aligns those files.

--stream reads JSON lines on standard input, {\"id\": ..., \"text\": ...} or {\"id\": ...,
\"path\": ...} (a path or a file: URI), and writes one record per input line, in order:
{\"line\": N, \"id\": ..., \"terms\": [...]} or {\"line\": N, \"id\": ..., \"error\": \"...\"}.
The id comes back as written; a blank or broken line gets an error record too.

Exit status: 0 written (or fresh), 1 with --check when files are stale, 2 error.
With --stream: 0 when every input line got its record, error records included; 1 with
--fail-on-error when a line gave an error record; 2 when glossa cannot run (settings,
glossary: said before any input is read) or standard input or output fails.

Examples:
  glossa align                              # the project in glossa.toml
  glossa align --check                      # exit 1 and show the diff if alignments/ is stale
  glossa align --format jsonl --stdout corpus/de-kolchosen.txt
  glossa align -o out corpus/de-kolchosen.txt
  glossa align corpus/de-kolchosen.txt --target corpus/en/de-kolchosen.txt --stdout
  glossa align --presegmented --source-lang de corpus/de-kolchosen.txt --target corpus/en/de-kolchosen.txt --format jsonl --stdout
  echo '{\"id\": 1, \"path\": \"corpus/de-kolchosen.txt\"}' | glossa align --stream
  echo '{\"id\": \"a\", \"text\": \"Die Kolchosen.\"}' | glossa align --stream --fail-on-error";

pub const DIFF: &str = "\
Compares two alignment files or directories: first a summary by concept, then a hunk per
changed sentence or sentence pair: its text and translation with the changed words marked
([-old-]{+new+}), the terms that changed and their translation status (forbidden ->
expected). An edited sentence is one hunk; its unchanged terms are not counted.
--textconv prints one file as a reviewer reads it, for git's textconv driver.

Exit status: 0 when equal, 1 when different, 2 on error (like diff(1)).

Examples:
  glossa diff alignments alignments
  glossa diff alignments/de-kolchosen.txt.align alignments/de-kolchosen.txt.align
  glossa diff --rev HEAD                           # committed alignments vs the working tree
  glossa diff --rev HEAD --format json
  glossa diff --textconv alignments/de-kolchosen.txt.align
  git config diff.glossa.textconv 'glossa diff --textconv'";

/// `glossa check --help`: the diagnostics are listed from the one table of lints.
pub fn check() -> String {
    let width = LINTS.iter().map(|l| l.name.len()).max().unwrap_or(0);
    let mut codes = String::new();
    for l in &LINTS {
        codes.push_str(&format!(
            "  {:width$}  {} ({})\n",
            l.name,
            l.summary.trim_end_matches('.'),
            l.default
        ));
    }
    format!(
        "\
With no PATH, checks the project in glossa.toml: its corpus, translations, bilingual
files, glossaries and alignments. With PATHs, checks those files (and their alignment
files, where they exist).

XLIFF and TMX files (*.xlf, *.xliff, *.sdlxliff, *.mqxliff, *.tmx; named, or listed in
`bilingual` in glossa.toml) are translations already aligned segment by segment: every
term of every segment pair is judged in its own target, without sentence alignment, and
shown at the file's line and column with the segment's id. Inline markup is not text.

Diagnostics (default level):
{codes}
Levels come from the [check] table of glossa.toml (e.g. `unknown-variant = \"deny\"`),
then from --allow, --warn and --deny (which win, in that order).

Exit status: 0 nothing denied, 1 denied findings, 2 error.

Examples:
  glossa check                                   # the project in glossa.toml
  glossa check corpus/de-kolchosen.txt --deny deprecated-form
  glossa check corpus/cat/de-kolchosen.xlf       # an XLIFF or TMX file from a CAT tool
  glossa check --format sarif                    # for GitHub code scanning
  glossa check --format github                   # annotations in a GitHub Actions log
  glossa check --write-baseline glossa-baseline.json        # accept today's findings
  glossa check --baseline glossa-baseline.json              # report only new ones"
    )
}

pub const REPORT: &str = "\
With no PATH, reports on the project in glossa.toml (its corpus, translations, bilingual
files and glossary). The findings are those of `glossa check`, each next to the occurrence it
concerns and all of them in a table.

Exit status: 0 written, 2 error.

Examples:
  glossa report                     # writes report.html
  glossa report -o terms.html corpus/de-kolchosen.txt
  xdg-open report.html#filter=kolkhoz";

pub const SUGGEST: &str = "\
With no PATH, reads the corpus of glossa.toml. Words the glossary matches are set aside;
the rest are scored by whether they spell a Russian word more common than they are in
German, Dutch or English (Machno, Prawda; not Klasse, Periode), spelling cues (tsch, -ow,
-stwo; Dutch tsj, zj, -ov), their likeness to the glossary's forms, acronyms, frequency and
spread, and grouped by transliteration key (Natschalstwo, natsjalstvo, Betriebsnatschalstwo
are one group). Words in an `ignore` list (glossary file or glossa.toml) never come back.
A group that is another spelling, a Russian plural or a derivation of a concept the
glossary has (Tschekist of Tscheka) is shown as a new form of it, and --format toml prints
that concept with the new forms added. Standard error names the files read; the project's
translations are left out unless --translations.

Exit status: 0 done, 2 error.

Examples:
  glossa suggest                               # the project's corpus, best 30 groups
  glossa suggest --format json corpus/de-kolchosen.txt   # every group, best first
  glossa suggest --format toml --limit 5       # ready glossary entries (status proposed)
  glossa suggest --limit 5 --write proposed.toml
  glossa suggest --explain Prawda              # why it ranks where it does, or not at all
  glossa suggest --translations --limit 5      # the translations' English spellings join";

pub const CONCORDANCE: &str = "\
TERM is a concept id (kolkhoz), a form of the glossary (Kolchosen), or any spelling or
transliteration key: then every word with the same key is shown, known to the glossary
or not (Chroesjtsjov finds Chruschtschow and Khrushchev).

Exit status: 0 done, 2 error.

Examples:
  glossa concordance kolkhoz
  glossa concordance Chroesjtsjov corpus/de-kolchosen.txt corpus/nl-collectivisatie.txt
  glossa concordance kolkhoz --format json";

pub const EXPORT: &str = "\
Reads the alignment files of sources aligned with a translation (pairs in glossa.toml, or
`glossa align SOURCE --target TRANSLATION`) and writes their sentence pairs.

Exit status: 0 written, 2 error (no alignment file has a translation).

Examples:
  glossa export tmx -o corpus.tmx
  glossa export tmx alignments/de-kolchosen.txt.align";

pub const GLOSSARY: &str = "\
With no FILE, works on the glossaries of the project (`glossaries` in glossa.toml, by
default every *.toml file in glossary/).

Exit status: 0 clean, 1 problems found (lint) or files not canonical (fmt --check),
2 a file cannot be read or parsed.

Examples:
  glossa glossary lint
  glossa glossary fmt --check glossary/soviet.toml
  glossa glossary export --format tbx -o soviet.tbx
  glossa glossary import soviet.tbx -o imported.toml";

pub const LINT: &str = "\
Exit status: 0 clean, 1 problems found, 2 a file cannot be read or parsed.

Examples:
  glossa glossary lint
  glossa glossary lint glossary/soviet.toml";

pub const FMT: &str = "\
Exit status: 0 done (or already canonical), 1 with --check when a file would change,
2 a file cannot be read or parsed.

Examples:
  glossa glossary fmt
  glossa glossary fmt --check glossary/soviet.toml";

pub const GLOSSARY_EXPORT: &str = "\
Exit status: 0 written, 2 a glossary cannot be read or has problems.

Examples:
  glossa glossary export --format tbx -o soviet.tbx
  glossa glossary export --format csv -o soviet.csv glossary/soviet.toml
  glossa glossary export --format tsv";

pub const IMPORT: &str = "\
The format is taken from the file name (.tbx/.xml, .csv, .tsv/.tab/.txt) unless --format
says it. TBX v3 (DCA or DCT style), v2 and TBX-Min; CSV with `,`, `;` or tabs: glossa's
own, a spreadsheet or memoQ export with a column per language, OmegaT's without header;
OmegaT's TSV. Every language and definition is kept. Ids that clash or are not glossa ids
are renamed and empty terms left out, with a warning: what import writes always loads.

Exit status: 0 written, 2 the file cannot be read, is broken or holds no concepts.

Examples:
  glossa glossary export --format tsv -o omegat-glossary.txt
  glossa glossary import --format tsv omegat-glossary.txt
  glossa glossary import --source-lang nl omegat-glossary.txt
  glossa glossary import --columns source,en,note omegat-glossary.txt
  glossa glossary import soviet.tbx -o imported.toml";

pub const COMPLETIONS: &str = "\
Exit status: 0 printed, 2 an unknown shell.

Examples:
  glossa completions bash > ~/.local/share/bash-completion/completions/glossa
  glossa completions zsh > ~/.zfunc/_glossa
  glossa completions fish > ~/.config/fish/completions/glossa.fish";

pub const MAN: &str = "\
With no argument, prints the page of glossa itself; with COMMAND, that command's page
(glossa-align(1) …); with --dir, writes every page into a directory.

Exit status: 0 printed or written, 2 an unknown command or an unwritable directory.

Examples:
  glossa man
  glossa man align
  glossa man --dir man-pages";
