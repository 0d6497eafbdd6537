//! The article body's Markdown dialect: CommonMark plus tables, read with the
//! same options everywhere (word counts now, rendering at export), so that
//! the editor, the counts and the published page agree on what a body says.
//!
//! Figures are plain CommonMark (see `docs/figure-syntax.md`): a paragraph of
//! images, each titled with the photo credit, and an emphasised caption line.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn options() -> Options {
    Options::ENABLE_TABLES
}

/// Words a reader sees in the body: text of paragraphs, headings, lists,
/// tables and figure captions. Image alt text and credits (image titles) are
/// not counted, nor tokens without a letter or digit (a lone "-").
pub fn word_count(body: &str) -> usize {
    let mut in_image = 0usize;
    let mut count = 0;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_image == 0 => count += count_words(&t),
            _ => {}
        }
    }
    count
}

/// Whitespace-separated tokens holding at least one letter or digit; the UI
/// counts the editor's text the same way.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_visible_words_only() {
        let body = "## Tiêu đề phụ\n\nMột **hai** ba - bốn.\n\n\
                    ![Ảnh lễ hội](media/a.jpg \"Ảnh: Kim Huệ\")\n*Người dân dự lễ*\n\n\
                    | Xã | Số hộ |\n|---|---|\n| Bản Lầu | 120 |\n";
        // 3 heading + 4 paragraph + 4 caption + 3 header cells ("Số hộ" is two) + 3 row.
        assert_eq!(word_count(body), 3 + 4 + 4 + 3 + 3);
    }

    #[test]
    fn empty_body_has_no_words() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  \n- \n"), 0);
    }
}
