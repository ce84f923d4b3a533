from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from civility.notifications.models import (
    DeliveryStatus,
    Email,
    Event,
    ModeratorAlerts,
    SiteNotifications,
    Unsubscribe,
    Webhook,
    WebhookDelivery,
)
from civility.notifications.webhooks import webhook_errors


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


class WebhookForm(forms.ModelForm):
    events = forms.MultipleChoiceField(choices=Event.choices, widget=forms.CheckboxSelectMultiple,
                                       label=_("events"))

    class Meta:
        model = Webhook
        fields = ("name", "url", "secret", "events", "format", "active")

    def clean(self):
        data = super().clean()
        errors = webhook_errors(url=data.get("url") or "", secret=data.get("secret") or "",
                                events=data.get("events") or [])
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    form = WebhookForm
    list_display = ("name", "url", "format", "active", "event_list", "delivery_log")
    list_filter = ("active", "format")

    @admin.display(description=_("events"))
    def event_list(self, obj: Webhook) -> str:
        return ", ".join(obj.events)

    @admin.display(description=_("delivery log"))
    def delivery_log(self, obj: Webhook) -> str:
        url = reverse("admin:notifications_webhookdelivery_changelist") + f"?webhook__id__exact={obj.pk}"
        failing = obj.deliveries.filter(status=DeliveryStatus.QUEUED, attempts__gt=0).count()
        label = _("deliveries") if not failing else _("deliveries (%(n)d being retried)") % {"n": failing}
        return format_html('<a href="{}">{}</a>', url, label)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log, read-only: what was POSTed where, the answer, and what is still being tried."""

    list_display = ("created_at", "webhook", "event", "status", "attempts", "response_status", "last_error",
                    "delivered_at")
    list_filter = ("status", "event", "webhook")
    search_fields = ("key",)
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ModeratorAlerts)
class ModeratorAlertsAdmin(admin.ModelAdmin):
    list_display = ("user", "high_risk", "waiting_minutes", "daily_digest", "digest_hour", "digest_sent_on")
