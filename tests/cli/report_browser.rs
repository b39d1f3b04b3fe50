//! `glossa report` in a real browser: headless Chromium renders the page, and the test
//! reads the resulting DOM. Skipped with a message where no Chromium is installed (CI
//! installs Debian's `chromium` first; see .ci/run).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn project() -> PathBuf {
    let d = std::env::temp_dir().join(format!("glossa-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("corpus")).unwrap();
    std::fs::create_dir_all(d.join("glossary")).unwrap();
    std::fs::write(
        d.join("glossary/soviet.toml"),
        support::glossaries::TRANSLATION,
    )
    .unwrap();
    std::fs::write(d.join("glossa.toml"), "").unwrap();
    std::fs::write(
        d.join("corpus/a.txt"),
        "Die Kolchosen wuchsen, und die Kolchosbauern litten.\n\nDer Kulak schrieb <script>alert(1)</script> an die Wand.\n",
    )
    .unwrap();
    d
}

fn dump_dom(browser: &Path, url: &str, profile: &Path, screenshot: Option<&Path>) -> String {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    match screenshot {
        Some(png) => {
            cmd.arg(format!("--screenshot={}", png.display()));
        }
        None => {
            cmd.arg("--dump-dom");
        }
    }
    let out = cmd.arg(url).output().expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The `class` attribute of the element with `id`, from a DOM dump.
fn class_of<'a>(dom: &'a str, id: &str) -> &'a str {
    let at = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    let tag_start = dom[..at].rfind('<').unwrap();
    let tag = &dom[tag_start..dom[at..].find('>').map_or(dom.len(), |e| at + e)];
    tag.split("class=\"")
        .nth(1)
        .and_then(|c| c.split('"').next())
        .unwrap_or("")
}

#[test]
fn the_report_renders_and_filters_in_a_browser() {
    let Some(browser) = chromium() else {
        // CI installs Chromium and sets GLOSSA_REQUIRE_BROWSER, so there it cannot skip.
        assert!(
            std::env::var_os("GLOSSA_REQUIRE_BROWSER").is_none(),
            "GLOSSA_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!(
            "SKIPPED: no chromium found (apt-get install -y chromium, or set CHROMIUM); the browser test did not run"
        );
        return;
    };
    let d = project();
    let o = Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(["report", "-o", "report.html"])
        .current_dir(&d)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = d.join("report.html");
    let url = format!("file://{}", page.display());
    let profile = d.join("chromium-profile");

    // The rendered page: both concepts listed, terms highlighted, the corpus's markup as text.
    let dom = dump_dom(&browser, &url, &profile, None);
    assert!(
        dom.contains("id=\"kolkhoz\"") && dom.contains("id=\"kulak\""),
        "{dom}"
    );
    assert!(
        dom.contains("<mark class=\"term\">Kolchosbauern</mark>"),
        "{dom}"
    );
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped corpus text"
    );
    assert!(!class_of(&dom, "kulak").contains("hidden"));
    assert!(dom.contains("<span id=\"shown\">2</span>"), "{dom}");

    // The filter, driven through the URL fragment the page reads on load.
    let dom = dump_dom(&browser, &format!("{url}#filter=kolch"), &profile, None);
    assert!(
        dom.contains("value=\"kolch\"") || dom.contains("kolch"),
        "the filter box shows the query"
    );
    assert!(
        !class_of(&dom, "kolkhoz").contains("hidden"),
        "the matching concept stays"
    );
    assert!(
        class_of(&dom, "kulak").contains("hidden"),
        "the other concept is filtered out"
    );
    assert!(dom.contains("<span id=\"shown\">1</span>"), "{dom}");

    // Sorting by count puts the most frequent concept first.
    let dom = dump_dom(&browser, &format!("{url}#sort=count"), &profile, None);
    assert!(dom.find("id=\"kolkhoz\"").unwrap() < dom.find("id=\"kulak\"").unwrap());

    // A screenshot, for a person to look at: target/report-browser-test.png.
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-browser-test.png");
    dump_dom(&browser, &url, &profile, Some(&png));
    assert!(
        std::fs::metadata(&png)
            .map(|m| m.len() > 1000)
            .unwrap_or(false)
    );
}
