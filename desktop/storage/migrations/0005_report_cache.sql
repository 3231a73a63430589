-- Schema 5: a per-report cache of the content hash and the sums scoring needs, so that a rekap or a
-- summary reads one row per report instead of every area row, and hashes nothing.

-- One row per report. A row whose content_hash is NULL is stale: the triggers below make it so on any
-- change the hash or the sums depend on, whoever writes (the program, a bundle, a migration, a hand
-- edit), and the program recomputes stale rows before it commits (desktop/storage/report_cache.py).
-- A report without a row (or with a stale one) is read from its area rows, as before this cache.
CREATE TABLE report_cache (
    report_id INTEGER PRIMARY KEY,           -- reports.id
    content_hash TEXT,                       -- Report.content_hash(); NULL: stale, to be recomputed
    target INTEGER,                          -- Totals.of(rows): each sum NULL when no row has the figure
    served INTEGER,
    quality_required INTEGER,
    quality_met INTEGER,
    budget INTEGER,
    spent INTEGER,
    served_with_target INTEGER,
    has_data INTEGER,                        -- 1 when some row is not empty
    over_target INTEGER                      -- 1 when some row served more than its target
);
CREATE INDEX report_cache_stale ON report_cache (report_id) WHERE content_hash IS NULL;

-- Marking stale is a DELETE then an INSERT, never INSERT OR REPLACE: a conflict clause in a trigger gives
-- way to the one of the statement that fired it (INSERT OR IGNORE INTO report_rows would keep a stale row).
CREATE TRIGGER report_cache_row_insert AFTER INSERT ON report_rows
BEGIN
    DELETE FROM report_cache WHERE report_id = NEW.report_id;
    INSERT INTO report_cache (report_id) VALUES (NEW.report_id);
END;

-- Any column: a later migration that adds one the hash covers needs no change here.
CREATE TRIGGER report_cache_row_update AFTER UPDATE ON report_rows
BEGIN
    DELETE FROM report_cache WHERE report_id IN (OLD.report_id, NEW.report_id);
    INSERT INTO report_cache (report_id) VALUES (NEW.report_id);
    INSERT INTO report_cache (report_id) SELECT OLD.report_id WHERE OLD.report_id IS NOT NEW.report_id;
END;

CREATE TRIGGER report_cache_row_delete AFTER DELETE ON report_rows
BEGIN
    DELETE FROM report_cache WHERE report_id = OLD.report_id;
    INSERT INTO report_cache (report_id) VALUES (OLD.report_id);
END;

CREATE TRIGGER report_cache_report_insert AFTER INSERT ON reports
BEGIN
    DELETE FROM report_cache WHERE report_id = NEW.id;
    INSERT INTO report_cache (report_id) VALUES (NEW.id);
END;

-- The columns the content hash covers besides the rows (office, service, period, catalog); status and
-- revision are read from reports itself.
CREATE TRIGGER report_cache_report_update AFTER UPDATE OF id, office_id, service_code, year, quarter, catalog_version ON reports
BEGIN
    DELETE FROM report_cache WHERE report_id IN (OLD.id, NEW.id);
    INSERT INTO report_cache (report_id) VALUES (NEW.id);
END;

CREATE TRIGGER report_cache_report_delete AFTER DELETE ON reports
BEGIN
    DELETE FROM report_cache WHERE report_id = OLD.id;
END;

-- Every report so far is stale; the program fills them in when it opens the upgraded folder.
INSERT INTO report_cache (report_id) SELECT id FROM reports;
