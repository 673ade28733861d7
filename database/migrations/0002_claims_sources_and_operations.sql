-- Claims, sources and how they relate; tags; and operations, which group the
-- audit rows of one action of the analyst so that it can be undone and redone.
-- Applied migrations are never edited: add a new numbered file instead.
--
-- Every table here has an `id` and no other key the audit log needs: each row
-- change is one audit_log row (entity, entity_id, before, after), with the
-- whole row as JSON. Ids are AUTOINCREMENT so that a deleted row's id is never
-- given to another row, and an undo can put the row back under its own id.

-- Undo and redo. Like the audit log, operations are only ever appended; the
-- state of the undo and redo stacks after an operation is written in its own
-- row, so finding what to undo next never replays history and no row changes:
--
--   kind 'edit'  an action; undo_next = itself, redo_next = NULL (a new edit
--                clears the redo stack, as in every editor)
--   kind 'undo'  reverses operation `reverses` (the current undo_next): writes
--                the inverse of its audit rows, newest first, restoring each
--                row's `before`. undo_next = what undo_next was just before
--                `reverses` was written; redo_next = itself
--   kind 'redo'  reverses the undo `reverses` (the current redo_next) the same
--                way, so the edit's `after` states return. undo_next = itself
--                (undoing a redo reverses it again); redo_next = what
--                redo_next was just before that undo was written
--
-- Reversing rows newest first goes back through states that all existed, so
-- every constraint holds at every step. Imports are not operations: they
-- write article rows with `operation` NULL and cannot be undone.
CREATE TABLE operations (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,         -- milliseconds since the Unix epoch, UTC
    actor     TEXT    NOT NULL,
    label     TEXT    NOT NULL,         -- the action in words; undo/redo repeat the edit's
    kind      TEXT    NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
    reverses  INTEGER REFERENCES operations (id),
    undo_next INTEGER REFERENCES operations (id),
    redo_next INTEGER REFERENCES operations (id),
    CHECK ((kind = 'edit') = (reverses IS NULL))
) STRICT;

CREATE TRIGGER operations_are_append_only_update BEFORE UPDATE ON operations
BEGIN
    SELECT RAISE(ABORT, 'operations are append-only');
END;

CREATE TRIGGER operations_are_append_only_delete BEFORE DELETE ON operations
BEGIN
    SELECT RAISE(ABORT, 'operations are append-only');
END;

-- Which operation wrote an audit row, and for undo and redo, which audit row
-- it reverses.
ALTER TABLE audit_log ADD COLUMN operation INTEGER REFERENCES operations (id);
ALTER TABLE audit_log ADD COLUMN reverses INTEGER REFERENCES audit_log (id);

CREATE INDEX audit_log_by_operation ON audit_log (operation) WHERE operation IS NOT NULL;

-- `*_key` columns hold the name folded for lookups: lower case, diacritics
-- removed, whitespace collapsed ("  Dmítry  PESKOV" → "dmitry peskov").
CREATE TABLE sources (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    name                  TEXT    NOT NULL CHECK (name <> ''),
    name_key              TEXT    NOT NULL,
    kind                  TEXT    NOT NULL CHECK (kind IN
                              ('person', 'organization', 'government_body', 'media_outlet', 'anonymous', 'document')),
    affiliation_id        INTEGER REFERENCES sources (id) CHECK (affiliation_id <> id),
    reliability           TEXT    NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    reliability_rationale TEXT    NOT NULL DEFAULT '',
    description           TEXT    NOT NULL DEFAULT '',
    created_at            INTEGER NOT NULL, -- seconds since the Unix epoch, UTC
    updated_at            INTEGER NOT NULL
) STRICT;

CREATE INDEX sources_by_name_key ON sources (name_key);
CREATE INDEX sources_by_affiliation ON sources (affiliation_id) WHERE affiliation_id IS NOT NULL;

CREATE TABLE source_aliases (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    alias     TEXT    NOT NULL CHECK (alias <> ''),
    alias_key TEXT    NOT NULL,
    UNIQUE (source_id, alias_key)
) STRICT;

CREATE INDEX source_aliases_by_key ON source_aliases (alias_key);

-- Spans count code points, half-open. `exact`/`prefix`/`suffix` and
-- `span_start`/`span_end` are the W3C TextQuoteSelector and TextPositionSelector.
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles (id),
    exact       TEXT    NOT NULL CHECK (exact <> ''),
    prefix      TEXT    NOT NULL,
    suffix      TEXT    NOT NULL,
    span_start  INTEGER NOT NULL CHECK (span_start >= 0),
    span_end    INTEGER NOT NULL CHECK (span_end > span_start),
    kind        TEXT    NOT NULL CHECK (kind IN
                    ('factual_assertion', 'statistic', 'quote', 'prediction', 'opinion', 'denial')),
    status      TEXT    NOT NULL CHECK (status IN ('unverified', 'corroborated', 'disputed', 'false', 'misleading')),
    credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
    note        TEXT    NOT NULL DEFAULT '',
    anchor      TEXT    NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'needs_review')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX claims_by_article ON claims (article_id, span_start);

-- A claim's chain of attribution: the speaker at position 0, then the
-- intermediaries that passed the claim on. A claim without rows here is
-- unattributed. Cue ("said") and mention spans are optional.
CREATE TABLE attributions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id      INTEGER NOT NULL REFERENCES claims (id),
    position      INTEGER NOT NULL CHECK (position >= 0),
    source_id     INTEGER NOT NULL REFERENCES sources (id),
    role          TEXT    NOT NULL CHECK (role IN ('speaker', 'intermediary')),
    cue_start     INTEGER,
    cue_end       INTEGER,
    mention_start INTEGER,
    mention_end   INTEGER,
    UNIQUE (claim_id, position),
    CHECK ((role = 'speaker') = (position = 0)),
    CHECK ((cue_start IS NULL) = (cue_end IS NULL) AND (cue_end > cue_start OR cue_end IS NULL)),
    CHECK ((mention_start IS NULL) = (mention_end IS NULL) AND (mention_end > mention_start OR mention_end IS NULL))
) STRICT;

CREATE INDEX attributions_by_source ON attributions (source_id);

CREATE TABLE claim_links (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    from_claim INTEGER NOT NULL REFERENCES claims (id),
    to_claim   INTEGER NOT NULL REFERENCES claims (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('corroborates', 'contradicts', 'repeats', 'same_origin')),
    created_at INTEGER NOT NULL,
    UNIQUE (from_claim, to_claim, kind),
    CHECK (from_claim <> to_claim)
) STRICT;

CREATE INDEX claim_links_by_target ON claim_links (to_claim);

CREATE TABLE tags (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT    NOT NULL CHECK (name <> ''),
    name_key TEXT    NOT NULL UNIQUE,
    colour   TEXT    NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')
) STRICT;

CREATE TABLE claim_tags (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    UNIQUE (claim_id, tag_id)
) STRICT;

CREATE INDEX claim_tags_by_tag ON claim_tags (tag_id);

CREATE TABLE article_tags (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    tag_id     INTEGER NOT NULL REFERENCES tags (id),
    UNIQUE (article_id, tag_id)
) STRICT;

CREATE INDEX article_tags_by_tag ON article_tags (tag_id);
