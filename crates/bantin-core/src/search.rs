//! Listing and full-text search.
//!
//! The index holds folded copies of title, sapo, body and byline (`hoa`,
//! `duong`) and the exact lower-case NFC title and byline (`hóa`, `đường`).
//! A query matches on the folded copies, so words typed without accents, in
//! NFD, with either tone-mark style or either i/y spelling (`kỹ`/`kĩ`) all
//! find the article. A word the index lacks that was typed as raw Telex,
//! VNI or VIQR keys (`hooij`) is also looked for as the syllable it spells,
//! and the page says so (`decoded_query`). Results come in
//! three tiers, newest (highest id) first within each: exact matches in the
//! title or byline, then title matches, then matches anywhere. Tiers are
//! cheap set lookups in the index; BM25 over every match was measured at
//! 100,000 articles to cost 30–90 ms for common words, over the 50 ms budget.
//!
//! Queries are rebuilt from their words, each quoted, so nothing a user types
//! (`"`, `*`, `:`, `AND`, `NEAR(`) reaches FTS5 as syntax.

use rusqlite::types::Value;
use rusqlite::{params, Connection, Transaction};

use crate::article::{ArticleInput, ArticlePage, ArticleSummary, ListFilter};
use crate::error::Result;
use crate::store::{byline_text, json_list, parse_status, MAX_PAGE};
use crate::text::{nfc, search_fold, words, y_prefix_form};
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
        search_fold(&input.title),
        search_fold(&input.sapo),
        search_fold(&input.body),
        search_fold(&byline),
        input.title.to_lowercase(),
        byline.to_lowercase(),
    ])?;
    Ok(())
}

/// One space-separated piece of the query: the words it stands for, as one
/// or more alternatives (what was typed, and what it decodes to). Every
/// word of one alternative must occur.
type Term = Vec<Vec<String>>;

/// Folds every article's index entry and every photo's search key again:
/// the migration for a change of [`search_fold`]. Articles are read one at
/// a time, so a site of 100,000 articles never holds its bodies at once.
pub(crate) fn refold_all(tx: &Transaction<'_>) -> Result<()> {
    tx.execute(
        "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')",
        [],
    )?;
    let mut stmt = tx.prepare(&crate::store::article_query("r.body", ""))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let article = crate::store::article_row(row)?;
        index_article(tx, article.id, &article.input(), true)?;
    }
    let media: Vec<(i64, String, crate::media::MediaText)> = tx
        .prepare("SELECT id, file_name, caption, credit, alt FROM media")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                crate::media::MediaText {
                    caption: r.get(2)?,
                    credit: r.get(3)?,
                    alt: r.get(4)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE media SET search_key = ?2 WHERE id = ?1")?;
    for (id, file_name, text) in media {
        update.execute(params![id, crate::media::search_key(&file_name, &text)])?;
    }
    Ok(())
}

/// Builds an FTS5 query over `columns` from `terms`: every term must occur,
/// and the last word, while being typed, as a prefix (when `prefix`). A
/// one-letter prefix would match nearly every article, so it stays a whole
/// word.
fn fts_query(columns: &str, terms: &[Term], prefix: bool) -> Option<String> {
    let terms: Vec<&Term> = terms
        .iter()
        .filter(|t| t.iter().all(|a| !a.is_empty()))
        .collect();
    if terms.is_empty() {
        return None;
    }
    let quote = |w: &str, prefix: bool| {
        let star = if prefix && w.chars().count() >= 2 {
            "*"
        } else {
            ""
        };
        format!("\"{}\"{star}", w.replace('"', "\"\""))
    };
    let render = |term: &Term, is_last: bool| -> Vec<String> {
        term.iter()
            .map(|alt| {
                let n = alt.len();
                let words: Vec<String> = alt
                    .iter()
                    .enumerate()
                    .map(|(i, w)| quote(w, is_last && i + 1 == n))
                    .collect();
                words.join(" ")
            })
            .collect()
    };
    let simple = terms.iter().all(|t| t.len() == 1);
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let alts = render(t, prefix && i + 1 == terms.len());
            if simple {
                alts.join("")
            } else if alts.len() == 1 {
                format!("({})", alts[0])
            } else {
                let alts: Vec<String> = alts.iter().map(|a| format!("({a})")).collect();
                format!("({})", alts.join(" OR "))
            }
        })
        .collect();
    // FTS5 takes `"a" "b"` as AND, but not after a parenthesised group.
    let joint = if simple { " " } else { " AND " };
    Some(format!("{{{columns}}} : ({})", parts.join(joint)))
}

/// The FTS5 queries for what the user typed, or `None` when it holds no
/// words.
#[derive(Debug, PartialEq)]
pub struct Queries {
    /// Selects the matches: folded words anywhere.
    pub folded: String,
    /// First tier: the exact words in the title or byline.
    pub exact: String,
    /// Second tier: the folded words in the title.
    pub title: String,
    /// The query as its decoded words spell it (`hội nghị` for `hooij
    /// nghij`), when a word typed with the input method off was decoded.
    pub decoded: Option<String>,
}

