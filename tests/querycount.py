"""Build a busy article for the query-count tests: replies, authors, repeats, campaigns, decisions."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from civility.accounts.models import Role, User
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record, decision_undo
from tests.conftest import approve, make_user, submit


def _author(name: str) -> User:
    return User.objects.filter(username=name).first() or make_user(Role.AUTHOR, name)


CAMPAIGN = "Sign the petition against the new stadium before Friday, every signature counts for our district"


def busy_queue(article, moderator, n: int) -> None:
    """``n`` pending comments of every kind the queue shows."""
    parent = submit(article, "An approved comment people answer.", email="root@example.org")
    approve(moderator, parent)
    authors = [_author(f"writer{i}") for i in range(2)]
    for i in range(n):
        kind = i % 4
        if kind == 0:
            submit(article, f"A reply, number {i}.", email=f"r{i}@example.org", parent=parent)
        elif kind == 1:
            submit(article, f"Written by a newsroom author, number {i}.", user=authors[i % 2])
        elif kind == 2:
            submit(article, CAMPAIGN, email=f"c{i}@example.org")  # a campaign across people
        else:
            submit(article, f"Repeat myself {i // 8}, again and again, the same words here.",
                   email="repeater@example.org")


def busy_thread(article, moderator, n: int) -> None:
    """``n`` approved comments: top-level ones, replies, replies to replies, authors'."""
    author = _author("columnist")
    roots = []
    for i in range(n):
        if i % 3 == 0 or not roots:
            c = submit(article, f"Top-level {i}.", email=f"t{i}@example.org", user=author if i % 2 else None)
            roots.append(c)
        else:
            c = submit(article, f"Reply {i}.", email=f"t{i}@example.org", parent=roots[-1])
        approve(moderator, c)
        if i % 3 == 1:
            roots[-1] = c  # the next reply answers this reply


def busy_history(article, moderator, n: int) -> None:
    """``n`` decisions: approvals, rejections, undone ones and the undos."""
    for i in range(n):
        c = submit(article, f"Decided {i}.", email=f"h{i}@example.org")
        if i % 3 == 0:
            [d] = decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)
            decision_undo(user=moderator, decision_id=d.pk)
        elif i % 3 == 1:
            decision_record(user=moderator, comment_ids=[c.pk], action=Action.REJECT, reason=Reason.SPAM)
        else:
            decision_record(user=moderator, comment_ids=[c.pk], action=Action.APPROVE)


def queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx)


def same_queries(build, fetch, *, few: int, many: int, django_assert_num_queries) -> int:
    """Queries ``fetch`` makes after ``build(few)``; after ``build(many - few)`` more it must make exactly as many."""
    build(few)
    n = queries(fetch)
    build(many - few)
    with django_assert_num_queries(n):
        fetch()
    return n
