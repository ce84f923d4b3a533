from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "civility.publishing"
    label = "publishing"
    verbose_name = "Sites and articles"

    def ready(self) -> None:
        from civility.publishing import cors  # noqa: F401  (connects the CORS origin check)
