"""Where an install keeps its database and evidence: the user data folder, or one given."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "SPM_LURING_DATA_DIR"
DB_NAME = "spm-luring.sqlite"
EVIDENCE_DIR = "evidence"
BACKUP_DIR = "backups"
OUTBOX_DIR = "outbox"  # bundles waiting to be sent to the province hub


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--data-dir wins, then SPM_LURING_DATA_DIR, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    if env := os.environ.get(ENV_VAR):
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("SPM Luring", appauthor=False, roaming=False))
