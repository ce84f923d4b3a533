"""Reading the dates other systems write: ISO 8601 with or without a zone, nanoseconds, a space
instead of the ``T``, Unix timestamps. A date without a zone is taken as UTC."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def parse_when(value: str | float | int | None) -> datetime | None:
    """An aware datetime, or None for an empty value; ValueError when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(float(value), tz=UTC)
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return datetime.fromtimestamp(float(text), tz=UTC)
    text = _FRACTION.sub(r"\1", text.replace("Z", "+00:00").replace("z", "+00:00"), count=1)
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_day_or_time(value: str) -> datetime:
    """``--since``: a day (``2026-01-31``, from its start in UTC) or a full date and time."""
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC)
    except ValueError:
        parsed = parse_when(value)
        if parsed is None:
            raise ValueError("empty date") from None
        return parsed
