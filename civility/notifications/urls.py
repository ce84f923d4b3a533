from django.urls import path

from civility.notifications import views

urlpatterns = [
    path("unsubscribe/<str:token>", views.unsubscribe_page, name="notifications-unsubscribe"),
]
