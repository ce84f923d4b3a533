from django.contrib import admin

from civility.publishing.models import Article, Site
from civility.publishing.services import article_save, site_save


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "authors_skip_queue", "default_order")
    prepopulated_fields = {"slug": ("name",)}

    def save_model(self, request, obj, form, change):
        site_save(site=obj)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "key", "site", "section", "comments_open", "created_at")
    list_filter = ("site", "section", "comments_open")
    search_fields = ("title", "key")
    filter_horizontal = ("authors",)

    def save_model(self, request, obj, form, change):
        article_save(article=obj)
