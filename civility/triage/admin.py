from django.contrib import admin

from civility.triage.models import WordRule


@admin.register(WordRule)
class WordRuleAdmin(admin.ModelAdmin):
    """Takes effect on the next comment: the word-list signal watches this table."""

    list_display = ("phrase", "kind", "category", "lang", "note", "created_at")
    list_filter = ("kind", "category", "lang")
    search_fields = ("phrase", "note")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
