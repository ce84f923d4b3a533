"""Start-up checks: the configured pipelines must be buildable, the nudge levels sane."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register

from civility.triage.pipeline import ConfigError, background_pipeline, pipeline
from civility.triage.policy import NUDGE_LABELS


@register()
def triage_pipeline_check(app_configs, **kwargs):
    try:
        pipeline()  # built once here, then reused by every request
    except ConfigError as exc:
        return [Error(str(exc), hint="Fix CIVILITY_TRIAGE_PIPELINE (see docs/triage.md).",
                      id=f"civility.{exc.code}")]
    return []


@register()
def triage_background_check(app_configs, **kwargs):
    try:
        background_pipeline()
    except ConfigError as exc:
        return [Error(str(exc), hint="Fix CIVILITY_TRIAGE_BACKGROUND (see docs/triage.md).",
                      id=f"civility.{exc.code}")]
    return []


@register()
def nudge_levels_check(app_configs, **kwargs):
    levels = settings.CIVILITY_NUDGE_AT
    if levels is None:
        return []
    hint = "CIVILITY_NUDGE_AT maps insult, hate or threat to a score between 0 and 1 (see docs/triage.md)."
    if not isinstance(levels, dict):
        return [Error("T010: CIVILITY_NUDGE_AT must be a dict or None", hint=hint, id="civility.T010")]
    return [Error(f"T010: CIVILITY_NUDGE_AT[{label!r}] = {level!r} is not a nudge level", hint=hint, id="civility.T010")
            for label, level in levels.items()
            if label not in NUDGE_LABELS or isinstance(level, bool) or not isinstance(level, int | float)
            or not 0 <= level <= 1]
