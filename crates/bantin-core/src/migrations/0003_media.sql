-- Bản Tin schema, version 3: the media library. The original file lives in
-- media/<hash>.<ext> (one copy per content hash) and is never published;
-- renditions are derived files, re-made from the original and the edit
-- (rotate, crop) stored here.

CREATE TABLE media (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    ext         TEXT NOT NULL CHECK (ext IN ('jpg', 'png', 'webp')),
    -- Upright size: after the camera's EXIF orientation, before the user's edit.
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    bytes       INTEGER NOT NULL,
    has_alpha   INTEGER NOT NULL DEFAULT 0,
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    -- The user's edit: quarter turns clockwise, then a crop in fractions of
    -- the turned photo (all four NULL when not cropped).
    rotate      INTEGER NOT NULL DEFAULT 0 CHECK (rotate IN (0, 90, 180, 270)),
    crop_x      REAL,
    crop_y      REAL,
    crop_w      REAL,
    crop_h      REAL,
    search_key  TEXT NOT NULL DEFAULT '',
    imported_at INTEGER NOT NULL
);
