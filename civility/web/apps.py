from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "civility.web"
    label = "web"
    verbose_name = "Web pages"

    def ready(self) -> None:
        # The admin is Civility's, and its "View site" link leads back to the moderation queue.
        from django.contrib import admin
        from django.urls import reverse_lazy
        from django.utils.translation import gettext_lazy as _

        admin.site.site_header = _("Civility")
        admin.site.site_title = _("Civility")
        admin.site.index_title = _("Sites, articles and people")
        admin.site.site_url = reverse_lazy("moderation-queue")
