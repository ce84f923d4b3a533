from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "civility.triage"
    label = "triage"
    verbose_name = "Triage"

    def ready(self) -> None:
        from civility.triage import (
            checks,  # noqa: F401  (registers the pipeline system check)
            lexicon,  # noqa: F401  (admin word rules reach every process)
        )
