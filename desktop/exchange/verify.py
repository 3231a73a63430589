"""Bundle verification, in the order of DESIGN.md; the first failure stops it, nothing is written.

    decrypt (a .spmb.age, with the recipient's age identity, to a temporary file in the data folder)
    container   ZIP limits: entry count, total and per-file size, compression ratio, names, links, duplicates
    signature   minisign signature of tagmanifest-sha256.txt by a trusted key (or the office's own)
    tagmanifest every tag file listed and hashing right, none unlisted; bagit.txt; bag-info.txt
    manifest    every payload file listed, none missing, none extra, every SHA-256 right (streamed)
    schema      submission.json (spm-luring/submission/1), agreeing with bag-info.txt and submission.csv
    references  catalog version and service codes, region codes inside the office's district, evidence

Each failure is a BundleError with its stage, a stable code and an Indonesian reason. Only a
VerifiedBundle leaves here; the importer reads nothing but what it holds (evidence bytes are
streamed from the verified file again and re-hashed on the way into the evidence store).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.catalog import available_versions, load_catalog
from desktop.domain.messages import QT_TRANSLATE_NOOP
from desktop.domain.region_codes import RegionLevel
from desktop.exchange import bag
from desktop.exchange.container import (
    SIGNATURE_NAME,
    SUBMISSION_CSV,
    SUBMISSION_JSON,
    Container,
    ContainerLimits,
)
from desktop.exchange.encryption import NEEDS_IDENTITY, decrypt_to_temporary, is_age_file
from desktop.exchange.errors import CancelCheck, Progress, never_cancelled, no_progress, refuse
from desktop.exchange.keys import PublicKeyInfo, parse_public_key, read_public_key_file
from desktop.exchange.submission import SCHEMA, Submission
from desktop.exchange.submission_check import check_csv, parse
from desktop.storage import file_types

TAGMANIFEST = bag.tagmanifest_name("sha256")
MANIFEST = bag.manifest_name("sha256")
LISTED_TAG_FILES = (bag.BAGIT_TXT, bag.BAG_INFO, MANIFEST)
COMMENT_FORMAT = "spm-luring-bundle:1"
SUBMISSION_ROLES = ("office", "district")
INCOMING_DIR = "incoming"


@dataclass(frozen=True)
class TrustedSigner:
    """A key bundles may be signed with, and what it may sign for."""

    key: PublicKeyInfo
    name: str
    role: str  # office | district | province
    office_id: str | None  # the office it speaks for (None: not bound yet)
    own: bool = False  # this install's own office key
    trusted_key_row: int | None = None  # trusted_keys.id, for binding at import


@dataclass(frozen=True)
class Trust:
    """What a verification trusts: keys, the local office (for its own key) and the size limits."""

    signers: tuple[TrustedSigner, ...]
    own_office_id: str | None = None
    limits: ContainerLimits = field(default_factory=ContainerLimits)

    def by_key_id(self, key_id: str) -> list[TrustedSigner]:
        """The signers whose key has this minisign key id."""
        return [s for s in self.signers if s.key.key_id == key_id]


def trust_of_store(store) -> Trust:
    """The trust store, the office's own key and the evidence limit of an install (reads the database)."""
    signers = [
        TrustedSigner(parse_public_key(k.public_key), k.name, k.role, k.office_id, False, k.id)
        for k in store.trust.trusted_keys()
    ]
    own = store.trust.office_key()
    installation = store.installation
    if own is not None and installation is not None:
        signers.append(
            TrustedSigner(
                parse_public_key(own.public_key), installation.office.name, "office", installation.office.id, True
            )
        )
    return Trust(
        tuple(signers),
        installation.office.id if installation else None,
        ContainerLimits.for_evidence_limit(store.settings.evidence_max_bytes),
    )


