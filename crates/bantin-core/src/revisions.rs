//! The revision history of an article: listing, reading and restoring.
//! Revisions are never changed; restoring one saves its text again as a new
//! revision, so a restore can itself be undone from the same list.

use rusqlite::{OptionalExtension, Row};

use crate::article::{Article, ArticleInput, Revision, RevisionSummary, SaveKind, SaveMeta};
use crate::error::{Error, Result};
use crate::store::{json_list, parse_status, Store};
use crate::time_fmt::to_rfc3339;

const SUMMARY_COLUMNS: &str = "id, created_at, title, saved_by, kind, word_count";

fn summary(r: &Row<'_>) -> rusqlite::Result<RevisionSummary> {
    Ok(RevisionSummary {
        id: r.get(0)?,
        created_at: to_rfc3339(r.get(1)?),
        title: r.get(2)?,
        saved_by: r.get(3)?,
        kind: SaveKind::parse(r.get_ref(4)?.as_str()?),
        word_count: r.get(5)?,
    })
}

impl Store {
    /// Newest first.
    pub fn revisions(&self, article_id: i64) -> Result<Vec<RevisionSummary>> {
        self.article(article_id)?;
        let mut stmt = self.connection().prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM revisions WHERE article_id = ?1 ORDER BY id DESC"
        ))?;
        let rows = stmt.query_map([article_id], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn revision(&self, revision_id: i64) -> Result<Revision> {
        self.connection()
            .query_row(
                &format!(
                    "SELECT {SUMMARY_COLUMNS}, article_id, sapo, body, authors, unit, tags,
                            category, status
                     FROM revisions WHERE id = ?1"
                ),
                [revision_id],
                |r| {
                    let summary = summary(r)?;
                    Ok(Revision {
                        article_id: r.get(6)?,
                        input: ArticleInput {
                            title: summary.title.clone(),
                            sapo: r.get(7)?,
                            body: r.get(8)?,
                            authors: json_list(r.get_ref(9)?.as_str()?),
                            unit: r.get(10)?,
                            tags: json_list(r.get_ref(11)?.as_str()?),
                            category: r.get(12)?,
                            status: parse_status(r.get_ref(13)?.as_str()?),
                        },
                        summary,
                    })
                },
            )
            .optional()?
            .ok_or(Error::RevisionNotFound(revision_id))
    }

    /// Brings back the text of an older revision as a new revision. The
    /// publication status stays as it is now: restoring wording must not
    /// publish or unpublish an article.
    pub fn restore_revision(
        &mut self,
        article_id: i64,
        revision_id: i64,
        saved_by: &str,
    ) -> Result<Article> {
        let revision = self.revision(revision_id)?;
        if revision.article_id != article_id {
            return Err(Error::RevisionNotFound(revision_id));
        }
        let mut input = revision.input;
        input.status = self.article(article_id)?.status;
        let meta = SaveMeta {
            saved_by: saved_by.to_owned(),
            kind: SaveKind::Restore,
        };
        self.save_article(article_id, &input, &meta)
    }
}
