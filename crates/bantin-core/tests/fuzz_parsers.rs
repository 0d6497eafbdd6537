//! Bounded fuzzing (proptest) of what reads untrusted text: the Markdown
//! importer with its front matter, and the path-name checks. Each run is a
//! few thousand cases, seconds in CI; a failure prints the input.

use std::time::{Duration, Instant};

use bantin_core::import::parse_markdown;
use bantin_core::RelPath;
use proptest::prelude::*;

/// Valid documents to mutate, so the fuzzer gets past the fences.
const SEEDS: &[&str] = &[
    "---\ntitle: \"Khai mạc hội chợ\"\ndate: 2022-04-15T08:00:00+07:00\nauthors: [Kim Huệ, Tùng Lâm]\ntags: [hội chợ]\n---\n\nNội dung.\n",
    "+++\ntitle = \"Ngày hội\"\ndate = 2023-01-02\n[taxonomies]\ntags = [\"văn hóa\"]\n+++\nThân bài\n",
    "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\ntitle: x\n---\n",
];

fn mutated() -> impl Strategy<Value = String> {
    (
        0..SEEDS.len(),
        prop::collection::vec((any::<u16>(), any::<char>()), 0..8),
    )
        .prop_map(|(seed, edits)| {
            let mut chars: Vec<char> = SEEDS[seed].chars().collect();
            for (at, c) in edits {
                let at = usize::from(at) % (chars.len() + 1);
                if at.is_multiple_of(3) && at < chars.len() {
                    chars.remove(at);
                } else {
                    chars.insert(at, c);
                }
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn markdown_import_never_panics_and_stays_fast(text in prop_oneof![mutated(), any::<String>()]) {
        let started = Instant::now();
        let _ = parse_markdown(&text);
        prop_assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_checked_path_never_leaves_its_folder(text in "[a-zA-Z0-9./\\\\: _-]{0,40}") {
        if let Ok(path) = RelPath::parse(&text) {
            let s = path.as_str();
            prop_assert!(!s.starts_with('/') && !s.contains('\\') && !s.contains(':'));
            prop_assert!(s.split('/').all(|n| !n.is_empty() && n != "." && n != ".."));
        }
    }
}

/// The classic alias bomb: refused or parsed, quickly, either way.
#[test]
fn a_yaml_alias_bomb_is_bounded() {
    let mut doc = String::from("---\ntitle: x\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..9 {
        let p = i - 1;
        doc.push_str(&format!(
            "a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"
        ));
    }
    doc.push_str("---\nx");
    let started = Instant::now();
    let _ = parse_markdown(&doc);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
