"""Webhooks: organisations and their partner systems hear what changed.

Domains call :func:`gwella.webhooks.service.emit` in the transaction of their change; the
outbox rows it writes are delivered by :mod:`gwella.webhooks.delivery` (run by
``gwella worker``, or in-process with ``GWELLA_RUN_WORKER=true``).
"""
