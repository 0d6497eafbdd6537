//! Connections and schema migrations.
//!
//! Every connection is configured the same way so that a crash or power cut
//! never loses a committed save: WAL with `synchronous=FULL` syncs the log at
//! each commit.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};

/// One schema migration: SQL, or code where the new content is computed
/// the way the application computes it.
enum Migration {
    Sql(&'static str),
    Code(fn(&rusqlite::Transaction<'_>) -> Result<()>),
}

/// Ordered, embedded migrations. Never edit one that has shipped: append.
const MIGRATIONS: &[Migration] = &[
    Migration::Sql(include_str!("migrations/0001_init.sql")),
    Migration::Sql(include_str!("migrations/0002_revision_meta.sql")),
    Migration::Sql(include_str!("migrations/0003_media.sql")),
    // Version 4: search folding makes the i/y spellings one (`kỹ`/`kĩ`);
    // the folded copies written by older versions are folded again.
    Migration::Code(crate::search::refold_all),
];

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA trusted_schema = OFF;",
    )?;
    Ok(())
}

/// Opens a connection to an existing database file, configured, without
/// touching its schema.
pub fn connect(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    configure(&conn)?;
    Ok(conn)
}

/// Opens (creating if asked) the database at `path` and brings its schema up
/// to date. A database written by a newer Bản Tin is refused untouched.
pub fn open_and_migrate(path: &Path, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = Connection::open_with_flags(path, flags)?;
    // Read the version before any pragma that could write to the file.
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::SiteTooNew {
            path: path.to_owned(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Applies the migrations the database has not seen, all in one transaction,
/// so a failure leaves the previous schema intact.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    register_migration_functions(conn)?;
    write(conn, |tx| {
        let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(Error::SiteTooNew {
                path: tx.path().unwrap_or_default().into(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        for step in &MIGRATIONS[found as usize..] {
            match step {
                Migration::Sql(sql) => tx.execute_batch(sql)?,
                Migration::Code(run) => run(tx)?,
            }
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(())
    })
}

/// Functions migrations may call to fill new columns the way the
/// application computes them.
fn register_migration_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "bantin_word_count",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let body = ctx.get_raw(0).as_str().unwrap_or_default();
            Ok(crate::markdown::word_count(body) as i64)
        },
    )?;
    Ok(())
}

/// Runs `f` in a `BEGIN IMMEDIATE` transaction: committed when `f` returns
/// `Ok`, rolled back otherwise. IMMEDIATE takes the write lock up front so a
/// second writer waits (busy_timeout) instead of failing mid-transaction.
pub fn write<T>(
    conn: &mut Connection,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
) -> Result<T> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let value = f(&tx)?;
    tx.commit()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_gets_current_schema_and_settings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("site.db");
        let conn = open_and_migrate(&path, true).expect("create");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        let sync: i64 = conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .expect("sync");
        assert_eq!(sync, 2, "synchronous must be FULL");
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .expect("fk");
        assert_eq!(fk, 1);
        let trusted: i64 = conn
            .query_row("PRAGMA trusted_schema", [], |r| r.get(0))
            .expect("trusted");
        assert_eq!(trusted, 0);
    }

    #[test]
    fn newer_database_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("site.db");
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch("CREATE TABLE future(x); PRAGMA user_version = 99;")
                .expect("future schema");
        }
        let before = std::fs::read(&path).expect("read");
        let err = open_and_migrate(&path, false).expect_err("must refuse");
        assert!(matches!(err, Error::SiteTooNew { found: 99, .. }), "{err}");
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "file must not change"
        );
        assert!(
            !dir.path().join("site.db-wal").exists(),
            "no WAL may be created"
        );
    }

    #[test]
    fn failed_write_rolls_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut conn = open_and_migrate(&dir.path().join("site.db"), true).expect("create");
        let res: Result<()> = write(&mut conn, |tx| {
            tx.execute("INSERT INTO site_meta(key, value) VALUES ('name', 'x')", [])?;
            Err(Error::invalid("test", "abort"))
        });
        assert!(res.is_err());
        let n: i64 = conn
            .query_row("SELECT count(*) FROM site_meta WHERE key='name'", [], |r| {
                r.get(0)
            })
            .expect("count");
        assert_eq!(n, 0);
    }

    #[test]
    fn version_1_database_gains_revision_metadata_with_real_word_counts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("site.db");
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(include_str!("migrations/0001_init.sql"))
                .expect("v1 schema");
            conn.execute_batch(
                "PRAGMA user_version = 1;
                 BEGIN;
                 INSERT INTO articles(id, slug, title, authors, status, created_at, updated_at,
                                      current_revision_id)
                 VALUES (1, 'a', 'A', '[]', 'draft', 0, 0, 1);
                 INSERT INTO revisions(id, article_id, created_at, title, sapo, body, authors,
                                       unit, tags, status)
                 VALUES (1, 1, 0, 'A', '', 'Một **hai** ba - bốn', '[]', '', '[]', 'draft');
                 COMMIT;",
            )
            .expect("v1 data");
        }
        let conn = open_and_migrate(&path, false).expect("migrate");
        let (words, kind, by): (i64, String, String) = conn
            .query_row(
                "SELECT word_count, kind, saved_by FROM revisions WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("row");
        assert_eq!((words, kind.as_str(), by.as_str()), (4, "save", ""));
    }

    #[test]
    fn version_3_site_is_refolded_so_either_i_y_spelling_finds_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("site.db");
        {
            // A site as version 3 wrote it: folded copies with `ky`, `quy`.
            let conn = Connection::open(&path).expect("open");
            register_migration_functions(&conn).expect("functions");
            for sql in [
                include_str!("migrations/0001_init.sql"),
                include_str!("migrations/0002_revision_meta.sql"),
                include_str!("migrations/0003_media.sql"),
            ] {
                conn.execute_batch(sql).expect("old schema");
            }
            conn.execute_batch(
                "PRAGMA user_version = 3;
                 BEGIN;
                 INSERT INTO articles(id, slug, title, authors, status, created_at, updated_at,
                                      current_revision_id)
                 VALUES (1, 'a', 'Tập huấn kỹ thuật trồng chè', '[\"Lý Thị Mai\"]',
                         'draft', 0, 0, 1);
                 INSERT INTO revisions(id, article_id, created_at, title, sapo, body, authors,
                                       unit, tags, status)
                 VALUES (1, 1, 0, 'Tập huấn kỹ thuật trồng chè', 'Quý II', 'Bác sỹ', '[]',
                         '', '[]', 'draft');
                 INSERT INTO articles_fts(rowid, title_f, sapo_f, body_f, byline_f, title, byline)
                 VALUES (1, 'tap huan ky thuat trong che', 'quy ii', 'bac sy', 'ly thi mai',
                         'tập huấn kỹ thuật trồng chè', 'lý thị mai');
                 INSERT INTO media(hash, file_name, ext, width, height, bytes, caption,
                                   search_key, imported_at)
                 VALUES ('0123456789abcdef0123456789abcdef', 'a.jpg', 'jpg', 1, 1, 1,
                         'Mỹ thuật', 'my thuat a.jpg', 0);
                 COMMIT;",
            )
            .expect("v3 data");
        }
        let conn = open_and_migrate(&path, false).expect("migrate");
        let store = crate::Store::from_connection(conn);
        for query in [
            "kĩ thuật",
            "ki thuat",
            "kỹ thuật",
            "quí",
            "bác sĩ",
            "Lí Thị Mai",
        ] {
            let found = store
                .list(&crate::ListFilter {
                    query: Some(query.into()),
                    ..Default::default()
                })
                .expect("search");
            assert_eq!(found.total, 1, "{query}");
        }
        let photos = store.media_list(Some("mĩ thuật")).expect("photos");
        assert_eq!(photos.len(), 1);
    }
}
