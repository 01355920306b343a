"""Turn file bytes into text: UTF-8 first, Windows-1256 for old Arabic archives."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: More control characters than this share means the bytes are not text.
MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    """The bytes are not a text rawi can read."""


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise DecodeError for binary or unknown data."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw[:65536]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1256")
            encoding = "windows-1256"
        except UnicodeDecodeError:
            raise DecodeError("not text: neither UTF-8 nor Windows-1256") from None
    if _looks_binary(text):
        raise DecodeError("binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
