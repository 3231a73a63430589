"""The shipped Kemendagri region list and the look-ups, search and CSV re-import over it."""

from __future__ import annotations

import gzip
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.regions import (
    Region,
    RegionCsvError,
    RegionIndex,
    RegionLevel,
    _normalize_block,
    is_valid_code,
    normalize_name,
    parse_region_csv,
    shipped_regions,
)
from desktop.domain.resource_files import resource

MAHAKAM_ULU_KECAMATAN = [
    ("64.11.01", "Long Bagun"),
    ("64.11.02", "Long Hubung"),
    ("64.11.03", "Laham"),
    ("64.11.04", "Long Apari"),
    ("64.11.05", "Long Pahangai"),
]


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return shipped_regions()


def codes(found: list[Region]) -> list[str]:
    return [region.code for region in found]


# --- the shipped file -------------------------------------------------------------------------


def test_every_level_has_the_official_count(regions):
    assert [regions.count(level) for level in RegionLevel] == [38, 514, 7285, 83762]
    assert len(regions) == 91_599
    assert sum(1 for _ in regions) == 91_599


def test_shipped_file_is_sorted_by_level_then_code_and_compact():
    path = resource("regions", "wilayah-2025.tsv.gz")
    assert path.stat().st_size < 1_000_000
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    keys = [(line.count(".", 0, line.index("\t")), line.split("\t")[0]) for line in lines]
    assert keys == sorted(keys)
    assert all(line.count("\t") == 1 and line == line.strip() for line in lines)


def test_shipped_regions_is_loaded_once():
    assert shipped_regions() is shipped_regions()


def test_mahakam_ulu_with_its_kecamatan_and_desa(regions):
    kabupaten = regions.get("64.11")
    assert kabupaten == Region("64.11", "Kabupaten Mahakam Ulu")
    assert kabupaten.level is RegionLevel.REGENCY
    assert kabupaten.kind == "kabupaten"
    assert kabupaten.parent_code == "64"
    assert kabupaten.display_name == "Kabupaten Mahakam Ulu"
    kecamatan = regions.children("64.11")
    assert [(r.code, r.name) for r in kecamatan] == MAHAKAM_ULU_KECAMATAN
    assert all(r.kind == "kecamatan" and r.display_name == r.name for r in kecamatan)
    desa = [village for district in kecamatan for village in regions.children(district.code)]
    assert len(desa) == 50
    assert [len(regions.children(code)) for code, _ in MAHAKAM_ULU_KECAMATAN] == [11, 11, 5, 10, 13]
    assert {village.kind for village in desa} == {"desa"}
    assert regions.get("64.11.04.2006") == Region("64.11.04.2006", "Tiong Bu'u")


def test_kinds(regions):
    assert regions.get("64").kind == "provinsi"
    assert regions.get("64.72").kind == "kota"  # Kota Samarinda
    assert regions.get("31.01").kind == "kabupaten"  # Kabupaten Administrasi Kepulauan Seribu
    assert regions.get("31.72").kind == "kota"  # Kota Administrasi Jakarta Utara
    assert regions.get("64.72.02").kind == "kecamatan"
    assert regions.get("64.72.02.1002") == Region("64.72.02.1002", "Baqa")
    assert regions.get("64.72.02.1002").kind == "kelurahan"
    assert regions.get("64.11.01.2001").kind == "desa"
    assert regions.get("91.03.01.3007").kind == "desa adat"
    kinds_of_regencies = {r.kind for r in regions if r.level is RegionLevel.REGENCY}
    assert kinds_of_regencies == {"kabupaten", "kota"}
    for regency in (r for r in regions if r.level is RegionLevel.REGENCY):
        assert regency.name.startswith(regency.kind.capitalize() + " ")


def test_names_are_clean(regions):
    # The source had "Kota Administrasi Jakarta Utara " with a trailing space.
    assert regions.get("31.72").name == "Kota Administrasi Jakarta Utara"
    assert all(r.name == " ".join(r.name.split()) and r.name for r in regions)


