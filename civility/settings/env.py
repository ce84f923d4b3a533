"""Reading settings from the environment, with errors an operator can act on."""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default).strip() or default


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Addresses and networks, comma-separated (``10.0.0.0/8,::1``); a bad one names itself."""
    networks = []
    for item in env_list(name):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network such as "
                                       f"10.0.0.5 or 10.0.0.0/24") from None
    return networks


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of a few words (case-insensitive); anything else names the variable and the choices."""
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r}: expected one of {', '.join(choices)}")
    return value


def _env_amount(name: str, default: float, *, minimum: float, unit: str, example: str, least: str) -> float:
    """A number of ``unit``s from the environment, at least ``minimum`` (``least`` says it in words)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a number of {unit}s, such as {example}") from None
    if not value >= minimum or value == float("inf"):
        raise ImproperlyConfigured(f"{name}={raw!r}: expected at least {least}")
    return value


def env_seconds(name: str, default: float, *, minimum: float = 1) -> float:
    """A number of seconds, at least ``minimum``."""
    return _env_amount(name, default, minimum=minimum, unit="second", example="30", least=f"{minimum:g} seconds")


def env_days(name: str, default: int) -> int:
    """A whole number of days, 0 or more."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number of days, such as 90 (0: never)")
    return int(raw)


_RATE = re.compile(r"^\d+/\d*[smhd]$")
_UNIT_WORDS = {"sec": "s", "second": "s", "min": "m", "minute": "m", "hour": "h", "day": "d"}


def env_rate(name: str, default: str) -> str | None:
    """A rate such as ``5/min`` or ``20/h``; ``off`` disables the limit (None)."""
    raw = os.environ.get(name, default).strip().lower()
    if raw in {"off", "none", "0", ""}:
        return None
    count, _, unit = raw.partition("/")
    unit = _UNIT_WORDS.get(unit.rstrip("s") if len(unit) > 1 else unit, unit)
    rate = f"{count}/{unit}"
    if not _RATE.match(rate):
        raise ImproperlyConfigured(
            f"{name}={raw!r}: expected COUNT/PERIOD such as 5/min, 100/h or 10/30s, or 'off'"
        )
    return rate


def secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else one generated once into the data dir."""
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def env_hours(name: str, default: float) -> float:
    """A number of hours, at least one."""
    return _env_amount(name, default, minimum=1, unit="hour", example="24", least="1 hour")
