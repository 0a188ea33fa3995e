# Production image: the API and the built SPA, run as an unprivileged user.
# Build: docker build -t gwella .   (docker-compose.yml does this for you)

# ---- the SPA
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
COPY openapi/ /src/openapi/
RUN npm run build

# ---- the Python service
FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GWELLA_ENV=production \
    GWELLA_FRONTEND_DIST=/app/frontend/dist
WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt
COPY pyproject.toml README.md alembic.ini ./
COPY backend/ backend/
COPY migrations/ migrations/
# Editable, so that the app finds alembic.ini and migrations/ at the repository root (/app).
RUN pip install --no-deps -e .
COPY --from=frontend /src/frontend/dist /app/frontend/dist
RUN useradd --system --uid 10001 --home-dir /app gwella \
    && mkdir -p /var/lib/gwella/imports && chown gwella /var/lib/gwella/imports
USER gwella
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status == 200 else 1)"
# Migrations run on start (idempotent), then the server.
CMD ["sh", "-c", "gwella migrate && exec gwella serve --host 0.0.0.0 --port 8000 --workers ${GWELLA_WORKERS:-2}"]
