"""Admin actions for a commenter's data rights, offered on the comment list (comments/admin.py):
select any comment of the person, then export or erase everything under its email address."""

from __future__ import annotations

import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civility.portability.person import person_erase, person_export


def _emails(queryset) -> list[str]:
    return sorted({email.lower() for email in queryset.values_list("author_email", flat=True) if email})


@admin.action(description=gettext_lazy("Export the personal data of these comments' authors (JSON)"))
def export_people(modeladmin, request, queryset):
    people = [person_export(user=request.user, email=email) for email in _emails(queryset)]
    response = HttpResponse(json.dumps({"people": people}, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="civility-people.json"'
    return response


@admin.action(description=gettext_lazy("Erase the personal data of these comments' authors…"))
def erase_people(modeladmin, request, queryset):
    emails = _emails(queryset)
    if request.POST.get("confirm") == "yes":
        erased = sum(person_erase(user=request.user, email=email)["comments"] for email in emails)
        modeladmin.message_user(request, _("Erased %(people)d people's data from %(comments)d comments.")
                                % {"people": len(emails), "comments": erased}, messages.SUCCESS)
        return None
    return TemplateResponse(request, "admin/portability/erase_confirm.html", {
        **modeladmin.admin_site.each_context(request), "title": _("Erase personal data?"), "emails": emails,
        "ids": list(queryset.values_list("pk", flat=True)), "opts": modeladmin.model._meta,
        "action": "erase_people",
    })
