from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from civility.web import people, stats, views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="demo-article", permanent=False), name="home"),
    path("articles/<str:key>/", views.article_page, name="article-page"),
    path("demo/", views.demo_redirect, name="demo-article"),
    path("moderation/", views.queue_page, name="moderation-queue"),
    path("moderation/decide", views.decide, name="moderation-decide"),
    path("moderation/live", views.queue_live, name="moderation-live"),
    path("moderation/claim/<int:comment_id>", views.claim, name="moderation-claim"),
    path("moderation/my-articles", views.save_my_articles, name="moderation-my-articles"),
    path("moderation/undo/<int:decision_id>", views.undo, name="moderation-undo"),
    path("moderation/campaign/<int:campaign_id>/decide", views.decide_campaign, name="moderation-campaign"),
    path("moderation/history/", views.history_page, name="moderation-history"),
    path("moderation/people/<str:email>/", people.person_page, name="person-page"),
    path("moderation/people/<str:email>/ban", people.person_ban, name="person-ban"),
    path("moderation/people/<str:email>/unban/<int:ban_id>", people.person_unban, name="person-unban"),
    path("moderation/people/<str:email>/notes", people.person_note, name="person-note"),
    path("moderation/people/<str:email>/reject", people.person_reject, name="person-reject"),
    path("moderation/edits/<int:revision_id>/decide", views.decide_edit, name="moderation-edit-decide"),
    path("moderation/reported/<int:comment_id>/decide", views.decide_reported, name="moderation-reported-decide"),
    path("moderation/stats/", stats.stats_page, name="moderation-stats"),
    path("moderation/stats/comments/", stats.stats_comments_page, name="moderation-stats-comments"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Staff reset a forgotten password by email (Django's views; mail goes through EMAIL_BACKEND).
    path("accounts/password-reset/", views.PasswordReset.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="civility/password_reset_done.html"), name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="civility/password_reset_confirm.html"), name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="civility/password_reset_complete.html"), name="password_reset_complete"),
    path("accounts/", views.after_login, name="after-login"),
    path("healthz", views.healthz, name="healthz"),
]
