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

/// (Re)indexes an article; `is_new` skips removing an entry that cannot exist.
pub(crate) fn index_article(
    tx: &Transaction<'_>,
    id: i64,
    input: &ArticleInput,
    is_new: bool,
) -> Result<()> {
    if !is_new {
        tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", [id])?;
    }
    let byline = byline_text(input);
    tx.prepare_cached(
        "INSERT INTO articles_fts(rowid, title_f, sapo_f, body_f, byline_f, title, byline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        fold(&input.title),
        fold(&input.sapo),
        fold(&input.body),
        folded_byline(input),
        input.title.to_lowercase(),
        byline.to_lowercase(),
    ])?;
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
    let exact = fts_query("title byline", &exact_text)?;
    Some((folded, exact))
}

/// One filter as SQL over `articles a`, in two shapes: `page` suits a scan
/// of the list index in order (probe per row), `count` suits counting all
/// matches (look up by the filter's own index).
struct Clause {
    page: &'static str,
    count: &'static str,
    values: Vec<Value>,
    is_author: bool,
}

fn clauses(filter: &ListFilter) -> Result<Vec<Clause>> {
    let mut out = Vec::new();
    if let Some(status) = filter.status {
        let sql = "a.status = ?";
        out.push(Clause {
            page: sql,
            count: sql,
            values: vec![Value::Text(status.as_str().into())],
            is_author: false,
        });
    }
    if let Some(path) = filter
        .category
        .as_deref()
        .and_then(crate::article::normalize_category_path)
    {
        let sql = "a.category_id IN (SELECT id FROM categories
                    WHERE path = ? OR substr(path, 1, length(?) + 1) = ? || '/')";
        out.push(Clause {
            page: sql,
            count: sql,
            values: vec![
                Value::Text(path.clone()),
                Value::Text(path.clone()),
                Value::Text(path),
            ],
            is_author: false,
        });
    }
    if let Some(author) = filter.author.as_deref().map(crate::text::clean_line) {
        if !author.is_empty() {
            out.push(Clause {
                page: "EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.name = ?)",
                count: "a.id IN (SELECT article_id FROM article_authors WHERE name = ?)",
                values: vec![Value::Text(author)],
                is_author: true,
            });
        }
    }
    if let Some(month) = filter.month.as_deref().filter(|m| !m.trim().is_empty()) {
        let (start, end) = month_range_ms(month)?;
        let sql = "a.created_at >= ? AND a.created_at < ?";
        out.push(Clause {
            page: sql,
            count: sql,
            values: vec![Value::Integer(start), Value::Integer(end)],
            is_author: false,
        });
    }
    Ok(out)
}

/// `AND`-joins the chosen shape of each clause after `first` (if any).
fn where_sql(
    first: Option<&str>,
    clauses: &[Clause],
    shape: fn(&Clause) -> &'static str,
) -> String {
    let parts: Vec<&str> = first.into_iter().chain(clauses.iter().map(shape)).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", parts.join(" AND "))
    }
}

fn values<'a>(first: Option<&'a Value>, clauses: &'a [Clause]) -> Vec<&'a Value> {
    first
        .into_iter()
        .chain(clauses.iter().flat_map(|c| c.values.iter()))
        .collect()
}

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

fn count(conn: &Connection, queries: Option<&Value>, clauses: &[Clause]) -> Result<i64> {
    // The common cases get the cheapest plan: no join at all.
    let sql = match (queries, clauses) {
        (Some(_), []) => "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?".to_owned(),
        (None, [only]) if only.is_author => {
            "SELECT count(*) FROM article_authors WHERE name = ?".to_owned()
        }
        (Some(_), _) => format!(
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid {}",
            where_sql(Some("articles_fts MATCH ?"), clauses, |c| c.count)
        ),
        (None, _) => format!(
            "SELECT count(*) FROM articles a {}",
            where_sql(None, clauses, |c| c.count)
        ),
    };
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(values(queries, clauses)), |r| {
            r.get(0)
        })?)
}

/// The ids of one page, in order. Only ids are paged so that skipping to a
/// deep offset walks an index, not article rows.
fn page_ids(
    conn: &Connection,
    queries: Option<(&Value, &Value)>,
    clauses: &[Clause],
    limit: i64,
    offset: i64,
) -> Result<Vec<i64>> {
    let (sql, mut vals) = match queries {
        None => (
            format!(
                "SELECT a.id FROM articles a {} ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?",
                where_sql(None, clauses, |c| c.page)
            ),
            values(None, clauses),
        ),
        // Exact matches first, then BM25 with the title weighing most.
        Some((folded, exact)) => {
            let mut v = values(Some(folded), clauses);
            v.push(exact);
            (
                format!(
                    "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid {}
                     ORDER BY a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) DESC,
                              bm25(articles_fts, 10.0, 4.0, 1.0, 3.0, 0.0, 0.0),
                              a.updated_at DESC
                     LIMIT ? OFFSET ?",
                    where_sql(Some("articles_fts MATCH ?"), clauses, |c| c.page)
                ),
                v,
            )
        }
    };
    let limit = Value::Integer(limit);
    let offset = Value::Integer(offset);
    vals.push(&limit);
    vals.push(&offset);
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map(rusqlite::params_from_iter(vals), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn summaries(conn: &Connection, ids: &[i64]) -> Result<Vec<ArticleSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; ids.len()].join(",");
    let sql = format!(
        "SELECT a.id, a.title, a.slug, a.status, a.authors, c.path, a.created_at, a.updated_at
         FROM articles a LEFT JOIN categories c ON c.id = a.category_id
         WHERE a.id IN ({placeholders})"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut by_id: std::collections::HashMap<i64, ArticleSummary> = stmt
        .query_map(rusqlite::params_from_iter(ids), summary)?
        .map(|r| r.map(|s| (s.id, s)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

pub(crate) fn list(conn: &Connection, filter: &ListFilter) -> Result<ArticlePage> {
    let clauses = clauses(filter)?;
    let limit = i64::from(filter.limit.clamp(1, MAX_PAGE));
    let offset = i64::from(filter.offset);
    let queries = filter
        .query
        .as_deref()
        .and_then(build_queries)
        .map(|(f, e)| (Value::Text(f), Value::Text(e)));
    let total = count(conn, queries.as_ref().map(|q| &q.0), &clauses)?;
    let ids = page_ids(
        conn,
        queries.as_ref().map(|(f, e)| (f, e)),
        &clauses,
        limit,
        offset,
    )?;
    Ok(ArticlePage {
        items: summaries(conn, &ids)?,
        total,
    })
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
            "{title byline} : (\"hóa\" \"x\" \"and\" \"near\" \"a\" \"b\"*)"
        );
        assert_eq!(build_queries(" \"*:( "), None);
    }
}
