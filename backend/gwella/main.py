"""The app factory: settings, database, middleware, error handlers, routers, the SPA."""

from __future__ import annotations

import asyncio
import gc
import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from gwella import __version__
from gwella.accounts import signin as accounts_signin
from gwella.accounts.routes.api_clients import clients_router
from gwella.accounts.routes.invitations import invitations_router
from gwella.accounts.routes.signin import auth_router
from gwella.accounts.routes.users import memberships_router, users_router
from gwella.actions.router import router as actions_router
from gwella.audit.router import router as audit_router
from gwella.campaigns.router import router as campaigns_router
from gwella.core import conditional, i18n
from gwella.core.concurrency import declare_conditional_headers
from gwella.core.config import Settings, get_settings
from gwella.core.database import create_engine, create_sessionmaker
from gwella.core.dependencies import public
from gwella.core.errors import (
    PROBLEM_MEDIA_TYPE,
    Conflict,
    FieldProblem,
    GwellaError,
    NotFound,
    PreconditionFailed,
    Problem,
    ServiceUnavailable,
    ValidationFailed,
    problem_responses,
)
from gwella.core.logging import configure_logging, get_logger, mark_logged
from gwella.core.mail import MailSender, make_sender
from gwella.core.middleware import (
    API_DOCS_PATH,
    AllowedMethodsMiddleware,
    BodySizeLimitMiddleware,
    BodyTimeoutMiddleware,
    ContentTypeMiddleware,
    RequestContextMiddleware,
    SecurityHeadersMiddleware,
    logged_path,
)
from gwella.core.principals import PrincipalCache
from gwella.core.requests import request_id
from gwella.core.spec import exclude_nul_from_json_bodies, leave_defaults_optional
from gwella.core.surrogates import LoneSurrogateMiddleware
from gwella.fhir.openapi import add_schemas as add_fhir_schemas
from gwella.fhir.router import ProblemToOutcomeMiddleware, include_fhir
from gwella.health.router import router as health_router
from gwella.home.router import router as home_router
from gwella.imports.router import IMPORT_MEDIA_TYPES
from gwella.imports.router import router as imports_router
from gwella.indicators.router import router as indicators_router
from gwella.ingest.router import router as ingest_router
from gwella.instruments.routes import router as instruments_router
from gwella.notifications.router import router as notifications_router
from gwella.organisations.router import router as organisations_router
from gwella.partnerships.router import router as partnerships_router
from gwella.responses.router import public_router as public_surveys_router
from gwella.responses.router import router as responses_router
from gwella.results.router import router as results_router
from gwella.stream.feed import ChangeFeed
from gwella.stream.registry import StreamRegistry, ending_streams_on_exit_signals
from gwella.stream.router import router as stream_router
from gwella.sync.router import router as sync_router
from gwella.webhooks.docs import install_webhook_docs
from gwella.webhooks.router import router as webhooks_router
from gwella.worker import start_in_process

_log = get_logger("gwella.app")

ROUTERS = [
    health_router,
    auth_router,
    users_router,
    invitations_router,
    clients_router,
    organisations_router,
    memberships_router,
    partnerships_router,
    instruments_router,
    campaigns_router,
    sync_router,  # before responses: /responses/changes is not a response's id
    responses_router,
    results_router,
    public_surveys_router,
    ingest_router,
    imports_router,
    indicators_router,
    actions_router,
    webhooks_router,
    notifications_router,
    home_router,
    stream_router,
    audit_router,
]

TAGS = [
    {"name": "auth", "description": "Sign in and out (OAuth2 token endpoint)"},
    {"name": "users", "description": "People and their profiles"},
    {"name": "invitations", "description": "Inviting people to roles in organisations"},
    {"name": "api-clients", "description": "Credentials of partner IT systems"},
    {"name": "organisations", "description": "Organisations, their services and members"},
    {"name": "partnerships", "description": "Organisations managing performance together"},
    {"name": "instruments", "description": "Survey instruments, co-designed and reviewed"},
    {"name": "campaigns", "description": "Running an instrument in services over a window"},
    {"name": "responses", "description": "Raw responses, paper entry and moderation"},
    {"name": "results", "description": "Live, suppressed survey results"},
    {"name": "public", "description": "The public survey page: no sign-in"},
    {"name": "ingest", "description": "Bulk pushes from partner systems"},
    {"name": "imports", "description": "Files of responses or measurements, in the background"},
    {"name": "indicators", "description": "Frameworks, standards, indicators, measurements"},
    {"name": "actions", "description": "Improvement actions, owned jointly, seen by everyone"},
    {"name": "webhooks", "description": "Subscriptions to events, their deliveries and attempts"},
    {"name": "stream", "description": "Server-sent events for live dashboards"},
    {"name": "notifications", "description": "In-app notifications of the signed-in person"},
    {"name": "home", "description": "What needs the signed-in person, and what changed"},
    {"name": "fhir", "description": "FHIR R4: Questionnaires and pushed QuestionnaireResponses"},
    {"name": "audit", "description": "The append-only trail of every change"},
    {"name": "health", "description": "Liveness and readiness probes"},
]


