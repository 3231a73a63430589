"""Local store: SQLite through sqlite-utils, the evidence files and the audit log."""
