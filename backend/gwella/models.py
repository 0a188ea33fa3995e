"""Imports every domain's tables so that the metadata is complete (for Alembic and tests)."""

from __future__ import annotations


def load_all_models() -> None:
    import gwella.accounts.models
    import gwella.actions.models
    import gwella.campaigns.models
    import gwella.core.audit
    import gwella.core.changes
    import gwella.core.maintenance
    import gwella.core.principals
    import gwella.imports.models
    import gwella.indicators.models
    import gwella.instruments.models
    import gwella.notifications.models
    import gwella.organisations.models
    import gwella.partnerships.models
    import gwella.responses.models
    import gwella.results.models
    import gwella.webhooks.models  # noqa: F401
