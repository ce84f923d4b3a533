"""Creating articles and opening or closing them for comments."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from civility.errors import InvalidInput, NotFound
from civility.publishing.models import Article, Site


def article_create(*, key: str, title: str, site_slug: str | None = None, url: str = "", body: str = "") -> Article:
    site = Site.objects.filter(slug=site_slug).first() if site_slug else Site.objects.order_by("pk").first()
    if site is None:
        raise NotFound(f"no site {site_slug!r}" if site_slug else "no site exists yet; run `civility serve` once "
                       "or add one in the admin", code="site_not_found")
    article = Article(site=site, key=key, title=title.strip() or key, url=url, body=body)
    try:
        article.full_clean()
    except ValidationError as exc:
        fields = {k: " ".join(v) for k, v in exc.message_dict.items()}
        raise InvalidInput("the article is not valid", fields=fields) from exc
    article.save()
    return article


def article_set_open(*, key: str, is_open: bool) -> Article:
    article = Article.objects.filter(key=key).first()
    if article is None:
        raise NotFound(f"no article with the key {key!r}", code="article_not_found")
    article.comments_open = is_open
    article.save(update_fields=["comments_open"])
    return article