def trust_of_key_file(path: Path, limits: ContainerLimits | None = None) -> Trust:
    """Trusts only the key in a minisign .pub file (`verify-bundle --trusted FILE`), for any office."""
    key = read_public_key_file(path)
    return Trust((TrustedSigner(key, path.name, "office", None),), None, limits or ContainerLimits())


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every stage, with what the importer needs. Close it when done
    (a bundle that travelled encrypted is verified from a temporary plaintext copy, removed then)."""

    path: Path  # the verified .spmb (the decrypted copy for an encrypted bundle)
    source: Path  # the file as given
    submission: Submission
    bag_info: tuple[tuple[str, str], ...]
    manifest: dict[str, str]  # data path -> sha256
    signer: TrustedSigner
    trusted_comment: str
    file_sha256: str  # of the .spmb
    file_size: int
    tagmanifest_sha256: str
    payload_bytes: int
    payload_files: int
    bagged_at: str
    encrypted: bool
    limits: ContainerLimits
    temporary: bool = False

    @property
    def bundle_id(self) -> str:
        """The bundle UUID (External-Identifier)."""
        return self.submission.bundle_id

    def open_container(self) -> Container:
        """The verified ZIP again, for streaming evidence out of it."""
        return Container.open(self.path, self.limits)

    def close(self) -> None:
        """Removes the decrypted temporary copy, if any."""
        if self.temporary:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> VerifiedBundle:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def verify_bundle(
    path: Path,
    trust: Trust,
    *,
    identity: Path | None = None,
    work_dir: Path | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> VerifiedBundle:
    """Runs every stage over a .spmb (or a .spmb.age with `identity`); BundleError at the first failure.

    `work_dir` takes the decrypted copy of an encrypted bundle (the data folder's incoming/ folder:
    a local disk, never the stick). Progress is in bytes read, over the whole run.
    """
    path = Path(path)
    if is_age_file(path):
        if identity is None:
            raise refuse("decrypt", "decrypt.needs_identity", NEEDS_IDENTITY)
        size = path.stat().st_size
        total = 2 * size

        def decrypt_progress(done: int, _total: int) -> None:
            progress(done, total)

        def hash_progress(done: int, _total: int) -> None:
            progress(size + done * size // max(_total, 1), total)

        # Never beside the source (a stick): the plaintext may hold personal data.
        folder = work_dir if work_dir is not None else Path(tempfile.gettempdir())
        plain = decrypt_to_temporary(path, identity, folder, progress=decrypt_progress, cancelled=cancelled)
        try:
            return _verify(plain, path, trust, hash_progress, cancelled, encrypted=True)
        except BaseException:
            plain.unlink(missing_ok=True)
            raise
    return _verify(path, path, trust, progress, cancelled, encrypted=False)


def _verify(
    path: Path, source: Path, trust: Trust, progress: Progress, cancelled: CancelCheck, *, encrypted: bool
) -> VerifiedBundle:
    limits = trust.limits
    with Container.open(path, limits) as container:
        names = set(container.names())
        # --- signature
        if SIGNATURE_NAME not in names:
            raise refuse("signature", "signature.missing", NO_SIGNATURE)
        if TAGMANIFEST not in names:
            raise refuse("signature", "signature.no_tagmanifest", NO_TAGMANIFEST)
        tagmanifest = container.read(TAGMANIFEST, limits.max_tag_file_bytes)
        signature = container.read(SIGNATURE_NAME, limits.max_signature_bytes)
        signer, comment = check_signature(tagmanifest, signature, trust)
        tagmanifest_sha = hashlib.sha256(tagmanifest).hexdigest()
        # --- tag manifest
        listed = bag.parse_manifest(tagmanifest, "sha256", tag=True, stage="tagmanifest", file=TAGMANIFEST)
        tag_bytes = {}
        for name in LISTED_TAG_FILES:
            if name not in names:
                raise refuse("tagmanifest", "tagmanifest.missing_file", bag.TAG_FILE_MISSING, file=name)
            if name not in listed:
                raise refuse("tagmanifest", "tagmanifest.unlisted", UNLISTED_TAG_FILE, file=name)
        for name in sorted(listed):
            if name not in LISTED_TAG_FILES:
                raise refuse("tagmanifest", "tagmanifest.missing_file", bag.TAG_FILE_MISSING, file=name)
            data = container.read(name, limits.max_tag_file_bytes)
            if hashlib.sha256(data).hexdigest() != listed[name]:
                raise refuse("tagmanifest", "tagmanifest.hash_mismatch", bag.TAG_HASH_MISMATCH, file=name)
            tag_bytes[name] = data
        bag.parse_bagit_txt(tag_bytes[bag.BAGIT_TXT])
        info_pairs = bag.parse_bag_info(tag_bytes[bag.BAG_INFO])
        info = _bag_info_values(info_pairs)
        if _single(info, "External-Identifier") != comment["bundle"]:
            raise refuse("tagmanifest", "tagmanifest.bundle_id", COMMENT_MISMATCH)
        # --- payload manifest
        manifest = bag.parse_manifest(tag_bytes[MANIFEST], "sha256", tag=False, stage="manifest", file=MANIFEST)
        payload = sorted(n for n in names if n.startswith("data/"))
        bag.check_payload_listing(manifest, payload)
        digests, file_sha = container.hash_entries(sorted(manifest), "sha256", progress, cancelled)
        bag.check_payload_digests(manifest, digests)
        payload_bytes = sum(container.size(n) for n in payload)
        bag.check_payload_oxum(_single(info, "Payload-Oxum") or "", payload_bytes, len(payload))
        # --- schema
        submission_bytes = _read_verified(container, SUBMISSION_JSON, manifest, limits.max_submission_bytes)
        submission = parse(submission_bytes)
        _check_against_bag_info(submission, info, signer)
        for report in submission.reports:
            if submission.domain_report(report).content_hash() != report.content_hash:
                raise refuse("schema", "schema.content_hash", CONTENT_HASH, service=report.service_code)
        check_csv(_read_verified(container, SUBMISSION_CSV, manifest, limits.max_submission_bytes), submission)
        # --- references
        _check_references(submission, manifest, container, signer, trust)
        file_size = container.file_size
    return VerifiedBundle(
        path=path,
        source=source,
        submission=submission,
        bag_info=tuple(info_pairs),
        manifest=manifest,
        signer=signer,
        trusted_comment=comment["text"],
        file_sha256=file_sha,
        file_size=file_size,
        tagmanifest_sha256=tagmanifest_sha,
        payload_bytes=payload_bytes,
        payload_files=len(payload),
        bagged_at=_single(info, "SPM-Created") or "",
        encrypted=encrypted,
        limits=limits,
        temporary=encrypted,
    )


def _read_verified(container: Container, name: str, manifest: dict[str, str], limit: int) -> bytes:
    if name not in container.entries:
        raise refuse("schema", "schema.missing", MISSING_PAYLOAD, name=name)
    data = container.read(name, limit)
    # Read again after hashing: it must still be what the manifest says (the file may sit on a stick).
    if hashlib.sha256(data).hexdigest() != manifest.get(name):
        raise refuse("manifest", "manifest.hash_mismatch", bag.PAYLOAD_HASH_MISMATCH, path=name)
    return data


def signature_key_id(signature: bytes) -> str:
    """The key id a minisign signature names (as minisign prints it); ValueError when unreadable."""
    lines = signature.splitlines()
    if len(lines) < 2:
        raise ValueError("signature")
    decoded = base64.b64decode(lines[1], validate=True)
    if len(decoded) != 74:
        raise ValueError("signature")
    return decoded[2:10][::-1].hex().upper()


def parse_trusted_comment(text: str) -> dict[str, str]:
    """The fields of our trusted comment: "spm-luring-bundle:1<TAB>bundle:<uuid><TAB>tagmanifest-sha256:<hex>…"."""
    fields = {}
    for part in text.split("\t"):
        label, sep, value = part.partition(":")
        if not sep or label in fields:
            raise ValueError(text)
        fields[label] = value
    if fields.get("spm-luring-bundle") != "1" or "bundle" not in fields or "tagmanifest-sha256" not in fields:
        raise ValueError(text)
    return fields


def check_signature(tagmanifest: bytes, signature: bytes, trust: Trust) -> tuple[TrustedSigner, dict[str, str]]:
    """The trusted signer whose key signed the tag manifest, and the trusted comment's fields."""
    import minisign

    try:
        key_id = signature_key_id(signature)
        parsed = minisign.Signature.from_bytes(signature)
    except (ValueError, binascii.Error, minisign.Error, UnicodeDecodeError):
        raise refuse("signature", "signature.malformed", MALFORMED_SIGNATURE) from None
    candidates = trust.by_key_id(key_id)
    if not candidates:
        raise refuse("signature", "signature.unknown_key", UNKNOWN_KEY, key_id=key_id)
    signer = None
    for candidate in candidates:
        try:
            candidate.key.minisign_key().verify(tagmanifest, parsed)
        except minisign.Error:
            continue
        signer = candidate
        break
    if signer is None:
        raise refuse("signature", "signature.invalid", BAD_SIGNATURE, key_id=key_id)
    try:
        fields = parse_trusted_comment(parsed.trusted_comment)
    except ValueError:
        raise refuse("signature", "signature.comment", COMMENT_MISMATCH) from None
    if fields["tagmanifest-sha256"] != hashlib.sha256(tagmanifest).hexdigest():
        raise refuse("signature", "signature.comment", COMMENT_MISMATCH)
    return signer, {**fields, "text": parsed.trusted_comment}


