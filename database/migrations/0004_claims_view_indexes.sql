-- The claims view sorts and filters 100,000 claims and more: these indexes let
-- SQLite walk claims in the order asked, and count a status or grade, without
-- sorting or scanning the whole table.
-- Applied migrations are never edited: add a new numbered file instead.

CREATE INDEX claims_by_updated ON claims (updated_at, id);
CREATE INDEX claims_by_status ON claims (status, id);
CREATE INDEX claims_by_credibility ON claims (credibility, id);
CREATE INDEX claims_by_anchor ON claims (anchor) WHERE anchor <> 'anchored';

-- Filtering claims by their article's date, and sorting them by it or by the
-- article's title, without reading article bodies (stored before these
-- columns, so a scan of the table walks every body's pages).
CREATE INDEX articles_by_published ON articles (published);
CREATE INDEX articles_by_title ON articles (title);
