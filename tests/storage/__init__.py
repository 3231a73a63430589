"""Storage: the SQLite file, migrations, evidence, audit log, locking, durability and faults."""
