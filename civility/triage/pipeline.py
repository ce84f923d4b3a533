"""Running the configured signals in order.

The order and options come from ``settings.CIVILITY_TRIAGE_PIPELINE``, a list
of ``{"signal": "wordlist.v1", "options": {...}}``. A signal that raises is
recorded in ``doc.errors`` and the rest still run: the comment is never lost,
its report is marked incomplete.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from django.conf import settings

from civility.triage import registry
from civility.triage.policy import STORED_ATTRS
from civility.triage.registry import Signal
from civility.triage.types import Doc, Subject

log = logging.getLogger(__name__)


class ConfigError(Exception):
    """A pipeline that cannot run. ``code`` is stable and greppable (T001…)."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


class Pipeline:
    def __init__(self, signals: Sequence[Signal]):
        self.signals = list(signals)

    @classmethod
    def from_config(cls, config: Sequence[dict[str, Any]], *, given: Sequence[str] = ()) -> Pipeline:
        """Build and check a pipeline; ``given`` are attributes its docs start with."""
        signals: list[Signal] = []
        available: set[str] = set(given)
        for position, entry in enumerate(config):
            if not isinstance(entry, dict) or "signal" not in entry:
                raise ConfigError("T001", f"entry {position} must be a dict with a 'signal' key, got {entry!r}")
            try:
                signal_cls = registry.get(entry["signal"])
            except LookupError as exc:
                raise ConfigError("T002", str(exc)) from None
            missing = [r for r in signal_cls.requires if r not in available]
            if missing:
                raise ConfigError("T003", f"{entry['signal']} needs {', '.join(missing)}, which no earlier "
                                          "signal assigns; move it later or add the signal that provides it")
            try:
                signal = signal_cls(**entry.get("options", {}))
            except (TypeError, ValueError) as exc:
                raise ConfigError("T004", f"{entry['signal']}: bad options: {exc}") from None
            signals.append(signal)
            available.update(signal_cls.assigns)
        return cls(signals)

    def run(self, subject: Subject, *, attrs: dict[str, Any] | None = None) -> Doc:
        doc = Doc(subject=subject, attrs=dict(attrs or {}))
        for signal in self.signals:
            started = time.perf_counter()
            before = len(doc.findings)
            try:
                signal(doc)
            except Exception as exc:
                log.exception("triage signal %s failed", signal.name)
                doc.errors.append({"signal": signal.name, "error": f"{type(exc).__name__}: {exc}"})
            for finding in doc.findings[before:]:
                finding.signal = finding.signal or signal.name  # so a later stage can replace its own
            doc.versions[signal.name] = signal.version
            doc.attrs.setdefault("timings_ms", {})[signal.name] = round((time.perf_counter() - started) * 1000, 3)
        return doc

    def remember(self, doc: Doc) -> None:
        """Let signals index a stored comment. Failures are recorded like run failures.

        Each signal writes in its own savepoint, so one failing write cannot
        spoil the others' (or the report's) transaction. Signals that keep nothing
        (most of them) cost no savepoint.
        """
        from django.db import transaction

        for signal in self.signals:
            if type(signal).remember is Signal.remember:
                continue
            try:
                with transaction.atomic():
                    signal.remember(doc)
            except Exception as exc:
                log.exception("triage signal %s failed to remember", signal.name)
                doc.errors.append({"signal": signal.name, "error": f"remember: {type(exc).__name__}: {exc}"})


@lru_cache(maxsize=1)
def _configured(key: str) -> Pipeline:
    return Pipeline.from_config(settings.CIVILITY_TRIAGE_PIPELINE)


def pipeline() -> Pipeline:
    """The pipeline the settings describe, built once per configuration."""
    return _configured(repr(settings.CIVILITY_TRIAGE_PIPELINE))


@lru_cache(maxsize=1)
def _configured_background(key: str) -> Pipeline:
    return Pipeline.from_config(settings.CIVILITY_TRIAGE_BACKGROUND, given=STORED_ATTRS)


def background_pipeline() -> Pipeline:
    """The second stage (``CIVILITY_TRIAGE_BACKGROUND``), run by the worker; may be empty."""
    return _configured_background(repr(settings.CIVILITY_TRIAGE_BACKGROUND))
