from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "civility.comments"
    label = "comments"
    verbose_name = "Comments"
