from django.apps import AppConfig


class ReadersConfig(AppConfig):
    name = "civility.readers"
    label = "readers"
    verbose_name = "Readers' own comments"
