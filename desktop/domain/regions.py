"""Kemendagri region codes (kode wilayah): the shipped list, look-ups, search and CSV re-import."""

from __future__ import annotations

import csv
import functools
import gzip
import io
import operator
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from pathlib import Path

from desktop.domain.region_codes import CODE_LENGTHS, Region, RegionLevel, is_valid_code
from desktop.domain.resource_files import resource

__all__ = [
    "Region",
    "RegionCsvError",
    "RegionIndex",
    "RegionLevel",
    "is_valid_code",
    "normalize_name",
    "parse_region_csv",
    "shipped_regions",
]

SHIPPED_FILE = ("regions", "wilayah-2025.tsv.gz")

# ---------------------------------------------------------------------------------------------
# Name normalisation: one function used for the data (on a whole block at once, for speed) and
# for the query, so both sides always agree.

_APOSTROPHES = "'\u2018\u2019\u02bc`\u00b4"
_COMBINING_RE = re.compile(r"[\u0300-\u036f]+")
_SEPARATORS_RE = re.compile(r"(?:[^\w\n]|_)+")
# Every ASCII character but letters, digits and the line break becomes a space. str.translate has
# a fast path for ASCII text with such a table, ten times faster than the regex on the 2 MB block.
_ASCII_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum() and chr(c) != "\n"})
_REGENCY_PREFIX_RE = re.compile(r"^(kabupaten|kota)( administrasi)? ")


def _normalize_block(text: str) -> str:
    """normalize_name applied to every line of the text; line breaks are kept."""
    # Decompose before and after casefolding: either can produce what the other changes ("℠" -> "SM").
    for _ in range(2):
        if not text.isascii():
            text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))
        for apostrophe in _APOSTROPHES:
            text = text.replace(apostrophe, "")
        text = text.casefold()
    text = text.translate(_ASCII_SEPARATORS) if text.isascii() else _SEPARATORS_RE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.replace("\n ", "\n").replace(" \n", "\n").strip(" ")


def normalize_name(text: str) -> str:
    """The comparable form of a name: casefolded, without accents, apostrophes and punctuation.

    Dots, hyphens, slashes and runs of spaces all become one space, so "Tj. Baru" equals "tj baru"
    and "Tiong Bu'u" equals "tiong buu".
    """
    return _normalize_block(text.replace("\n", " ").replace("\r", " "))


def _aliases(name: str, normalized: str, level: int) -> list[str]:
    """Other forms a user may type: "mahakam ulu" for a kabupaten, "fakfak" for "Fak-Fak"."""
    aliases = []
    if "-" in name:
        aliases.append(normalize_name(name.replace("-", "")))
    if level == RegionLevel.REGENCY and (match := _REGENCY_PREFIX_RE.match(normalized)):
        bare = normalized[match.end() :]
        aliases.append(bare)
        if match.group(2):
            aliases.append(f"{match.group(1)} {bare}")  # "kota jakarta utara"
    return [alias for alias in aliases if alias and alias != normalized]


# Search haystack, one per level: one line per region, in code order; each form of its name (the
# name, then its aliases) is written as _FORM + the normalized form. So "\x01 q" is a name starting
# with q and " w" a word starting with w, both found with str.find (C speed), and a hit maps back
# to its region by bisecting the line starts.
_FORM = "\x01 "


@dataclass(slots=True)
class _Level:
    codes: list[str]  # sorted
    names: list[str]
    haystack: str
    starts: list[int]  # starts[i]: offset of line i in haystack; starts[-1] == len(haystack)

    @classmethod
    def build(cls, level: int, codes: list[str], names: list[str]) -> _Level:
        lines = _normalize_block("\n".join(names)).split("\n") if names else []
        if level == RegionLevel.REGENCY:
            with_aliases: Iterable[int] = range(len(names))
        else:
            # Only some 500 names have a hyphen; finding them stays in C for the 84k desa.
            with_aliases = compress(count(), map(operator.contains, names, repeat("-")))
        for i in with_aliases:
            if extra := _aliases(names[i], lines[i], level):
                lines[i] = _FORM.join([lines[i], *extra])
        haystack = (_FORM + f"\n{_FORM}".join(lines) + "\n") if lines else ""
        line_lengths = map((len(_FORM) + 1).__add__, map(len, lines))
        return cls(codes, names, haystack, list(accumulate(line_lengths, initial=0)))

    def line(self, i: int) -> str:
        return self.haystack[self.starts[i] : self.starts[i + 1] - 1]

    def span(self, within: str | None) -> tuple[int, int]:
        """The range of line numbers that are descendants of within (all lines when None)."""
        if within is None:
            return 0, len(self.codes)
        # "." sorts below the digits and "/" just above ".", so descendants are contiguous.
        return bisect_left(self.codes, within + "."), bisect_left(self.codes, within + "/")

    def scan(self, find: Callable[[str, int, int], int], first: int, last: int) -> Iterator[int]:
        """Line numbers in [first, last) where find hits, each once, in code order."""
        if first >= last:
            return
        pos, end = self.starts[first], self.starts[last]
        while (hit := find(self.haystack, pos, end)) >= 0:
            i = bisect_right(self.starts, hit) - 1
            yield i
            pos = self.starts[i + 1]