def problem_response(request: Request, error: GwellaError) -> JSONResponse:
    problem = error.to_problem(request.url.path, request_id(request))
    welsh = i18n.prefers_welsh(request.headers.get("accept-language"))
    problem.title = i18n.title(error.slug, problem.title, welsh)
    if welsh:
        problem.detail = i18n.rule_message(problem.detail, welsh)
        for field_problem in problem.errors or ():
            field_problem.message = i18n.rule_message(field_problem.message, welsh)
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=error.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers={
            **error.headers,
            "Content-Language": "cy" if welsh else "en",
            "Vary": "Accept-Language",
        },
    )


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


def install_error_handlers(app: FastAPI) -> None:
    async def on_gwella_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, GwellaError)
        return problem_response(request, exc)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        welsh = i18n.prefers_welsh(request.headers.get("accept-language"))
        errors = [
            FieldProblem(
                field=_field_path(tuple(e.get("loc", ()))),
                message=i18n.field_message(
                    str(e.get("type")),
                    e.get("ctx"),
                    str(e.get("msg", "")),
                    "cy" if welsh else "en",
                ),
            )
            for e in exc.errors()
        ]
        detail = "Some of what you sent is not valid; see errors for each field."
        return problem_response(
            request,
            ValidationFailed(i18n.VALIDATION_DETAIL_CY if welsh else detail, errors=errors),
        )

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        error = GwellaError(str(exc.detail), headers=dict(exc.headers or {}))
        error.status = exc.status_code
        # 400: a body that cannot be decoded at all (invalid UTF-8, say), refused by FastAPI.
        error.slug = {400: "bad-request", 404: "not-found", 405: "method-not-allowed"}.get(
            exc.status_code, "http-error"
        )
        error.title = {400: "Bad request", 404: "Not found", 405: "Method not allowed"}.get(
            exc.status_code, "Error"
        )
        if exc.status_code == 404:
            error.detail = "There is nothing at this address."
        return problem_response(request, error)

    async def on_stale(request: Request, exc: Exception) -> Response:
        return problem_response(
            request,
            PreconditionFailed("Someone changed this record at the same moment; read it again."),
        )

    async def on_integrity(request: Request, exc: Exception) -> Response:
        _log.warning("integrity_error", error=type(exc.__cause__ or exc).__name__)
        return problem_response(
            request,
            Conflict("This conflicts with an existing record (a duplicate or a reference)."),
        )

    async def on_database_down(request: Request, exc: Exception) -> Response:
        _log.error("database_unavailable", error=type(exc).__name__)
        return problem_response(
            request, ServiceUnavailable("The database is not reachable; nothing was changed.")
        )

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        # Starlette answers a 500 outside the middleware that binds the request id to log
        # lines, so it is named here: the operator finds this traceback by the answer's id.
        _log.error(
            "unhandled_error",
            request_id=request_id(request),
            method=request.method,
            path=logged_path(request.url.path),
            exc_info=exc,
        )
        mark_logged(exc)
        error = GwellaError("Something went wrong on our side; nothing was changed.")
        return problem_response(request, error)

    app.add_exception_handler(GwellaError, on_gwella_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(StaleDataError, on_stale)
    app.add_exception_handler(IntegrityError, on_integrity)
    for exc_type in (OperationalError, InterfaceError, PoolTimeout, ConnectionError):
        app.add_exception_handler(exc_type, on_database_down)
    app.add_exception_handler(DBAPIError, _dbapi_handler(on_database_down, on_unexpected))
    app.add_exception_handler(Exception, on_unexpected)


def _dbapi_handler(down: Any, unexpected: Any) -> Any:
    async def handler(request: Request, exc: Exception) -> Response:
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return await down(request, exc)  # type: ignore[no-any-return]
        return await unexpected(request, exc)  # type: ignore[no-any-return]

    return handler


def install_spa(app: FastAPI, settings: Settings) -> None:
    """Serve the built SPA at ``/``; unknown paths fall back to ``index.html`` so client-side
    routes work on reload. ``/api`` is never shadowed."""
    dist = settings.frontend_dist.resolve()

    @app.get(
        "/{path:path}",
        include_in_schema=False,
        dependencies=[Depends(public("The web app's static files"))],
    )
    async def spa(path: str) -> Response:
        if path.startswith(("api/", "fhir/")) or path == "api":
            raise NotFound("There is nothing at this address.")
        index = dist / "index.html"
        if not index.is_file():
            raise NotFound("The web app is not built; run `make run` (or `make frontend`).")
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist):
            cache = (
                "public, max-age=31536000, immutable"
                if "/assets/" in str(candidate)
                else "no-cache"
            )
            return FileResponse(candidate, headers={"Cache-Control": cache})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


