from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "civility.background"
    label = "background"
    verbose_name = "Background tasks"
