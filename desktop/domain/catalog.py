"""The SPM catalog: fields (bidang), service types (jenis pelayanan dasar) and scoring rules.

The catalog is data (resources/catalog/*.json), versioned; every report records the version it
was made under, so an old report is always read with its own catalog.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.domain.resource_files import resource


@dataclass(frozen=True, slots=True)
class ServiceType:
    """A basic-service type (jenis pelayanan dasar), e.g. 1.02.01 Pelayanan kesehatan ibu hamil."""

    code: str
    name: str
    field_code: str
    recipient: str | None
    unit: str | None
    indicator: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """A field (bidang) of SPM, e.g. 1.02 Kesehatan, with its service types."""

    code: str
    name: str
    short_name: str
    technical_regulation: str | None
    quality_indicator: str | None
    quality_components: tuple[str, ...]
    services: tuple[ServiceType, ...]


@dataclass(frozen=True, slots=True)
class Band:
    """A category band of the achievement index: `label` from `min` percent up."""

    label: str
    min: float


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """How achievements combine into scores; defaults from common practice, kept as data."""

    recipients_weight: float
    quality_weight: float
    cap_percent: float
    # "renormalize": a service with only one applicable component is scored on that one alone.
    missing_component: str
    # "mean_of_services" or "mean_of_fields"
    aggregation: str
    bands: tuple[Band, ...]
    note: str = ""

    def band_for(self, index: float) -> Band:
        """The band an index falls in (bands are checked from the highest minimum down)."""
        for band in sorted(self.bands, key=lambda b: b.min, reverse=True):
            if index >= band.min:
                return band
        return min(self.bands, key=lambda b: b.min)


@dataclass(frozen=True, slots=True)
class TypicalOffice:
    """An office (OPD) name offered at setup, with the service codes or field codes it reports."""

    name: str
    service_prefixes: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # identity equality: one object per loaded version
class Catalog:
    """One version of the catalog: fields, services by code, scoring rules."""

    name: str
    version: str
    title: str
    fields: tuple[Field, ...]
    scoring: ScoringRules
    typical_offices: tuple[TypicalOffice, ...]
    sources: dict[str, str]

    @property
    def services(self) -> tuple[ServiceType, ...]:
        """All service types, in catalog order."""
        return tuple(s for f in self.fields for s in f.services)

    def service(self, code: str) -> ServiceType:
        """The service type with this code; KeyError when the catalog has none."""
        return _service_map(self)[code]

    def has_service(self, code: str) -> bool:
        """Whether the code names a service type of this catalog."""
        return code in _service_map(self)

    def field(self, code: str) -> Field:
        """The field with this code (e.g. "1.02")."""
        for f in self.fields:
            if f.code == code:
                return f
        raise KeyError(code)

    def services_for(self, prefixes: tuple[str, ...] | list[str]) -> list[ServiceType]:
        """The services whose code equals or starts with one of the given field/service codes."""
        return [s for s in self.services if any(s.code == p or s.code.startswith(p + ".") for p in prefixes)]


@cache
def _service_map(catalog: Catalog) -> dict[str, ServiceType]:
    return {s.code: s for s in catalog.services}


def parse_catalog(data: dict) -> Catalog:
    """Builds a Catalog from its JSON form; raises ValueError when a part is missing."""
    try:
        fields = tuple(
            Field(
                code=f["code"],
                name=f["name"],
                short_name=f.get("short_name") or f["name"],
                technical_regulation=f.get("technical_regulation"),
                quality_indicator=f.get("quality_indicator"),
                quality_components=tuple(f.get("quality_components") or ()),
                services=tuple(
                    ServiceType(
                        code=s["code"],
                        name=s["name"],
                        field_code=f["code"],
                        recipient=s.get("recipient"),
                        unit=s.get("unit"),
                        indicator=s.get("indicator"),
                        sources=tuple(s.get("sources") or ()),
                    )
                    for s in f["services"]
                ),
            )
            for f in data["fields"]
        )
        rules = data["scoring"]
        scoring = ScoringRules(
            recipients_weight=float(rules["weights"]["recipients"]),
            quality_weight=float(rules["weights"]["quality"]),
            cap_percent=float(rules.get("cap_percent", 100)),
            missing_component=rules.get("missing_component", "renormalize"),
            aggregation=rules.get("aggregation", "mean_of_services"),
            bands=tuple(Band(b["label"], float(b["min"])) for b in rules["bands"]),
            note=rules.get("note", ""),
        )
        offices = tuple(TypicalOffice(o["name"], tuple(o["services"])) for o in data.get("typical_offices", ()))
        catalog = Catalog(
            name=data["catalog"],
            version=data["version"],
            title=data.get("title", data["catalog"]),
            fields=fields,
            scoring=scoring,
            typical_offices=offices,
            sources=dict(data.get("sources", {})),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"catalog data incomplete: {exc!r}") from exc
    _check(catalog)
    return catalog


def _check(catalog: Catalog) -> None:
    field_codes = [f.code for f in catalog.fields]
    if len(field_codes) != len(set(field_codes)):
        raise ValueError("catalog has duplicate field codes")
    codes = [s.code for s in catalog.services]
    if len(codes) != len(set(codes)):
        raise ValueError("catalog has duplicate service codes")
    rules = catalog.scoring
    if rules.recipients_weight < 0 or rules.quality_weight < 0:
        raise ValueError("catalog scoring weights must not be negative")
    if rules.recipients_weight + rules.quality_weight <= 0:
        raise ValueError("catalog scoring weights must not both be zero")
    if rules.missing_component not in ("renormalize", "zero"):
        raise ValueError(f"unknown missing_component rule {rules.missing_component!r}")
    if rules.aggregation not in ("mean_of_services", "mean_of_fields"):
        raise ValueError(f"unknown aggregation rule {rules.aggregation!r}")
    if not rules.bands:
        raise ValueError("catalog scoring has no bands")


def catalog_dir() -> Path:
    """The folder of shipped catalog versions."""
    return resource("catalog")


def available_versions() -> list[str]:
    """Versions of the shipped catalogs, oldest first."""
    names = sorted(p.stem for p in catalog_dir().glob("spm-kabkota-*.json"))
    return [n.removeprefix("spm-kabkota-") for n in names]


CURRENT_VERSION = "2025.1"


def load_catalog(version: str = CURRENT_VERSION) -> Catalog:
    """The shipped catalog of this version (read once per process)."""
    return _load_catalog(version)  # one cache key per version, however the caller names it


@cache
def _load_catalog(version: str) -> Catalog:
    path = catalog_dir() / f"spm-kabkota-{version}.json"
    if not path.is_file():
        raise KeyError(version)
    return parse_catalog(json.loads(path.read_text(encoding="utf-8")))
