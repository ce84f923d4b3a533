"""One hand-written statement shared by the near-duplicate index and the campaign tally."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models


def insert_ignoring_conflicts(model: type[models.Model], fields: Sequence[str],
                              rows: Sequence[Sequence[object]]) -> int:
    """``INSERT … ON CONFLICT DO NOTHING`` of ``rows`` (values for ``fields``); rows inserted.

    Written out rather than ``bulk_create(ignore_conflicts=True)``, which builds a model
    instance per row and compiles the statement each time: a millisecond of Python per
    comment for a few dozen integers. Only quoted names go into the text; every value is a
    parameter. The same SQL works on SQLite and PostgreSQL.
    """
    if not rows:
        return 0
    q, meta = connection.ops.quote_name, model._meta
    columns = ", ".join(q(meta.get_field(name).column) for name in fields)
    values = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(rows))
    sql = f"INSERT INTO {q(meta.db_table)} ({columns}) VALUES {values} ON CONFLICT DO NOTHING"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
        return max(cursor.rowcount, 0)
