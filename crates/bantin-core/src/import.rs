//! Import of Markdown files with YAML (`---`) or TOML (`+++`) front matter,
//! as written by Hugo, Zola and Jekyll, so offices can bring in old sites.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::{ArticleInput, Status};
use crate::error::{Error, Result};
use crate::files::Folder;
use crate::names::RelPath;
use crate::store::Store;
use crate::time_fmt::parse_date_ms;

#[derive(Debug, Default, Serialize)]
pub struct ImportReport {
    pub imported: Vec<Imported>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Serialize)]
pub struct Imported {
    pub file: PathBuf,
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct Skipped {
    pub file: PathBuf,
    pub reason: String,
}

/// Imports every Markdown file under `dir` in one transaction. Files that
/// cannot be read are reported, never half-imported. `status` overrides the
/// files' own draft flag.
pub fn import_dir(store: &mut Store, dir: &Path, status: Option<Status>) -> Result<ImportReport> {
    // Read through the confined layer: links (to a file outside the folder,
    // to /dev/zero), devices and pipes are never opened, and each file is
    // read only up to the limit.
    let folder = Folder::open(dir)?;
    let is_markdown = |name: &str| name.ends_with(".md") || name.ends_with(".markdown");
    let (files, refused) = folder.files_and_refusals(MAX_FILES)?;
    let mut files: Vec<RelPath> = files
        .into_iter()
        .filter(|f| is_markdown(f.as_str()))
        .collect();
    files.sort();
    let mut report = ImportReport::default();
    // What looks like an article but cannot be read safely is said, not
    // silently left out.
    for (name, reason) in refused.into_iter().filter(|(n, _)| is_markdown(n)) {
        report.skipped.push(Skipped {
            file: dir.join(&name),
            reason: reason.to_string(),
        });
    }
    let mut parsed = Vec::new();
    for rel in files {
        let file = folder.shown(&rel);
        let read = folder.read(&rel, MAX_FILE_BYTES).map_err(|e| match e {
            Error::Unsafe { reason, .. } => reason.to_string(),
            e => format!("cannot read: {e}"),
        });
        match read.and_then(|bytes| parse_bytes(&file, bytes)) {
            Ok((mut input, date)) => {
                if let Some(s) = status {
                    input.status = s;
                }
                match input.normalized() {
                    Ok(input) => parsed.push((file, input, date)),
                    Err(e) => report.skipped.push(Skipped {
                        file,
                        reason: e.to_string(),
                    }),
                }
            }
            Err(reason) => report.skipped.push(Skipped { file, reason }),
        }
    }
    let items: Vec<_> = parsed
        .iter()
        .map(|(_, input, date)| (input.clone(), *date))
        .collect();
    let ids = store.create_articles(&items)?;
    for ((file, input, _), id) in parsed.into_iter().zip(ids) {
        report.imported.push(Imported {
            file,
            id,
            title: input.title,
        });
    }
    Ok(report)
}

/// A Markdown file larger than this is not an article (the longest
/// articles are a few hundred KB with their tables).
pub const MAX_FILE_BYTES: u64 = 8 << 20;
/// Front matter is a handful of fields; more is refused before parsing.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 << 10;
/// More files than an old site has; the rest of a larger folder is ignored.
const MAX_FILES: usize = 200_000;

/// Parses one file's bytes into an article and its date; the error is the
/// reason to report for skipping it.
fn parse_bytes(
    path: &Path,
    bytes: Vec<u8>,
) -> std::result::Result<(ArticleInput, Option<i64>), String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "_index.md" {
        return Err("section index page, not an article".into());
    }
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    parse_markdown(&text)
}

pub fn parse_markdown(text: &str) -> std::result::Result<(ArticleInput, Option<i64>), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body) = split_front_matter(text)?;
    let title = string_field(&meta, &["title"]).unwrap_or_default();
    if title.trim().is_empty() {
        return Err("no title in the front matter".into());
    }
    let date = match string_field(&meta, &["date", "publishDate"]) {
        Some(d) => Some(parse_date_ms(&d).ok_or_else(|| format!("unreadable date {d:?}"))?),
        None => None,
    };
    let draft = meta.get("draft").and_then(|v| v.as_bool()).unwrap_or(false);
    let category = list_field(&meta, &["categories", "category"])
        .into_iter()
        .next();
    Ok((
        ArticleInput {
            title,
            sapo: string_field(&meta, &["sapo", "description", "summary", "excerpt"])
                .unwrap_or_default(),
            body: body.trim().to_owned(),
            authors: list_field(&meta, &["authors", "author"]),
            unit: string_field(&meta, &["unit"]).unwrap_or_default(),
            category,
            tags: list_field(&meta, &["tags"]),
            status: if draft {
                Status::Draft
            } else {
                Status::Published
            },
        },
        date,
    ))
}

