from django.contrib import admin

from civility.comments.models import Comment
from civility.comments.services import comment_delete
from civility.moderation.services import EDITABLE, comment_staff_edit
from civility.portability.admin import erase_people, export_people


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Browse, search, correct and delete comments. Status changes go through the moderation
    queue and edits through ``comment_staff_edit``, so that each one is an audit row; deletions
    go through ``comment_delete``, so that readers' cached threads follow at once (and the
    audit log keeps its rows). Comments are written by readers, so there is no "Add"."""

    list_display = ("id", "article", "author_name", "status", "created_at")
    list_filter = ("status", "article__site")
    search_fields = ("body", "author_name", "author_email")
    fields = ("article", "parent", "user", "status", "created_at", *EDITABLE, "ip_address", "user_agent",
              "risk", "lang")
    readonly_fields = ("article", "parent", "user", "status", "created_at", "ip_address", "user_agent", "risk",
                       "lang")
    actions = [export_people, erase_people]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        comment_staff_edit(user=request.user, comment=obj, fields=form.changed_data)

    def delete_model(self, request, obj):
        comment_delete(comments=[obj])

    def delete_queryset(self, request, queryset):
        comment_delete(comments=queryset)
