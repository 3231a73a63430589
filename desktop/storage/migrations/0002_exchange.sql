-- Schema 2: keys and trust, bundles sent and received, and the revision chain of every report.

-- Other parties' public keys (minisign, Ed25519) whose bundles this install accepts.
-- A removed key keeps its row (removed_at set), so the audit log and old bundles still name it.
CREATE TABLE trusted_keys (
    id INTEGER PRIMARY KEY,
    key_id TEXT NOT NULL,                    -- minisign key id, 16 upper-case hex (chosen by the key's maker)
    public_key TEXT NOT NULL,                -- the minisign base64 line
    fingerprint TEXT NOT NULL,               -- SHA-256 of the raw key, 80 bits: 4F2A-91C3-7B0D-E6A5-0C11
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('office', 'district', 'province')),
    office_id TEXT,                          -- the office the key speaks for (bound at its first bundle if not given)
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    removed_at TEXT,
    removed_by TEXT
);
CREATE UNIQUE INDEX trusted_keys_active_key_id ON trusted_keys (key_id) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX trusted_keys_active_fingerprint ON trusted_keys (fingerprint) WHERE removed_at IS NULL;

-- age recipients (x25519) that bundles carrying personal data may be encrypted to (the province).
CREATE TABLE age_recipients (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,                 -- age1…
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    removed_at TEXT,
    removed_by TEXT
);
CREATE UNIQUE INDEX age_recipients_active ON age_recipients (recipient) WHERE removed_at IS NULL;

-- Every bundle this install wrote (export) or took in (import).
CREATE TABLE bundles (
    bundle_id TEXT PRIMARY KEY,              -- UUID, the bag's External-Identifier
    direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    office_id TEXT NOT NULL REFERENCES offices (id),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    catalog_version TEXT NOT NULL,
    signer_key_id TEXT NOT NULL,
    signer_fingerprint TEXT NOT NULL,
    file_name TEXT NOT NULL,                 -- as written or received (no folder)
    file_sha256 TEXT NOT NULL,               -- of the .spmb (the plaintext when it travelled encrypted)
    file_size INTEGER NOT NULL,
    tagmanifest_sha256 TEXT NOT NULL,        -- what the signature covers
    encrypted INTEGER NOT NULL DEFAULT 0,
    bagged_at TEXT NOT NULL,                 -- Bagging-Date (UTC timestamp) from bag-info.txt
    recorded_at TEXT NOT NULL,               -- when it was exported or imported here
    recorded_by TEXT NOT NULL
);
CREATE INDEX bundles_by_office_period ON bundles (office_id, year, quarter);

-- The revisions of each report as bundles carried them: revision n revises the bundle of revision n-1.
-- One 'current' revision per report; a second bundle revising the same revision is kept as 'conflict'.
CREATE TABLE report_revisions (
    office_id TEXT NOT NULL REFERENCES offices (id),
    service_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    bundle_id TEXT NOT NULL REFERENCES bundles (bundle_id),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    revises_bundle_id TEXT,                  -- NULL for a report's first bundle
    content_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('current', 'superseded', 'conflict')),
    snapshot TEXT NOT NULL,                  -- JSON: status, catalog, rows and evidence as the bundle carried them
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (office_id, service_code, year, quarter, bundle_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX report_revisions_one_current ON report_revisions (office_id, service_code, year, quarter)
    WHERE state = 'current';
