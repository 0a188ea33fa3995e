"""One exception hierarchy, rendered by one handler as RFC 9457 problem+json.

Business code raises these; it never builds HTTP responses or ad-hoc error strings.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

PROBLEM_TYPE_BASE = "urn:gwella:problem:"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class FieldProblem(BaseModel):
    field: str = Field(description="Dotted path of the offending input, e.g. `body.email`")
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not-found"])
    title: str
    status: int
    detail: str
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldProblem] | None = None


class GwellaError(Exception):
    status: int = 500
    slug: str = "internal-error"
    title: str = "Internal server error"

    def __init__(
        self,
        detail: str,
        *,
        errors: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}

    @property
    def type(self) -> str:
        return PROBLEM_TYPE_BASE + self.slug

    def to_problem(self, instance: str | None, request_id: str | None) -> Problem:
        return Problem(
            type=self.type,
            title=self.title,
            status=self.status,
            detail=self.detail,
            instance=instance,
            request_id=request_id,
            errors=self.errors,
        )


class BadRequest(GwellaError):
    status, slug, title = 400, "bad-request", "Bad request"


class InvalidCursor(BadRequest):
    slug, title = "invalid-cursor", "Invalid cursor"


class Unauthenticated(GwellaError):
    status, slug, title = 401, "unauthenticated", "Authentication required"

    def __init__(self, detail: str = "Sign in or present a valid bearer token.") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="gwella"'})


class Forbidden(GwellaError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(GwellaError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(GwellaError):
    status, slug, title = 409, "conflict", "Conflict"


class Gone(GwellaError):
    status, slug, title = 410, "gone", "No longer available"


class PreconditionFailed(GwellaError):
    status, slug, title = 412, "precondition-failed", "Record changed since you read it"


class PayloadTooLarge(GwellaError):
    status, slug, title = 413, "payload-too-large", "Request body too large"


class UnsupportedMediaType(GwellaError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class ValidationFailed(GwellaError):
    status, slug, title = 422, "validation-failed", "The request is not valid"


class PreconditionRequired(GwellaError):
    status, slug, title = 428, "precondition-required", "If-Match header required"


class RateLimited(GwellaError):
    status, slug, title = 429, "rate-limited", "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after))})


class ServiceUnavailable(GwellaError):
    status, slug, title = 503, "service-unavailable", "Service temporarily unavailable"

    def __init__(self, detail: str, retry_after: int = 5) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


# Headers a problem always carries with these statuses (the errors above set them).
_RETRY_AFTER = {
    "description": "Seconds to wait before trying again (RFC 9110 §10.2.3)",
    "required": True,
    "schema": {"type": "integer", "minimum": 1},
}
PROBLEM_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "The scheme to authenticate with (RFC 9110 §11.6.1)",
            "required": True,
            "schema": {"type": "string"},
        }
    },
    429: {"Retry-After": _RETRY_AFTER},
    503: {"Retry-After": _RETRY_AFTER},
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for a route: each status documented as a Problem, with the
    headers that come with it."""
    descriptions = {
        400: "Bad request",
        401: "Not signed in, or the token is invalid, expired or revoked",
        403: "Signed in but not allowed",
        404: "No such record visible to you",
        408: "The request's body did not all arrive in time; nothing was changed",
        409: "Conflicts with an existing record, or with the record's state",
        410: "No longer usable (used, withdrawn or expired)",
        412: "The record changed since you read it (stale or weak If-Match)",
        413: "Request body too large",
        415: "Body sent in a media type this operation does not take",
        422: "Validation failed; `errors` lists the fields",
        428: "If-Match header missing, or `*` (name the version you read)",
        429: "Too many requests; see Retry-After",
        503: "Database unavailable; see Retry-After",
    }
    return {
        status: {
            "description": descriptions[status],
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            **({"headers": PROBLEM_HEADERS[status]} if status in PROBLEM_HEADERS else {}),
        }
        for status in statuses
    }
