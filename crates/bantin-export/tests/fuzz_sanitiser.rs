//! Bounded fuzzing (proptest) of the body renderer and its allow-list: any
//! text a writer pastes or imports comes out with nothing that runs.

use bantin_export::{render_body, render_body_as, AsWritten, Flavor};
use proptest::prelude::*;

/// Pieces of hostile HTML and Markdown, shuffled together by the fuzzer.
const PIECES: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "<svg onload=alert(1)>",
    "<iframe src=//x>",
    "\"",
    "'",
    "<",
    ">",
    "</p>",
    "<p ",
    "=",
    "srcset=\"javascript:alert(1) 1x\"",
    "<img src=\"anh/a.jpg\" srcset=\"",
    "data:text/html,x",
    "![a](javascript:x)",
    "[b](<javascript:x>)",
    "<style>",
    "&#x6a;avascript:",
    "\n\n",
    "**",
    "|a|b|\n|-|-|\n",
    "<math><mi xlink:href=\"javascript:1\">",
    "<!--",
    "-->",
    "<![CDATA[",
    " on",
    "Hội nghị",
];

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_owned),
            any::<String>()
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// Each tag's attributes as (name, value), lower-cased.
fn attributes(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        let Some((_, mut rest)) = tag.split_once(' ') else {
            continue;
        };
        while let Some((name, after)) = rest.split_once("=\"") {
            let (value, next) = after.split_once('"').unwrap_or((after, ""));
            out.push((name.trim().to_lowercase(), value.to_lowercase()));
            rest = next;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn nothing_that_runs_survives(body in hostile()) {
        for html in [render_body(&body, &AsWritten), render_body_as(&body, &AsWritten, Flavor::Portal)] {
            let lower = html.to_lowercase();
            for tag in ["<script", "<iframe", "<svg", "<math", "<style", "<object", "<embed"] {
                prop_assert!(!lower.contains(tag), "{tag} in {html}");
            }
            for (name, value) in attributes(&html) {
                prop_assert!(!name.starts_with("on"), "handler {name} in {html}");
                if matches!(name.as_str(), "href" | "src" | "srcset") {
                    // Each address (a srcset holds several) by its scheme.
                    for url in value.split(',').map(str::trim) {
                        for bad in ["javascript:", "data:", "vbscript:"] {
                            prop_assert!(!url.starts_with(bad), "{bad} in {name} of {html}");
                        }
                        if name == "srcset" {
                            prop_assert!(!url.starts_with("//") && !url.starts_with("http"), "remote srcset in {html}");
                        }
                    }
                }
            }
        }
    }
}
