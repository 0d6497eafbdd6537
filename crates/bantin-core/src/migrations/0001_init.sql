-- Bản Tin schema, version 1. Times are Unix milliseconds (UTC).

CREATE TABLE site_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Nested categories: `path` is the full "Tin tức/Kinh tế" path, unique.
CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES categories(id),
    name      TEXT NOT NULL,
    path      TEXT NOT NULL UNIQUE,
    slug      TEXT NOT NULL
) STRICT;

-- The article row holds what lists show and filter on; the text (sapo, body,
-- unit, tags) lives in its current revision. Keeping long text out of this
-- table keeps its pages dense, so listing 100,000 articles stays fast.
CREATE TABLE articles (
    id                  INTEGER PRIMARY KEY,
    slug                TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    authors             TEXT NOT NULL,  -- JSON array, byline order
    category_id         INTEGER REFERENCES categories(id),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    current_revision_id INTEGER REFERENCES revisions(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- The list order (newest first by creation date, the date lists show),
-- covering the filter columns so that paging and filtering walk this index
-- without reading article rows; a month filter is a range of it.
CREATE INDEX articles_list ON articles(created_at DESC, id DESC, status, category_id);
CREATE INDEX articles_status_created ON articles(status, created_at DESC, id DESC);
CREATE INDEX articles_category_created ON articles(category_id, created_at DESC, id DESC);

-- Every save is a revision: a full snapshot, never changed afterwards.
CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    title       TEXT NOT NULL,
    sapo        TEXT NOT NULL,
    body        TEXT NOT NULL,
    authors     TEXT NOT NULL,
    unit        TEXT NOT NULL,
    tags        TEXT NOT NULL,
    category    TEXT,
    status      TEXT NOT NULL
) STRICT;

CREATE INDEX revisions_article ON revisions(article_id, id);

-- One row per author per article, for the author filter and author list.
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_authors_name ON article_authors(name, article_id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_tags_tag ON article_tags(tag, article_id);

-- Full-text index. SQLite's tokenizer neither folds đ nor strips both marks
-- of vowels like ể, so the application indexes a folded copy of each field
-- (*_f) and folds queries the same way. The exact lower-case title and
-- byline are indexed too, to rank exact matches first; the body is not, as
-- it would double the index for little gain in ranking.
-- Contentless: the text lives in the tables; rowid = articles.id.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title_f, sapo_f, body_f, byline_f,
    title, byline,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);
