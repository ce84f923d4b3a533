from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "civility.portability"
    label = "portability"
    verbose_name = "Import, export and personal data"