def _regex_finder(pattern: str) -> Callable[[str, int, int], int]:
    compiled = re.compile(pattern)

    def find(haystack: str, pos: int, end: int) -> int:
        match = compiled.search(haystack, pos, end)
        return match.start() if match else -1

    return find


def _exact_finder(query: str) -> Callable[[str, int, int], int]:
    """Finds a form equal to query: _FORM, query, then the next form or the end of the line."""
    return _regex_finder(f"{re.escape(_FORM + query)}[{_FORM[0]}\n]")


def _text_finder(needle: str) -> Callable[[str, int, int], int]:
    return lambda haystack, pos, end: haystack.find(needle, pos, end)


class RegionIndex:
    """All regions of one list, with look-up by code, tree walks and name search."""

    __slots__ = ("_levels", "_names")

    def __init__(self, levels: list[_Level]) -> None:
        self._levels = levels
        self._names: dict[str, str] = {}
        for level in levels:
            self._names.update(zip(level.codes, level.names, strict=True))

    @classmethod
    def load(cls, path: Path | None = None) -> RegionIndex:
        """Reads a region file in the shipped format (the shipped file when no path is given)."""
        path = Path(path) if path is not None else resource(*SHIPPED_FILE)
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        cells = text.replace("\n", "\t").split("\t")
        if cells[-1] == "":
            cells.pop()
        if len(cells) % 2:
            raise ValueError(f"{path}: every line must be code<TAB>name")
        codes, names = cells[0::2], cells[1::2]
        lengths = list(map(len, codes))
        if lengths != sorted(lengths):
            return cls.from_rows(zip(codes, names, strict=True))
        levels = []
        for level, length in enumerate(CODE_LENGTHS, start=1):
            first = bisect_left(lengths, length)
            last = bisect_right(lengths, length)
            level_codes = codes[first:last]
            if level_codes != sorted(level_codes):
                return cls.from_rows(zip(codes, names, strict=True))
            levels.append(_Level.build(level, level_codes, names[first:last]))
        if sum(len(level.codes) for level in levels) != len(codes):
            raise ValueError(f"{path}: some codes have a malformed length")
        index = cls(levels)
        if len(index) != len(codes):
            raise ValueError(f"{path}: duplicate codes")
        return index

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]]) -> RegionIndex:
        """An index over (code, name) pairs in any order; ValueError on a bad or repeated code."""
        by_code: dict[str, str] = {}
        for code, name in rows:
            if not is_valid_code(code):
                raise ValueError(f"invalid region code {code!r}")
            if code in by_code:
                raise ValueError(f"duplicate region code {code!r}")
            by_code[code] = " ".join(name.split())
        levels = []
        for level in RegionLevel:
            codes = sorted(code for code in by_code if code.count(".") == level - 1)
            levels.append(_Level.build(level, codes, [by_code[code] for code in codes]))
        return cls(levels)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._names

    def __iter__(self) -> Iterator[Region]:
        """Every region, provinces first, in code order within a level."""
        for level in self._levels:
            for code, name in zip(level.codes, level.names, strict=True):
                yield Region(code, name)

    def get(self, code: str) -> Region | None:
        """The region with this code, or None."""
        name = self._names.get(code)
        return None if name is None else Region(code, name)

    def count(self, level: RegionLevel) -> int:
        """How many regions the level has."""
        return len(self._levels[level - 1].codes)

    def children(self, code: str | None) -> list[Region]:
        """The regions directly under code, sorted by code; the provinces when code is None."""
        if code is None:
            level = self._levels[0]
            return [Region(c, n) for c, n in zip(level.codes, level.names, strict=True)]
        depth = code.count(".") + 1
        if depth >= len(self._levels) or code not in self._names:
            return []
        level = self._levels[depth]
        first, last = level.span(code)
        return [Region(level.codes[i], level.names[i]) for i in range(first, last)]

    def descendants(self, code: str) -> list[Region]:
        """Every region under code, at any depth, each followed by its own (a kecamatan, its desa, ...)."""
        return [r for child in self.children(code) for r in (child, *self.descendants(child.code))]

    def ancestors(self, code: str) -> list[Region]:
        """The regions above code, province first (not the region itself)."""
        parts = code.split(".")
        found = (self.get(".".join(parts[:n])) for n in range(1, len(parts)))
        return [region for region in found if region is not None]

    def search(
        self,
        text: str,
        level: RegionLevel | None = None,
        within: str | None = None,
        limit: int = 50,
    ) -> list[Region]:
        """Regions whose name holds every word of text: exact names, then prefixes, then the rest.

        Case, accents, apostrophes, dots and hyphens do not matter; within keeps descendants only.
        """
        query = normalize_name(text)
        if not query or limit <= 0:
            return []
        found: list[Region] = []
        # A code typed into the search box is answered too (when it passes the filters).
        if (by_code := self.get(text.strip())) and self._passes(by_code, level, within):
            found.append(by_code)
        # The longest word drives the scan (fewest hits); the others are checked on each hit's line.
        words = sorted(set(query.split(" ")), key=len, reverse=True)
        head, others = words[0], words[1:]
        tiers: list[tuple[Callable[[str, int, int], int], Callable[[str], bool] | None]] = [
            (_exact_finder(query), None),
            (_text_finder(_FORM + query), None),
            (_text_finder(" " + head), lambda line: all(f" {word}" in line for word in others)),
            (_text_finder(head), lambda line: all(word in line for word in others)),
        ]
        seen = {region.code for region in found}
        for find, accept in tiers:
            for lvl, i in self._hits(find, level, within):
                code = lvl.codes[i]
                if code in seen or (accept is not None and not accept(lvl.line(i))):
                    continue
                seen.add(code)
                found.append(Region(code, lvl.names[i]))
                if len(found) >= limit:
                    return found
        return found

    def find_by_name(
        self,
        name: str,
        level: RegionLevel | None = None,
        within: str | None = None,
    ) -> list[Region]:
        """Regions whose normalized name equals name's ("Kabupaten "/"Kota " being optional)."""
        query = normalize_name(name)
        if not query:
            return []
        hits = self._hits(_exact_finder(query), level, within)
        return [Region(lvl.codes[i], lvl.names[i]) for lvl, i in hits]

    @staticmethod
    def _passes(region: Region, level: RegionLevel | None, within: str | None) -> bool:
        if level is not None and region.level != level:
            return False
        return within is None or region.code.startswith(within + ".")

    def _hits(
        self,
        find: Callable[[str, int, int], int],
        level: RegionLevel | None,
        within: str | None,
    ) -> Iterator[tuple[_Level, int]]:
        """Every line the finder hits, level by level from the top, in code order inside a level."""
        levels = self._levels if level is None else [self._levels[RegionLevel(level) - 1]]
        for lvl in levels:
            first, last = lvl.span(within)
            for i in lvl.scan(find, first, last):
                yield lvl, i


