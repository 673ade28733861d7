-- Stable ids that travel with exports (W3C annotation ids, ClaimReview) and
-- survive an import into another data directory; and what re-anchoring left
-- for the analyst to review.
-- Applied migrations are never edited: add a new numbered file instead.

ALTER TABLE claims ADD COLUMN uid TEXT;
ALTER TABLE sources ADD COLUMN uid TEXT;

-- When the claim's anchor is 'needs_review': why, and the selector as it was
-- before the article's text changed, as JSON
-- {"reason": "fuzzy" | "not_found", "original": {exact, prefix, suffix, start, end}}.
-- 'fuzzy': the claim now sits on the best approximate match; 'not_found': it
-- keeps its old selector, which the new text no longer holds.
ALTER TABLE claims ADD COLUMN review TEXT;

-- A random (version 4) UUID, lower case.
CREATE VIEW new_uuid AS
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6))) AS uid;

-- The subqueries are correlated (`WHERE x.id = x.id`) so that SQLite runs
-- them once per row instead of reusing one value for every row.
UPDATE claims SET uid = (SELECT uid FROM new_uuid WHERE claims.id = claims.id);
UPDATE sources SET uid = (SELECT uid FROM new_uuid WHERE sources.id = sources.id);

CREATE UNIQUE INDEX claims_by_uid ON claims (uid);
CREATE UNIQUE INDEX sources_by_uid ON sources (uid);

-- Rows written without a uid get one: the store need not make UUIDs, and an
-- undo that puts back a row deleted before this migration still gives it one.
CREATE TRIGGER claims_get_a_uid AFTER INSERT ON claims WHEN NEW.uid IS NULL
BEGIN
    UPDATE claims SET uid = (SELECT uid FROM new_uuid) WHERE id = NEW.id;
END;

CREATE TRIGGER sources_get_a_uid AFTER INSERT ON sources WHEN NEW.uid IS NULL
BEGIN
    UPDATE sources SET uid = (SELECT uid FROM new_uuid) WHERE id = NEW.id;
END;
