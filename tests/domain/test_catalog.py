"""The shipped SPM catalog, its scoring defaults, and the checks that refuse a broken catalog."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from desktop.domain.catalog import (
    CURRENT_VERSION,
    Band,
    ScoringRules,
    available_versions,
    catalog_dir,
    load_catalog,
    parse_catalog,
)

# The research notes live beside the project (DESIGN.md: "See ../shared/reference/").
REFERENCE_YAML = Path(__file__).resolve().parents[3] / "shared" / "reference" / "spm-kabkota-catalog.yaml"

FIELD_CODES = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06"]
SERVICES_PER_FIELD = {"1.01": 3, "1.02": 12, "1.03": 2, "1.04": 2, "1.05": 5, "1.06": 5}
EXPECTED_SERVICE_CODES = [
    f"{field}.{n:02d}" for field, count in SERVICES_PER_FIELD.items() for n in range(1, count + 1)
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def raw() -> dict:
    """The shipped catalog file as plain JSON data."""
    return json.loads((catalog_dir() / f"spm-kabkota-{CURRENT_VERSION}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reference() -> dict:
    """The research notes' machine-readable catalog (shared/reference)."""
    if not REFERENCE_YAML.is_file():
        pytest.skip(f"reference catalog not available at {REFERENCE_YAML}")
    return yaml.safe_load(REFERENCE_YAML.read_text(encoding="utf-8"))


# --- the shipped catalog ------------------------------------------------------------------------


def test_current_version_is_shipped_and_loaded_once(catalog):
    assert CURRENT_VERSION in available_versions()
    assert catalog.version == CURRENT_VERSION
    assert catalog.name == "spm-kabkota"
    assert load_catalog() is catalog
    assert load_catalog(CURRENT_VERSION) is catalog


def test_unknown_version_is_a_key_error():
    with pytest.raises(KeyError):
        load_catalog("1999.9")


def test_six_fields_in_sipd_order(catalog):
    assert [f.code for f in catalog.fields] == FIELD_CODES
    assert [f.name for f in catalog.fields] == [
        "Pendidikan",
        "Kesehatan",
        "Pekerjaan Umum",
        "Perumahan Rakyat dan Kawasan Permukiman",
        "Ketenteraman, Ketertiban Umum, dan Perlindungan Masyarakat",
        "Sosial",
    ]


def test_twenty_nine_services_with_sequential_codes(catalog):
    assert len(catalog.services) == 29
    assert [s.code for s in catalog.services] == EXPECTED_SERVICE_CODES
    assert {f.code: len(f.services) for f in catalog.fields} == SERVICES_PER_FIELD
    assert [len(f.services) for f in catalog.fields] == [3, 12, 2, 2, 5, 5]


def test_every_service_belongs_to_the_field_it_is_listed_under(catalog):
    for field in catalog.fields:
        for service in field.services:
            assert service.field_code == field.code
            assert service.code.startswith(field.code + ".")
            assert service.name.strip() == service.name != ""


def test_fields_and_services_match_the_reference_catalog(catalog, reference):
    ref_fields = reference["bidang"]
    assert [str(b["code"]) for b in ref_fields] == [f.code for f in catalog.fields]
    for ref_field, field in zip(ref_fields, catalog.fields, strict=True):
        assert field.name == ref_field["name"]
        ref_services = ref_field["jenis_pelayanan_dasar"]
        assert [str(j["local_id"]) for j in ref_services] == [s.code for s in field.services]
        for ref_service, service in zip(ref_services, field.services, strict=True):
            assert service.name == ref_service["name"], service.code
            # The reference writes "unconfirmed" where no source named the recipients; the catalog leaves it empty.
            expected_recipient = None if ref_service["recipient"] == "unconfirmed" else ref_service["recipient"]
            assert service.recipient == expected_recipient, service.code


def test_recipients_are_known_except_trantibumlinmas(catalog):
    unknown = [s.code for s in catalog.services if s.recipient is None]
    assert unknown == [f"1.05.{n:02d}" for n in range(1, 6)]


def test_every_cited_source_is_listed(catalog, raw):
    cited = {key for s in catalog.services for key in s.sources}
    cited |= set(raw["scoring"]["weights_source"]) | set(raw["scoring"]["bands_source"])
    assert cited
    assert cited <= set(catalog.sources)


