"""Start-up checks shared by the long-running commands (`serve --production`, `worker`)."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def require_migrated(*, hint: str) -> None:
    """Raise a CommandError (never a traceback) when the database is away or behind.

    ``hint`` finishes the "N migrations are not applied." message: what to do about it.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:
        raise CommandError(f"The database does not answer ({exc}). Check DATABASE_URL.") from None
    if plan:
        raise CommandError(f"{len(plan)} migrations are not applied. {hint}")
