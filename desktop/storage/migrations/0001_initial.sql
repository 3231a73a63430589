-- Schema 1: the offline data-entry foundation.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL                      -- JSON
);

CREATE TABLE offices (
    id TEXT PRIMARY KEY,                     -- UUID; bundles refer to offices by it
    name TEXT NOT NULL,
    region_code TEXT NOT NULL,               -- the kabupaten/kota, e.g. 64.11
    area_level TEXT NOT NULL CHECK (area_level IN ('kecamatan', 'desa')),
    is_local INTEGER NOT NULL DEFAULT 0,     -- 1 for the office this install reports for
    created_at TEXT NOT NULL
);

CREATE TABLE office_services (
    office_id TEXT NOT NULL REFERENCES offices (id),
    service_code TEXT NOT NULL,
    PRIMARY KEY (office_id, service_code)
) WITHOUT ROWID;

CREATE TABLE areas (
    code TEXT PRIMARY KEY,                   -- kode wilayah
    name TEXT NOT NULL,
    level INTEGER NOT NULL,                  -- 2 kabupaten, 3 kecamatan, 4 desa/kelurahan
    parent_code TEXT
) WITHOUT ROWID;

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices (id),
    service_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    catalog_version TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    revision INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (office_id, service_code, year, quarter)
);
CREATE INDEX reports_by_period ON reports (year, quarter);

CREATE TABLE report_rows (
    report_id INTEGER NOT NULL REFERENCES reports (id),
    area_code TEXT NOT NULL,
    target INTEGER CHECK (target >= 0),
    served INTEGER CHECK (served >= 0),
    quality_required INTEGER CHECK (quality_required >= 0),
    quality_met INTEGER CHECK (quality_met >= 0),
    budget INTEGER CHECK (budget >= 0),
    spent INTEGER CHECK (spent >= 0),
    problems TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (report_id, area_code)
) WITHOUT ROWID;

CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY,                 -- the file's name in the evidence folder
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    extension TEXT NOT NULL,
    stored_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE evidence (
    id TEXT PRIMARY KEY,                     -- UUID
    report_id INTEGER NOT NULL REFERENCES reports (id),
    area_code TEXT,                          -- NULL: evidence for the whole report
    sha256 TEXT NOT NULL REFERENCES evidence_blobs (sha256),
    original_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    removed_at TEXT,
    removed_by TEXT
);
CREATE INDEX evidence_by_report ON evidence (report_id, area_code);

-- Append-only and hash-chained: each row carries the hash of the one before it.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    field TEXT,
    before TEXT,                             -- JSON
    after TEXT,                              -- JSON
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