def test_lookups(catalog):
    assert catalog.service("1.02.01").name == "Pelayanan kesehatan ibu hamil"
    assert catalog.field("1.06").name == "Sosial"
    assert catalog.has_service("1.06.05")
    assert not catalog.has_service("1.06.06")
    assert not catalog.has_service("1.06")  # a field code is not a service code
    with pytest.raises(KeyError):
        catalog.service("9.99.99")
    with pytest.raises(KeyError):
        catalog.field("1.07")


# --- scoring defaults ---------------------------------------------------------------------------


def test_scoring_defaults(catalog):
    rules = catalog.scoring
    assert (rules.recipients_weight, rules.quality_weight) == (0.8, 0.2)
    assert rules.cap_percent == 100
    assert rules.missing_component == "renormalize"
    assert rules.aggregation == "mean_of_services"
    assert [(b.label, b.min) for b in rules.bands] == [
        ("Tuntas Paripurna", 100),
        ("Tuntas Utama", 90),
        ("Tuntas Madya", 80),
        ("Tuntas Pratama", 70),
        ("Tuntas Muda", 60),
        ("Belum Tuntas", 0),
    ]


def test_scoring_is_marked_default_with_its_sources(catalog, raw):
    assert raw["scoring"]["status"] == "default"
    assert raw["scoring"]["weights_source"] == ["S20"]
    assert set(raw["scoring"]["bands_source"]) == {"S23", "S13"}
    note = catalog.scoring.note
    assert "Defaults from common practice" in note
    assert "not from the regulation" in note
    for key in ("S20", "S23", "S13"):
        assert key in note


@pytest.mark.parametrize(
    ("index", "label"),
    [
        (100, "Tuntas Paripurna"),
        (100.5, "Tuntas Paripurna"),
        (99.99, "Tuntas Utama"),
        (90, "Tuntas Utama"),
        (89.99, "Tuntas Madya"),
        (80, "Tuntas Madya"),
        (79.99, "Tuntas Pratama"),
        (70, "Tuntas Pratama"),
        (69.99, "Tuntas Muda"),
        (62.28, "Tuntas Muda"),
        (60, "Tuntas Muda"),
        (59.99, "Belum Tuntas"),
        (42.03, "Belum Tuntas"),
        (0, "Belum Tuntas"),
        (-1, "Belum Tuntas"),  # below every minimum: the lowest band
    ],
)
def test_band_for_boundaries(catalog, index, label):
    assert catalog.scoring.band_for(index).label == label


def test_band_for_does_not_depend_on_band_order():
    bands = (Band("C", 0), Band("A", 90), Band("B", 50))
    rules = ScoringRules(0.8, 0.2, 100, "renormalize", "mean_of_services", bands)
    assert [rules.band_for(x).label for x in (95, 90, 89, 50, 10, -3)] == ["A", "A", "B", "B", "C", "C"]


# --- parse_catalog refuses broken data ----------------------------------------------------------


def _broken(raw: dict, change) -> dict:
    data = copy.deepcopy(raw)
    change(data)
    return data


def _dup_service_in_field(d):
    d["fields"][1]["services"][1]["code"] = "1.02.01"


def _dup_service_across_fields(d):
    d["fields"][5]["services"].append(copy.deepcopy(d["fields"][0]["services"][0]))


def _dup_field(d):
    d["fields"][2]["code"] = "1.02"
    for service in d["fields"][2]["services"]:
        service["code"] = service["code"].replace("1.03", "1.02.9")


