-- Schema 4: the outbox of bundles to send to the province hub, and the decisions fetched from it.

-- A bundle waiting for, or sent over, the network. The file lives in the data folder's outbox/.
CREATE TABLE outbox (
    bundle_id TEXT PRIMARY KEY,              -- the bag's External-Identifier: what makes an upload idempotent
    file_name TEXT NOT NULL,                 -- under outbox/
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,                    -- of the file as sent
    office_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    reports INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'uploading', 'sent', 'verified', 'rejected')),
    upload_url TEXT,                         -- the tus upload, kept so a cut upload resumes there
    sent_bytes INTEGER NOT NULL DEFAULT 0,   -- the hub's last acknowledged offset
    reason_code TEXT,                        -- why the hub refused it
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    queued_at TEXT NOT NULL,
    queued_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, queued_at);

-- Every decision a hub offered, and what became of it here (the cursor of the next fetch is a setting).
CREATE TABLE hub_decisions (
    hub_url TEXT NOT NULL,
    id INTEGER NOT NULL,                     -- the hub's decision id
    bundle_id TEXT NOT NULL,                 -- the decision bundle
    decides TEXT NOT NULL,                   -- the bundle sent from here it decides on
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'refused')),
    reason TEXT,
    reports INTEGER NOT NULL DEFAULT 0,      -- reports it changed
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (hub_url, id)
);
