"""``civility article create|open|close|list``: articles from a shell or a publishing script."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.errors import CivilityError
from civility.publishing.models import Article
from civility.publishing.services import article_create, article_set_open


class Command(BaseCommand):
    help = "Register articles that may carry a comment thread, and open or close them."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, parser_class=CommandParser)
        create = sub.add_parser("create", help="register an article by the key its page embeds")
        create.add_argument("key")
        create.add_argument("--title", required=True)
        create.add_argument("--url", default="")
        create.add_argument("--site", help="site slug (default: the first site)")
        for verb in ("open", "close"):
            sub.add_parser(verb, help=f"{verb} an article for comments").add_argument("key")
        sub.add_parser("list", help="list articles")

    def handle(self, *args, verb: str, **opts) -> None:
        try:
            if verb == "create":
                article = article_create(key=opts["key"], title=opts["title"], url=opts["url"],
                                         site_slug=opts["site"])
                self.stdout.write(f"created {article.key} on {article.site.slug}")
            elif verb in ("open", "close"):
                article = article_set_open(key=opts["key"], is_open=verb == "open")
                self.stdout.write(f"{article.key}: comments {'open' if article.comments_open else 'closed'}")
            else:
                for a in Article.objects.select_related("site").order_by("key"):
                    self.stdout.write(f"{a.key:<40} {'open' if a.comments_open else 'closed':<7} {a.title}")
        except CivilityError as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            raise CommandError(exc.message + (f" ({detail})" if detail else "")) from exc
