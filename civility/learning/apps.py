from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "civility.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from civility.learning.thresholds import site_thresholds
        from civility.triage import policy

        policy.use_site_levels(site_thresholds)  # per-site levels tuned from decisions

        from civility.comments.events import comment_status_changed
        from civility.learning.feedback import on_decisions

        comment_status_changed.connect(on_decisions, dispatch_uid="civility.learning.akismet_feedback")

        from civility.classify.model import use_provider
        from civility.learning.versions import current_model

        use_provider(current_model)  # the classifier follows the version installed in the database