BROKEN = {
    "duplicate service code in a field": (_dup_service_in_field, "duplicate"),
    "duplicate service code across fields": (_dup_service_across_fields, "duplicate"),
    "duplicate field code": (_dup_field, "duplicate"),
    "negative recipients weight": (lambda d: d["scoring"]["weights"].update(recipients=-0.2, quality=1.2), "negative"),
    "negative quality weight": (lambda d: d["scoring"]["weights"].update(quality=-0.1), "negative"),
    "both weights zero": (lambda d: d["scoring"]["weights"].update(recipients=0, quality=0), "zero"),
    "unknown aggregation": (lambda d: d["scoring"].update(aggregation="median_of_services"), "aggregation"),
    "unknown missing rule": (lambda d: d["scoring"].update(missing_component="ignore"), "missing_component"),
    "no bands": (lambda d: d["scoring"].update(bands=[]), "no bands"),
    "no fields key": (lambda d: d.pop("fields"), "incomplete"),
    "no scoring": (lambda d: d.pop("scoring"), "incomplete"),
    "no weights": (lambda d: d["scoring"].pop("weights"), "incomplete"),
    "service without a name": (lambda d: d["fields"][0]["services"][0].pop("name"), "incomplete"),
    "band without a minimum": (lambda d: d["scoring"]["bands"][0].pop("min"), "incomplete"),
    "no version": (lambda d: d.pop("version"), "incomplete"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_parse_catalog_refuses_broken_data(raw, case):
    change, words = BROKEN[case]
    with pytest.raises(ValueError, match=words):
        parse_catalog(_broken(raw, change))


def test_parse_catalog_accepts_the_shipped_data_and_district_changes(raw):
    assert len(parse_catalog(copy.deepcopy(raw)).services) == 29

    def recipients_only(d):
        d["scoring"]["weights"] = {"recipients": 1, "quality": 0}
        d["scoring"]["aggregation"] = "mean_of_fields"
        d["scoring"]["missing_component"] = "zero"

    rules = parse_catalog(_broken(raw, recipients_only)).scoring
    assert (rules.recipients_weight, rules.quality_weight) == (1.0, 0.0)
    assert (rules.aggregation, rules.missing_component) == ("mean_of_fields", "zero")


def test_parse_catalog_fills_optional_parts(raw):
    def minimal(d):
        for key in ("cap_percent", "missing_component", "aggregation", "note"):
            d["scoring"].pop(key, None)
        d.pop("typical_offices")
        d.pop("title")
        d["fields"][0].pop("short_name")

    catalog = parse_catalog(_broken(raw, minimal))
    assert catalog.scoring.cap_percent == 100
    assert catalog.scoring.missing_component == "renormalize"
    assert catalog.scoring.aggregation == "mean_of_services"
    assert catalog.typical_offices == ()
    assert catalog.title == "spm-kabkota"
    assert catalog.fields[0].short_name == catalog.fields[0].name


# --- services_for and typical offices -----------------------------------------------------------


@pytest.mark.parametrize(
    ("prefixes", "codes"),
    [
        (["1.02"], [f"1.02.{n:02d}" for n in range(1, 13)]),
        (["1.05.01"], ["1.05.01"]),
        (["1.05.02", "1.05.03", "1.05.04"], ["1.05.02", "1.05.03", "1.05.04"]),
        (["1.06", "1.01.02"], ["1.01.02", "1.06.01", "1.06.02", "1.06.03", "1.06.04", "1.06.05"]),  # catalog order
        (("1.03",), ["1.03.01", "1.03.02"]),
        (["1.0"], []),  # not a code boundary
        (["1.02.1"], []),  # "1.02.1" is not a prefix of "1.02.10" at a code boundary
        (["1.07"], []),
        ([], []),
    ],
)
def test_services_for(catalog, prefixes, codes):
    assert [s.code for s in catalog.services_for(prefixes)] == codes


def test_services_for_every_field_covers_the_catalog(catalog):
    assert [s.code for s in catalog.services_for(FIELD_CODES)] == EXPECTED_SERVICE_CODES


def test_typical_offices_map_to_existing_services(catalog):
    offices = {o.name: o for o in catalog.typical_offices}
    assert offices
    known = set(FIELD_CODES) | set(EXPECTED_SERVICE_CODES)
    for office in catalog.typical_offices:
        assert office.service_prefixes, office.name
        assert set(office.service_prefixes) <= known, office.name
        assert catalog.services_for(office.service_prefixes), office.name
    assert len(catalog.services_for(offices["Dinas Kesehatan"].service_prefixes)) == 12
    assert [s.code for s in catalog.services_for(offices["Satuan Polisi Pamong Praja"].service_prefixes)] == ["1.05.01"]
    coordinator = next(o for o in catalog.typical_offices if "koordinator" in o.name)
    assert len(catalog.services_for(coordinator.service_prefixes)) == 29


def test_every_service_has_an_office_besides_the_coordinator(catalog):
    covered = {
        s.code
        for o in catalog.typical_offices
        if "koordinator" not in o.name
        for s in catalog.services_for(o.service_prefixes)
    }
    assert covered == set(EXPECTED_SERVICE_CODES)