def test_ancestors_province_first(regions):
    assert codes(regions.ancestors("64.11.04.2006")) == ["64", "64.11", "64.11.04"]
    assert regions.ancestors("64.11.04.2006")[0].name == "Kalimantan Timur"
    assert regions.ancestors("64") == []
    assert regions.ancestors("99.99") == []


def test_get_contains_and_children_edges(regions):
    assert regions.get("64.11.06") is None
    assert "64.11.05.2013" in regions
    assert "64.11.05.2014" not in regions
    assert 6411 not in regions
    provinces = regions.children(None)
    assert len(provinces) == 38
    assert codes(provinces) == sorted(codes(provinces))
    assert provinces[0] == Region("11", "Aceh")
    assert regions.children("64.11.01.2001") == []
    assert regions.children("99") == []
    # "64.1" must not be read as the prefix of 64.10-64.19.
    assert regions.children("64.1") == []
    assert len(regions.children("64")) == 10


@pytest.mark.parametrize(
    "code",
    ["11", "64.11", "64.72", "64.11.01", "64.11.01.2001", "12.72.05.1007", "91.03.01.3007"],
)
def test_valid_codes(code):
    assert is_valid_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "",
        "6",
        "641",
        "64.1",
        "64.11.x",
        "64.11.01.201",
        "64.11.01.20011",
        "64.11.01.4001",  # the last block starts with 1 (kelurahan), 2 (desa) or 3 (desa adat)
        "64.11.01.0001",
        "00",
        "64.00",
        "64.70",
        "64.11.00",
        "64-11",
        " 64.11",
        "64.11.",
        "٦٤.١١",  # Arabic-Indic digits are digits to str.isdigit, not to a code
        None,
        6411,
    ],
)
def test_invalid_codes(code):
    assert not is_valid_code(code)


def test_region_properties_without_an_index():
    assert Region("64", "Kalimantan Timur").parent_code is None
    assert Region("64.11.01.2001", "Long Hurai").parent_code == "64.11.01"
    assert Region("64.11.01.2001", "Long Hurai").level is RegionLevel.VILLAGE
    assert Region("64.11.01", "Long Bagun").level == 3
    assert RegionLevel.VILLAGE.label == "desa/kelurahan"


# --- search -----------------------------------------------------------------------------------


def test_search_finds_a_kabupaten_without_its_prefix(regions):
    assert codes(regions.search("mahakam ulu"))[0] == "64.11"
    assert codes(regions.search("Mahakam-Ulu"))[0] == "64.11"
    assert codes(regions.search("  MAHAKAM   ulu "))[0] == "64.11"
    assert codes(regions.search("ulu mahakam"))[0] == "64.11"  # words in any order
    assert codes(regions.search("kabupaten mahakam ulu"))[0] == "64.11"


def test_search_kota_samarinda(regions):
    found = regions.search("kota samarinda")
    assert found[0] == Region("64.72", "Kota Samarinda")
    # Then the kecamatan "Samarinda Kota": both words, in another order.
    assert "64.72.09" in codes(found)
    assert codes(regions.search("samarinda"))[0] == "64.72"
    assert codes(regions.search("kota jakarta utara"))[0] == "31.72"  # "Kota Administrasi ..."
    assert codes(regions.search("jakarta utara"))[0] == "31.72"


def test_search_ignores_apostrophes_dots_and_case(regions):
    for text in ("tiong bu'u", "Tiong Bu’u", "TIONG BUU", "tiong. bu-u"):
        assert "64.11.04.2006" in codes(regions.search(text)), text
    kep_siau = regions.search("kep siau tagulandang")
    assert kep_siau[0].name == "Kabupaten Kep. Siau Tagulandang Biaro"
    assert codes(regions.search("fakfak"))[0] == "92.03.01"  # "Fak-Fak": hyphen dropped


