"""``civility user create|token|password|unlock|list``: manage staff accounts from a shell."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from civility.accounts.models import Role, User
from civility.accounts.services import token_create, user_create


class Command(BaseCommand):
    help = "Create staff accounts, reset passwords and issue API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True, parser_class=CommandParser)
        create = sub.add_parser("create", help="create a user (prints a generated password if none is given)")
        create.add_argument("name")
        create.add_argument("--role", choices=Role.values, default=Role.AUTHOR)
        create.add_argument("--password")
        create.add_argument("--email", default="")
        create.add_argument("--display-name", default="")
        token = sub.add_parser("token", help="issue a bearer token for scripts (shown once)")
        token.add_argument("name")
        token.add_argument("--label", default="cli")
        password = sub.add_parser("password", help="set a new password (generated if none is given)")
        password.add_argument("name")
        password.add_argument("--password")
        unlock = sub.add_parser("unlock", help="let a user name (or an address) log in again after too many failures")
        unlock.add_argument("name", nargs="?", help="the user name whose failed log-ins are forgotten")
        unlock.add_argument("--address", help="also forget the failed log-ins from this IP address")
        sub.add_parser("list", help="list users and roles")

    def handle(self, *args, verb: str, **opts) -> None:
        getattr(self, f"_{verb}")(**opts)

    def _user(self, name: str) -> User:
        user = User.objects.filter(username__iexact=name).first()
        if user is None:
            raise CommandError(f"no user named {name!r} (see `civility user list`)")
        return user

    def _create(self, *, name: str, role: str, password: str | None, email: str, display_name: str, **_) -> None:
        try:
            user, pw = user_create(username=name, role=role, password=password, email=email,
                                   display_name=display_name)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        except ValidationError as exc:
            raise CommandError("password rejected: " + " ".join(exc.messages)) from exc
        self.stdout.write(f"created {user.username} ({user.role})")
        if password is None:
            self.stdout.write(f"password: {pw}")

    def _token(self, *, name: str, label: str, **_) -> None:
        user = self._user(name)
        if not user.is_active:
            raise CommandError(f"{user.username} is deactivated")
        self.stdout.write(token_create(user=user, name=label))

    def _password(self, *, name: str, password: str | None, **_) -> None:
        import secrets

        from django.contrib.auth.password_validation import validate_password

        user = self._user(name)
        new = password or secrets.token_urlsafe(12)
        if password:
            try:
                validate_password(new, user)
            except ValidationError as exc:
                raise CommandError("password rejected: " + " ".join(exc.messages)) from exc
        user.set_password(new)
        user.save(update_fields=["password"])
        self.stdout.write(f"password for {user.username} changed" + ("" if password else f": {new}"))

    def _unlock(self, *, name: str | None, address: str | None, **_) -> None:
        from civility.accounts.throttle import login_unlock

        if not name and not address:
            raise CommandError("give a user name, --address IP, or both")
        if address:
            import ipaddress

            try:
                address = str(ipaddress.ip_address(address))
            except ValueError:
                raise CommandError(f"--address {address!r} is not an IP address") from None
        removed = login_unlock(username=name, address=address)
        what = " and ".join(filter(None, [name and f"user name {name!r}", address and f"address {address}"]))
        self.stdout.write(f"unlocked {what} ({removed} failed log-in record{'s' if removed != 1 else ''} removed)")

    def _list(self, **_) -> None:
        for user in User.objects.order_by("username"):
            state = "" if user.is_active else " (inactive)"
            self.stdout.write(f"{user.username:<24} {user.role:<10}{state}")
