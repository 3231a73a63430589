"""The hub's schema, as numbered SQL files (0001_initial.sql, ...) shared by SQLite and PostgreSQL.

A file is plain SQL in the subset both dialects speak; `{id}` stands for an auto-numbered primary key
and `{bigint}` for a 64-bit integer (see hub.db.Dialect). Statements are separated by ";" at a line's end.
"""
