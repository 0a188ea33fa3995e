"""Which encoding an uploaded file is read in: the charset its Content-Type declares, checked
against the few Gwella reads, or, when none is declared, what the bytes show.

The rules (documented in the README and in the spec's description of ``createImport``):

- A UTF-8 byte order mark means UTF-8, whatever is declared (as browsers decide, following
  the WHATWG Encoding Standard).
- A declared charset is honoured: UTF-8, Windows-1252 (its labels ``cp1252``, ``iso-8859-1``,
  ``latin1`` and ``us-ascii`` included: Latin-1 files are read as Windows-1252, as browsers
  do) or ISO-8859-15. Any other charset is refused (415) before the body is read, and bytes
  the declared encoding does not define are refused (422) with their line.
- Nothing declared: UTF-8 when every byte is valid UTF-8; otherwise a CSV file is read as
  Windows-1252, which is what Excel's "CSV (Comma delimited)" writes on Windows, and what a
  browser uploads without saying so. The encoding used is shown on the job. NDJSON and FHIR
  are JSON, which is UTF-8 (RFC 8259): anything else is refused. UTF-16 (Excel's "Unicode
  text") is refused with a word on how to save the file instead, and so is a CSV whose lines
  end with a carriage return alone (Excel's old "CSV (Macintosh)"), whose rows cannot be told
  apart.
"""

from __future__ import annotations

import codecs
from typing import Literal

from gwella.core.errors import FieldProblem, UnsupportedMediaType, ValidationFailed

Encoding = Literal["utf-8", "windows-1252", "iso-8859-15"]
UTF8: Encoding = "utf-8"
WINDOWS_1252: Encoding = "windows-1252"
LATIN9: Encoding = "iso-8859-15"
CODECS: dict[str, str] = {UTF8: "utf-8", WINDOWS_1252: "cp1252", LATIN9: "iso8859_15"}
"""Python's codec for each encoding Gwella reads."""

LABELS: dict[str, Encoding] = {
    **dict.fromkeys(("utf-8", "utf8", "unicode-1-1-utf-8"), UTF8),
    **dict.fromkeys(
        (
            "windows-1252",
            "cp1252",
            "x-cp1252",
            "iso-8859-1",
            "iso8859-1",
            "iso_8859-1",
            "latin1",
            "latin-1",
            "l1",
            "us-ascii",
            "ascii",
        ),
        WINDOWS_1252,
    ),
    **dict.fromkeys(
        ("iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9"), LATIN9
    ),
}
ACCEPTED = (
    "UTF-8 (with or without a byte order mark; Excel's “CSV UTF-8”), windows-1252 "
    "(Excel's “CSV (Comma delimited)”; iso-8859-1 is read as windows-1252) or iso-8859-15"
)
SAVE_AS = "In Excel, choose Save As, then “CSV UTF-8 (Comma delimited)”."
UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UNDEFINED_IN_WINDOWS_1252 = tuple(bytes([b]) for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D))


def declared(content_type: str | None, fmt: str) -> Encoding | None:
    """The encoding the Content-Type's charset names (None when it names none). A charset
    Gwella does not read, or anything but UTF-8 for JSON formats, is refused with 415."""
    charset = _parameter(content_type or "", "charset")
    if charset is None:
        return None
    encoding = LABELS.get(charset.lower())
    if fmt != "csv":
        if encoding != UTF8:
            raise UnsupportedMediaType(
                f"NDJSON and FHIR files are JSON, which is UTF-8; charset={charset} is not.",
                errors=[FieldProblem(field="header.content-type", message="charset=utf-8")],
            )
        return encoding
    if encoding is None:
        raise UnsupportedMediaType(
            f"Gwella cannot read charset={charset}. It reads {ACCEPTED}. {SAVE_AS}",
            errors=[FieldProblem(field="header.content-type", message="unsupported charset")],
        )
    return encoding


