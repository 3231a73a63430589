-- Schema 3: local accounts and roles, the review workflow (transitions and notes), period deadlines.

-- Who may use this install. No account at all means the install predates accounts (or was set up from
-- the command line without one): it then works as before, as its operator, until the first account exists.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name TEXT NOT NULL,
    nip TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('operator', 'verifier', 'admin')),
    password_hash TEXT NOT NULL,             -- scrypt$n$r$p$salt$hash (base64)
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    disabled_at TEXT
);

-- Failed logins since the last successful one, per user name: what the rate limit counts.
CREATE TABLE login_failures (
    username TEXT NOT NULL COLLATE NOCASE,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_by_user ON login_failures (username, at);

-- Every step of the review workflow (also in the audit log; here so it can be queried).
CREATE TABLE report_transitions (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    transition TEXT NOT NULL CHECK (transition IN ('submit', 'return', 'approve')),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    source_bundle_id TEXT                    -- set when the step arrived in a bundle
);
CREATE INDEX report_transitions_by_report ON report_transitions (report_id, id);

-- The reviewer's notes of a return: for the whole report (area_code NULL) or for one row.
CREATE TABLE review_notes (
    id INTEGER PRIMARY KEY,
    transition_id INTEGER NOT NULL REFERENCES report_transitions (id),
    area_code TEXT,
    note TEXT NOT NULL
);
CREATE INDEX review_notes_by_transition ON review_notes (transition_id);

-- When a period closes for operators, and an admin's reopening.
CREATE TABLE period_deadlines (
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    closes_on TEXT NOT NULL,                 -- the last day operators may work, ISO date
    opened_until TEXT,                       -- reopened by an admin through this day, ISO date
    PRIMARY KEY (year, quarter)
) WITHOUT ROWID;

-- What an evidence file is: supporting data, or the printed report form signed and scanned back.
ALTER TABLE evidence ADD COLUMN kind TEXT NOT NULL DEFAULT 'evidence' CHECK (kind IN ('evidence', 'signed_form'));
