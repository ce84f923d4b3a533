from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from civility.accounts.models import ApiToken, User
from civility.accounts.services import users_delete
from civility.publishing.services import commenter_public_changed


@admin.register(User)
class CivilityUserAdmin(UserAdmin):
    list_display = ("username", "display_name", "email", "role", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Civility", {"fields": ("role", "display_name")}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Civility", {"fields": ("role",)}))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "role" in form.changed_data:  # the Author badge on their comments
            commenter_public_changed(user_ids=[obj.pk])

    def delete_model(self, request, obj):
        users_delete(users=User.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):  # the admin's bulk "delete selected"
        users_delete(users=queryset)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "created_at", "last_used_at")
    readonly_fields = ("user", "digest", "created_at", "last_used_at")

    def has_add_permission(self, request):  # tokens are issued by `civility user token`
        return False
