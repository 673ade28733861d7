-- Articles as imported, and the append-only audit log of every change.
-- Applied migrations are never edited: add a new numbered file instead.

PRAGMA application_id = 1129073988; -- 0x434C4D44, 'CLMD' in ASCII: lets restore refuse foreign files

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    outlet        TEXT,
    author        TEXT,
    url           TEXT,
    published     INTEGER,              -- seconds since the Unix epoch, UTC
    language      TEXT,                 -- ISO 639-1 where one exists
    content_hash  TEXT    NOT NULL UNIQUE,
    origin_path   TEXT    NOT NULL,
    origin_format TEXT    NOT NULL,
    origin_record INTEGER,              -- line or item number in multi-record files
    imported_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;

-- One row per change, written in the same transaction as the change.
-- `id` is the change sequence: the search index records the last one it holds.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,         -- milliseconds since the Unix epoch, UTC
    actor     TEXT    NOT NULL,
    entity    TEXT    NOT NULL,         -- table name, e.g. 'article'
    entity_id INTEGER NOT NULL,
    action    TEXT    NOT NULL,         -- 'create', 'update', 'delete', ...
    before    TEXT,                     -- JSON of the row before, NULL on create
    after     TEXT                      -- JSON of the row after, NULL on delete
) STRICT;

CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
