from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from civility.errors import CivilityError
from civility.people.models import Ban, PersonNote, SanctionLog
from civility.people.sanctions import ban_lift


class _ReadOnly(admin.ModelAdmin):
    """Written only by the people services (the API and the person page), which audit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ban)
class BanAdmin(_ReadOnly):
    list_display = ("id", "kind", "value", "reason", "expires_at", "created_by", "created_at", "lifted_at")
    list_filter = ("kind", ("lifted_at", admin.EmptyFieldListFilter))
    search_fields = ("value", "reason")
    actions = ["lift"]

    @admin.action(description=_("Lift the selected bans"))
    def lift(self, request, queryset):
        lifted = 0
        for ban in queryset.filter(lifted_at__isnull=True):
            try:
                ban_lift(user=request.user, ban_id=ban.pk, note="lifted in the admin")
            except CivilityError as exc:
                self.message_user(request, exc.message, messages.ERROR)
                return
            lifted += 1
        self.message_user(request, _("Lifted %(n)d bans.") % {"n": lifted}, messages.SUCCESS)



@admin.register(SanctionLog)
class SanctionLogAdmin(_ReadOnly):
    list_display = ("created_at", "action", "ban", "actor", "note")
    list_filter = ("action",)


@admin.register(PersonNote)
class PersonNoteAdmin(_ReadOnly):
    list_display = ("created_at", "email", "author", "text")
    search_fields = ("email", "text")
