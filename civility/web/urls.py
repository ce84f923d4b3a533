from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from civility.web import stats, views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="demo-article", permanent=False), name="home"),
    path("articles/<str:key>/", views.article_page, name="article-page"),
    path("demo/", views.demo_redirect, name="demo-article"),
    path("moderation/", views.queue_page, name="moderation-queue"),
    path("moderation/decide", views.decide, name="moderation-decide"),
    path("moderation/undo/<int:decision_id>", views.undo, name="moderation-undo"),
    path("moderation/campaign/<int:campaign_id>/decide", views.decide_campaign, name="moderation-campaign"),
    path("moderation/history/", views.history_page, name="moderation-history"),
    path("moderation/stats/", stats.stats_page, name="moderation-stats"),
    path("moderation/stats/comments/", stats.stats_comments_page, name="moderation-stats-comments"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", views.after_login, name="after-login"),
    path("healthz", views.healthz, name="healthz"),
]
