from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "civility.web"
    label = "web"
    verbose_name = "Web pages"
