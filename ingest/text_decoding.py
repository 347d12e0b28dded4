"""Bytes to text for plain-text and HTML files: UTF-8 first, Windows-1252 as a reported fallback."""

from __future__ import annotations

import codecs
import re

# Dutch text that is not UTF-8 is in practice Windows-1252 (Word, older Windows tools): a
# superset of Latin-1's printable range with € “ ” – in 0x80-0x9F. Its five unassigned bytes
# make it fail on most binary data, so a failed decode is a useful signal rather than noise.
FALLBACK = "cp1252"
_FALLBACK_NAME = "Windows-1252"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class TextDecodingError(ValueError):
    """Bytes that are not text in an encoding we can name; the message is the reason."""


def _normalise_newlines(text: str) -> str:
    # Universal newlines, as Python's text mode reads files; nothing else is touched.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(text: str) -> str:
    if "\x00" in text:
        raise TextDecodingError("binary data, not text (NUL bytes)")
    return text


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text that lacks a byte-order mark (some Windows tools write it so), else None.

    Evidence: Latin text in UTF-16 has a zero byte in nearly every code unit, always on the same side
    (the high byte), and decodes to printable text; binary data has zeros on both sides or none."""
    half = len(data) // 2
    if half < 2 or len(data) % 2:
        return None
    low_zeros, high_zeros = data[0::2].count(0), data[1::2].count(0)
    if high_zeros >= 0.3 * half and low_zeros <= 0.02 * half:
        codec, name = "utf-16-le", "UTF-16 little-endian"
    elif low_zeros >= 0.3 * half and high_zeros <= 0.02 * half:
        codec, name = "utf-16-be", "UTF-16 big-endian"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t\f")
    if "\x00" in text or printable < 0.98 * len(text):
        return None
    return text, f"decoded as {name} (no byte-order mark)"


def decode_text(data: bytes) -> tuple[str, str | None]:
    """The text of a file and a note when it was not UTF-8; raises TextDecodingError."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TextDecodingError(f"invalid UTF-16 at byte {exc.start}") from exc
        return _normalise_newlines(_refuse_binary(text)), "decoded as UTF-16 (byte-order mark)"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data:  # no text encoding we read has NUL bytes, except UTF-16
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _normalise_newlines(utf16[0]), utf16[1]
        raise TextDecodingError("binary data, not text (NUL bytes)")
    try:
        return _normalise_newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    try:
        text = data.decode(FALLBACK)
    except UnicodeDecodeError as exc:
        raise TextDecodingError(
            f"unknown text encoding: not UTF-8 ({where}) and not {_FALLBACK_NAME} "
            f"(byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    return _normalise_newlines(text), f"not valid UTF-8 ({where}); decoded as {_FALLBACK_NAME}"


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Like decode_text, but a charset the page declares wins when the bytes agree with it."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec and codec not in {"utf-8", "utf-16"}:
            try:
                return _normalise_newlines(_refuse_binary(data.decode(codec))), None
            except UnicodeDecodeError:
                pass  # the declaration is wrong; decode_text names what the bytes really are
    return decode_text(data)
