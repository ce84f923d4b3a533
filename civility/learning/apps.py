from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "civility.learning"
    label = "learning"
    verbose_name = "Learning"
