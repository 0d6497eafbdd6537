//! Article body: stored Markdown → sanitised HTML, the same bytes for the
//! preview and the export. Figures (docs/figure-syntax.md) become `<figure>`
//! with caption and credit; everything authored passes an allow-list.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{html, Event, Parser, Tag, TagEnd};

/// What a figure's image source becomes on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageImage {
    /// URL relative to the page, or `None` when the photo cannot be published
    /// (a file outside the site): the figure keeps its caption, without image.
    pub src: Option<String>,
    pub srcset: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Maps a figure's stored source (`media/…` or a path) to what the page shows.
pub trait ImageResolver {
    fn resolve(&self, src: &str) -> PageImage;
}

/// Keeps sources as written; for tests and for bodies without photos.
pub struct AsWritten;

impl ImageResolver for AsWritten {
    fn resolve(&self, src: &str) -> PageImage {
        PageImage {
            src: Some(src.to_owned()),
            srcset: None,
            width: None,
            height: None,
        }
    }
}

/// Photos are published only as renditions (never originals), which the
/// photo pipeline makes; until a photo has them its figure keeps the caption
/// and credit without the image.
pub struct NoImages;

impl ImageResolver for NoImages {
    fn resolve(&self, _src: &str) -> PageImage {
        PageImage {
            src: None,
            srcset: None,
            width: None,
            height: None,
        }
    }
}

#[derive(Debug, Default, PartialEq)]
struct Figure {
    images: Vec<(String, String)>, // (src, alt)
    caption: String,
    credit: String,
}

/// Who reads the HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// A page of the exported site (and its preview): the theme styles
    /// `figure.gallery` and `span.credit`.
    Page,
    /// A portal's rich-text field: class-free, the credit after the caption.
    Portal,
}

/// Renders a body for a page. The output is sanitised whatever the input.
pub fn render_body(markdown: &str, images: &dyn ImageResolver) -> String {
    render_body_as(markdown, images, Flavor::Page)
}

pub fn render_body_as(markdown: &str, images: &dyn ImageResolver, flavor: Flavor) -> String {
    let events: Vec<Event<'_>> =
        Parser::new_ext(markdown, bantin_core::markdown::options()).collect();
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    // Runs of ordinary events go to pulldown-cmark's writer in one call: it
    // keeps state across them (a table's header row vs its body rows).
    let mut pending: Vec<Event<'_>> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Paragraph) = events[i] {
            let end = paragraph_end(&events, i);
            if let Some(figure) = as_figure(&events[i + 1..end]) {
                html::push_html(&mut out, pending.drain(..));
                write_figure(&mut out, &figure, images, flavor);
                i = end + 1;
                continue;
            }
        }
        pending.extend(resolve_inline_image(&events[i], images));
        i += 1;
    }
    html::push_html(&mut out, pending.into_iter());
    sanitize(&out, flavor)
}

/// An image inside running text points where the figure's would; one that
/// cannot be published is left out (its alt text stays as text).
fn resolve_inline_image<'a>(event: &Event<'a>, images: &dyn ImageResolver) -> Option<Event<'a>> {
    match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let src = images.resolve(dest_url).src?;
            Some(Event::Start(Tag::Image {
                link_type: *link_type,
                dest_url: src.into(),
                title: title.clone(),
                id: id.clone(),
            }))
        }
        other => Some(other.clone()),
    }
}

fn paragraph_end(events: &[Event<'_>], start: usize) -> usize {
    let mut depth = 0;
    for (j, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Paragraph) => depth += 1,
            Event::End(TagEnd::Paragraph) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn is_blank(e: &Event<'_>) -> bool {
    match e {
        Event::SoftBreak => true,
        Event::Text(t) => t.trim().is_empty(),
        _ => false,
    }
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The editor's rule: images (one per line), then optionally one emphasised
/// line that is the whole rest of the paragraph.
fn as_figure(inner: &[Event<'_>]) -> Option<Figure> {
    let mut figure = Figure::default();
    let mut i = 0;
    while i < inner.len() {
        match &inner[i] {
            e if is_blank(e) => i += 1,
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let close = inner[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Image)))?
                    + i;
                figure
                    .images
                    .push((dest_url.to_string(), plain_text(&inner[i + 1..close])));
                if figure.credit.is_empty() {
                    figure.credit = title.trim().to_owned();
                }
                i = close + 1;
            }
            Event::Start(Tag::Emphasis) if !figure.images.is_empty() => {
                let rest = &inner[i..];
                let last = rest.iter().rposition(|e| !is_blank(e))?;
                if !matches!(rest[last], Event::End(TagEnd::Emphasis)) {
                    return None;
                }
                let body = &rest[1..last];
                let mut depth = 0i32;
                for e in body {
                    match e {
                        Event::Start(Tag::Emphasis) => depth += 1,
                        Event::End(TagEnd::Emphasis) => depth -= 1,
                        Event::Start(Tag::Image { .. }) => return None,
                        _ => {}
                    }
                    if depth < 0 {
                        return None;
                    }
                }
                figure.caption = plain_text(body);
                break;
            }
            _ => return None,
        }
    }
    (!figure.images.is_empty()).then_some(figure)
}

/// Text or an attribute value in HTML or XML: the five special characters.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing to a String cannot fail.
    let _ = escape_to(&mut out, s);
    out
}

/// `escape`, written to `out` a run of ordinary text at a time: every page
/// escapes dozens of titles, and the special characters are all ASCII, so
/// the runs between them are whole UTF-8 text.
pub(crate) fn escape_to(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        out.write_str(entity)?;
        start = i + 1;
    }
    out.write_str(&s[start..])
}

