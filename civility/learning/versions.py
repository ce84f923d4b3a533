"""Classifier versions: kept in the database, one of them in use, followed by every process.

The shipped model (``civility/classify/data``) is always a version. ``civility model adapt``
adds adapted ones (:class:`~civility.learning.models.ModelVersion`: the manifest and the
``weights.npz`` bytes, numpy arrays only, loaded without pickle); ``civility model use VERSION``
puts any of them in use (a rollback is the same command). The version in use is one row
(:class:`~civility.learning.models.ModelInUse`); each process looks at it at most every
:data:`CHECK_SECONDS` (one small query) and loads a new version when it changed, so several app
servers and workers pick it up without a restart.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from civility.classify.model import Model, from_bytes, shipped_model
from civility.errors import NotFound
from civility.learning.models import ModelInUse, ModelVersion

log = logging.getLogger(__name__)

CHECK_SECONDS = 10.0


@dataclass(frozen=True)
class VersionInfo:
    version: str
    created_at: datetime | None
    note: str
    in_use: bool
    shipped: bool


def version_in_use() -> str:
    """The version every process should use (the shipped model's when none was installed)."""
    row = ModelInUse.objects.values_list("version", flat=True).first()
    return row or shipped_model().version


def model_versions() -> list[VersionInfo]:
    """Every version, newest first, the shipped one last."""
    current = version_in_use()
    out = [VersionInfo(v, at, note, v == current, False)
           for v, at, note in ModelVersion.objects.values_list("version", "created_at", "note")]
    shipped = shipped_model().version
    out.append(VersionInfo(shipped, None, _("shipped with Civility"), shipped == current, True))
    return out


def model_use(*, version: str, by: str = "civility model use") -> str:
    """Put ``version`` in use (any stored version, or the shipped one): installing and rolling back."""
    version = version.strip()
    shipped = shipped_model().version
    if version != shipped and not ModelVersion.objects.filter(version=version).exists():
        raise NotFound(_("No model version %(version)s (see `civility model versions`).") % {"version": version},
                       code="model_version_not_found")
    with transaction.atomic():
        row, _created = ModelInUse.objects.select_for_update().get_or_create(pk=1)
        row.version = "" if version == shipped else version
        row.changed_by = by[:200]
        row.save()
    transaction.on_commit(cache_clear)
    cache_clear()
    log.info("classifier version %s in use (%s)", version, by)
    return version


def model_store(*, manifest: dict[str, Any], weights: bytes, parent: str, site_id: int | None, note: str,
                evaluation: dict[str, Any]) -> ModelVersion:
    row, _created = ModelVersion.objects.get_or_create(version=manifest["version"], defaults={
        "manifest": manifest, "weights": weights, "parent": parent, "site_id": site_id, "note": note[:300],
        "evaluation": evaluation})
    return row


def model_load(version: str) -> Model:
    """A stored version, or the shipped one."""
    if version == shipped_model().version:
        return shipped_model()
    row = ModelVersion.objects.filter(version=version).values_list("manifest", "weights").first()
    if row is None:
        raise NotFound(_("No model version %(version)s.") % {"version": version}, code="model_version_not_found")
    manifest, weights = row
    return from_bytes(manifest, bytes(weights))


class _Current:
    def __init__(self) -> None:
        self.checked = -1.0
        self.model: Model | None = None
        self.lock = threading.Lock()
        self.clock = time.monotonic


_current = _Current()


def current_model() -> Model | None:
    """The model in use for the classifier signal (None: the shipped one). Registered with
    :func:`civility.classify.model.use_provider` when the app loads."""
    now = _current.clock()
    if now - _current.checked <= CHECK_SECONDS:
        return _current.model
    with _current.lock:
        if now - _current.checked > CHECK_SECONDS:
            try:
                wanted = ModelInUse.objects.values_list("version", flat=True).first() or ""
                if not wanted:
                    _current.model = None
                elif _current.model is None or _current.model.version != wanted:
                    _current.model = model_load(wanted)
                    log.info("classifier version %s loaded", wanted)
            except Exception:  # no table yet, the database briefly away: keep what is loaded
                log.debug("could not look up the classifier version in use", exc_info=True)
            _current.checked = now
    return _current.model


def cache_clear() -> None:
    """Look at the version in use again on the next comment (after a change in this process; tests)."""
    _current.checked = -1.0
    _current.model = None