def _parameter(content_type: str, name: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, sep, value = part.partition("=")
        if sep and key.strip().lower() == name:
            return value.strip().strip('"').strip() or None
    return None


class Sniffer:
    """Fed the upload chunk by chunk as it is written to disk, it finds the first byte that is
    not valid UTF-8 and the first that Windows-1252 does not define (memory stays flat),
    then :meth:`decide` says which encoding the file is read in, or refuses it."""

    def __init__(self, fmt: str, declared: Encoding | None) -> None:
        self.fmt = fmt
        self.declared = declared
        self.head = b""
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        self._seen = 0
        self._lines = 0
        self._carriage_returns = False
        self.utf8_error: tuple[int, int] | None = None
        """(byte offset, line) of the first byte that is not valid UTF-8."""
        self.windows_1252_error: tuple[int, int] | None = None

    def feed(self, chunk: bytes) -> None:
        if len(self.head) < 3:
            self.head = (self.head + chunk)[:3]
        if self.utf8_error is None:
            try:
                self._utf8.decode(chunk)
            except UnicodeDecodeError as exc:
                self.utf8_error = self._where(chunk, exc.start)
        if self.windows_1252_error is None:
            found = [i for i in (chunk.find(b) for b in UNDEFINED_IN_WINDOWS_1252) if i >= 0]
            if found:
                self.windows_1252_error = self._where(chunk, min(found))
        self._seen += len(chunk)
        self._lines += chunk.count(b"\n")
        self._carriage_returns = self._carriage_returns or b"\r" in chunk

    def _where(self, chunk: bytes, index: int) -> tuple[int, int]:
        return self._seen + index, self._lines + chunk.count(b"\n", 0, index) + 1

    def decide(self) -> Encoding:
        encoding = self._encoding()
        if self._carriage_returns and not self._lines:
            raise ValidationFailed(
                "The file's lines end with a carriage return alone (the old Macintosh CSV "
                f"format), so Gwella cannot tell its rows apart. {SAVE_AS}",
                errors=[FieldProblem(field="body", message="line ends")],
            )
        return encoding

    def _encoding(self) -> Encoding:
        if self.utf8_error is None:
            try:
                self._utf8.decode(b"", final=True)
            except UnicodeDecodeError:  # the file ends inside a character
                self.utf8_error = (self._seen, self._lines + 1)
        if self.head.startswith(UTF16_BOMS):
            raise UnsupportedMediaType(
                f"The file is UTF-16 (Excel's “Unicode Text”), which Gwella does not read. "
                f"It reads {ACCEPTED}. {SAVE_AS}"
            )
        if self.head.startswith(UTF8_BOM) or self.declared == UTF8:
            return self._must_be(UTF8, self.utf8_error)
        if self.declared is not None:
            return self._must_be(
                self.declared, self.windows_1252_error if self.declared == WINDOWS_1252 else None
            )
        if self.utf8_error is None:
            return UTF8
        if self.fmt != "csv":
            offset, line = self.utf8_error
            raise ValidationFailed(
                f"NDJSON and FHIR files are JSON, which must be UTF-8; byte {offset} "
                f"(line {line}) is not valid UTF-8.",
                errors=[FieldProblem(field="body", message="not UTF-8")],
            )
        if self.windows_1252_error is not None:
            offset, line = self.windows_1252_error
            raise ValidationFailed(
                f"The file is neither UTF-8 nor windows-1252 (byte {offset}, line {line}, is "
                f"valid in neither). Gwella reads {ACCEPTED}; declare another of these in the "
                f"Content-Type's charset. {SAVE_AS}",
                errors=[FieldProblem(field="body", message="unknown encoding")],
            )
        return WINDOWS_1252

    def _must_be(self, encoding: Encoding, error: tuple[int, int] | None) -> Encoding:
        if error is not None:
            offset, line = error
            raise ValidationFailed(
                f"The file is not valid {encoding}: byte {offset} (line {line}) is not. "
                f"Gwella reads {ACCEPTED}; declare the one the file is in, or save it again. "
                f"{SAVE_AS}",
                errors=[FieldProblem(field="body", message=f"not {encoding}")],
            )
        return encoding
