"""The district's areas (kecamatan and desa) that report rows refer to."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.region_codes import Region, RegionLevel
from desktop.storage.database import Database


@dataclass(frozen=True)
class Area:
    """A kecamatan, desa/kelurahan, or the kabupaten itself (for figures not split by area)."""

    code: str
    name: str
    level: int
    parent_code: str | None


class AreaRepository:
    """Reads and replaces the areas of the install's district."""

    def __init__(self, database: Database):
        self.database = database

    def replace(self, conn: sqlite3.Connection, district: Region, regions: Iterable[Region]) -> int:
        """Stores the district and every kecamatan and desa under it (taken from `regions`); returns how many."""
        members = sorted((r for r in regions if r.code.startswith(district.code + ".")), key=lambda r: r.code)
        conn.execute("DELETE FROM areas")
        self.database.utils["areas"].insert_all(
            {"code": r.code, "name": r.name, "level": int(r.level), "parent_code": r.parent_code}
            for r in (district, *members)
        )
        return len(members)

    def list(self, level: int | None = None) -> list[Area]:
        """Areas in code order, optionally of one level (3 kecamatan, 4 desa)."""
        sql = "SELECT code, name, level, parent_code FROM areas"
        params: tuple = ()
        if level is not None:
            sql += " WHERE level = ?"
            params = (level,)
        return [Area(**row) for row in self.database.query(sql + " ORDER BY code", params)]

    def get(self, code: str) -> Area | None:
        """One area by code."""
        rows = self.database.query("SELECT code, name, level, parent_code FROM areas WHERE code = ?", (code,))
        return Area(**rows[0]) if rows else None

    def reporting_areas(self, area_level: str) -> list[Area]:
        """The rows of a report form: each kecamatan (or desa), then the kabupaten-wide row."""
        level = RegionLevel.VILLAGE if area_level == "desa" else RegionLevel.DISTRICT
        district = self.list(int(RegionLevel.REGENCY))
        return self.list(int(level)) + district