def test_search_ranks_exact_then_prefix_then_substring(regions):
    found = regions.search("long bagun")
    assert codes(found) == ["64.11.01", "64.11.01.2007", "64.11.01.2008"]
    found = regions.search("laham", within="64.11")
    # Exact names first (the kecamatan, then its desa), then names that merely contain it.
    assert codes(found)[:2] == ["64.11.03", "64.11.03.2001"]
    assert all("laham" in normalize_name(r.name) for r in found)
    found = regions.search("ulu", within="64.11")
    tiers = [_tier("ulu", r) for r in found]
    assert tiers == sorted(tiers)
    assert {"64.11.01.2004", "64.11.01.2008", "64.11.02.2011"} <= set(codes(found))


def _tier(query: str, region: Region) -> int:
    """Where a result must rank: 0 exact, 1 prefix, 2 every word starts a word, 3 anywhere."""
    names = [normalize_name(region.name)]
    if region.level is RegionLevel.REGENCY:
        names.append(re.sub(r"^(kabupaten|kota)( administrasi)? ", "", names[0]))
    if "-" in region.name:
        names.append(normalize_name(region.name.replace("-", "")))
    if query in names:
        return 0
    if any(name.startswith(query) for name in names):
        return 1
    if all(any(f" {name}".find(f" {w}") >= 0 for name in names) for w in query.split()):
        return 2
    return 3


def test_search_level_within_and_limit(regions):
    assert codes(regions.search("long apari")) == ["64.11.04", "64.11.04.2010"]
    assert codes(regions.search("long apari", level=RegionLevel.DISTRICT)) == ["64.11.04"]
    assert codes(regions.search("long apari", level=RegionLevel.VILLAGE)) == ["64.11.04.2010"]
    assert codes(regions.search("long apari", within="64.11.04")) == ["64.11.04.2010"]
    inside = regions.search("long", within="64.11", limit=1000)
    assert len(inside) > 20
    assert all(r.code.startswith("64.11.") for r in inside)
    assert regions.search("long", within="64.72") == []
    assert len(regions.search("a", limit=7)) == 7
    assert regions.search("a", limit=0) == []
    assert regions.search("") == []
    assert regions.search(" .-' ") == []
    assert regions.search("zzqx") == []


def test_search_accepts_a_code(regions):
    assert regions.search("64.11")[0] == Region("64.11", "Kabupaten Mahakam Ulu")
    assert regions.search("64.11", level=RegionLevel.DISTRICT) == []


def test_find_by_name(regions):
    assert codes(regions.find_by_name("Mahakam Ulu")) == ["64.11"]
    assert codes(regions.find_by_name("kabupaten mahakam ulu")) == ["64.11"]
    assert codes(regions.find_by_name("Kota Samarinda")) == ["64.72"]
    assert codes(regions.find_by_name("samarinda", level=RegionLevel.REGENCY)) == ["64.72"]
    assert codes(regions.find_by_name("Bandung", level=RegionLevel.REGENCY)) == ["32.04", "32.73"]
    assert codes(regions.find_by_name("Kota Bandung")) == ["32.73"]
    assert codes(regions.find_by_name("Jakarta Utara")) == ["31.72"]
    assert codes(regions.find_by_name("Long Apari")) == ["64.11.04", "64.11.04.2010"]
    assert codes(regions.find_by_name("long apari", within="64.11.04")) == ["64.11.04.2010"]
    assert codes(regions.find_by_name("TIONG BU'U")) == ["64.11.04.2006"]
    assert regions.find_by_name("Long Bag") == []  # a prefix is not a name
    assert regions.find_by_name("Mahakam") == []
    assert regions.find_by_name("") == []
    with pytest.raises(ValueError):
        regions.find_by_name("Laham", level=5)


def test_search_is_fast_enough_to_type_into(regions):
    # Generous bound (measured ~4 ms a query): catches a fall back to a per-row Python loop.
    import time

    started = time.perf_counter()
    for text in ("zzqx", "mahakam ulu", "long", "sungai", "a e"):
        regions.search(text)
    assert time.perf_counter() - started < 2.0


# --- building an index ------------------------------------------------------------------------


