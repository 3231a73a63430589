"""Region codes (kode wilayah): their levels and shape. Light, for every start-up; the shipped
list with its look-ups and search is in desktop.domain.regions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

# ASCII digits only: str.isdigit and \d also accept other scripts' digits, which no code has.
_CODE_RE = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[1-3][0-9]{3})?)?)?")
CODE_LENGTHS = (2, 5, 8, 13)


class RegionLevel(IntEnum):
    """The four tiers of Indonesian government areas, from the top."""

    PROVINCE = 1  # provinsi
    REGENCY = 2  # kabupaten/kota
    DISTRICT = 3  # kecamatan
    VILLAGE = 4  # desa/kelurahan

    @property
    def label(self) -> str:
        """The Indonesian name of the level, as shown to users."""
        return ("provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan")[self - 1]


@dataclass(frozen=True, slots=True)
class Region:
    """One area: its Kemendagri code and its name as in the official list."""

    code: str
    name: str

    @property
    def level(self) -> RegionLevel:
        """The tier, from the number of dot-separated parts of the code."""
        return RegionLevel(self.code.count(".") + 1)

    @property
    def parent_code(self) -> str | None:
        """The code of the area this one belongs to; None for a province."""
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    @property
    def kind(self) -> str:
        """The Indonesian word for the area: provinsi, kabupaten, kota, kecamatan, desa, ..."""
        level = self.level
        last = self.code.rsplit(".", 1)[-1]
        if level is RegionLevel.PROVINCE:
            return "provinsi"
        if level is RegionLevel.REGENCY:
            # Kemendagri numbers kabupaten from 01 and kota from 71.
            return "kota" if int(last) >= 71 else "kabupaten"
        if level is RegionLevel.DISTRICT:
            return "kecamatan"
        return {"1": "kelurahan", "3": "desa adat"}.get(last[0], "desa")

    @property
    def display_name(self) -> str:
        """The name as shown in lists (kabupaten/kota names already carry "Kabupaten"/"Kota")."""
        return self.name

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


def is_valid_code(code: str) -> bool:
    """Whether the text has the shape of a region code (NN, NN.NN, NN.NN.NN or NN.NN.NN.NNNN)."""
    if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
        return False
    # A block of zeros never names an area, and 70 separates kabupaten (01-69) from kota (71-99).
    parts = code.split(".")
    if any(int(part) == 0 for part in parts):
        return False
    return len(parts) < 2 or parts[1] != "70"
