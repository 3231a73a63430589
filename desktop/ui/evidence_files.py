"""Read-only copies of evidence files for the system viewer."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

from desktop.storage.evidence import EvidenceItem
from desktop.storage.store import Store

VIEW_PREFIX = "spm-luring-lihat-"
VIEW_MAX_AGE = 24 * 3600  # copies older than this are cleared when the next one is made
_UNSAFE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_EXTENSIONS = {"jpg": {"jpg", "jpeg"}}


def viewer_name(item: EvidenceItem) -> str:
    """The original file name, made safe for any file system, ending in its real type's extension.

    The system picks the viewer by extension, so a PDF named "x.exe" must not keep ".exe".
    """
    name = _UNSAFE_CHARS.sub("_", item.original_name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    name = name[:150] or "berkas"
    stem, dot, extension = name.rpartition(".")
    if not dot or extension.lower() not in _EXTENSIONS.get(item.extension, {item.extension}):
        stem, name = name, f"{name}.{item.extension}"
    if stem.upper() in _WINDOWS_RESERVED:
        name = f"_{name}"
    return name


def viewable_copy(store: Store, item: EvidenceItem) -> Path:
    """A read-only copy of the stored file under its original name, in a fresh temporary folder.

    Viewers never get the stored file itself: one that saves in place would change the evidence.
    """
    _clear_old_copies()
    folder = Path(tempfile.mkdtemp(prefix=VIEW_PREFIX))
    target = folder / viewer_name(item)
    shutil.copyfile(store.evidence.path_of(item), target)
    os.chmod(target, stat.S_IREAD)
    return target


def _clear_old_copies() -> None:
    cutoff = time.time() - VIEW_MAX_AGE
    for folder in Path(tempfile.gettempdir()).glob(VIEW_PREFIX + "*"):
        try:
            info = folder.lstat()
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if not stat.S_ISDIR(info.st_mode) or not mine or info.st_mtime > cutoff:
                continue
            for copy in folder.iterdir():
                if not copy.is_symlink():
                    os.chmod(copy, stat.S_IREAD | stat.S_IWRITE)  # Windows refuses to delete read-only files
            shutil.rmtree(folder)
        except OSError:
            continue  # still open in a viewer, or not ours: try again next time
