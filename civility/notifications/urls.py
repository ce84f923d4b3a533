from django.urls import path

from civility.notifications import views

urlpatterns = [
    path("alerts/", views.alerts_page, name="notifications-alerts"),
    path("confirm/<str:token>", views.confirm_page, name="notifications-confirm"),
    path("unsubscribe/<str:token>", views.unsubscribe_page, name="notifications-unsubscribe"),
]
