-- Bản Tin schema, version 2: who saved each revision, how, and its length,
-- for the revision panel. `bantin_word_count` is registered by the migration
-- runner, so old revisions get their real counts.

ALTER TABLE revisions ADD COLUMN saved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'save'
    CHECK (kind IN ('save', 'autosave', 'restore'));
ALTER TABLE revisions ADD COLUMN word_count INTEGER NOT NULL DEFAULT 0;

UPDATE revisions SET word_count = bantin_word_count(body);
