-- kiji store, schema version 1.
-- Article rows stay small (no body) so listing a screen of headlines reads
-- little; bodies and the page's lists live beside them in `bodies`.
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

-- paragraphs and list titles one per line
CREATE TABLE bodies (
    key      INTEGER PRIMARY KEY REFERENCES articles (key) ON DELETE CASCADE,
    body     TEXT NOT NULL,
    popular  TEXT NOT NULL,
    ranking  TEXT NOT NULL
);

-- article, unread and saved counts per section ('' for none), kept by
-- triggers so the reader starts without counting a large store
CREATE TABLE counts (
    section   TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL,
    unread    INTEGER NOT NULL,
    saved     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER articles_counted AFTER INSERT ON articles BEGIN
    INSERT INTO counts (section, articles, unread, saved)
    VALUES (coalesce(NEW.section, ''), 1, NOT NEW.read, NEW.saved != 0)
    ON CONFLICT (section) DO UPDATE SET
        articles = articles + 1,
        unread = unread + (NOT NEW.read),
        saved = saved + (NEW.saved != 0);
END;

CREATE TRIGGER articles_uncounted AFTER DELETE ON articles BEGIN
    UPDATE counts SET
        articles = articles - 1,
        unread = unread - (NOT OLD.read),
        saved = saved - (OLD.saved != 0)
    WHERE section = coalesce(OLD.section, '');
END;

CREATE TRIGGER articles_recounted AFTER UPDATE OF section, read, saved ON articles
WHEN coalesce(OLD.section, '') != coalesce(NEW.section, '')
    OR OLD.read != NEW.read OR OLD.saved != NEW.saved
BEGIN
    UPDATE counts SET
        articles = articles - 1,
        unread = unread - (NOT OLD.read),
        saved = saved - (OLD.saved != 0)
    WHERE section = coalesce(OLD.section, '');
    INSERT INTO counts (section, articles, unread, saved)
    VALUES (coalesce(NEW.section, ''), 1, NOT NEW.read, NEW.saved != 0)
    ON CONFLICT (section) DO UPDATE SET
        articles = articles + 1,
        unread = unread + (NOT NEW.read),
        saved = saved + (NEW.saved != 0);
END;
