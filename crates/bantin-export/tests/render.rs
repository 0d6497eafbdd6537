//! The body renderer: figures as the editor writes them, and an allow-list no
//! authored payload gets through.

use bantin_export::{render_body, render_body_as, AsWritten, Flavor, ImageResolver, PageImage};

const SAMPLE: &str = "Hội nghị được kết nối trực tuyến từ Trung ương đến tỉnh, huyện và các xã.

![Quang cảnh hội nghị](media/hoi-nghi.jpg \"Ảnh: Kim Huệ\")
*Quang cảnh điểm cầu Trung tâm hội nghị huyện*

## Nhận thức mới, cách làm mới

Sau hội nghị, cấp ủy các cấp sẽ **xây dựng chương trình hành động**, *sớm* đưa Nghị quyết vào <u>cuộc sống</u>.

![Múa khèn](media/a.jpg \"Ảnh: Kim Huệ\")
![Kéo co](media/b.jpg \"Ảnh: Kim Huệ\")
*Các môn thi đấu tại Ngày hội*

| Xã | Số hộ |
| --- | --- |
| Bản Lầu | 120 |";

/// Renditions as the photo pipeline will hand them out.
struct Renditions;

impl ImageResolver for Renditions {
    fn resolve(&self, src: &str) -> PageImage {
        let name = src.trim_start_matches("media/").trim_end_matches(".jpg");
        if src.starts_with("D:") {
            return PageImage {
                src: None,
                srcset: None,
                width: None,
                height: None,
            };
        }
        PageImage {
            src: Some(format!("../media/{name}-960.jpg")),
            srcset: Some(format!(
                "../media/{name}-480.jpg 480w, ../media/{name}-960.jpg 960w"
            )),
            width: Some(960),
            height: Some(640),
        }
    }
}

#[test]
fn sample_article_page_html() {
    insta::assert_snapshot!(render_body(SAMPLE, &Renditions));
}

#[test]
fn sample_article_for_a_portal_is_class_free() {
    let html = render_body_as(SAMPLE, &Renditions, Flavor::Portal);
    insta::assert_snapshot!(html);
    assert!(!html.contains("class="), "{html}");
    assert!(!html.contains("<u>") && !html.contains("<span"), "{html}");
}

#[test]
fn figure_variants() {
    let body = "![](media/no-alt.jpg)\n\n\
                ![Chỉ có tác giả](media/x.jpg \"Ảnh: Thu Hà\")\n\n\
                ![Ảnh trên máy](<D:\\\\Ảnh\\\\a.jpg> \"Ảnh: A\")\n*Ảnh chưa nhập vào trang*\n\n\
                Chữ trước ![giữa](media/y.jpg) chữ sau\n\n\
                ![a](media/q.jpg \"<script>\")\n*Chú thích <b>đậm</b> & \"ngoặc\"*";
    insta::assert_snapshot!(render_body(body, &Renditions));
}

/// Payloads an imported or pasted body could carry. None may leave anything
/// that runs: no script element, event handler, javascript:/data: URL, form,
/// frame, svg, math or style.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle/></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<form action=\"https://evil.example\"><input name=p><button>Gửi</button></form>",
    "<style>body{display:none}</style>",
    "<a href=\"javascript:alert(1)\">bấm</a>",
    "<a href=\" JaVaScRiPt:alert(1)\">bấm</a>",
    "<a href=\"java&#x09;script:alert(1)\">bấm</a>",
    "[bấm](javascript:alert(1))",
    "[bấm](<javascript:alert(1)>)",
    "![x](javascript:alert(1))",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<div onclick=\"alert(1)\">x</div>",
    "<body onload=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<base href=\"https://evil.example/\">",
    "<details open ontoggle=alert(1)>x</details>",
    "<video><source onerror=alert(1)></video>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    "![a](media/a.jpg \"\\\" onerror=\\\"alert(1)\")\n*x*",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    // ammonia checks schemes on src and href only.
    "<img src=\"anh/a.jpg\" srcset=\"javascript:alert(1) 1x\">",
    "<img src=\"anh/a.jpg\" srcset=\"anh/a-480.jpg 480w, data:image/svg+xml,<svg onload=alert(1)> 960w\">",
    "<img src=\"anh/a.jpg\" srcset=\"JavaScript:alert(1)\">",
];

#[test]
fn srcset_keeps_only_relative_and_app_addresses() {
    for (srcset, kept) in [
        ("../anh/a-480.jpg 480w, ../anh/a-960.jpg 960w", true),
        ("bantin://localhost/media/renditions/a-480.jpg 480w", true),
        ("https://tracker.example/p.gif 1x", false),
        ("//tracker.example/p.gif 1x", false),
        ("anh/a.jpg 1x, data:image/png;base64,AAAA 2x", false),
        ("javascript:alert(1)", false),
    ] {
        let html = render_body(
            &format!("<img src=\"anh/a.jpg\" srcset=\"{srcset}\">"),
            &AsWritten,
        );
        assert_eq!(html.contains("srcset"), kept, "{srcset}: {html}");
    }
}

/// The tags of sanitised HTML (text never holds a raw `<`: it is escaped).
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or("").to_lowercase())
        .collect()
}

const ALLOWED: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "u",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "code",
    "pre",
    "figure",
    "img",
    "figcaption",
    "span",
];

#[test]
fn hostile_corpus_leaves_nothing_that_runs() {
    assert!(HOSTILE.len() >= 24);
    for payload in HOSTILE {
        for html in [
            render_body(payload, &AsWritten),
            render_body_as(payload, &AsWritten, Flavor::Portal),
        ] {
            for tag in tags(&html) {
                let name = tag
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap_or("");
                assert!(
                    ALLOWED.contains(&name),
                    "{payload:?} left <{tag}> in {html:?}"
                );
                let attrs = tag.split_once(' ').map(|(_, a)| a).unwrap_or("");
                for bad in [
                    " on",
                    "javascript:",
                    "vbscript:",
                    "data:",
                    "style=\"background",
                ] {
                    assert!(
                        !format!(" {attrs}").contains(bad),
                        "{payload:?} left {bad:?} in <{tag}>"
                    );
                }
            }
        }
    }
}

#[test]
fn links_keep_their_text_and_open_safely() {
    let html = render_body(
        "[Cổng tỉnh](https://laocai.gov.vn) và [thư](mailto:a@b.vn)",
        &AsWritten,
    );
    assert!(
        html.contains(
            "<a href=\"https://laocai.gov.vn\" rel=\"noopener noreferrer\">Cổng tỉnh</a>"
        ),
        "{html}"
    );
    assert!(html.contains("mailto:a@b.vn"), "{html}");
}

#[test]
fn the_app_photo_address_is_never_a_link() {
    for payload in [
        "[bấm](bantin://localhost/media/renditions/a.jpg)",
        "<a href=\"bantin://localhost/media/a.jpg\">x</a>",
        "[x](BANTIN:foo)",
    ] {
        for html in [
            render_body(payload, &AsWritten),
            render_body_as(payload, &AsWritten, Flavor::Portal),
        ] {
            assert!(
                !html.to_lowercase().contains("href=\"bantin"),
                "{payload} → {html}"
            );
        }
    }
}
