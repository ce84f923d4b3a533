from django.contrib import admin

from civility.comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Browse and search comments. Status changes go through the moderation queue,
    so that each one is an audit row."""

    list_display = ("id", "article", "author_name", "status", "created_at")
    list_filter = ("status", "article__site")
    search_fields = ("body", "author_name", "author_email")
    readonly_fields = ("article", "parent", "root", "user", "status", "created_at", "ip_address", "user_agent")