fn write_figure(out: &mut String, figure: &Figure, images: &dyn ImageResolver, flavor: Flavor) {
    let class = if figure.images.len() > 1 && flavor == Flavor::Page {
        " class=\"gallery\""
    } else {
        ""
    };
    out.push_str(&format!("<figure{class}>\n"));
    for (src, alt) in &figure.images {
        let image = images.resolve(src);
        let Some(url) = image.src else { continue };
        out.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\"",
            escape(&url),
            escape(alt)
        ));
        if let Some(srcset) = &image.srcset {
            out.push_str(&format!(
                " srcset=\"{}\" sizes=\"(max-width: 800px) 100vw, 800px\"",
                escape(srcset)
            ));
        }
        if let (Some(w), Some(h)) = (image.width, image.height) {
            out.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
        }
        out.push_str(" loading=\"lazy\">\n");
    }
    if !figure.caption.is_empty() || !figure.credit.is_empty() {
        out.push_str("<figcaption>");
        out.push_str(&escape(&figure.caption));
        if !figure.credit.is_empty() {
            match flavor {
                Flavor::Page => {
                    if !figure.caption.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&format!(
                        "<span class=\"credit\">{}</span>",
                        escape(&figure.credit)
                    ));
                }
                Flavor::Portal if figure.caption.is_empty() => {
                    out.push_str(&escape(&figure.credit))
                }
                Flavor::Portal => out.push_str(&format!(" ({})", escape(&figure.credit))),
            }
        }
        out.push_str("</figcaption>\n");
    }
    out.push_str("</figure>\n");
}

const PAGE_TAGS: &[&str] = &[
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
const PAGE_ONLY_TAGS: &[&str] = &["u", "hr", "code", "pre", "span"];

/// The allow-list. Never widened to svg, math, style, iframe or forms: what
/// a writer pastes or imports must not run on the published site.
fn sanitize(html: &str, flavor: Flavor) -> String {
    // Building the allow-list costs as much as cleaning an article with it:
    // it is built once per flavour and kept, never changed.
    static PAGE: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| allow_list(Flavor::Page));
    static PORTAL: LazyLock<ammonia::Builder<'static>> =
        LazyLock::new(|| allow_list(Flavor::Portal));
    let builder = match flavor {
        Flavor::Page => &PAGE,
        Flavor::Portal => &PORTAL,
    };
    builder.clean(html).to_string()
}

/// A `srcset` whose every candidate is a relative address (`../anh/…`)
/// or the app's photo address, as our renderer writes them.
fn srcset_is_ours(srcset: &str) -> bool {
    srcset.split(',').all(|candidate| {
        let url = candidate.split_whitespace().next().unwrap_or("");
        let lower = url.to_ascii_lowercase();
        let relative = !url.starts_with("//")
            && !url.starts_with('\\')
            && !url.split('/').next().unwrap_or("").contains(':');
        relative || lower.starts_with("bantin:") || lower.starts_with("http://bantin.localhost/")
    })
}

fn allow_list(flavor: Flavor) -> ammonia::Builder<'static> {
    let classes: std::collections::HashMap<&str, HashSet<&str>> = match flavor {
        Flavor::Page => [
            ("figure", ["gallery"].into_iter().collect()),
            ("span", ["credit"].into_iter().collect()),
        ]
        .into_iter()
        .collect(),
        Flavor::Portal => Default::default(),
    };
    // Portals get the same structure minus what common portal editors (CKEditor,
    // TinyMCE) drop or mangle when pasted into.
    let tags: HashSet<&str> = PAGE_TAGS
        .iter()
        .copied()
        .filter(|t| flavor == Flavor::Page || !PAGE_ONLY_TAGS.contains(t))
        .collect();
    let cell_attrs: HashSet<&str> = match flavor {
        Flavor::Page => ["colspan", "rowspan", "style"].into_iter().collect(),
        Flavor::Portal => ["colspan", "rowspan"].into_iter().collect(),
    };
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(["script", "style"].into_iter().collect())
        .tag_attributes(
            [
                ("a", ["href", "title"].into_iter().collect()),
                (
                    "img",
                    [
                        "src", "alt", "srcset", "sizes", "width", "height", "loading",
                    ]
                    .into_iter()
                    .collect(),
                ),
                ("ol", ["start"].into_iter().collect()),
                ("th", cell_attrs.clone()),
                ("td", cell_attrs),
            ]
            .into_iter()
            .collect(),
        )
        .allowed_classes(classes)
        .filter_style_properties(["text-align"].into_iter().collect())
        // `bantin:` is the app's read-only photo address, which the preview's
        // resolver writes into `img`; it is no use in a link, so never kept there.
        .url_schemes(["http", "https", "mailto", "bantin"].into_iter().collect())
        .attribute_filter(|element, attribute, value| {
            let app_address = value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("bantin:");
            if app_address && !(element == "img" && matches!(attribute, "src" | "srcset")) {
                None
            } else if attribute == "srcset" && !srcset_is_ours(value) {
                // ammonia checks schemes on `src` and `href` only; a
                // `srcset` could still load `javascript:`, `data:` or a
                // tracker from anywhere.
                None
            } else {
                Some(value.into())
            }
        })
        .link_rel(Some("noopener noreferrer"))
        .url_relative(ammonia::UrlRelative::PassThrough);
    builder
}
