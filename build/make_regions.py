"""Builds resources/regions/wilayah-2025.tsv.gz from the region list in ../shared/reference.

Run by hand when the reference changes; the file it writes is committed and is what the app reads.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = HERE.parent.parent / "shared" / "reference" / "wilayah-kemendagri-2025.csv"
OUT_DIR = HERE.parent / "resources" / "regions"
OUT_NAME = "wilayah-2025.tsv.gz"
EXPECTED_COUNTS = (38, 514, 7285, 83762)

# The shape checked by desktop.domain.regions.is_valid_code, repeated so the build imports nothing.
CODE_RE = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[1-3][0-9]{3})?)?)?")

README = """\
# Region codes (kode wilayah)

`{name}`: every Kemendagri region code, {total:,} rows: {counts}.

Source: Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025 (pemberian dan pemutakhiran
kode, data wilayah administrasi pemerintahan dan pulau), as compiled in the MIT-licensed
repository cahyadsn/wilayah (`db/wilayah.sql`, commit b7ad440), exported to
`shared/reference/wilayah-kemendagri-2025.csv` and converted by `build/make_regions.py`.

Format: gzip (mtime 0, so a rebuild is byte-identical) of UTF-8 text, one region a line,
`code<TAB>name<LF>`, no header, no quoting. Rows are sorted by level (provinsi, kabupaten/kota,
kecamatan, desa/kelurahan), then by code, so each level is one sorted block. Names are as in the
source with surrounding and repeated whitespace removed (a few names had a trailing space).
Code format: `NN` provinsi, `NN.NN` kabupaten (01-69) or kota (71-99), `NN.NN.NN` kecamatan,
`NN.NN.NN.NNNN` desa/kelurahan (last block starting 1 kelurahan, 2 desa, 3 desa adat).
Read it with `desktop.domain.regions.RegionIndex.load()`.
"""


def read_reference(path: Path) -> list[tuple[str, str]]:
    """The (code, name) rows of the reference CSV, checked: valid, unique, each with its parent."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if [cell.strip().lower() for cell in header] != ["kode", "nama"]:
            raise SystemExit(f"{path}: unexpected header {header!r}")
        rows = []
        for row in reader:
            if len(row) != 2:
                raise SystemExit(f"{path}:{reader.line_num}: expected 2 fields, got {row!r}")
            code, name = row[0].strip(), " ".join(row[1].split())
            if not CODE_RE.fullmatch(code) or not name:
                raise SystemExit(f"{path}:{reader.line_num}: bad row {row!r}")
            rows.append((code, name))
    codes = {code for code, _ in rows}
    if len(codes) != len(rows):
        raise SystemExit(f"{path}: duplicate codes")
    orphans = [code for code in codes if "." in code and code.rsplit(".", 1)[0] not in codes]
    if orphans:
        raise SystemExit(f"{path}: codes without a parent: {sorted(orphans)[:10]}")
    return rows


def level_counts(rows: list[tuple[str, str]]) -> tuple[int, ...]:
    """How many rows each level has, provinces first."""
    counts = [0, 0, 0, 0]
    for code, _ in rows:
        counts[code.count(".")] += 1
    return tuple(counts)


def main() -> None:
    """Writes the compact region file and its README."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    rows = read_reference(args.reference)
    counts = level_counts(rows)
    if counts != EXPECTED_COUNTS:
        # A newer reference is welcome, but the counts here and in the tests must change on purpose.
        raise SystemExit(f"level counts {counts} differ from {EXPECTED_COUNTS}")
    rows.sort(key=lambda row: (row[0].count("."), row[0]))
    text = "".join(f"{code}\t{name}\n" for code, name in rows)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / OUT_NAME
    out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    labels = ("provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan")
    (args.out_dir / "README.md").write_text(
        README.format(
            name=OUT_NAME,
            total=len(rows),
            counts=", ".join(f"{count:,} {label}" for count, label in zip(counts, labels, strict=True)),
        ),
        encoding="utf-8",
    )
    print(f"{out} ({out.stat().st_size:,} bytes, {len(rows):,} rows)")


if __name__ == "__main__":
    main()
