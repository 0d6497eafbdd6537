//! Article types shared by the store, the CLI and the app.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::{clean_line, nfc};

/// Longest title accepted; portals cut titles far shorter, but a hard limit
/// keeps a pasted body from landing in the title field unnoticed.
pub const MAX_TITLE_CHARS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Published,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }
}

impl std::str::FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "draft" => Ok(Status::Draft),
            "published" => Ok(Status::Published),
            other => Err(Error::invalid(
                "status",
                format!("unknown status {other:?} (use draft or published)"),
            )),
        }
    }
}

/// What a writer edits. The store derives the slug and timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ArticleInput {
    pub title: String,
    pub sapo: String,
    /// Markdown.
    pub body: String,
    /// The byline, in the order it is printed.
    pub authors: Vec<String>,
    /// The unit line printed after the authors.
    pub unit: String,
    /// A category path such as `Tin tức/Kinh tế`; created when new.
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub status: Status,
}

impl Default for ArticleInput {
    fn default() -> Self {
        ArticleInput {
            title: String::new(),
            sapo: String::new(),
            body: String::new(),
            authors: Vec::new(),
            unit: String::new(),
            category: None,
            tags: Vec::new(),
            status: Status::Draft,
        }
    }
}

impl ArticleInput {
    /// NFC-normalises and trims every field, drops empty list items and
    /// duplicates, and checks what must hold before anything is stored.
    pub fn normalized(&self) -> Result<ArticleInput> {
        let title = clean_line(&self.title);
        if title.is_empty() {
            return Err(Error::invalid("title", "the title is empty"));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(Error::invalid(
                "title",
                format!("the title is longer than {MAX_TITLE_CHARS} characters"),
            ));
        }
        let category = match &self.category {
            Some(c) => normalize_category_path(c),
            None => None,
        };
        Ok(ArticleInput {
            title,
            sapo: nfc(self.sapo.trim()),
            body: nfc(&self.body),
            authors: clean_list(&self.authors),
            unit: clean_line(&self.unit),
            category,
            tags: clean_list(&self.tags),
            status: self.status,
        })
    }
}

/// Cleaned, without empties and repeats, first occurrence kept; linear, so
/// an imported file with thousands of tags costs nothing.
fn clean_list(items: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .iter()
        .map(|item| clean_line(item))
        .filter(|item| !item.is_empty() && seen.insert(item.clone()))
        .collect()
}

/// `" Tin tức / Kinh tế "` → `Some("Tin tức/Kinh tế")`; empty → `None`.
pub fn normalize_category_path(path: &str) -> Option<String> {
    let parts: Vec<String> = path
        .split('/')
        .map(clean_line)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("/"))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Article {
    pub id: i64,
    pub title: String,
    pub sapo: String,
    pub body: String,
    pub authors: Vec<String>,
    pub unit: String,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub status: Status,
    pub slug: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_at: String,
    pub revision_id: i64,
}

/// The byline as portals print it: "Kim Huệ - Tùng Lâm - <unit>".
pub fn byline(authors: &[String], unit: &str) -> String {
    let mut parts: Vec<&str> = authors.iter().map(String::as_str).collect();
    if !unit.is_empty() {
        parts.push(unit);
    }
    parts.join(" - ")
}

impl Article {
    pub fn byline(&self) -> String {
        byline(&self.authors, &self.unit)
    }

    pub fn input(&self) -> ArticleInput {
        ArticleInput {
            title: self.title.clone(),
            sapo: self.sapo.clone(),
            body: self.body.clone(),
            authors: self.authors.clone(),
            unit: self.unit.clone(),
            category: self.category.clone(),
            tags: self.tags.clone(),
            status: self.status,
        }
    }
}

/// One row of a list or search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub slug: String,
    pub status: Status,
    pub authors: Vec<String>,
    pub category: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ArticlePage {
    pub items: Vec<ArticleSummary>,
    /// How many articles match the filter in all.
    pub total: i64,
    /// The query as its decoded words spell it (`hội nghị`), when words of
    /// it were typed with the input method off (`hooij nghij`) and searched
    /// decoded; shown as "Kết quả cho: hội nghị".
    pub decoded_query: Option<String>,
}

/// Filters for listing and searching. `query` switches from newest-first to
/// relevance order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListFilter {
    pub query: Option<String>,
    pub status: Option<Status>,
    /// A category path; its sub-categories are included.
    pub category: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM`, by creation date in Vietnam's time zone.
    pub month: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

impl Default for ListFilter {
    fn default() -> Self {
        ListFilter {
            query: None,
            status: None,
            category: None,
            author: None,
            month: None,
            limit: 50,
            offset: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Category {
    pub path: String,
    pub name: String,
    /// 0 for a top-level category.
    pub depth: u32,
    pub article_count: i64,
}

/// A month that has articles, for the month filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthCount {
    /// `YYYY-MM`, in Vietnam's time zone.
    pub month: String,
    pub article_count: i64,
}

/// How a revision came to be, shown in the revision panel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SaveKind {
    /// The writer saved (Ctrl+S, the Save button, a script).
    #[default]
    Save,
    /// The editor saved on its own after typing stopped, on blur or close.
    Autosave,
    /// An older revision was brought back.
    Restore,
}

impl SaveKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SaveKind::Save => "save",
            SaveKind::Autosave => "autosave",
            SaveKind::Restore => "restore",
        }
    }

    pub(crate) fn parse(s: &str) -> SaveKind {
        match s {
            "autosave" => SaveKind::Autosave,
            "restore" => SaveKind::Restore,
            _ => SaveKind::Save,
        }
    }
}

/// Who saves and how; recorded on the revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveMeta {
    /// The writer's name from the app's preferences; may be empty.
    pub saved_by: String,
    pub kind: SaveKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RevisionSummary {
    pub id: i64,
    pub created_at: String,
    pub title: String,
    pub saved_by: String,
    pub kind: SaveKind,
    /// Words in the body, counted as `markdown::word_count` does.
    pub word_count: i64,
}

/// One saved version of an article, in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Revision {
    pub summary: RevisionSummary,
    pub article_id: i64,
    pub input: ArticleInput,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_cleans_fields() {
        let input = ArticleInput {
            title: "  Ho\u{0301}a  ".into(),
            authors: vec![
                "Kim Huệ ".into(),
                "".into(),
                "Kim Huệ".into(),
                "Tùng Lâm".into(),
            ],
            category: Some(" Tin tức /  / Kinh tế ".into()),
            tags: vec![" văn hóa".into()],
            ..Default::default()
        };
        let n = input.normalized().expect("valid");
        assert_eq!(n.title, "Hóa");
        assert_eq!(n.authors, ["Kim Huệ", "Tùng Lâm"]);
        assert_eq!(n.category.as_deref(), Some("Tin tức/Kinh tế"));
        assert_eq!(n.tags, ["văn hóa"]);
    }

    #[test]
    fn empty_or_huge_title_is_refused() {
        let empty = ArticleInput {
            title: " \n".into(),
            ..Default::default()
        };
        assert!(matches!(
            empty.normalized(),
            Err(Error::Invalid { field: "title", .. })
        ));
        let huge = ArticleInput {
            title: "a".repeat(MAX_TITLE_CHARS + 1),
            ..Default::default()
        };
        assert!(matches!(
            huge.normalized(),
            Err(Error::Invalid { field: "title", .. })
        ));
    }

    #[test]
    fn status_parses() {
        assert_eq!(
            "published".parse::<Status>().expect("ok"),
            Status::Published
        );
        assert!("review".parse::<Status>().is_err());
    }
}