/// Splits off the front matter as JSON, whichever language it was in.
fn split_front_matter(text: &str) -> std::result::Result<(serde_json::Value, &str), String> {
    let (fence, is_toml) = if text.starts_with("---") {
        ("---", false)
    } else if text.starts_with("+++") {
        ("+++", true)
    } else {
        return Err("no front matter (the file must start with --- or +++)".into());
    };
    let after = &text[3..];
    let after = after.trim_start_matches([' ', '\t', '\r']);
    let after = after
        .strip_prefix('\n')
        .ok_or("front matter fence not on its own line")?;
    let window = &after[..floor_char_boundary(after, MAX_FRONT_MATTER_BYTES + 8)];
    let end = find_closing_fence(window, fence).ok_or_else(|| {
        if after.len() > MAX_FRONT_MATTER_BYTES {
            format!(
                "front matter is not closed within {} KB",
                MAX_FRONT_MATTER_BYTES >> 10
            )
        } else {
            "front matter is not closed".to_owned()
        }
    })?;
    let raw = &after[..end];
    if raw.len() > MAX_FRONT_MATTER_BYTES {
        return Err(format!(
            "front matter larger than {} KB",
            MAX_FRONT_MATTER_BYTES >> 10
        ));
    }
    let rest = &after[end + fence.len()..];
    let body = rest.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let meta: serde_json::Value = if is_toml {
        let v: toml::Value =
            toml::from_str(raw).map_err(|e| format!("bad TOML front matter: {e}"))?;
        serde_json::to_value(v).map_err(|e| e.to_string())?
    } else {
        let v: serde_yaml::Value =
            serde_yaml::from_str(raw).map_err(|e| format!("bad YAML front matter: {e}"))?;
        serde_json::to_value(v).map_err(|e| e.to_string())?
    };
    if !meta.is_object() {
        return Err("front matter is not a table of fields".into());
    }
    Ok((meta, body))
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn find_closing_fence(s: &str, fence: &str) -> Option<usize> {
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

fn scalar_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        // TOML dates arrive as a tagged table.
        serde_json::Value::Object(o) => o
            .get("$__toml_private_datetime")
            .and_then(|d| d.as_str())
            .map(str::to_owned),
        _ => None,
    }
}

fn string_field(meta: &serde_json::Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| meta.get(*k))
        .find_map(scalar_string)
}

/// A list field that may also be written as one string ("Kim Huệ").
fn list_field(meta: &serde_json::Value, keys: &[&str]) -> Vec<String> {
    // Zola keeps tags and categories under [taxonomies].
    let taxonomies = meta.get("taxonomies");
    for key in keys {
        let value = meta
            .get(*key)
            .or_else(|| taxonomies.and_then(|t| t.get(*key)));
        match value {
            Some(serde_json::Value::Array(items)) => {
                return items.iter().filter_map(scalar_string).collect()
            }
            Some(v) => {
                if let Some(s) = scalar_string(v) {
                    return vec![s];
                }
            }
            None => {}
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_yaml() {
        let (a, date) = parse_markdown(
            "---\ntitle: \"Khai mạc hội chợ\"\ndate: 2022-04-15T08:00:00+07:00\nauthors: [Kim Huệ, Tùng Lâm]\ntags: [hội chợ]\ncategories: [Tin tức]\ndescription: Sáng 15/4…\ndraft: true\n---\n\nNội dung.\n",
        )
        .expect("parses");
        assert_eq!(a.title, "Khai mạc hội chợ");
        assert_eq!(a.authors, ["Kim Huệ", "Tùng Lâm"]);
        assert_eq!(a.category.as_deref(), Some("Tin tức"));
        assert_eq!(a.sapo, "Sáng 15/4…");
        assert_eq!(a.status, Status::Draft);
        assert_eq!(a.body, "Nội dung.");
        assert!(date.is_some());
    }

    #[test]
    fn zola_toml() {
        let (a, date) = parse_markdown(
            "+++\ntitle = \"Ngày hội văn hóa\"\ndate = 2023-01-02\ndescription = \"Tóm tắt\"\n[taxonomies]\ntags = [\"văn hóa\"]\n+++\nThân bài\n",
        )
        .expect("parses");
        assert_eq!(a.title, "Ngày hội văn hóa");
        assert_eq!(a.sapo, "Tóm tắt");
        assert_eq!(a.tags, ["văn hóa"]);
        assert_eq!(a.status, Status::Published);
        assert_eq!(
            crate::time_fmt::to_rfc3339(date.expect("date")),
            "2023-01-01T17:00:00Z"
        );
    }

    #[test]
    fn jekyll_single_author() {
        let (a, _) = parse_markdown("---\nlayout: post\ntitle: Tin ngắn\nauthor: Tùng Lâm\n---\nx")
            .expect("parses");
        assert_eq!(a.authors, ["Tùng Lâm"]);
    }

    #[test]
    fn reasons_for_skipping() {
        let cases = [
            ("Chỉ có nội dung", "no front matter"),
            ("---\ntitle: x\n", "not closed"),
            ("---\ndate: 2022-01-01\n---\nx", "no title"),
            ("---\ntitle: [unclosed\n---\n", "bad YAML"),
            ("+++\ntitle = \n+++\n", "bad TOML"),
            ("---\ntitle: x\ndate: hôm qua\n---\n", "unreadable date"),
        ];
        for (text, want) in cases {
            let err = parse_markdown(text).expect_err(text);
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
