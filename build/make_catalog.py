"""Builds resources/catalog/<version>.json from the reference catalog in ../shared/reference.

Run by hand when the reference changes; the JSON it writes is committed and is what the app reads.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

VERSION = "2025.1"
HERE = Path(__file__).resolve().parent
REFERENCE = HERE.parent.parent / "shared" / "reference" / "spm-kabkota-catalog.yaml"
OUT_DIR = HERE.parent / "resources" / "catalog"

# Generic quality components: the definition of "Standar Teknis" in Permendagri 101/2018 Pasal 1 (S7),
# used where the reference names no field-specific mutu indicator.
GENERIC_QUALITY = [
    "Standar jumlah dan kualitas barang dan/atau jasa",
    "Standar jumlah dan kualitas sumber daya manusia",
    "Petunjuk teknis atau tata cara pemenuhan standar",
]
FIELD_QUALITY = {
    "1.01": ["Standar jumlah dan kualitas barang dan jasa", "Standar jumlah dan kualitas sumber daya manusia"],
    "1.03": ["Standar jumlah dan kualitas barang dan jasa"],
    "1.04": ["Standar jumlah dan kualitas barang dan jasa"],
}
SHORT_NAMES = {
    "1.01": "Pendidikan",
    "1.02": "Kesehatan",
    "1.03": "Pekerjaan Umum",
    "1.04": "Perumahan Rakyat",
    "1.05": "Trantibumlinmas",
    "1.06": "Sosial",
}
# Typical reporting offices (OPD) and the service types each usually reports: offered at setup.
TYPICAL_OFFICES = [
    ("Dinas Pendidikan dan Kebudayaan", ["1.01"]),
    ("Dinas Kesehatan", ["1.02"]),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", ["1.03"]),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", ["1.04"]),
    ("Satuan Polisi Pamong Praja", ["1.05.01"]),
    ("Badan Penanggulangan Bencana Daerah", ["1.05.02", "1.05.03", "1.05.04"]),
    ("Dinas Pemadam Kebakaran dan Penyelamatan", ["1.05.05"]),
    ("Dinas Sosial", ["1.06"]),
    ("Sekretariat Daerah - Bagian Pemerintahan (koordinator SPM)", ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06"]),
]


def confirmed(value):
    """Returns the value, or None where the reference marks it unconfirmed."""
    if value is None or str(value).startswith("unconfirmed"):
        return None
    return value


def build(reference: dict) -> dict:
    """Turns the reference YAML into the catalog the app ships."""
    calc = reference["calculation"]
    fields = []
    for bidang in reference["bidang"]:
        code = bidang["code"]
        indicator = bidang.get("mutu_indicator", {}).get("indicator")
        services = [
            {
                "code": jenis["local_id"],
                "name": jenis["name"],
                "recipient": confirmed(jenis.get("recipient")),
                "unit": confirmed(jenis.get("unit")),
                "indicator": jenis.get("indicator_penerima"),
                "sources": [str(s) for s in jenis.get("source", [])],
            }
            for jenis in bidang["jenis_pelayanan_dasar"]
        ]
        fields.append(
            {
                "code": code,
                "name": bidang["name"],
                "short_name": SHORT_NAMES[code],
                "technical_regulation": bidang.get("technical_regulation"),
                "quality_indicator": confirmed(indicator),
                "quality_components": bidang.get("mutu_components") or FIELD_QUALITY.get(code, GENERIC_QUALITY),
                "services": services,
            }
        )
    bands = []
    for band in calc["category_bands"]["bands"]:
        bands.append({"label": band["label"], "min": band.get("min", 0)})
    return {
        "catalog": "spm-kabkota",
        "version": VERSION,
        "title": reference["catalog"],
        "note": reference["note_local_id"],
        "sources": reference["sources"],
        "fields": fields,
        "scoring": {
            "status": "default",
            "note": (
                "Defaults from common practice, not from the regulation text; a district may change "
                "them. Weights: third-party templates (S20). Bands: third-party dashboard (S23), "
                "consistent with Kemendagri usage (S13). District aggregation: unconfirmed; the mean "
                "of the service scores that have data is used."
            ),
            "weights": {"recipients": calc["weights"]["penerima"], "quality": calc["weights"]["mutu"]},
            "weights_source": calc["weights"]["source"],
            "cap_percent": 100,
            "missing_component": "renormalize",
            "aggregation": "mean_of_services",
            "bands": bands,
            "bands_source": calc["category_bands"]["source"],
        },
        "typical_offices": [{"name": n, "services": s} for n, s in TYPICAL_OFFICES],
        "deadlines_observed": reference["reporting"]["deadlines_observed"],
    }


def main() -> None:
    """Writes the catalog JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    catalog = build(yaml.safe_load(args.reference.read_text(encoding="utf-8")))
    out = args.out_dir / f"spm-kabkota-{VERSION}.json"
    out.write_text(json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
