from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from civility.api.v1 import api
from civility.observability.views import metrics

urlpatterns = [
    path("api/v1/", api.urls),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False)),
    path("admin/", admin.site.urls),
    path("metrics", metrics, name="metrics"),
    path("", include("civility.i18n.urls")),
    path("", include("civility.web.urls")),
    path("notifications/", include("civility.notifications.urls")),
]
