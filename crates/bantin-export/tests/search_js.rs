//! The exported site's search (`static/search.js`, run in node) folds and
//! decodes a query as the app does (`bantin_core::text`, `bantin_core::typing`),
//! and finds in an exported site what a clerk would look for.
//!
//! Needs `node` on the PATH (the UI's tests need it too).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use bantin_core::text::{search_fold, words, y_prefix_form};
use bantin_core::typing::decode_word;
use bantin_core::{ArticleInput, Site, Status};
use bantin_export::{export_site, ExportOptions};
use serde_json::{json, Value};

const SEARCH_JS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/theme/default/static/search.js"
);

/// Runs `script` in node with `BantinSearch` (search.js) and `input` (JSON) in
/// scope; returns what the script prints, as JSON.
fn node(script: &str, input: &Value) -> Value {
    let program = format!(
        "const BantinSearch = require({path});\n\
         const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n\
         {script}",
        path = serde_json::to_string(SEARCH_JS).expect("path"),
    );
    let mut child = Command::new("node")
        .args(["-e", &program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node on the PATH (these tests run search.js in it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.to_string().as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("node");
    assert!(out.status.success(), "node failed");
    serde_json::from_slice(&out.stdout).expect("node printed JSON")
}

#[test]
fn search_js_folds_and_decodes_as_the_app_does() {
    let texts = [
        // i/y spellings, and the y that is no variant
        "Tập huấn kỹ thuật trồng chè",
        "kĩ thuật",
        "KỸ THUẬT",
        "lý do lí do quý quí Quý II",
        "mỹ thuật mĩ thuật bác sỹ bác sĩ tỷ lệ tỉ lệ hy vọng",
        "yêu y tế Ý kiến thủy thuỷ tuy huy Nguyễn Quỳnh quyết khuya Yên Bái",
        "“Kỹ” thuật — Lý Sơn… «quý»",
        "quy",
        "quý",
        "Quy",
        "ky thuat",
        "11-NQ/TW UBND covid-19",
        // raw keys
        "hooij",
        "nghij",
        "dduwowngf",
        "dduongwf",
        "nguwowif",
        "Vieetj",
        "kyx",
        "quyeets",
        "hoaf",
        "thuyr",
        "giuwax",
        "gif",
        "nawm",
        "tw",
        "TW",
        "khoong",
        "ho6i5",
        "d9u7o72ng",
        "d9uo7ng2",
        "ky4",
        "na8m",
        "ho^.i",
        "ddu+o+`ng",
        "nghi.",
        "what?",
        "as",
        "tax",
        "tacs",
        "tacf",
        "covid",
        "covid19",
        "UBND",
        "chess",
        "cars",
        "wifi",
        "email",
        "facebook",
        "cis",
        "2024",
        "hội",
        "",
    ];
    let got = node(
        "console.log(JSON.stringify(input.map((t) => [\
            BantinSearch.queryWords(t), BantinSearch.decodeWord(t), BantinSearch.yPrefixWords(t)])));",
        &json!(texts.to_vec()),
    );
    for (i, text) in texts.iter().enumerate() {
        let folded = search_fold(text);
        let want_words: Vec<&str> = words(&folded).collect();
        let prefix = y_prefix_form(text);
        let want_prefix: Option<Vec<&str>> = prefix.as_deref().map(|p| words(p).collect());
        let want = json!([want_words, decode_word(text), want_prefix]);
        assert_eq!(
            got[i], want,
            "{text:?}: search.js (left) and the app (right)"
        );
    }
}

fn export_corpus(dir: &Path) -> Value {
    let site = Site::create(&dir.join("site"), "Trung tâm").expect("site");
    let mut store = site.store().expect("store");
    for title in [
        "Tập huấn kỹ thuật trồng chè",
        "Lớp kĩ thuật chăn nuôi",
        "Khen thưởng quý II",
        "Kết quả quí III",
        "Quyết định khen thưởng",
        "Hội nghị tổng kết năm 2025",
        "Đường vào bản mới mở",
        "Trạm y tế xã",
        "Thủy lợi nội đồng",
        "Huy động nguồn lực",
        "Nghị quyết 11-NQ/TW về covid",
    ] {
        store
            .create_article(&ArticleInput {
                title: title.into(),
                status: Status::Published,
                ..Default::default()
            })
            .expect("article");
    }
    let out = dir.join("web");
    export_site(&site, &out, &ExportOptions::default(), &mut |_, _| {}).expect("export");
    serde_json::from_str(&std::fs::read_to_string(out.join("search-index.json")).expect("index"))
        .expect("json")
}

#[test]
fn the_exported_search_finds_either_spelling_and_raw_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = export_corpus(dir.path());
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        (
            "kĩ thuật",
            &["Lớp kĩ thuật chăn nuôi", "Tập huấn kỹ thuật trồng chè"],
            None,
        ),
        (
            "ky thuat",
            &["Lớp kĩ thuật chăn nuôi", "Tập huấn kỹ thuật trồng chè"],
            None,
        ),
        ("quý", &["Kết quả quí III", "Khen thưởng quý II"], None),
        (
            "quy",
            &[
                "Nghị quyết 11-NQ/TW về covid",
                "Quyết định khen thưởng",
                "Kết quả quí III",
                "Khen thưởng quý II",
            ],
            None,
        ),
        (
            "hooij nghij",
            &["Hội nghị tổng kết năm 2025"],
            Some("hội nghị"),
        ),
        (
            "ho6i5 nghi5",
            &["Hội nghị tổng kết năm 2025"],
            Some("hội nghị"),
        ),
        ("dduwowngf", &["Đường vào bản mới mở"], Some("đường")),
        ("d9u7o72ng", &["Đường vào bản mới mở"], Some("đường")),
        ("y te", &["Trạm y tế xã"], None),
        ("thuy loi", &["Thủy lợi nội đồng"], None),
        ("hui", &[], None),
        ("covid", &["Nghị quyết 11-NQ/TW về covid"], None),
        ("11-NQ/TW", &["Nghị quyết 11-NQ/TW về covid"], None),
        ("tieengs", &[], None),
    ];
    let queries: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let got = node(
        "console.log(JSON.stringify(input.queries.map((q) => {\
            const r = BantinSearch.search(input.index.articles, q);\
            return [r.found.map((a) => a.t), r.decoded];\
         })));",
        &json!({ "queries": queries, "index": index }),
    );
    for (i, (query, titles, decoded)) in cases.iter().enumerate() {
        assert_eq!(got[i], json!([titles, decoded]), "{query:?}");
    }
}
