"""``civility site create|list``: a production deployment's first site, without the admin."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.errors import CivilityError
from civility.publishing.models import Site
from civility.publishing.services import site_create


class Command(BaseCommand):
    help = "Create sites (a newsroom's publication, with the origins allowed to embed its threads) and list them."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, parser_class=CommandParser)
        create = sub.add_parser("create", help="create a site")
        create.add_argument("slug", help="short name used by `civility article create --site`")
        create.add_argument("--name", required=True, help="the publication's name, as readers know it")
        create.add_argument("--origin", action="append", default=[], dest="origins", metavar="URL",
                            help="an origin whose pages embed the thread, e.g. https://news.example.org "
                                 "(repeat for several)")
        sub.add_parser("list", help="list sites and their allowed origins")

    def handle(self, *args, verb: str, **opts) -> None:
        if verb == "list":
            for site in Site.objects.order_by("slug"):
                self.stdout.write(f"{site.slug:<24} {site.name:<32} {' '.join(site.origins)}")
            return
        try:
            site = site_create(slug=opts["slug"], name=opts["name"], origins=opts["origins"])
        except CivilityError as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            raise CommandError(exc.message + (f" ({detail})" if detail else "")) from exc
        origins = ", ".join(site.origins) or "none (add with the admin, or CIVILITY_EMBED_ORIGINS)"
        self.stdout.write(f"created site {site.slug} ({site.name}); embedding origins: {origins}")
