"""age encryption of finished bundles (.spmb.age), streamed both ways: memory stays flat.

Recipients are x25519 (`age1…`); identities are read from an age key file (`age-keygen` output:
comment lines and AGE-SECRET-KEY-1… lines). Debian's `age -d -i key.txt bundle.spmb.age` opens what
is written here.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.exchange.errors import (
    CancelCheck,
    Progress,
    check_cancel,
    never_cancelled,
    no_progress,
    refuse,
)
from desktop.storage.errors import translate_os_error

AGE_HEADER = b"age-encryption.org/v1\n"
MAX_IDENTITY_FILE = 64 * 1024


def is_age_file(path: Path) -> bool:
    """Whether the file starts like an age-encrypted file."""
    try:
        with Path(path).open("rb") as handle:
            return handle.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError:
        return False


def parse_recipient(text: str):
    """An x25519 age recipient (age1…); UserError when it is not one."""
    import pyrage

    cleaned = text.strip()
    try:
        if not cleaned.startswith("age1"):
            raise ValueError(cleaned)
        return pyrage.x25519.Recipient.from_str(cleaned)
    except (ValueError, pyrage.RecipientError):
        raise user_error(
            QT_TRANSLATE_NOOP("Encryption", "'{text}' bukan penerima age yang sah (harus diawali age1…)."),
            text=cleaned[:100],
        ) from None


def read_identities(path: Path) -> list:
    """The x25519 identities in an age key file; UserError when there is none."""
    import pyrage

    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_IDENTITY_FILE + 1)
    except FileNotFoundError:
        raise user_error(
            QT_TRANSLATE_NOOP("Encryption", "Berkas kunci age '{name}' tidak ditemukan."), name=str(path)
        ) from None
    except OSError as exc:
        raise translate_os_error(exc, path) from exc
    identities = []
    try:
        for raw in data[:MAX_IDENTITY_FILE].decode("utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith("#"):
                identities.append(pyrage.x25519.Identity.from_str(line))
    except (UnicodeDecodeError, ValueError, pyrage.IdentityError):
        identities = []
    if not identities:
        raise user_error(
            QT_TRANSLATE_NOOP("Encryption", "'{name}' bukan berkas kunci age (baris AGE-SECRET-KEY-1…)."),
            name=str(path),
        )
    return identities


class _Reader:
    """Feeds pyrage from a file in chunks, reporting progress and stopping on cancel."""

    def __init__(self, handle, total: int, progress: Progress, cancelled: CancelCheck, offset: int = 0):
        self.handle, self.total, self.progress, self.cancelled = handle, total, progress, cancelled
        self.done, self.offset, self.error = 0, offset, None

    def read(self, size: int = -1) -> bytes:
        try:
            check_cancel(self.cancelled)
            data = self.handle.read(size if size and size > 0 else 1024 * 1024)
        except BaseException as exc:
            self.error = exc
            raise
        self.done += len(data)
        self.progress(self.offset + self.done, self.total)
        return data


class _Writer:
    """Writes pyrage's output to a file while hashing it; keeps the first failure for the caller."""

    def __init__(self, handle, cancelled: CancelCheck = never_cancelled):
        self.handle, self.cancelled = handle, cancelled
        self.digest, self.size, self.error = hashlib.sha256(), 0, None

    def write(self, data) -> int:
        try:
            check_cancel(self.cancelled)
            self.handle.write(data)
        except BaseException as exc:
            self.error = exc
            raise
        self.digest.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self.handle.flush()


def encrypt_file(
    source: Path,
    target_handle,
    recipients: Sequence[str],
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    offset: int = 0,
    total: int = 0,
) -> tuple[str, int]:
    """Encrypts `source` to the recipients into an open file; returns the ciphertext's SHA-256 and size."""
    import pyrage

    parsed = [parse_recipient(r) for r in recipients]
    size = source.stat().st_size
    with source.open("rb") as handle:
        reader = _Reader(handle, total or size, progress, cancelled, offset)
        writer = _Writer(target_handle)
        try:
            pyrage.encrypt_io(reader, writer, parsed)
        except (pyrage.EncryptError, OSError):
            if reader.error is not None:
                raise reader.error from None
            if writer.error is not None:
                raise writer.error from None
            raise
    return writer.digest.hexdigest(), writer.size


def decrypt_to_temporary(
    source: Path,
    identity_file: Path,
    work_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Path:
    """Decrypts a .spmb.age into a temporary file in `work_dir` (the data folder), streamed.

    BundleError (stage "decrypt") when the identity does not open it or it is damaged; the partial
    plaintext is removed on any failure.
    """
    import pyrage

    identities = read_identities(identity_file)
    work_dir.mkdir(parents=True, exist_ok=True)
    target = work_dir / f"incoming-{secrets.token_hex(8)}.spmb"
    try:
        size = source.stat().st_size
        with source.open("rb") as handle, target.open("wb") as out:
            reader = _Reader(handle, size, progress, cancelled)
            writer = _Writer(out, cancelled)
            try:
                pyrage.decrypt_io(reader, writer, identities)
            except (pyrage.DecryptError, OSError) as exc:
                # Our own reads and writes keep their error; anything else is the ciphertext's fault
                # (pyrage reports a damaged or cut-off chunk as an OSError "decryption error").
                for error in (reader.error, writer.error):
                    if error is not None:
                        raise error from None
                if "No matching keys" in str(exc):
                    raise refuse("decrypt", "decrypt.wrong_identity", WRONG_IDENTITY) from None
                raise refuse("decrypt", "decrypt.damaged", DAMAGED) from None
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise translate_os_error(exc, work_dir) from exc
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


WRONG_IDENTITY = QT_TRANSLATE_NOOP(
    "BundleCheck", "Paket terenkripsi ini tidak ditujukan untuk kunci age yang diberikan; tidak dapat dibuka."
)
DAMAGED = QT_TRANSLATE_NOOP("BundleCheck", "Paket terenkripsi rusak atau terpotong; tidak dapat dibuka.")
NEEDS_IDENTITY = QT_TRANSLATE_NOOP(
    "BundleCheck", "Paket ini terenkripsi (age). Berikan berkas kunci age penerimanya untuk membukanya."
)
