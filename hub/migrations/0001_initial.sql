-- Settings of this hub: province name, the admin token's hash, the province key.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Each sending install: an office (OPD) or a district's Setda, with its minisign key and token hash.
CREATE TABLE offices (
    office_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('office', 'district')),
    public_key TEXT NOT NULL,
    key_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- The province page's logins (the admin token exchanged for a session cookie; its hash only).
CREATE TABLE admin_sessions (
    token_sha256 TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- One row per bundle UUID, whatever the number of uploads: received -> verified | rejected.
CREATE TABLE bundles (
    bundle_id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices (office_id),
    status TEXT NOT NULL CHECK (status IN ('received', 'verified', 'rejected')),
    reason_code TEXT,
    reason_message TEXT,
    size {bigint} NOT NULL,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    received_at TEXT NOT NULL,
    checked_at TEXT,
    office_name TEXT,
    district_code TEXT,
    district_name TEXT,
    year INTEGER,
    quarter INTEGER,
    catalog_version TEXT,
    created_at TEXT,
    signer_fingerprint TEXT
);
CREATE INDEX bundles_office ON bundles (office_id, status);
CREATE INDEX bundles_period ON bundles (year, quarter, district_code);

-- The reports a verified bundle carries, with their totals and rows (for scoring as the desktop does).
CREATE TABLE reports (
    bundle_id TEXT NOT NULL REFERENCES bundles (bundle_id),
    service_code TEXT NOT NULL,
    catalog_version TEXT NOT NULL,
    status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    revises TEXT,
    content_hash TEXT NOT NULL,
    target {bigint},
    served {bigint},
    quality_required {bigint},
    quality_met {bigint},
    budget {bigint},
    spent {bigint},
    rows_json TEXT NOT NULL,
    PRIMARY KEY (bundle_id, service_code)
);

-- The province's decisions, each a decision bundle signed with the province key; ids are the cursor.
CREATE TABLE decisions (
    id {id},
    decision_bundle_id TEXT NOT NULL UNIQUE,
    office_id TEXT NOT NULL REFERENCES offices (office_id),
    decides TEXT NOT NULL REFERENCES bundles (bundle_id),
    service_code TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('returned', 'approved')),
    notes_json TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    size {bigint} NOT NULL,
    sha256 TEXT NOT NULL,
    UNIQUE (decides, service_code)
);
CREATE INDEX decisions_office ON decisions (office_id, id);
