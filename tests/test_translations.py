"""Every user-facing text has its English translation, with the same {placeholders}.

Indonesian is the source language; the English file must keep up with the code. The check runs
Qt's own extractor (pyside6-lupdate) over the sources, as `make update-translations` does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "resources" / "i18n" / "spm_luring_en.ts"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def lupdate() -> Path:
    """The lupdate that ships with PySide6 in this venv."""
    found = Path(sys.executable).parent / "pyside6-lupdate"
    return found if found.exists() else Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type) for every message of a .ts file."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source"))] = (translation.text or "", translation.get("type"))
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """What the code holds now, extracted the way `make update-translations` does."""
    out = tmp_path_factory.mktemp("ts") / "current.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run(
        [str(lupdate()), "-silent", "-locations", "none", *sources, "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    return messages(out)


def test_the_code_has_user_facing_texts(extracted):
    assert len(extracted) > 100
    assert ("Validation", "{column} tidak boleh negatif ({value}).") in extracted


def test_every_text_is_translated_to_english(extracted):
    committed = messages(COMMITTED)
    missing = sorted(k for k in extracted if k not in committed or committed[k][1] in ("unfinished", "vanished"))
    assert not missing, (
        f"{len(missing)} texts lack an English translation (run make update-translations): {missing[:10]}"
    )


def test_translations_keep_the_placeholders():
    for (context, source), (translation, kind) in messages(COMMITTED).items():
        if kind in ("unfinished", "obsolete", "vanished"):
            continue
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(source)), (context, source)
