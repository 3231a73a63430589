"""Where the shipped data (catalog, regions, translations, fonts) lives on disk."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The resources folder: from the environment, a frozen build, the source tree or the wheel."""
    candidates = []
    if env := os.environ.get("SPM_LURING_RESOURCES"):
        candidates.append(Path(env))
    if frozen := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(frozen) / "resources")
    package = Path(__file__).resolve().parent.parent
    candidates += [package.parent / "resources", package / "_resources"]
    for candidate in candidates:
        if (candidate / "catalog").is_dir():
            return candidate
    raise FileNotFoundError(f"resources folder not found (looked in {', '.join(map(str, candidates))})")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)
