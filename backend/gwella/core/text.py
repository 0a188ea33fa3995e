"""Text in both of Gwella's languages."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


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
