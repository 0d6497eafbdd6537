//! Listing and full-text search.
//!
//! The index holds two copies of each field: folded (`hoa`, `duong`) and
//! exact lower-case NFC (`hóa`, `đường`). A query matches on the folded
//! copy, so words typed without accents, in NFD or with either tone-mark
//! style all find the article; articles that also match the exact words rank
//! first. Queries are rebuilt from their words, each quoted, so nothing a
//! user types (`"`, `*`, `:`, `AND`, `NEAR(`) reaches FTS5 as syntax.

use rusqlite::types::Value;
use rusqlite::{params, Connection, Transaction};

use crate::article::{ArticleInput, ArticlePage, ArticleSummary, ListFilter};
use crate::error::Result;
use crate::store::{byline_text, folded_byline, json_list, parse_status, MAX_PAGE};
use crate::text::{fold, nfc, words};
use crate::time_fmt::{month_range_ms, to_rfc3339};

pub(crate) fn index_article(tx: &Transaction<'_>, id: i64, input: &ArticleInput) -> Result<()> {
    tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
    let byline = byline_text(input);
    tx.execute(
        "INSERT INTO articles_fts(rowid, title_f, sapo_f, body_f, byline_f, title, sapo, body, byline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            fold(&input.title),
            fold(&input.sapo),
            fold(&input.body),
            folded_byline(input),
            input.title.to_lowercase(),
            input.sapo.to_lowercase(),
            input.body.to_lowercase(),
            byline.to_lowercase(),
        ],
    )?;
    Ok(())
}

/// Builds an FTS5 query over `columns` from the words of `text`: every word
/// must occur, the last one as a prefix so results come as the user types.
fn fts_query(columns: &str, text: &str) -> Option<String> {
    let quoted: Vec<String> = words(text)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if quoted.is_empty() {
        return None;
    }
    Some(format!("{{{columns}}} : ({}*)", quoted.join(" ")))
}

/// The folded and exact FTS5 queries for what the user typed, or `None`
/// when it holds no words.
pub fn build_queries(user_query: &str) -> Option<(String, String)> {
    let exact_text = nfc(user_query).to_lowercase();
    let folded = fts_query("title_f sapo_f body_f byline_f", &fold(user_query))?;
    let exact = fts_query("title sapo body byline", &exact_text)?;
    Some((folded, exact))
}

struct Where {
    clauses: Vec<&'static str>,
    values: Vec<Value>,
}

impl Where {
    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn filters(filter: &ListFilter) -> Result<Where> {
    let mut w = Where {
        clauses: Vec::new(),
        values: Vec::new(),
    };
    if let Some(status) = filter.status {
        w.clauses.push("a.status = ?");
        w.values.push(Value::Text(status.as_str().into()));
    }
    if let Some(path) = filter
        .category
        .as_deref()
        .and_then(crate::article::normalize_category_path)
    {
        w.clauses.push(
            "a.category_id IN (SELECT id FROM categories WHERE path = ? OR substr(path, 1, length(?) + 1) = ? || '/')",
        );
        w.values.push(Value::Text(path.clone()));
        w.values.push(Value::Text(path.clone()));
        w.values.push(Value::Text(path));
    }
    if let Some(author) = filter.author.as_deref().map(crate::text::clean_line) {
        if !author.is_empty() {
            w.clauses
                .push("a.id IN (SELECT article_id FROM article_authors WHERE name = ?)");
            w.values.push(Value::Text(author));
        }
    }
    if let Some(month) = filter.month.as_deref().filter(|m| !m.trim().is_empty()) {
        let (start, end) = month_range_ms(month)?;
        w.clauses.push("a.created_at >= ? AND a.created_at < ?");
        w.values.push(Value::Integer(start));
        w.values.push(Value::Integer(end));
    }
    Ok(w)
}

const SUMMARY_COLUMNS: &str =
    "a.id, a.title, a.slug, a.status, a.authors, c.path, a.created_at, a.updated_at";

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        slug: r.get(2)?,
        status: parse_status(r.get_ref(3)?.as_str()?),
        authors: json_list(r.get_ref(4)?.as_str()?),
        category: r.get(5)?,
        created_at: to_rfc3339(r.get(6)?),
        updated_at: to_rfc3339(r.get(7)?),
    })
}

pub(crate) fn list(conn: &Connection, filter: &ListFilter) -> Result<ArticlePage> {
    let mut w = filters(filter)?;
    let limit = i64::from(filter.limit.clamp(1, MAX_PAGE));
    let offset = i64::from(filter.offset);
    let queries = filter.query.as_deref().and_then(build_queries);

    let (count_sql, page_sql) = match &queries {
        None => {
            let where_sql = w.sql();
            (
                format!("SELECT count(*) FROM articles a {where_sql}"),
                format!(
                    "SELECT {SUMMARY_COLUMNS} FROM articles a
                     LEFT JOIN categories c ON c.id = a.category_id
                     {where_sql} ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?"
                ),
            )
        }
        Some((folded, exact)) => {
            w.clauses.insert(0, "articles_fts MATCH ?");
            w.values.insert(0, Value::Text(folded.clone()));
            let where_sql = w.sql();
            let count = format!(
                "SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid {where_sql}"
            );
            // Exact matches first, then BM25 with the title weighing most.
            let page = format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles_fts
                 JOIN articles a ON a.id = articles_fts.rowid
                 LEFT JOIN categories c ON c.id = a.category_id
                 {where_sql}
                 ORDER BY a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) DESC,
                          bm25(articles_fts, 10.0, 4.0, 1.0, 3.0, 0.0, 0.0, 0.0, 0.0),
                          a.updated_at DESC
                 LIMIT ? OFFSET ?"
            );
            w.values.push(Value::Text(exact.clone()));
            (count, page)
        }
    };

    let count_values = match &queries {
        Some(_) => &w.values[..w.values.len() - 1],
        None => &w.values[..],
    };
    let total: i64 = conn
        .prepare_cached(&count_sql)?
        .query_row(rusqlite::params_from_iter(count_values), |r| r.get(0))?;

    let mut values = w.values;
    values.push(Value::Integer(limit));
    values.push(Value::Integer(offset));
    let mut stmt = conn.prepare_cached(&page_sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(values), summary)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ArticlePage { items, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_word() {
        let (folded, exact) = build_queries("Hóa \"x\" AND NEAR( a*:b").expect("words");
        assert_eq!(
            folded,
            "{title_f sapo_f body_f byline_f} : (\"hoa\" \"x\" \"and\" \"near\" \"a\" \"b\"*)"
        );
        assert_eq!(
            exact,
            "{title sapo body byline} : (\"hóa\" \"x\" \"and\" \"near\" \"a\" \"b\"*)"
        );
        assert_eq!(build_queries(" \"*:( "), None);
    }
}