def _bag_info_values(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for label, value in pairs:
        values.setdefault(label.lower(), []).append(value)
    return values


def _single(info: dict[str, list[str]], label: str) -> str | None:
    found = info.get(label.lower(), [])
    if len(found) > 1:
        raise refuse("tagmanifest", "baginfo.repeated", REPEATED_LABEL, label=label)
    return found[0] if found else None


def _check_against_bag_info(submission: Submission, info: dict[str, list[str]], signer: TrustedSigner) -> None:
    office = submission.office
    expected = {
        "External-Identifier": submission.bundle_id,
        "SPM-Schema": SCHEMA,
        "SPM-Office-Id": office.id,
        "SPM-Office-Name": " ".join(office.name.split()),
        "SPM-District": office.district_code,
        "SPM-Period": submission.period.key,
        "SPM-Catalog-Version": submission.catalog_version,
        "SPM-Signer-Key-Id": signer.key.key_id,
        "SPM-Signer-Fingerprint": signer.key.fingerprint,
    }
    for label, value in expected.items():
        if _single(info, label) != value:
            raise refuse("schema", "schema.bag_info", BAG_INFO_MISMATCH, label=label)
    if tuple(sorted(info.get("spm-revises", []))) != submission.revises:
        raise refuse("schema", "schema.bag_info", BAG_INFO_MISMATCH, label="SPM-Revises")
    if (submission.signer.key_id, submission.signer.fingerprint) != (signer.key.key_id, signer.key.fingerprint):
        raise refuse("schema", "schema.bag_info", BAG_INFO_MISMATCH, label="signer")


def _check_references(
    submission: Submission, manifest: dict[str, str], container: Container, signer: TrustedSigner, trust: Trust
) -> None:
    from desktop.domain.regions import shipped_regions

    office = submission.office
    if signer.own and office.id != trust.own_office_id:
        raise refuse("references", "references.signer_office", SIGNER_OFFICE, name=signer.name)
    if not signer.own:
        # The province signs no submission, only decisions on an office's reports (each carries a review).
        decisions_only = bool(submission.reports) and all(r.review is not None for r in submission.reports)
        if signer.role not in SUBMISSION_ROLES and not (signer.role == "province" and decisions_only):
            raise refuse("references", "references.signer_role", SIGNER_ROLE, name=signer.name)
        if signer.office_id is not None and signer.office_id != office.id:
            raise refuse("references", "references.signer_office", SIGNER_OFFICE, name=signer.name)
    known = available_versions()
    regions = shipped_regions()
    district = regions.get(office.district_code)
    if district is None or district.level is not RegionLevel.REGENCY:
        raise refuse("references", "references.district", UNKNOWN_DISTRICT, code=office.district_code)
    for version in {submission.catalog_version, *(r.catalog_version for r in submission.reports)}:
        if version not in known:
            raise refuse("references", "references.catalog", UNKNOWN_CATALOG, version=version)
    catalog = load_catalog(submission.catalog_version)
    for code in office.services:
        if not catalog.has_service(code):
            raise refuse("references", "references.service", UNKNOWN_SERVICE, code=code)

    def check_area(code: str | None) -> None:
        if code is None:
            return
        if code not in regions or not (code == office.district_code or code.startswith(office.district_code + ".")):
            raise refuse("references", "references.area", OUTSIDE_DISTRICT, code=code, district=office.district_code)

    referenced = set()
    for report in submission.reports:
        if not load_catalog(report.catalog_version).has_service(report.service_code):
            raise refuse("references", "references.service", UNKNOWN_SERVICE, code=report.service_code)
        if report.service_code not in office.services:
            raise refuse("references", "references.service", UNKNOWN_SERVICE, code=report.service_code)
        for row in report.rows:
            check_area(row.area_code)
        for area, _note in report.review.notes if report.review else ():
            check_area(area)
        for evidence in report.evidence:
            check_area(evidence.area_code)
            kind = file_types.BY_MEDIA_TYPE.get(evidence.media_type)
            if kind is None or kind.extension != evidence.extension:
                raise refuse("references", "references.evidence_type", EVIDENCE_TYPE, name=evidence.name[:100])
            if manifest.get(evidence.path) != evidence.sha256 or evidence.path not in container.entries:
                raise refuse("references", "references.evidence_missing", EVIDENCE_MISSING, name=evidence.name[:100])
            if container.size(evidence.path) != evidence.size:
                raise refuse("references", "references.evidence_size", EVIDENCE_SIZE, name=evidence.name[:100])
            referenced.add(evidence.path)
    for name in manifest:
        if name.startswith("data/evidence/") and name not in referenced:
            raise refuse("references", "references.evidence_unreferenced", EVIDENCE_UNREFERENCED, path=name)
        if name.startswith("data/forms/"):
            with container.stream(name) as reader:
                head = reader.read(1024)
            if b"%PDF-" not in head:
                raise refuse("references", "references.form_type", FORM_TYPE, path=name)


NO_SIGNATURE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Paket tidak bertanda tangan (tagmanifest-sha256.txt.minisig tidak ada); paket ditolak."
)
NO_TAGMANIFEST = QT_TRANSLATE_NOOP(
    "BundleCheck", "tagmanifest-sha256.txt tidak ada; tanda tangan tidak dapat diperiksa."
)
MALFORMED_SIGNATURE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Berkas tanda tangan paket rusak atau bukan tanda tangan minisign."
)
UNKNOWN_KEY = QT_TRANSLATE_NOOP(
    "BundleCheck",
    "Paket ditandatangani kunci {key_id} yang tidak dipercaya. Tambahkan kunci publik pengirim (setelah mencocokkan sidik jarinya) bila paket ini memang dari mitra Anda.",
)
BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Tanda tangan paket (kunci {key_id}) tidak sah: paket diubah setelah ditandatangani."
)
COMMENT_MISMATCH = QT_TRANSLATE_NOOP(
    "BundleCheck", "Keterangan bertanda tangan (trusted comment) tidak cocok dengan isi paket; paket ditolak."
)
UNLISTED_TAG_FILE = QT_TRANSLATE_NOOP("BundleCheck", "Berkas tag {file} tidak tercantum di tagmanifest; paket ditolak.")
REPEATED_LABEL = QT_TRANSLATE_NOOP("BundleCheck", "bag-info.txt memuat '{label}' lebih dari sekali.")
MISSING_PAYLOAD = QT_TRANSLATE_NOOP("BundleCheck", "Paket tidak memuat {name}.")
CONTENT_HASH = QT_TRANSLATE_NOOP(
    "BundleCheck", "Hash isi laporan {service} tidak cocok dengan angkanya; paket ditolak."
)
BAG_INFO_MISMATCH = QT_TRANSLATE_NOOP(
    "BundleCheck", "Keterangan '{label}' di bag-info.txt tidak cocok dengan submission.json; paket ditolak."
)
SIGNER_OFFICE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Kunci '{name}' tidak berhak menandatangani laporan perangkat daerah ini; paket ditolak."
)
SIGNER_ROLE = QT_TRANSLATE_NOOP(
    "BundleCheck", "Kunci '{name}' (provinsi) tidak menandatangani laporan perangkat daerah; paket ditolak."
)
UNKNOWN_DISTRICT = QT_TRANSLATE_NOOP("BundleCheck", "Kode kabupaten/kota {code} tidak dikenal.")
UNKNOWN_CATALOG = QT_TRANSLATE_NOOP(
    "BundleCheck", "Paket memakai katalog SPM versi {version} yang tidak dikenal aplikasi ini. Perbarui aplikasinya."
)
UNKNOWN_SERVICE = QT_TRANSLATE_NOOP("BundleCheck", "Kode layanan {code} tidak ada di katalog paket ini.")
OUTSIDE_DISTRICT = QT_TRANSLATE_NOOP(
    "BundleCheck", "Kode wilayah {code} tidak dikenal atau bukan bagian dari kabupaten/kota {district}."
)
EVIDENCE_TYPE = QT_TRANSLATE_NOOP("BundleCheck", "Jenis berkas data dukung '{name}' tidak diterima.")
EVIDENCE_MISSING = QT_TRANSLATE_NOOP("BundleCheck", "Berkas data dukung '{name}' tidak ada di paket.")
EVIDENCE_SIZE = QT_TRANSLATE_NOOP("BundleCheck", "Ukuran berkas data dukung '{name}' tidak cocok.")
FORM_TYPE = QT_TRANSLATE_NOOP("BundleCheck", "Formulir {path} di paket bukan berkas PDF; paket ditolak.")
EVIDENCE_UNREFERENCED = QT_TRANSLATE_NOOP("BundleCheck", "Berkas {path} tidak dirujuk laporan mana pun; paket ditolak.")
