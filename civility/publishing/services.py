"""Creating articles, opening or closing them for comments, and keeping readers' caches honest.

Whatever changes what readers see of an article — a decision, opening or closing it, an
edit in the admin — calls :func:`article_public_changed` in the same transaction. That
bumps ``Article.public_version``, on which cached thread pages and their ETags are keyed
(``civility.api.caching``), so the next read builds a fresh page in every process.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from civility.errors import Conflict, InvalidInput, NotFound
from civility.publishing import public_versions
from civility.publishing.models import Article, Site


def _bump(articles) -> None:
    """Stale every cached page of these articles (a queryset): their version moves on.

    Once the transaction commits, the cache's copy of their versions goes too, so the
    thread's fast path (``civility.api.fastpath``) stops serving their old pages.
    """
    rows = dict(articles.values_list("pk", "key"))  # the filter (maybe a join) runs once
    if not rows:
        return
    Article.objects.filter(pk__in=rows).update(public_version=F("public_version") + 1)
    transaction.on_commit(lambda: public_versions.forget(rows.values()))


def article_public_changed(*, article_ids: Iterable[int]) -> None:
    """What readers see of these articles changed: cached pages of them are stale now."""
    ids = set(article_ids)
    if ids:
        _bump(Article.objects.filter(pk__in=ids))


def site_public_changed(*, site_id: int) -> None:
    """The site's policy text, default order or page size changed: every article shows it."""
    _bump(Article.objects.filter(site_id=site_id))


def commenter_public_changed(*, user_ids: Iterable[int]) -> None:
    """Commenters' accounts changed (e.g. a role, which decides the Author badge, or deleted)."""
    _bump(Article.objects.filter(comments__user_id__in=list(user_ids)))


@transaction.atomic
def article_save(*, article: Article) -> Article:
    """Save an article edited by staff (admin); readers see the change at once."""
    article.save()
    article_public_changed(article_ids=[article.pk])
    return article


@transaction.atomic
def site_save(*, site: Site) -> Site:
    """Save a site edited by staff (admin); its articles' readers see the change at once."""
    site.save()
    site_public_changed(site_id=site.pk)
    return site


def origin_normalize(origin: str) -> str:
    """``https://news.example.org/`` → ``https://news.example.org``; anything but a bare
    http(s) origin (a path, a query, no host) is refused with the reason."""
    from urllib.parse import urlsplit

    raw = origin.strip()
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(_("%(origin)r is not an origin such as https://news.example.org") % {"origin": raw},
                           fields={"origins": _("expected http(s)://host[:port]")})
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username or parts.password:
        raise InvalidInput(_("%(origin)r is not an origin: give only the scheme, host and port, such as "
                             "https://news.example.org") % {"origin": raw},
                           fields={"origins": _("expected http(s)://host[:port]")})
    return f"{parts.scheme}://{parts.netloc.lower()}"


@transaction.atomic
def site_create(*, user=None, slug: str, name: str, origins: Iterable[str] = ()) -> Site:
    """A new site (a newsroom's publication) whose pages at ``origins`` may embed threads.

    ``user`` is the acting staff member (None from the command line, which is trusted).
    """
    allowed = list(dict.fromkeys(origin_normalize(o) for o in origins))
    site = Site(slug=slug.strip(), name=name.strip(), allowed_origins="\n".join(allowed))
    try:
        site.full_clean(validate_unique=False)
    except ValidationError as exc:
        fields = {k: " ".join(v) for k, v in exc.message_dict.items()}
        raise InvalidInput(_("the site is not valid"), fields=fields) from exc
    if Site.objects.filter(slug=site.slug).exists():
        raise Conflict(_("a site with the slug %(slug)r already exists") % {"slug": site.slug},
                       code="site_exists", fields={"slug": _("already taken")})
    site.save()
    return site


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
    with transaction.atomic():
        article.save(update_fields=["comments_open"])
        article_public_changed(article_ids=[article.pk])
    return article
