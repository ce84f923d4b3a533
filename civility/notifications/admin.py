from django.contrib import admin

from civility.notifications.models import Email, SiteNotifications, Unsubscribe


@admin.register(SiteNotifications)
class SiteNotificationsAdmin(admin.ModelAdmin):
    list_display = ("site", "email_on_approval", "email_on_rejection", "email_on_reply", "reply_to")


@admin.register(Unsubscribe)
class UnsubscribeAdmin(admin.ModelAdmin):
    list_display = ("email", "kind", "created_at")
    search_fields = ("email",)
    list_filter = ("kind",)


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent to whom, and what is still being tried."""

    list_display = ("created_at", "kind", "to", "subject", "status", "attempts", "next_attempt_at")
    list_filter = ("status", "kind")
    search_fields = ("to", "key")
    readonly_fields = [f.name for f in Email._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
