"""A start-up check: the configured pipeline must be buildable."""

from __future__ import annotations

from django.core.checks import Error, register

from civility.triage.pipeline import ConfigError, background_pipeline, pipeline


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
