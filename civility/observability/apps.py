from django.apps import AppConfig


class ObservabilityConfig(AppConfig):
    name = "civility.observability"
    label = "observability"
    verbose_name = "Metrics and logs"

    def ready(self) -> None:
        from civility.observability import metrics

        metrics.connect()
