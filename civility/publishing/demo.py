"""The demo site, article and moderator that `civility serve` ensures exist."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from civility.accounts.models import Role, User
from civility.accounts.services import user_create
from civility.publishing.models import Article, Site

DEMO_ARTICLE_KEY = "lachin-corridor"
DEMO_MODERATOR = "moderator"
_TEXT = Path(__file__).with_name("demo_article.txt")


@dataclass(frozen=True)
class DemoData:
    site: Site
    article: Article
    moderator: User
    new_password: str | None  # set only when the moderator was created just now


@transaction.atomic
def demo_ensure() -> DemoData:
    """Create what is missing; never overwrite what an operator changed."""
    title, _, body = _TEXT.read_text(encoding="utf-8").partition("\n\n")
    site, _ = Site.objects.get_or_create(slug="demo", defaults={"name": "Civility demo newsroom"})
    article, _ = Article.objects.get_or_create(
        key=DEMO_ARTICLE_KEY, defaults={"site": site, "title": title.strip(), "body": body.strip()}
    )
    moderator = User.objects.filter(username=DEMO_MODERATOR).first()
    password = None
    if moderator is None:
        moderator, password = user_create(
            username=DEMO_MODERATOR, role=Role.MODERATOR, display_name="Demo moderator"
        )
    return DemoData(site=site, article=article, moderator=moderator, new_password=password)
