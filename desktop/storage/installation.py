"""Setting up an install: its district, its office (OPD), the services it reports, its operator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.domain.catalog import Catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP, user_error
from desktop.domain.region_codes import RegionLevel
from desktop.storage.areas import AreaRepository
from desktop.storage.audit import AuditLog, now_utc
from desktop.storage.database import Database
from desktop.storage.settings import Settings

AREA_LEVELS = ("kecamatan", "desa")

if TYPE_CHECKING:
    from desktop.domain.regions import RegionIndex


@dataclass(frozen=True)
class Office:
    """A reporting office (OPD) and the service types it reports."""

    id: str
    name: str
    region_code: str
    area_level: str
    services: tuple[str, ...]


@dataclass(frozen=True)
class Installation:
    """What this install is set up for."""

    district_code: str
    district_name: str
    province_name: str
    office: Office
    operator_name: str
    operator_nip: str

    @property
    def actor(self) -> str:
        """How the operator is named in the audit log."""
        return f"{self.operator_name} (NIP {self.operator_nip})" if self.operator_nip else self.operator_name


def validate_nip(nip: str) -> str:
    """A NIP (civil-servant number) is 18 digits; spaces are allowed as typed on forms."""
    digits = nip.replace(" ", "")
    if digits and not re.fullmatch(r"[0-9]{18}", digits):  # ASCII only: isdigit() also takes "١"
        raise user_error(QT_TRANSLATE_NOOP("Setup", "NIP harus 18 angka (tertulis: '{nip}')."), nip=nip)
    return digits


class InstallationRepository:
    """Creates and reads the install's set-up."""

    def __init__(self, database: Database, settings: Settings, audit: AuditLog, areas: AreaRepository):
        self.database, self.settings, self.audit, self.areas = database, settings, audit, areas

    def initialize(
        self,
        *,
        catalog: Catalog,
        regions: RegionIndex,
        district_code: str,
        office_name: str,
        operator_name: str,
        operator_nip: str = "",
        services: list[str] | None = None,
        area_level: str = "kecamatan",
    ) -> Installation:
        """Sets the install up once; refuses a second set-up and anything it cannot check."""
        if self.load() is not None:
            raise user_error(
                QT_TRANSLATE_NOOP("Setup", "Aplikasi ini sudah disiapkan untuk {office}."),
                office=self.load().office.name,
            )
        district = regions.get(district_code)
        if district is None or district.level is not RegionLevel.REGENCY:
            raise user_error(
                QT_TRANSLATE_NOOP("Setup", "Kode '{code}' bukan kode kabupaten/kota yang dikenal (contoh: 64.11)."),
                code=district_code,
            )
        office_name, operator_name = office_name.strip(), operator_name.strip()
        if not office_name:
            raise user_error(QT_TRANSLATE_NOOP("Setup", "Nama perangkat daerah (OPD) wajib diisi."))
        if not operator_name:
            raise user_error(QT_TRANSLATE_NOOP("Setup", "Nama operator wajib diisi."))
        nip = validate_nip(operator_nip)
        if area_level not in AREA_LEVELS:
            raise user_error(QT_TRANSLATE_NOOP("Setup", "Tingkat wilayah harus kecamatan atau desa."))
        chosen = services if services else [s.code for s in catalog.services]
        unknown = [c for c in chosen if not catalog.has_service(c)]
        if unknown:
            raise user_error(
                QT_TRANSLATE_NOOP("Setup", "Kode layanan tidak dikenal: {codes}."), codes=", ".join(unknown)
            )
        province = regions.get(district.parent_code or "")
        import uuid  # here, not at start-up: it imports platform

        office = Office(str(uuid.uuid4()), office_name, district.code, area_level, tuple(dict.fromkeys(chosen)))
        actor = f"{operator_name} (NIP {nip})" if nip else operator_name
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO offices (id, name, region_code, area_level, is_local, created_at) VALUES (?, ?, ?, ?, 1, ?)",
                (office.id, office.name, office.region_code, office.area_level, now_utc()),
            )
            conn.executemany(
                "INSERT INTO office_services (office_id, service_code) VALUES (?, ?)",
                [(office.id, code) for code in office.services],
            )
            count = self.areas.replace(conn, district, regions.descendants(district.code))
            for key, value in (
                ("district_code", district.code),
                ("district_name", district.name),
                ("province_name", province.name if province else ""),
                ("operator_name", operator_name),
                ("operator_nip", nip),
            ):
                self.settings.put(conn, key, value)
            self.audit.record(
                conn,
                actor,
                "install.setup",
                f"office/{office.id}",
                after={
                    "district": district.code,
                    "office": office.name,
                    "services": list(office.services),
                    "area_level": area_level,
                    "areas": count,
                },
            )
        return self.load()

    def offices(self) -> list[Office]:
        """Every office this install knows: its own first, then those whose bundles it imported, by name."""
        rows = self.database.query(
            "SELECT id, name, region_code, area_level FROM offices ORDER BY is_local DESC, name COLLATE NOCASE"
        )
        return [self._office(row) for row in rows]

    def find_office(self, id_or_name: str) -> Office | None:
        """The office with this id, or with this name (any case), or None."""
        wanted = id_or_name.strip().casefold()
        return next((o for o in self.offices() if wanted in (o.id.casefold(), o.name.casefold())), None)

    def _office(self, row: dict) -> Office:
        services = tuple(
            r["service_code"]
            for r in self.database.query(
                "SELECT service_code FROM office_services WHERE office_id = ? ORDER BY service_code", (row["id"],)
            )
        )
        return Office(row["id"], row["name"], row["region_code"], row["area_level"], services)

    def load(self) -> Installation | None:
        """The install's set-up, or None before the first-run set-up."""
        rows = self.database.query("SELECT id, name, region_code, area_level FROM offices WHERE is_local = 1 LIMIT 1")
        if not rows:
            return None
        office = self._office(rows[0])
        get = self.settings.get
        return Installation(
            district_code=get("district_code", office.region_code),
            district_name=get("district_name", ""),
            province_name=get("province_name", ""),
            office=office,
            operator_name=get("operator_name", ""),
            operator_nip=get("operator_nip", ""),
        )
