"""Upgrade tests: the database taken to a migration state, and the models as they were there."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets):
    """Migrate (forwards or backwards) to `targets` ([(app, migration)], or LATEST) and return that state's apps."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = executor.loader.graph.leaf_nodes() if targets is LATEST else targets
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


LATEST = object()  # every app at its newest migration
