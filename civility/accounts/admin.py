from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from civility.accounts.models import ApiToken, User


@admin.register(User)
class CivilityUserAdmin(UserAdmin):
    list_display = ("username", "display_name", "email", "role", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Civility", {"fields": ("role", "display_name")}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Civility", {"fields": ("role",)}))


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "created_at", "last_used_at")
    readonly_fields = ("user", "digest", "created_at", "last_used_at")

    def has_add_permission(self, request):  # tokens are issued by `civility user token`
        return False
