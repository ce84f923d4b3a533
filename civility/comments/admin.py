from django.contrib import admin

from civility.comments.models import Comment
from civility.comments.services import comment_delete, comment_edit


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Browse and search comments. Status changes go through the moderation queue,
    so that each one is an audit row; edits and deletions go through the comment
    services, so that readers' cached threads follow at once."""

    list_display = ("id", "article", "author_name", "status", "created_at")
    list_filter = ("status", "article__site")
    search_fields = ("body", "author_name", "author_email")
    readonly_fields = ("article", "parent", "root", "user", "status", "created_at", "ip_address", "user_agent")

    def save_model(self, request, obj, form, change):
        comment_edit(comment=obj)

    def delete_model(self, request, obj):
        comment_delete(comments=[obj])

    def delete_queryset(self, request, queryset):
        comment_delete(comments=queryset)
