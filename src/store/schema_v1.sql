-- kiji store, schema version 1.
-- Article rows stay small (no body) so listing a screen of headlines reads
-- little; bodies and list items live in their own tables.
CREATE TABLE articles (
    key           INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    headline      TEXT    NOT NULL,
    headline_key  TEXT    NOT NULL,
    caption       TEXT,
    published     INTEGER,
    dateline      TEXT,
    section       TEXT,
    source        TEXT,
    -- published, or the smallest integer for undated articles: newest first,
    -- undated last, in one index
    sort_key      INTEGER NOT NULL,
    content_hash  INTEGER NOT NULL,
    has_popular   INTEGER NOT NULL,
    has_ranking   INTEGER NOT NULL,
    read          INTEGER NOT NULL DEFAULT 0,
    saved         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_by_date ON articles (sort_key DESC, key DESC);
CREATE INDEX articles_by_section ON articles (section, sort_key DESC, key DESC);
CREATE INDEX articles_by_headline ON articles (headline_key);
CREATE INDEX articles_with_ranking ON articles (sort_key DESC) WHERE has_ranking;
CREATE INDEX articles_with_popular ON articles (section, sort_key DESC) WHERE has_popular;

CREATE TABLE bodies (
    key   INTEGER PRIMARY KEY REFERENCES articles (key) ON DELETE CASCADE,
    body  TEXT NOT NULL
);

-- list 0 is Popular, list 1 the Access Ranking
CREATE TABLE list_items (
    key        INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    list       INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    title_key  TEXT    NOT NULL,
    PRIMARY KEY (key, list, position)
) WITHOUT ROWID;
