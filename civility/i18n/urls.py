from django.urls import path
from django.views.i18n import set_language

from civility.i18n import views

urlpatterns = [
    path("i18n/widget.json", views.widget_catalog, name="widget-catalog"),
    path("i18n/staff/<str:language>.js", views.staff_catalog, name="staff-catalog"),
    # the staff pages' language switcher (a POST form; it sets Django's language cookie)
    path("i18n/setlang/", set_language, name="set_language"),
]
