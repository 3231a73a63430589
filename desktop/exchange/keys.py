"""The office signing key (Ed25519, minisign format) and other parties' public keys.

The secret key is a standard minisign secret-key file encrypted with the operator's passphrase
(scrypt), at <data_dir>/keys/office.key, so `minisign -S -s office.key` can use it too; the public
key is keys/office.pub. A person compares keys by their fingerprint: the first 80 bits of SHA-256
over the raw 32-byte Ed25519 public key, as five groups of four hex digits (4F2A-91C3-7B0D-E6A5-0C11).
Unlike minisign's key id (8 random bytes chosen by whoever made the key) it is derived from the key
itself, so nobody can make a second key with the same fingerprint; both are shown.

File work only here; what the database remembers of the office key is in storage.trust_store.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.storage.durable_files import fsync_dir
from desktop.storage.errors import translate_os_error

KEYS_DIR = "keys"
ARCHIVE_DIR = "archive"
SECRET_NAME = "office.key"
PUBLIC_NAME = "office.pub"
MIN_PASSPHRASE = 8
MAX_PASSPHRASE = 1024
MAX_KEY_FILE = 64 * 1024  # a minisign key file is two short lines; anything bigger is not one

_ALG_ED25519 = b"Ed"
_PUBLIC_KEY_BYTES = 2 + 8 + 32  # algorithm, key id, key


@dataclass(frozen=True)
class PublicKeyInfo:
    """A minisign public key, with the two names people know it by."""

    key_id: str  # 16 upper-case hex digits, as minisign prints it
    public_key: str  # the base64 line of a minisign .pub file
    fingerprint: str  # 4F2A-91C3-7B0D-E6A5-0C11
    raw: bytes  # the 32-byte Ed25519 key

    def file_text(self, label: str = "") -> str:
        """The contents of a minisign .pub file (printable ASCII comment, as minisign requires)."""
        comment = f"minisign public key {self.key_id}"
        if label:
            comment += f" - {_ascii(label)}"
        comment += f" - fingerprint {self.fingerprint}"
        return f"untrusted comment: {comment}\n{self.public_key}\n"

    def minisign_key(self):
        """The key as py-minisign's PublicKey, for verifying."""
        import minisign

        return minisign.PublicKey.from_base64(self.public_key)


def fingerprint_of(raw_key: bytes) -> str:
    """The first 80 bits of SHA-256 over the raw Ed25519 key: 4F2A-91C3-7B0D-E6A5-0C11."""
    digits = hashlib.sha256(raw_key).hexdigest()[:20].upper()
    return "-".join(digits[i : i + 4] for i in range(0, 20, 4))


def normalize_fingerprint(text: str) -> str:
    """A fingerprint as typed ("4f2a91c3 7b0d…", with or without dashes) in its shown form."""
    digits = "".join(ch for ch in text.upper() if ch not in " -:")
    if len(digits) == 20 and all(ch in "0123456789ABCDEF" for ch in digits):
        return "-".join(digits[i : i + 4] for i in range(0, 20, 4))
    return text.strip().upper()


def _ascii(text: str) -> str:
    cleaned = "".join(ch if " " <= ch < "\x7f" else "?" for ch in text)
    return cleaned[:200]


def parse_public_key(data: str | bytes, source: str = "") -> PublicKeyInfo:
    """A minisign public key from a .pub file's text (two lines) or its bare base64 line.

    UserError when it is not an Ed25519 minisign public key.
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _not_a_public_key(source) from None
    lines = [line.strip() for line in data.replace("\r\n", "\n").split("\n") if line.strip()]
    if lines and lines[0].startswith("untrusted comment:"):
        lines = lines[1:]
    if len(lines) != 1:
        raise _not_a_public_key(source)
    try:
        decoded = base64.b64decode(lines[0], validate=True)
    except (binascii.Error, ValueError):
        raise _not_a_public_key(source) from None
    if len(decoded) != _PUBLIC_KEY_BYTES or decoded[:2] != _ALG_ED25519:
        raise _not_a_public_key(source)
    key_id = decoded[2:10][::-1].hex().upper()  # minisign prints the little-endian id as a number
    raw = decoded[10:]
    return PublicKeyInfo(key_id, base64.b64encode(decoded).decode("ascii"), fingerprint_of(raw), raw)


def read_public_key_file(path: Path) -> PublicKeyInfo:
    """A minisign .pub file; UserError when it is missing, too big or not a key."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except FileNotFoundError:
        raise user_error(QT_TRANSLATE_NOOP("Keys", "Berkas kunci '{name}' tidak ditemukan."), name=str(path)) from None
    except OSError as exc:
        raise translate_os_error(exc, path) from exc
    if len(data) > MAX_KEY_FILE:
        raise _not_a_public_key(str(path))
    return parse_public_key(data, str(path))