def test_from_rows_sorts_and_validates():
    index = RegionIndex.from_rows(
        [("64.11.01", "Long Bagun"), ("64", "Kalimantan Timur"), ("64.11", "Kabupaten Mahakam Ulu")]
    )
    assert len(index) == 3
    assert codes(index.children(None)) == ["64"]
    assert codes(index.children("64.11")) == ["64.11.01"]
    assert codes(index.search("mahakam ulu")) == ["64.11"]
    with pytest.raises(ValueError, match="invalid"):
        RegionIndex.from_rows([("64.1", "X")])
    with pytest.raises(ValueError, match="duplicate"):
        RegionIndex.from_rows([("64", "A"), ("64", "B")])


def test_load_reads_a_file_in_any_order(tmp_path, regions):
    rows = [(r.code, r.name) for r in regions if r.code.startswith("64")]
    random.Random(4).shuffle(rows)
    path = tmp_path / "wilayah.tsv.gz"
    path.write_bytes(gzip.compress("".join(f"{c}\t{n}\n" for c, n in rows).encode()))
    index = RegionIndex.load(path)
    assert len(index) == len(rows)
    assert codes(index.children("64.11")) == [code for code, _ in MAHAKAM_ULU_KECAMATAN]
    assert codes(index.search("tiong buu")) == ["64.11.04.2006"]


def test_load_refuses_a_malformed_file(tmp_path):
    path = tmp_path / "bad.tsv.gz"
    path.write_bytes(gzip.compress(b"64\tKalimantan Timur\n64.11\n"))
    with pytest.raises(ValueError):
        RegionIndex.load(path)
    path.write_bytes(gzip.compress(b"64\tKalimantan Timur\n64\tLagi\n"))
    with pytest.raises(ValueError, match="duplicate"):
        RegionIndex.load(path)


# --- CSV re-import ----------------------------------------------------------------------------


def test_parse_csv_with_header_and_quotes():
    text = (
        "kode,nama\n"
        "64.11.04,Long Apari\n"
        "64.11.04.2006,Tiong Bu'u\n"
        '12.07.28.1007,"Lubuk Pakam I,II"\n'
        '64.11.04.2007,"Naha ""Buan"""\n'
        "\n"
        "64.11.04.2008 ,  Naha   Tifab \n"
    )
    assert parse_region_csv(text) == [
        Region("64.11.04", "Long Apari"),
        Region("64.11.04.2006", "Tiong Bu'u"),
        Region("12.07.28.1007", "Lubuk Pakam I,II"),
        Region("64.11.04.2007", 'Naha "Buan"'),
        Region("64.11.04.2008", "Naha Tifab"),
    ]


def test_parse_semicolon_file_from_excel(tmp_path):
    # Excel's "CSV (pemisah titik koma)" on Indonesian Windows: cp1252, CRLF, no header needed.
    path = tmp_path / "kecamatan.csv"
    path.write_bytes("64.11.01;Long Bagun\r\n64.11.04.2006;Tiong Bu’u\r\n".encode("cp1252"))
    assert parse_region_csv(path) == [
        Region("64.11.01", "Long Bagun"),
        Region("64.11.04.2006", "Tiong Bu’u"),
    ]
    path.write_bytes("\ufeffKode Wilayah;Nama\r\n64.11.01;Long, Bagun\r\n".encode())
    assert parse_region_csv(path) == [Region("64.11.01", "Long, Bagun")]
    assert parse_region_csv(path.read_bytes()) == [Region("64.11.01", "Long, Bagun")]


def test_parse_tab_separated_paste():
    assert parse_region_csv("64.11.01\tLong Bagun\n") == [Region("64.11.01", "Long Bagun")]


def test_parse_refuses_a_bad_code():
    with pytest.raises(RegionCsvError) as raised:
        parse_region_csv("kode,nama\n64.11.01,Long Bagun\n64.11.x,Entah\n")
    assert str(raised.value) == "Baris 3: kode wilayah '64.11.x' tidak sah"
    assert raised.value.line == 3
    assert isinstance(raised.value, ValueError)


def test_parse_explains_a_code_excel_made_a_number():
    with pytest.raises(RegionCsvError, match=r"Baris 1: kode wilayah '64\.1' tidak sah .*Excel"):
        parse_region_csv("64.1;Kecamatan Baru\n")


