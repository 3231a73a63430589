"""Who signs the printed forms: the head of office ("Mengetahui"), the place and the date of signing.

The operator's name and NIP come from the install's set-up; the rest is kept in the settings table
(key "signatories") and every change is audited ("settings.signatories"). An empty value means
"use the default": the head's title is "Kepala <office>", the place is the district's name without
"Kabupaten " (the capital is not in the shipped data; set it, e.g. "Ujoh Bilang"), the date is
the day of printing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.workflow import Permission
from desktop.storage.installation import Installation, validate_nip

if TYPE_CHECKING:
    from desktop.storage.store import Store

SETTINGS_KEY = "signatories"
AUDIT_ACTION = "settings.signatories"
MAX_TEXT = 200  # a name, title or place longer than this is a paste gone wrong


@dataclass(frozen=True)
class Signatories:
    """What the signature blocks print; empty strings (and no date) stand for the defaults."""

    head_name: str = ""
    head_nip: str = ""
    head_title: str = ""  # e.g. "Kepala Dinas Kesehatan"
    head_rank: str = ""  # pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)"; printed when given
    place: str = ""  # where the forms are signed, e.g. "Ujoh Bilang"
    sign_date: date | None = None  # None: the day the form is printed

    def resolved(self, installation: Installation, today: date) -> Signatories:
        """A copy with every default filled in, as the forms print it."""
        return replace(
            self,
            head_title=self.head_title or default_title(installation.office.name),
            place=self.place or default_place(installation.district_name),
            sign_date=self.sign_date or today,
        )

    def as_json(self) -> dict:
        """The stored form (the date as ISO text)."""
        data = asdict(self)
        data["sign_date"] = self.sign_date.isoformat() if self.sign_date else None
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> Signatories:
        """Reads the stored form; unknown keys are ignored, a damaged date is dropped."""
        if not isinstance(data, dict):
            return cls()
        try:
            day = date.fromisoformat(data["sign_date"]) if data.get("sign_date") else None
        except (TypeError, ValueError):
            day = None
        return cls(
            head_name=str(data.get("head_name") or ""),
            head_nip=str(data.get("head_nip") or ""),
            head_title=str(data.get("head_title") or ""),
            head_rank=str(data.get("head_rank") or ""),
            place=str(data.get("place") or ""),
            sign_date=day,
        )


def default_title(office_name: str) -> str:
    """The head of an office: "Dinas Kesehatan" -> "Kepala Dinas Kesehatan"."""
    name = " ".join(office_name.split())
    return name if name.lower().startswith("kepala ") else f"Kepala {name}"


def default_place(district_name: str) -> str:
    """The district's name without its kind: "Kabupaten Mahakam Ulu" -> "Mahakam Ulu"."""
    name = " ".join(district_name.split())
    for prefix in ("Kabupaten ", "Kab. ", "Kota "):
        if name.startswith(prefix):
            return name.removeprefix(prefix)
    return name


def get_signatories(store: Store) -> Signatories:
    """The stored signatories (defaults not filled in)."""
    return Signatories.from_json(store.settings.get(SETTINGS_KEY))


def save_signatories(store: Store, signatories: Signatories) -> Signatories:
    """Checks and stores the signatories in one audited transaction; returns what was stored."""
    store.access.require(Permission.MANAGE_KEYS)
    cleaned = _checked(signatories)
    before = get_signatories(store)
    if cleaned == before:
        return cleaned
    with store.database.write() as conn:
        store.settings.put(conn, SETTINGS_KEY, cleaned.as_json())
        store.audit.record(
            conn, store.actor(), AUDIT_ACTION, "settings/signatories", before=before.as_json(), after=cleaned.as_json()
        )
    return cleaned


def _checked(signatories: Signatories) -> Signatories:
    texts = {
        name: " ".join(getattr(signatories, name).split()) for name in ("head_name", "head_title", "head_rank", "place")
    }
    for value in texts.values():
        if len(value) > MAX_TEXT:
            raise user_error(
                QT_TRANSLATE_NOOP("Signatories", "Teks penandatangan terlalu panjang (paling banyak {limit} huruf)."),
                limit=MAX_TEXT,
            )
    day = signatories.sign_date
    if day is not None and not 2000 <= day.year <= 2100:
        raise user_error(
            QT_TRANSLATE_NOOP("Signatories", "Tanggal penandatanganan {date} tidak masuk akal."), date=day.isoformat()
        )
    return Signatories(**texts, head_nip=validate_nip(signatories.head_nip), sign_date=day)
