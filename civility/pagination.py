"""Keyset ("seek") pagination: pages keyed on the sort columns, never on offsets.

A cursor is the sort values of the last row shown. New rows never shift a page,
and a deep page costs what the first one does.

    rows, cursor = keyset_page(qs, order=[("-risk"), "created_at", "id"], cursor=c, limit=50)
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet

from civility.errors import InvalidInput

#: database ids are signed 64-bit integers (BigAutoField) on every backend
MAX_ID = 2**63 - 1
MIN_ID = -(2**63)


def _bad() -> InvalidInput:
    return InvalidInput("The page cursor is not valid.", code="bad_cursor", fields={"cursor": "not valid"})


def encode(values: Sequence[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, order: Sequence[str]) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise _bad() from exc
    if not isinstance(values, list) or len(values) != len(order):
        raise _bad()
    out = []
    for field, value in zip(order, values, strict=True):
        name = field.lstrip("-")
        try:
            out.append(_value(name, value))
        except (TypeError, ValueError, OverflowError) as exc:
            raise _bad() from exc
    return out


def _value(name: str, value: Any) -> Any:
    """One sort value as the database can compare it, else ValueError (or TypeError, OverflowError).

    A cursor is anyone's input: a datetime must be aware and convertible to UTC (an offset
    near year 1 or 9999 is not), an id a 64-bit integer written as one (not 1e400), a
    number finite.
    """
    if isinstance(value, bool):
        raise TypeError("not a sort value")
    if name.endswith("_at"):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("naive datetime")
        return moment.astimezone(UTC)
    if name in {"id", "pk"}:
        if not isinstance(value, int) or not MIN_ID <= value <= MAX_ID:
            raise ValueError("not a 64-bit id")
        return value
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _after(order: Sequence[str], values: Sequence[Any]) -> Q:
    """Rows strictly after ``values`` in ``order``: (a > x) | (a = x & (b > y | ...))."""
    field, *rest = order
    name = field.lstrip("-")
    beyond = Q(**{f"{name}__{'lt' if field.startswith('-') else 'gt'}": values[0]})
    if not rest:
        return beyond
    return beyond | (Q(**{name: values[0]}) & _after(rest, values[1:]))


def keyset_page(qs: QuerySet, *, order: Sequence[str], cursor: str | None, limit: int) -> tuple[list, str | None]:
    if cursor:
        qs = qs.filter(_after(order, decode(cursor, order)))
    rows = list(qs.order_by(*order)[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode([getattr(last, f.lstrip("-")) for f in order])