const FOLDED_COLUMNS: &str = "title_f sapo_f body_f byline_f";

/// The queries for `user_query` as typed; see [`build_queries_with`].
pub fn build_queries(user_query: &str) -> Option<Queries> {
    build_queries_with(user_query, |_| Ok(true)).ok().flatten()
}

/// The queries for `user_query`. A piece typed as raw Telex, VNI or VIQR
/// keys (`hooij`) that `is_known` says the index does not hold (it is given
/// the folded query for that piece alone) is searched as typed or decoded.
pub fn build_queries_with(
    user_query: &str,
    mut is_known: impl FnMut(&str) -> Result<bool>,
) -> Result<Option<Queries>> {
    let pieces: Vec<&str> = user_query
        .split_whitespace()
        .filter(|p| words(p).next().is_some())
        .collect();
    let mut folded: Vec<Term> = Vec::new();
    let mut exact: Vec<Term> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    let mut any_decoded = false;
    for (i, piece) in pieces.iter().enumerate() {
        let is_last = i + 1 == pieces.len();
        let own = |s: &str| -> Vec<String> { words(s).map(str::to_owned).collect() };
        let mut f_term = vec![own(&search_fold(piece))];
        let mut e_term = vec![own(&nfc(piece).to_lowercase())];
        // A last word being typed may be the start of a longer one: `quy`
        // of `quyết` is `qui` as a whole word, so look for both.
        if is_last {
            if let Some(plain) = y_prefix_form(piece) {
                f_term.push(own(&plain));
            }
        }
        let mut shown_piece = nfc(piece);
        if let Some(decoded) = crate::typing::decode_word(piece) {
            // As the piece is searched: the last one as a prefix.
            let alone = fts_query(FOLDED_COLUMNS, &[f_term.clone()], is_last);
            let known = match alone {
                Some(q) => is_known(&q)?,
                None => true,
            };
            if !known {
                f_term.push(own(&search_fold(&decoded)));
                e_term.push(own(&decoded.to_lowercase()));
                // Titles are written in both tone styles (`hòa`, `hoà`).
                if let Some(other) = crate::typing::other_tone_style(&decoded) {
                    e_term.push(own(&other.to_lowercase()));
                }
                shown_piece = decoded;
                any_decoded = true;
            }
        }
        folded.push(f_term);
        exact.push(e_term);
        shown.push(shown_piece);
    }
    let Some(folded_q) = fts_query(FOLDED_COLUMNS, &folded, true) else {
        return Ok(None);
    };
    Ok(Some(Queries {
        folded: folded_q,
        exact: fts_query("title byline", &exact, true).unwrap_or_default(),
        title: fts_query("title_f", &folded, true).unwrap_or_default(),
        decoded: any_decoded.then(|| shown.join(" ")),
    }))
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
        slug: crate::media::checked(r, 2, crate::names::check_slug)?,
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

/// The ids of one page of the article list, newest (by creation date) first. Only ids are
/// paged so that skipping to a deep offset walks an index, not article rows.
fn list_page_ids(
    conn: &Connection,
    clauses: &[Clause],
    limit: i64,
    offset: i64,
) -> Result<Vec<i64>> {
    let sql = format!(
        "SELECT a.id FROM articles a {} ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?",
        where_sql(None, clauses, |c| c.page)
    );
    let (limit, offset) = (Value::Integer(limit), Value::Integer(offset));
    let mut vals = values(None, clauses);
    vals.push(&limit);
    vals.push(&offset);
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt
        .query_map(rusqlite::params_from_iter(vals), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// The ids of one page of search results: the first two tiers (exact, then
/// title matches) are small sets sorted here; the third is read newest
/// first straight from the index (FTS5 walks rowids in order) and stops at
/// the end of the page, so a word found in every article costs no sort.
fn search_page_ids(
    conn: &Connection,
    q: &SqlQueries,
    clauses: &[Clause],
    limit: usize,
    offset: usize,
) -> Result<Vec<i64>> {
    let tier_sql = format!(
        "SELECT t.id, min(t.tier) AS tier FROM (
             SELECT rowid AS id, 0 AS tier FROM articles_fts WHERE articles_fts MATCH ?
             UNION ALL
             SELECT rowid, 1 FROM articles_fts WHERE articles_fts MATCH ?
         ) t JOIN articles a ON a.id = t.id {}
         GROUP BY t.id ORDER BY tier, t.id DESC",
        where_sql(None, clauses, |c| c.page)
    );
    let mut vals = vec![&q.exact, &q.title];
    vals.extend(values(None, clauses));
    let top: Vec<i64> = conn
        .prepare_cached(&tier_sql)?
        .query_map(rusqlite::params_from_iter(vals), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;

    let mut page: Vec<i64> = top.iter().skip(offset).take(limit).copied().collect();
    if page.len() < limit {
        let in_top: std::collections::HashSet<i64> = top.iter().copied().collect();
        let mut skip = offset.saturating_sub(top.len());
        let rest_sql = format!(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid {}
             ORDER BY articles_fts.rowid DESC",
            where_sql(Some("articles_fts MATCH ?"), clauses, |c| c.page)
        );
        let mut stmt = conn.prepare_cached(&rest_sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values(Some(&q.folded), clauses)))?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if in_top.contains(&id) {
                continue;
            }
            if skip > 0 {
                skip -= 1;
                continue;
            }
            page.push(id);
            if page.len() == limit {
                break;
            }
        }
    }
    Ok(page)
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

struct SqlQueries {
    folded: Value,
    exact: Value,
    title: Value,
}

pub(crate) fn list(conn: &Connection, filter: &ListFilter) -> Result<ArticlePage> {
    let clauses = clauses(filter)?;
    let limit = i64::from(filter.limit.clamp(1, MAX_PAGE));
    let offset = i64::from(filter.offset);
    let built = match filter.query.as_deref() {
        Some(q) => build_queries_with(q, |alone| {
            Ok(conn
                .prepare_cached("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1")?
                .exists([alone])?)
        })?,
        None => None,
    };
    let decoded = built.as_ref().and_then(|q| q.decoded.clone());
    let queries = built.map(|q| SqlQueries {
        folded: Value::Text(q.folded),
        exact: Value::Text(q.exact),
        title: Value::Text(q.title),
    });
    let total = count(conn, queries.as_ref().map(|q| &q.folded), &clauses)?;
    let ids = match &queries {
        Some(q) => search_page_ids(conn, q, &clauses, limit as usize, offset as usize)?,
        None => list_page_ids(conn, &clauses, limit, offset)?,
    };
    Ok(ArticlePage {
        items: summaries(conn, &ids)?,
        total,
        // Only said when it found something: "results for" over an empty
        // list would only puzzle.
        decoded_query: decoded.filter(|_| total > 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_word() {
        let q = build_queries("Hóa \"x\" AND NEAR( a*:bc").expect("words");
        assert_eq!(
            q.folded,
            "{title_f sapo_f body_f byline_f} : (\"hoa\" \"x\" \"and\" \"near\" \"a\" \"bc\"*)"
        );
        assert_eq!(
            q.exact,
            "{title byline} : (\"hóa\" \"x\" \"and\" \"near\" \"a\" \"bc\"*)"
        );
        assert_eq!(
            q.title,
            "{title_f} : (\"hoa\" \"x\" \"and\" \"near\" \"a\" \"bc\"*)"
        );
        assert_eq!(build_queries(" \"*:( "), None);
        assert_eq!(q.decoded, None);
    }

    #[test]
    fn a_raw_telex_word_the_index_lacks_is_searched_decoded_too() {
        let mut asked = Vec::new();
        let q = build_queries_with("hooij nghij", |alone| {
            asked.push(alone.to_owned());
            Ok(false)
        })
        .expect("built")
        .expect("words");
        // Whole words, but the last as it is searched: a prefix.
        assert_eq!(
            asked,
            [
                "{title_f sapo_f body_f byline_f} : (\"hooij\")",
                "{title_f sapo_f body_f byline_f} : (\"nghij\"*)"
            ]
        );
        assert_eq!(q.decoded.as_deref(), Some("hội nghị"));
        assert_eq!(
            q.folded,
            "{title_f sapo_f body_f byline_f} : (((\"hooij\") OR (\"hoi\")) AND ((\"nghij\"*) OR (\"nghi\"*)))"
        );
        assert!(q.exact.contains("\"hội\""), "{}", q.exact);
        // A word the index holds is what the user meant.
        let q = build_queries_with("hooij", |_| Ok(true))
            .expect("built")
            .expect("words");
        assert_eq!(q.decoded, None);
        assert_eq!(q.folded, "{title_f sapo_f body_f byline_f} : (\"hooij\"*)");
    }

    #[test]
    fn a_last_word_spelt_with_y_is_also_the_start_of_longer_words() {
        let q = build_queries("quy").expect("words");
        assert_eq!(
            q.folded,
            "{title_f sapo_f body_f byline_f} : (((\"qui\"*) OR (\"quy\"*)))"
        );
        let q = build_queries("quý hai").expect("words");
        assert!(q.folded.contains("(\"qui\" \"hai\"*)"), "{}", q.folded);
    }

    #[test]
    fn a_one_letter_last_word_is_not_a_prefix() {
        let q = build_queries("đường a").expect("words");
        assert!(q.folded.ends_with("\"duong\" \"a\")"), "{}", q.folded);
    }
}
