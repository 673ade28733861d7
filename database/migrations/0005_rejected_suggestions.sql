-- Attribution suggestions the analyst rejected, so they stay hidden. A
-- suggestion is known by its cue's span in one version of the article's text
-- (`content_hash`): a new version of the article is looked at afresh.
-- Applied migrations are never edited: add a new numbered file instead.

CREATE TABLE rejected_suggestions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   INTEGER NOT NULL REFERENCES articles (id),
    content_hash TEXT    NOT NULL,
    cue_start    INTEGER NOT NULL CHECK (cue_start >= 0),
    cue_end      INTEGER NOT NULL CHECK (cue_end > cue_start),
    UNIQUE (article_id, content_hash, cue_start, cue_end)
) STRICT;
