from django.contrib import admin

from civility.publishing.models import Article, Site


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "authors_skip_queue", "default_order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "key", "site", "comments_open", "created_at")
    list_filter = ("site", "comments_open")
    search_fields = ("title", "key")
    filter_horizontal = ("authors",)