@functools.cache
def shipped_regions() -> RegionIndex:
    """The shipped region list, read once per process."""
    return RegionIndex.load()


# ---------------------------------------------------------------------------------------------
# CSV re-import of kecamatan/desa lists.


class RegionCsvError(ValueError):
    """A region CSV that cannot be used; the message (Indonesian) names the line and the reason."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"Baris {line}: {message}" if line is not None else message)
        self.line = line


# Excel turns a code like 64.10 into the number 64.1 unless the column is formatted as text.
_NUMBER_HINT = " (tampaknya diubah menjadi angka oleh Excel; format kolom kode sebagai Teks)"


def _read_csv_text(source: str | bytes | os.PathLike[str]) -> str:
    if isinstance(source, os.PathLike):
        try:
            source = Path(source).read_bytes()
        except OSError as error:
            raise RegionCsvError(f"Berkas CSV tidak dapat dibaca: {error.strerror or error}") from error
    if isinstance(source, bytes):
        try:
            return source.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Excel's plain "CSV" on Windows writes the ANSI code page: cp1252 in Indonesia.
            return source.decode("cp1252", errors="replace")
    return source.removeprefix("\ufeff")


def parse_region_csv(text_or_path: str | bytes | os.PathLike[str]) -> list[Region]:
    """The regions of a `kode,nama` CSV (text, bytes or a path); RegionCsvError when unusable.

    The header is optional; the separator is a comma, a semicolon (Excel in Indonesian) or a tab.
    """
    text = _read_csv_text(text_or_path)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Semicolon before comma: Excel in Indonesian writes "64,1;Long Bagun" for a code it took
    # for a number, and no name in the official list holds a tab or a semicolon.
    delimiter = next((sep for sep in "\t;" if sep in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    regions: list[Region] = []
    seen: dict[str, int] = {}
    first_row = True
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            # A header ("kode,nama", "Kode Wilayah;Nama") is told apart by having no digit.
            is_header = first_row and not any(ch.isdigit() for ch in cells[0])
            first_row = False
            if is_header:
                continue
            if len(cells) < 2 or not cells[1]:
                raise RegionCsvError(f"nama wilayah untuk kode '{cells[0]}' kosong", line)
            if any(cells[2:]):
                raise RegionCsvError(
                    "terlalu banyak kolom; isinya harus kode dan nama saja "
                    "(nama yang memuat tanda pemisah harus diapit tanda kutip)",
                    line,
                )
            code, name = cells[0], " ".join(cells[1].split())
            if not is_valid_code(code):
                hint = _NUMBER_HINT if re.fullmatch(r"[0-9]+[.,][0-9]+", code) else ""
                raise RegionCsvError(f"kode wilayah '{code}' tidak sah{hint}", line)
            if code in seen:
                first = seen[code]
                raise RegionCsvError(f"kode wilayah '{code}' ganda (sudah ada di baris {first})", line)
            seen[code] = line
            regions.append(Region(code, name))
    except csv.Error as error:
        raise RegionCsvError(f"format CSV rusak ({error})", reader.line_num) from error
    if not regions:
        raise RegionCsvError("Berkas CSV tidak berisi data wilayah (kolom kode dan nama).")
    return regions
