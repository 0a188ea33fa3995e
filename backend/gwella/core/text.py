"""Text in both of Gwella's languages."""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator
from pydantic.config import JsonDict

# Written: holds at least one character that is not white space as Python's str.strip sees
# it. Spelt out rather than ``\S``, whose meaning differs between regex engines (Python,
# ECMAScript, Rust), so the spec's pattern and the server's check are one rule everywhere.
WRITTEN = r"[^\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_WRITTEN = re.compile(WRITTEN)


class LocalizedText(BaseModel):
    """The same text in English and in Welsh (either may be missing)."""

    model_config = ConfigDict(extra="forbid")

    en: Annotated[str, StringConstraints(max_length=2000)] | None = None
    cy: Annotated[str, StringConstraints(max_length=2000)] | None = None

    def get(self, language: str) -> str | None:
        value: str | None = getattr(self, language, None)
        return value

    def pick(self, language: str) -> str | None:
        """In ``language`` where it is written, else in the other language."""
        other = "en" if language == "cy" else "cy"
        return self.get(language) or self.get(other)


# "Not (every language given is unwritten)": at least one is a written string. Said with
# ``not`` (JSON Schema 2020-12) rather than ``anyOf``, which openapi-typescript would turn into
# a union that hides the fields; generators that do not read ``not`` see a LocalizedText.
_WRITTEN_STRING: JsonDict = {"type": "string", "pattern": WRITTEN}
_SOME_LANGUAGE_WRITTEN: JsonDict = {
    "not": {
        "properties": {
            "en": {"not": _WRITTEN_STRING},
            "cy": {"not": _WRITTEN_STRING},
        }
    }
}


class WrittenText(LocalizedText):
    """Text that must be written in English or Welsh (or both): at least one of ``en`` and
    ``cy`` holds a character that is not white space. The other may be missing, null or
    blank."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_SOME_LANGUAGE_WRITTEN)

    @model_validator(mode="before")
    @classmethod
    def _from_localized(cls, data: object) -> object:
        # The service's own code builds a LocalizedText; it is checked as written here.
        if isinstance(data, LocalizedText) and not isinstance(data, cls):
            return data.model_dump()
        return data

    @model_validator(mode="after")
    def _written(self) -> Self:
        if not any(_WRITTEN.search(self.get(language) or "") for language in ("en", "cy")):
            raise ValueError("write it in English or Welsh (or both)")
        return self
