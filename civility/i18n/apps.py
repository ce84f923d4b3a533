from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "civility.i18n"
    label = "civility_i18n"
    verbose_name = "Languages"