def test_parse_refuses_a_duplicate():
    text = "64.11.01,Long Bagun\n64.11.02,Long Hubung\n64.11.01,Long Bagun Lagi\n"
    with pytest.raises(RegionCsvError) as raised:
        parse_region_csv(text)
    assert str(raised.value) == "Baris 3: kode wilayah '64.11.01' ganda (sudah ada di baris 1)"


@pytest.mark.parametrize("text", ["", "\n\n", "kode,nama\n", ";;\n"])
def test_parse_refuses_an_empty_file(text):
    with pytest.raises(RegionCsvError, match="tidak berisi data wilayah"):
        parse_region_csv(text)


def test_parse_refuses_a_missing_name_and_extra_columns():
    with pytest.raises(RegionCsvError, match=r"Baris 2: nama wilayah untuk kode '64\.11\.02' kosong"):
        parse_region_csv("64.11.01,Long Bagun\n64.11.02,\n")
    with pytest.raises(RegionCsvError, match=r"Baris 1: nama wilayah .* kosong"):
        parse_region_csv("64.11.01\n")
    with pytest.raises(RegionCsvError, match="Baris 1: terlalu banyak kolom"):
        parse_region_csv("12.07.28.1007,Lubuk Pakam I,II\n")
    # Excel often leaves empty trailing cells: harmless.
    assert parse_region_csv("64.11.01;Long Bagun;;\n") == [Region("64.11.01", "Long Bagun")]


def test_parse_refuses_an_unreadable_path(tmp_path):
    with pytest.raises(RegionCsvError, match="tidak dapat dibaca"):
        parse_region_csv(tmp_path / "tidak-ada.csv")


# --- properties -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def all_codes(regions) -> list[str]:
    return [region.code for region in regions]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_region_hangs_under_its_parent(regions, all_codes, data):
    region = regions.get(data.draw(st.sampled_from(all_codes)))
    assert is_valid_code(region.code)
    if region.level is RegionLevel.PROVINCE:
        assert region.parent_code is None
        assert region in regions.children(None)
        return
    parent = regions.get(region.parent_code)
    assert parent is not None
    assert parent.level == region.level - 1
    assert region in regions.children(parent.code)
    assert regions.ancestors(region.code)[-1] == parent
    assert [a.level for a in regions.ancestors(region.code)] == list(range(1, region.level))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_region_is_found_by_its_name(regions, all_codes, data):
    region = regions.get(data.draw(st.sampled_from(all_codes)))
    within = region.parent_code
    assert region in regions.find_by_name(region.name, level=region.level, within=within)
    found = regions.search(region.name, within=within, limit=1000)
    assert region in found
    assert all(_tier(normalize_name(region.name), r) == 0 for r in found[: found.index(region)])
    words = normalize_name(region.name).split()
    word = data.draw(st.sampled_from(words))
    part = word[: data.draw(st.integers(1, len(word)))]
    partial = regions.search(part, level=region.level, within=within, limit=1000)
    assert region in partial
    tiers = [_tier(part, r) for r in partial]
    assert tiers == sorted(tiers)


@given(st.lists(st.text(alphabet=st.characters(exclude_characters="\n")), max_size=5))
def test_block_and_single_normalization_agree(lines):
    block = _normalize_block("\n".join(lines)).split("\n") if lines else []
    assert block == [normalize_name(line) for line in lines]


@given(st.text())
def test_normalization_is_idempotent_and_clean(text):
    normalized = normalize_name(text)
    assert normalize_name(normalized) == normalized
    assert normalized == normalized.strip()
    assert "  " not in normalized
    assert not set(normalized) & set("'’.-\n\t")


def test_descendants_of_a_kabupaten_are_its_kecamatan_and_desa_in_order():
    found = shipped_regions().descendants("64.11")
    assert len(found) == 5 + 50
    assert [r.code for r in found[:3]] == ["64.11.01", "64.11.01.2001", "64.11.01.2002"]
    assert [r.level for r in found].count(RegionLevel.DISTRICT) == 5
    assert shipped_regions().descendants("64.11.01.2001") == []
