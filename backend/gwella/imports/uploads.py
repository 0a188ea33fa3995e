"""An import file sent as ``multipart/form-data`` (what browsers and generated clients send
for a file): its ``file`` part is read as it arrives and handed on a piece at a time, so a
1 GB upload goes to disk in flat memory, never through a spooled copy. Other parts are read
past and ignored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header

from gwella.core.errors import FieldProblem, ValidationFailed

FILE_PART = "file"


def _missing() -> ValidationFailed:
    return ValidationFailed(
        "The form has no file: send it as the part named 'file'.",
        errors=[FieldProblem(field="body.file", message="required")],
    )


@dataclass
class _State:
    header_field: bytes = b""
    header_value: bytes = b""
    headers: dict[bytes, bytes] = field(default_factory=dict)
    in_file: bool = False
    file_seen: bool = False
    file_headers: dict[bytes, bytes] | None = None
    file_ended: bool = False
    pending: list[bytes] = field(default_factory=list)


@dataclass
class MultipartFile:
    """The ``file`` part: its Content-Type (None when it sends none) and its bytes."""

    content_type: str | None
    chunks: AsyncIterator[bytes]


def boundary_of(content_type: str) -> bytes | None:
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    return boundary or None


async def file_part(stream: AsyncIterator[bytes], content_type: str) -> MultipartFile:
    """Read the body until the ``file`` part's headers, and return them with an iterator of
    the part's bytes that reads the rest of the body as it is consumed. A form with no such
    part, or a body that is not a form, is refused (422)."""
    boundary = boundary_of(content_type)
    if boundary is None:
        raise ValidationFailed(
            "A multipart form needs its boundary in the Content-Type.",
            errors=[FieldProblem(field="header.content-type", message="boundary missing")],
        )
    state = _State()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state.header_field += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state.header_value += data[start:end]

    def on_header_end() -> None:
        state.headers[state.header_field.strip().lower()] = state.header_value.strip()
        state.header_field = state.header_value = b""

    def on_headers_finished() -> None:
        _, params = parse_options_header(state.headers.get(b"content-disposition", b""))
        state.in_file = not state.file_seen and params.get(b"name") == FILE_PART.encode()
        if state.in_file:
            state.file_seen = True
            state.file_headers = dict(state.headers)

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if state.in_file:
            state.pending.append(bytes(data[start:end]))

    def on_part_end() -> None:
        if state.in_file:
            state.file_ended = True
        state.in_file = False
        state.headers = {}

    parser = MultipartParser(
        boundary,
        {
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    source = aiter(stream)

    def feed(chunk: bytes) -> None:
        try:
            parser.write(chunk)
        except Exception as exc:  # python-multipart's parse errors: a broken form
            raise ValidationFailed(
                f"The multipart form cannot be read: {exc}",
                errors=[FieldProblem(field="body", message="malformed multipart")],
            ) from None

    async for chunk in source:
        feed(chunk)
        if state.file_headers is not None:
            break
    if state.file_headers is None:
        raise _missing()
    declared = state.file_headers.get(b"content-type")

    async def chunks() -> AsyncIterator[bytes]:
        while True:
            while state.pending:
                yield state.pending.pop(0)
            if state.file_ended:
                break
            try:
                chunk = await anext(source)
            except StopAsyncIteration:
                break
            feed(chunk)
        if not state.file_ended:
            raise ValidationFailed(
                "The form ends before its file does.",
                errors=[FieldProblem(field="body.file", message="truncated")],
            )
        async for rest in source:  # read past any later parts
            feed(rest)

    return MultipartFile(declared.decode("latin-1") if declared else None, chunks())
