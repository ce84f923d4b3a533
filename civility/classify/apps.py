from django.apps import AppConfig


class ClassifyConfig(AppConfig):
    name = "civility.classify"
    label = "classify"
    verbose_name = "Classifiers"
