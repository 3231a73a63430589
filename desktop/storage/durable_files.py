"""Files that matter are written to a temporary name, synced, then renamed into place."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """Flushes a file's bytes to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flushes a folder's entries (a rename is durable only then); a no-op where folders can't be opened."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_file(temporary: Path, final: Path) -> None:
    """Syncs `temporary`, renames it to `final` and syncs the folder."""
    fsync_path(temporary)
    os.replace(temporary, final)
    fsync_dir(final.parent)
