from django.contrib import admin
from django.utils.translation import gettext as _

from civility.moderation.models import Decision


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written only by moderation services."""

    list_display = ("created_at", "action", "comment_ref", "reason", "actor")
    list_filter = ("action", "reason")
    # the comment through an outer join: a decision may outlive its comment
    list_select_related = ("comment", "actor")
    readonly_fields = ["comment_ref", *(f.name for f in Decision._meta.fields if f.name != "comment")]
    exclude = ("comment",)

    @admin.display(description="comment")
    def comment_ref(self, obj: Decision) -> str:
        try:
            comment = obj.comment
        except Decision.comment.field.related_model.DoesNotExist:
            comment = None
        if comment is None:
            return _("#%(id)s (deleted) on %(article)s") % {
                "id": obj.comment_id, "article": obj.snapshot.get("article_key", "?")}
        return str(comment)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
