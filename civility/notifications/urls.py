from django.urls import path

from civility.notifications import views

urlpatterns = [
    path("alerts/", views.alerts_page, name="notifications-alerts"),
    path("unsubscribe/<str:token>", views.unsubscribe_page, name="notifications-unsubscribe"),
]