# Swagger UI for /api/docs comes with the built SPA (frontend/vite.config.ts copies the pinned
# swagger-ui-dist files there), so the page asks nothing of any other server.
API_DOCS_ASSETS = "api-docs-assets"
API_DOCS_FILES = ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-init.js")
_API_DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/{assets}/swagger-ui.css">
<script src="/{assets}/swagger-ui-bundle.js" defer></script>
<script src="/{assets}/swagger-init.js" defer></script>
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi_url}"></div>
<noscript><p>The API documentation needs JavaScript. The spec itself is at
<a href="{openapi_url}">{openapi_url}</a>.</p></noscript>
</body>
</html>
"""


def install_api_docs(app: FastAPI, settings: Settings) -> None:
    """Serve Swagger UI at ``/api/docs`` from the built SPA's files, with no inline script
    (its start-up code is ``swagger-init.js``) so that the page's Content-Security-Policy
    (``SecurityHeadersMiddleware.DOCS_CSP``) allows only this server."""
    assets = settings.frontend_dist.resolve() / API_DOCS_ASSETS
    openapi_url = app.openapi_url or "/api/v1/openapi.json"
    page = _API_DOCS_PAGE.format(
        title=html.escape(f"{app.title}: documentation"),
        assets=API_DOCS_ASSETS,
        openapi_url=html.escape(openapi_url),
    )

    @app.get(
        API_DOCS_PATH,
        include_in_schema=False,
        dependencies=[Depends(public("The interactive API documentation"))],
    )
    async def api_docs() -> Response:
        if not all((assets / name).is_file() for name in API_DOCS_FILES):
            raise NotFound(
                "The API documentation page comes with the web app, which is not built; run "
                f"`make run` (or `make frontend`). The spec itself is at {openapi_url}."
            )
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})


def custom_openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title="Gwella API",
        version=__version__,
        summary="Managing performance with service users across a mental health partnership",
        description=(
            "All JSON lives under `/api/v1`. Errors are RFC 9457 `application/problem+json`. "
            "Lists are cursor-paginated (`limit`, `cursor`, `next_cursor`). Updates are `PATCH` "
            "with `If-Match` (the `ETag` you read)."
        ),
        routes=app.routes,
        webhooks=app.webhooks.routes,
        tags=TAGS,
        license_info={"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
    )
    schema.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in problem.pop("$defs", {}).items():
        schema["components"]["schemas"].setdefault(name, sub)
    schema["components"]["schemas"]["Problem"] = problem
    # Every operation with a body can be refused by the middleware for its size or type, for
    # a body that does not all arrive in time (408), or
    # as undecodable (400: invalid UTF-8 where JSON was declared), and
    # invalid input is a Problem (not FastAPI's default shape) wherever it is documented.
    for path, operations in schema["paths"].items():
        if path.startswith("/fhir/"):
            continue  # FHIR refusals are OperationOutcomes, declared by its routes
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = problem_responses(422)[422]
            # Any request can be refused before routing for a NUL in its address.
            responses.setdefault("400", problem_responses(400)[400])
            if "requestBody" in operation:
                for status, spec in problem_responses(400, 408, 413, 415).items():
                    operation.setdefault("responses", {}).setdefault(str(status), spec)
    declare_conditional_headers(schema)
    conditional.declare(schema)  # If-None-Match: the ETag and the 304 it may bring
    # The token endpoint as OAuth 2.0 flows, so that tools know where tokens come from (and
    # that its 400 to credentials that do not exist is RFC 6749's answer). Operations still
    # ask for the bearer token itself (HTTPBearer).
    schema["components"].setdefault("securitySchemes", {})["OAuth2"] = {
        "type": "oauth2",
        "description": "How to get the bearer token: POST /api/v1/auth/token (RFC 6749)",
        "flows": {
            flow: {"tokenUrl": "/api/v1/auth/token", "scopes": {}}
            for flow in ("password", "clientCredentials")
        },
    }
    for unused in ("HTTPValidationError", "ValidationError"):
        schema["components"]["schemas"].pop(unused, None)
    add_fhir_schemas(schema)  # the FHIR routes' bodies refer to these
    leave_defaults_optional(schema)  # a default in what a client sends is not a requirement
    exclude_nul_from_json_bodies(schema)  # ApiModel refuses NUL in any text it is sent
    app.openapi_schema = schema
    return schema


_frozen = False


def _freeze_start_up_objects() -> None:
    """What is loaded when the first app starts (modules, the app, its routes and schemas)
    lives as long as the process: out of the garbage collector's sight, a full collection
    walks only what requests made since (it walked some 230,000 objects, 100-200 ms each
    time, every few requests of a busy dashboard). Once per process: a process that starts
    many apps (the tests) would otherwise pay a full collection for each."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def create_app(settings: Settings | None = None, mail: MailSender | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        app.state.principals = PrincipalCache()  # this process's memory of token holders
        streams = StreamRegistry(settings.stream_max_per_person, settings.stream_max_per_process)
        app.state.streams = streams  # the live streams open in this process
        feed = ChangeFeed(app.state.sessionmaker, engine)
        app.state.feed = feed  # what changed, read once for all of them
        await feed.start()
        _log.info("started", env=settings.env.value, database=engine.dialect.name)
        _freeze_start_up_objects()
        try:
            # uvicorn waits for open responses before it runs the shutdown below: a stop
            # signal tells the streams first, so that they end at once.
            with ending_streams_on_exit_signals(streams, asyncio.get_running_loop()):
                async with start_in_process(app):  # the worker, when GWELLA_RUN_WORKER is true
                    yield
        finally:
            streams.end_all("shutdown")
            await feed.stop()
            await engine.dispose()

    app = FastAPI(
        title="Gwella API",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,  # install_api_docs: Swagger UI from this server, not a CDN
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.authenticate = accounts_signin.principal_for_token
    app.state.mail = mail or make_sender(settings.mail_backend, settings.mail_from)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    include_fhir(app)
    install_webhook_docs(app)
    install_api_docs(app, settings)
    install_spa(app, settings)  # last: its catch-all must not shadow /api or /fhir
    app.openapi = lambda: custom_openapi(app)  # type: ignore[method-assign]

    # Added innermost first: FHIR outcomes > request context > body timeout > CORS > security
    # headers > allowed methods > size > media type > lone surrogates.
    app.add_middleware(LoneSurrogateMiddleware, streamed=("/api/v1/imports",))
    app.add_middleware(
        ContentTypeMiddleware,
        default=frozenset({"application/json"}),
        overrides={
            "/api/v1/auth/token": frozenset({"application/x-www-form-urlencoded"}),
            "/api/v1/auth/revoke": frozenset({"application/x-www-form-urlencoded"}),
            "/api/v1/imports": IMPORT_MEDIA_TYPES,
        },
    )
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        overrides={
            "/api/v1/ingest/": settings.max_ingest_bytes,
            "/api/v1/imports": settings.max_import_bytes,
            "/fhir/r4": settings.max_ingest_bytes,
        },
    )
    # OPTIONS, 405 and 501 from the documented routes; inside CORS (which answers
    # preflights) and the FHIR rewrite (a 405 under /fhir/ is an OperationOutcome).
    app.add_middleware(AllowedMethodsMiddleware, routes=lambda: app.routes)
    app.add_middleware(SecurityHeadersMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "X-Request-ID"],
            expose_headers=["ETag", "Location", "X-Request-ID", "Retry-After"],
        )
    app.add_middleware(
        BodyTimeoutMiddleware,
        seconds=settings.request_body_timeout_seconds,
        overrides={"/api/v1/imports": settings.import_body_timeout_seconds},
    )
    app.add_middleware(RequestContextMiddleware)
    # Outermost: every refusal under /fhir/ is an OperationOutcome, even the request context's
    # 400 (a NUL in the address) and the body deadline's 408; answers in the type asked for.
    app.add_middleware(ProblemToOutcomeMiddleware)
    return app