def _not_a_public_key(source: str):
    return user_error(
        QT_TRANSLATE_NOOP(
            "Keys", "'{name}' bukan kunci publik minisign (Ed25519). Mintalah berkas .pub dari pemilik kuncinya."
        ),
        name=source or "?",
    )


def key_id_of(public_key_b64: str) -> str:
    """The key id of a minisign base64 public key line."""
    return parse_public_key(public_key_b64).key_id


# --- passphrases --------------------------------------------------------------------------------


def check_passphrase(passphrase: str) -> None:
    """Refuses a passphrase that is too short, too long or not plain text."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise user_error(
            QT_TRANSLATE_NOOP("Keys", "Frasa sandi terlalu pendek: paling sedikit {minimum} karakter."),
            minimum=MIN_PASSPHRASE,
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise user_error(
            QT_TRANSLATE_NOOP("Keys", "Frasa sandi terlalu panjang: paling banyak {maximum} karakter."),
            maximum=MAX_PASSPHRASE,
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in passphrase):
        raise user_error(QT_TRANSLATE_NOOP("Keys", "Frasa sandi tidak boleh memuat karakter kendali (Tab, Enter)."))
    if not passphrase.strip():
        raise user_error(QT_TRANSLATE_NOOP("Keys", "Frasa sandi tidak boleh hanya spasi."))


def read_passphrase_file(path: Path) -> str:
    """The passphrase in a file (its first line, without the line break), UTF-8."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_PASSPHRASE * 4 + 3)
    except FileNotFoundError:
        raise user_error(
            QT_TRANSLATE_NOOP("Keys", "Berkas frasa sandi '{name}' tidak ditemukan."), name=str(path)
        ) from None
    except OSError as exc:
        raise translate_os_error(exc, path) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise user_error(
            QT_TRANSLATE_NOOP("Keys", "Berkas frasa sandi '{name}' bukan teks UTF-8."), name=str(path)
        ) from None
    return text.split("\n", 1)[0].removesuffix("\r")


# --- the office key on disk ---------------------------------------------------------------------


def keys_dir(data_dir: Path) -> Path:
    """Where the office key files are."""
    return Path(data_dir) / KEYS_DIR


def office_key_paths(data_dir: Path) -> tuple[Path, Path]:
    """(secret key file, public key file) of the office key."""
    folder = keys_dir(data_dir)
    return folder / SECRET_NAME, folder / PUBLIC_NAME


def office_key_files_exist(data_dir: Path) -> bool:
    """Whether either office key file is there."""
    return any(p.exists() for p in office_key_paths(data_dir))


def read_office_public_key(data_dir: Path) -> PublicKeyInfo | None:
    """The office's public key file, or None when there is none."""
    public = office_key_paths(data_dir)[1]
    if not public.exists():
        return None
    return read_public_key_file(public)


