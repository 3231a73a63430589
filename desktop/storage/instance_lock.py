"""One writer per data folder: a second copy of the app on the same folder is refused.

The lock is an OS file lock (flock / LockFileEx), released by the OS when the process ends,
however it ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.storage.errors import translate_os_error

LOCK_NAME = "spm-luring.lock"

if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class InstanceLock:
    """Holds the data folder's lock until released or the process exits."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        """Takes the lock or raises a UserError naming the process that holds it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise translate_os_error(exc, self.path.parent) from exc
        if not _try_lock(fd):
            holder = _read_pid(fd)
            os.close(fd)
            if holder:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "InstanceLock",
                        "SPM Luring sudah terbuka untuk folder data ini (proses {pid}). Gunakan jendela yang sudah terbuka; dua salinan tidak boleh menulis data yang sama.",
                    ),
                    pid=holder,
                )
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "InstanceLock",
                    "SPM Luring sudah terbuka untuk folder data ini. Gunakan jendela yang sudah terbuka; dua salinan tidak boleh menulis data yang sama.",
                )
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        """Lets another copy take the folder."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_pid(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return ""
