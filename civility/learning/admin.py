"""Flag levels in the admin: what is in force and where it came from (changed only by `civility policy tune`)."""

from django.contrib import admin

from civility.learning.models import SiteThreshold, ThresholdChange
from civility.triage.policy import FLAG_AT


@admin.register(SiteThreshold)
class SiteThresholdAdmin(admin.ModelAdmin):
    """Read-only: every change goes through ``civility policy tune`` so that it is audit-logged."""

    list_display = ("label", "site_name", "value", "policy_default", "source", "updated_at")
    list_filter = ("label", "site")
    ordering = ("site__name", "label")
    change_list_template = "admin/learning/sitethreshold/change_list.html"

    @admin.display(description="site")
    def site_name(self, obj: SiteThreshold) -> str:
        return str(obj.site) if obj.site else "every site"

    @admin.display(description="policy default")
    def policy_default(self, obj: SiteThreshold) -> float | None:
        return FLAG_AT.get(obj.label)

    def changelist_view(self, request, extra_context=None):
        extra = {"defaults": sorted(FLAG_AT.items()), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ThresholdChange)
class ThresholdChangeAdmin(admin.ModelAdmin):
    """The audit log of flag levels."""

    list_display = ("created_at", "label", "site", "before", "after", "source", "actor")
    list_filter = ("label", "site")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
