from django.contrib import admin

from civility.moderation.models import Decision


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written only by moderation services."""

    list_display = ("created_at", "action", "comment", "reason", "actor")
    list_filter = ("action", "reason")
    readonly_fields = [f.name for f in Decision._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