def generate_office_key(data_dir: Path, passphrase: str, *, replace: bool = False, label: str = "") -> PublicKeyInfo:
    """Makes a new key pair and writes both files atomically; no database work.

    Refuses when key files exist, unless `replace`: then the old files move to keys/archive/.
    """
    import minisign

    check_passphrase(passphrase)
    secret_path, public_path = office_key_paths(data_dir)
    if office_key_files_exist(data_dir) and not replace:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Keys",
                "Kunci kantor sudah ada di {folder}. Untuk menggantinya gunakan --replace; kunci lama diarsipkan dan mitra perlu kunci publik yang baru.",
            ),
            folder=str(secret_path.parent),
        )
    pair = minisign.KeyPair.generate()
    with pair.secret_key as secret:
        secret.encrypt(passphrase)
        secret_text = bytes(secret) + b"\n"
    info = parse_public_key(pair.public_key.to_base64())
    folder = secret_path.parent
    temporaries: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if replace:
            _archive_old_files(folder, secret_path, public_path)
        stamp = secrets.token_hex(4)
        secret_tmp = folder / f".{SECRET_NAME}.{stamp}.tmp"
        public_tmp = folder / f".{PUBLIC_NAME}.{stamp}.tmp"
        temporaries = [secret_tmp, public_tmp]
        _write_synced(secret_tmp, secret_text, mode=0o600)
        _write_synced(public_tmp, info.file_text(label).encode("ascii"), mode=0o644)
        os.replace(secret_tmp, secret_path)
        os.replace(public_tmp, public_path)
        fsync_dir(folder)
    except OSError as exc:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
        raise translate_os_error(exc, folder) from exc
    return info


def _archive_old_files(folder: Path, secret_path: Path, public_path: Path) -> None:
    archive = folder / ARCHIVE_DIR
    archive.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    for path in (secret_path, public_path):
        if path.exists():
            os.replace(path, archive / f"{path.stem}-{stamp}-{secrets.token_hex(2)}{path.suffix}")
    fsync_dir(archive)


def _write_synced(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_public_key_file(info: PublicKeyInfo, out: Path, label: str = "") -> Path:
    """Writes a minisign .pub file atomically (temporary name, sync, rename)."""
    from desktop.storage.durable_files import commit_file

    out = Path(out)
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_bytes(info.file_text(label).encode("ascii"))
        commit_file(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise translate_os_error(exc, out.parent) from exc
    return out


class OfficeSigner:
    """The unlocked office secret key; sign with it, then `close()` (wipes the key from memory)."""

    def __init__(self, secret, public: PublicKeyInfo):
        self._secret, self.public = secret, public

    def sign(self, data: bytes, trusted_comment: str) -> bytes:
        """A minisign signature file (.minisig) over `data`, with the trusted comment."""
        signature = self._secret.sign(
            data,
            prehash=True,
            untrusted_comment=f"signature from SPM Luring office key {self.public.key_id}",
            trusted_comment=trusted_comment,
        )
        return bytes(signature) + b"\n"

    def close(self) -> None:
        """Wipes the secret key."""
        self._secret.wipe()

    def __enter__(self) -> OfficeSigner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def unlock_office_key(data_dir: Path, passphrase: str, expected: PublicKeyInfo | None = None) -> OfficeSigner:
    """Decrypts the office secret key; UserError for a missing key, a wrong passphrase or a key
    that is not the one this install recorded (`expected`)."""
    import minisign

    secret_path = office_key_paths(data_dir)[0]
    try:
        with secret_path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except FileNotFoundError:
        raise no_office_key() from None
    except OSError as exc:
        raise translate_os_error(exc, secret_path) from exc
    try:
        secret = minisign.SecretKey.from_bytes(data)
    except (minisign.Error, ValueError):
        raise user_error(
            QT_TRANSLATE_NOOP("Keys", "Berkas kunci rahasia {name} rusak atau bukan kunci minisign."),
            name=str(secret_path),
        ) from None
    try:
        secret.decrypt(passphrase)
    except minisign.Error:
        secret.wipe()
        raise user_error(QT_TRANSLATE_NOOP("Keys", "Frasa sandi kunci kantor salah.")) from None
    public = parse_public_key(secret.get_public_key().to_base64())
    if expected is not None and public.raw != expected.raw:
        secret.wipe()
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Keys",
                "Kunci di {name} ({found}) bukan kunci kantor yang tercatat ({expected}). Pulihkan berkas kuncinya atau buat kunci baru.",
            ),
            name=str(secret_path),
            found=public.fingerprint,
            expected=expected.fingerprint,
        )
    return OfficeSigner(secret, public)


def no_office_key():
    """The office has no signing key yet."""
    return user_error(
        QT_TRANSLATE_NOOP(
            "Keys",
            "Kunci tanda tangan kantor belum dibuat. Buat dahulu (menu Berkas › Kunci & kepercayaan, atau 'spm-luring key create').",
        )
    )
