//! The article store: one SQLite connection to one site's database.
//!
//! A `Store` is cheap to open; the app opens one per command on a blocking
//! thread instead of sharing one behind a mutex.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::article::{
    Article, ArticleInput, ArticlePage, Category, ListFilter, MonthCount, SaveMeta, Status,
};
use crate::db;
use crate::error::{Error, Result};
use crate::markdown;
use crate::search;
use crate::text::slugify;
use crate::time_fmt::{now_ms, to_rfc3339};

pub struct Store {
    conn: Connection,
}

/// Most rows one list call returns; the UI pages through the rest.
pub const MAX_PAGE: u32 = 1000;

impl Store {
    /// Opens an existing, migrated database.
    pub fn connect(db_path: &Path) -> Result<Store> {
        Ok(Store {
            conn: db::connect(db_path)?,
        })
    }

    pub fn from_connection(conn: Connection) -> Store {
        Store { conn }
    }

    /// A private in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;")?;
        db::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM site_meta WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.set_metas(&[(key, value)])
    }

    /// Sets several site settings in one transaction: all or none.
    pub fn set_metas(&mut self, pairs: &[(&str, &str)]) -> Result<()> {
        db::write(&mut self.conn, |tx| {
            for (key, value) in pairs {
                tx.execute(
                    "INSERT INTO site_meta(key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )?;
            }
            Ok(())
        })
    }

    pub fn create_article(&mut self, input: &ArticleInput) -> Result<Article> {
        self.create_article_at(input, None)
    }

    /// Creates an article whose first revision records who saved it and how.
    pub fn create_article_by(&mut self, input: &ArticleInput, meta: &SaveMeta) -> Result<Article> {
        let input = input.normalized()?;
        let id = db::write(&mut self.conn, |tx| {
            let slug = unique_slug(tx, &slugify(&input.title), None)?;
            write_article(tx, None, &slug, &input, now_ms(), meta)
        })?;
        self.article(id)
    }

    /// Creates an article with a given creation time (imports keep the
    /// original publication date).
    pub fn create_article_at(
        &mut self,
        input: &ArticleInput,
        created_ms: Option<i64>,
    ) -> Result<Article> {
        let input = input.normalized()?;
        let id = db::write(&mut self.conn, |tx| insert_article(tx, &input, created_ms))?;
        self.article(id)
    }

    /// Creates many articles in one transaction: all or none.
    pub fn create_articles(&mut self, items: &[(ArticleInput, Option<i64>)]) -> Result<Vec<i64>> {
        let normalized = items
            .iter()
            .map(|(input, at)| Ok((input.normalized()?, *at)))
            .collect::<Result<Vec<_>>>()?;
        db::write(&mut self.conn, |tx| {
            normalized
                .iter()
                .map(|(input, at)| insert_article(tx, input, *at))
                .collect()
        })
    }

    /// Saves a new version of an article: a new revision, which becomes
    /// current. The slug follows the title while the article is a draft and
    /// is frozen once published, so published URLs stay stable.
    pub fn update_article(&mut self, id: i64, input: &ArticleInput) -> Result<Article> {
        self.save_article(id, input, &SaveMeta::default())
    }

    /// `update_article` recording who saved and how. Saving what is already
    /// current writes nothing: autosave fires on blur and close, and a
    /// revision list full of identical copies would hide the real ones.
    pub fn save_article(
        &mut self,
        id: i64,
        input: &ArticleInput,
        meta: &SaveMeta,
    ) -> Result<Article> {
        let input = input.normalized()?;
        let current = self.article(id)?;
        if current.input() == input {
            return Ok(current);
        }
        db::write(&mut self.conn, |tx| {
            let (old_slug, old_status, created): (String, String, i64) = tx
                .query_row(
                    "SELECT slug, status, created_at FROM articles WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or(Error::ArticleNotFound(id))?;
            let slug = if old_status == Status::Published.as_str() {
                old_slug
            } else {
                unique_slug(tx, &slugify(&input.title), Some(id))?
            };
            write_article(tx, Some(id), &slug, &input, created, meta)?;
            Ok(())
        })?;
        self.article(id)
    }

    pub fn set_status(&mut self, id: i64, status: Status) -> Result<Article> {
        let mut input = self.article(id)?.input();
        input.status = status;
        self.update_article(id, &input)
    }

    pub fn article(&self, id: i64) -> Result<Article> {
        self.conn
            .query_row(
                &article_query("r.body", "WHERE a.id = ?1"),
                [id],
                article_row,
            )
            .optional()?
            .ok_or(Error::ArticleNotFound(id))
    }

    /// Every published article (every article with `include_drafts`), newest
    /// first as lists show them, in one query and **without bodies** (`body`
    /// is empty): a site export needs the rest of 10,000 articles at once, and
    /// the bodies only of the pages it renders (see `revision_bodies`).
    pub fn articles_without_bodies(&self, include_drafts: bool) -> Result<Vec<Article>> {
        let mut stmt = self.conn.prepare_cached(&article_query(
            "''",
            "WHERE ?1 OR a.status = 'published' ORDER BY a.created_at DESC, a.id DESC",
        ))?;
        let rows = stmt.query_map([include_drafts], article_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The bodies of these revisions, by revision id.
    pub fn revision_bodies(
        &self,
        revision_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, String>> {
        // A query per batch rather than per revision: an export reads
        // thousands of bodies.
        const BATCH: usize = 64;
        let mut bodies = std::collections::HashMap::with_capacity(revision_ids.len());
        for batch in revision_ids.chunks(BATCH) {
            let marks = vec!["?"; batch.len()].join(",");
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT id, body FROM revisions WHERE id IN ({marks})"
            ))?;
            let rows = stmt.query_map(rusqlite::params_from_iter(batch), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
            for row in rows {
                let (id, body) = row?;
                bodies.insert(id, body);
            }
        }
        Ok(bodies)
    }

    /// Lists articles newest first, or searches them when `filter.query`
    /// holds words.
    pub fn list(&self, filter: &ListFilter) -> Result<ArticlePage> {
        search::list(&self.conn, filter)
    }

    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.path, c.name,
                    (SELECT count(*) FROM articles a WHERE a.category_id = c.id)
             FROM categories c ORDER BY c.path",
        )?;
        let rows = stmt.query_map([], |r| {
            let path: String = r.get(0)?;
            Ok(Category {
                depth: path.matches('/').count() as u32,
                path,
                name: r.get(1)?,
                article_count: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The months that have articles, newest first, by creation date in
    /// Vietnam's time zone (as the month filter counts them).
    pub fn months(&self) -> Result<Vec<MonthCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT strftime('%Y-%m', created_at / 1000, 'unixepoch', ?1) AS month, count(*)
             FROM articles GROUP BY month ORDER BY month DESC",
        )?;
        let offset = format!("{:+} hours", crate::time_fmt::SITE_OFFSET_HOURS);
        let rows = stmt.query_map([offset], |r| {
            Ok(MonthCount {
                month: r.get(0)?,
                article_count: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every author name in the site, most prolific first.
    pub fn authors(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name FROM article_authors GROUP BY name ORDER BY count(*) DESC, name",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }
}

fn insert_article(
    tx: &Transaction<'_>,
    input: &ArticleInput,
    created_ms: Option<i64>,
) -> Result<i64> {
    let slug = unique_slug(tx, &slugify(&input.title), None)?;
    let created = created_ms.unwrap_or_else(now_ms);
    write_article(tx, None, &slug, input, created, &SaveMeta::default())
}

/// Writes the article row, a revision, the author/tag rows and the search
/// index, inside the caller's transaction.
fn write_article(
    tx: &Transaction<'_>,
    id: Option<i64>,
    slug: &str,
    input: &ArticleInput,
    created_ms: i64,
    meta: &SaveMeta,
) -> Result<i64> {
    let now = now_ms().max(created_ms);
    let authors = serde_json::to_string(&input.authors).unwrap_or_else(|_| "[]".into());
    let tags = serde_json::to_string(&input.tags).unwrap_or_else(|_| "[]".into());
    let category_id = match &input.category {
        Some(path) => Some(ensure_category(tx, path)?),
        None => None,
    };
    let is_new = id.is_none();
    let id = match id {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE articles SET slug=?2, title=?3, authors=?4, category_id=?5, status=?6,
                        updated_at=?7
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                slug,
                input.title,
                authors,
                category_id,
                input.status.as_str(),
                now
            ])?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles(slug, title, authors, category_id, status, created_at,
                                      updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                slug,
                input.title,
                authors,
                category_id,
                input.status.as_str(),
                created_ms,
                now
            ])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached(
        "INSERT INTO revisions(article_id, created_at, title, sapo, body, authors, unit, tags,
                               category, status, saved_by, kind, word_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        id,
        now,
        input.title,
        input.sapo,
        input.body,
        authors,
        input.unit,
        tags,
        input.category,
        input.status.as_str(),
        meta.saved_by,
        meta.kind.as_str(),
        markdown::word_count(&input.body) as i64
    ])?;
    let revision = tx.last_insert_rowid();
    tx.prepare_cached("UPDATE articles SET current_revision_id = ?2 WHERE id = ?1")?
        .execute(params![id, revision])?;

    if !is_new {
        tx.execute("DELETE FROM article_authors WHERE article_id = ?1", [id])?;
        tx.execute("DELETE FROM article_tags WHERE article_id = ?1", [id])?;
    }
    let mut add_author = tx.prepare_cached(
        "INSERT INTO article_authors(article_id, position, name) VALUES (?1, ?2, ?3)",
    )?;
    for (position, name) in input.authors.iter().enumerate() {
        add_author.execute(params![id, position as i64, name])?;
    }
    let mut add_tag =
        tx.prepare_cached("INSERT OR IGNORE INTO article_tags(article_id, tag) VALUES (?1, ?2)")?;
    for tag in &input.tags {
        add_tag.execute(params![id, tag])?;
    }
    search::index_article(tx, id, input, is_new)?;
    Ok(id)
}

/// Finds a slug not used by another article: `base`, `base-2`, `base-3`…
fn unique_slug(tx: &Transaction<'_>, base: &str, own_id: Option<i64>) -> Result<String> {
    let mut stmt = tx.prepare_cached(
        // A range, not LIKE, so the unique index on slug answers it: '.' is
        // the character after '-'.
        "SELECT slug FROM articles
         WHERE (slug = ?1 OR (slug > ?1 || '-' AND slug < ?1 || '.')) AND id IS NOT ?2",
    )?;
    let taken: std::collections::HashSet<String> = stmt
        .query_map(params![base, own_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !taken.contains(base) {
        return Ok(base.to_owned());
    }
    let n = (2..)
        .find(|n| !taken.contains(&format!("{base}-{n}")))
        .unwrap_or(2);
    Ok(format!("{base}-{n}"))
}

/// Returns the id of the category at `path`, creating it and its parents.
fn ensure_category(tx: &Transaction<'_>, path: &str) -> Result<i64> {
    let mut parent: Option<i64> = None;
    let mut so_far = String::new();
    for name in path.split('/') {
        if !so_far.is_empty() {
            so_far.push('/');
        }
        so_far.push_str(name);
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM categories WHERE path = ?1",
                [&so_far],
                |r| r.get(0),
            )
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO categories(parent_id, name, path, slug) VALUES (?1, ?2, ?3, ?4)",
                    params![parent, name, so_far, slugify(name)],
                )?;
                tx.last_insert_rowid()
            }
        };
        parent = Some(id);
    }
    parent.ok_or_else(|| Error::invalid("category", "the category is empty"))
}

/// An article with its current revision's text, read by `article_row`;
/// `body` is the body column (`''` when the caller wants none read).
pub(crate) fn article_query(body: &str, rest: &str) -> String {
    format!(
        "SELECT a.id, a.title, r.sapo, {body}, a.authors, r.unit, c.path, r.tags,
                a.status, a.slug, a.created_at, a.updated_at, a.current_revision_id
         FROM articles a
         JOIN revisions r ON r.id = a.current_revision_id
         LEFT JOIN categories c ON c.id = a.category_id
         {rest}"
    )
}

pub(crate) fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        title: r.get(1)?,
        sapo: r.get(2)?,
        body: r.get(3)?,
        authors: json_list(r.get_ref(4)?.as_str()?),
        unit: r.get(5)?,
        category: r.get(6)?,
        tags: json_list(r.get_ref(7)?.as_str()?),
        status: parse_status(r.get_ref(8)?.as_str()?),
        slug: crate::media::checked(r, 9, crate::names::check_slug)?,
        created_at: to_rfc3339(r.get(10)?),
        updated_at: to_rfc3339(r.get(11)?),
        revision_id: r.get(12)?,
    })
}

pub(crate) fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

pub(crate) fn parse_status(s: &str) -> Status {
    s.parse().unwrap_or(Status::Draft)
}

/// The byline as indexed and searched: authors then the unit line.
pub(crate) fn byline_text(input: &ArticleInput) -> String {
    crate::article::byline(&input.authors, &input.unit)
}
