"""Creating users and tokens (used by the CLI, the demo set-up and tests)."""

from __future__ import annotations

import secrets

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from civility.accounts.models import ApiToken, Role, User


def user_create(
    *, username: str, role: Role | str, password: str | None = None, email: str = "",
    display_name: str = "",
) -> tuple[User, str]:
    """Create a user; returns it with the password (generated when none is given).

    Raises ``ValueError`` for an unknown role, a taken name or an unusable name or e-mail
    address, and Django's ``ValidationError`` for a weak password.
    """
    from django.core.exceptions import ValidationError

    role = Role(role)
    if User.objects.filter(username__iexact=username).exists():
        raise ValueError(f"a user named {username!r} already exists")
    generated = password is None
    password = password if password is not None else secrets.token_urlsafe(12)
    user = User(
        username=username, email=email, role=role, display_name=display_name,
        # Admins manage sites, articles and people in Django's admin; moderators
        # and authors never need it.
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as exc:
        raise ValueError("; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())) from exc
    if not generated:
        validate_password(password, user)
    user.set_password(password)
    with transaction.atomic():
        user.save()
    return user, password


def token_create(*, user: User, name: str = "") -> str:
    _, raw = ApiToken.issue(user=user, name=name)
    return raw


def users_delete(*, users) -> None:
    """Delete accounts (the admin); their comments lose the Author badge on readers' pages.

    One transaction: a bump committed before the deletion would let a read in between
    cache the old page under the new version, where it would stay.
    """
    from civility.publishing.services import commenter_public_changed

    with transaction.atomic():
        commenter_public_changed(user_ids=list(users.values_list("pk", flat=True)))
        users.delete()
