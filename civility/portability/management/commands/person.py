"""``civility person export EMAIL`` and ``civility person erase EMAIL``: a commenter's data rights."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from civility.errors import CivilityError
from civility.portability.person import person_erase, person_export


class Command(BaseCommand):
    help = "Show (as JSON) or erase everything Civility holds about a commenter's email address."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, parser_class=CommandParser)
        sub.add_parser("export", help="their comments, the decisions about them, their accounts, as JSON") \
            .add_argument("email")
        erase = sub.add_parser("erase", help="replace their texts, names, emails, addresses by placeholders")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, verb: str, email: str, **opts) -> None:
        try:
            if verb == "export":
                self.stdout.write(json.dumps(person_export(user=None, email=email), ensure_ascii=False, indent=2))
                return
            if not opts["yes"]:
                answer = input(_("Erase the personal data of %(email)s? This cannot be undone. [y/N] ")
                               % {"email": email})
                if answer.strip().lower() not in ("y", "yes"):
                    raise CommandError(_("Nothing was erased."))
            done = person_erase(user=None, email=email)
        except CivilityError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(_("erased %(email)s from %(n)d comments (%(notes)d moderator notes); the audit log "
                            "records it") % {"email": email, "n": done["comments"], "notes": done["notes"]})
