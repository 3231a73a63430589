"""Errors the hub answers with: `{"error": {"code": "<stable.code>", "message": "<Indonesian text>"}}`."""

from __future__ import annotations

from typing import Any

# tuspyserver raises plain HTTPExceptions with English details; these are their codes and texts here.
TUS_ERRORS = {
    400: ("upload.bad_request", "Permintaan unggahan tidak sah."),
    403: ("upload.forbidden", "Unggahan ini tidak boleh diubah."),
    404: ("upload.unknown", "Unggahan tidak dikenal (sudah selesai, dihapus, atau milik kantor lain)."),
    409: ("upload.offset_mismatch", "Posisi unggahan tidak cocok; tanyakan posisinya (HEAD) lalu lanjutkan."),
    410: ("upload.expired", "Unggahan sudah kedaluwarsa; mulai unggahan baru."),
    412: ("upload.tus_version", "Versi protokol tus tidak didukung (harus 1.0.0)."),
    413: ("upload.too_large", "Berkas melebihi ukuran unggahan yang diizinkan hub."),
    415: ("upload.content_type", "Content-Type unggahan harus application/offset+octet-stream."),
    422: ("request.invalid", "Permintaan tidak lengkap atau tidak sah."),
    503: ("upload.busy", "Unggahan ini sedang ditulis oleh permintaan lain; coba lagi sebentar lagi."),
}


class HubError(Exception):
    """An answer other than success, with its HTTP status, stable code and Indonesian message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        """The JSON body of the answer."""
        return {"error": {"code": self.code, "message": self.message}, **self.extra}


def unauthorized() -> HubError:
    """No token, or one the hub does not know."""
    return HubError(
        401,
        "auth.invalid_token",
        "Token tidak ada atau tidak dikenal hub. Mintalah token kantor kepada admin provinsi.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def admin_only() -> HubError:
    """The act needs the province admin token."""
    return HubError(403, "auth.admin_required", "Hanya admin provinsi (token admin) yang boleh melakukan ini.")
