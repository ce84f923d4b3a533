"""What we know of the author: earlier comments, how moderators decided them, and bursts.

The identity is the account when the comment was posted logged in, otherwise the e-mail
address (only comments posted without an account: typing someone's address must not borrow
their account's good record). One aggregate query answers everything:

- ``doc.attrs["author_history"]``: ``{"identity", "earlier", "approved", "rejected", "pending",
  "recent", "window_minutes"}``, counting the author's comments before this one;
- ``doc.attrs["first_timer"]``: no earlier *approved* comment (the policy adds a little risk,
  never a flag);
- a ``spam`` finding "N comments in M minutes" when the author posts ``burst_count`` or more
  comments (this one included) within ``burst_minutes``.

A bare text (no account, no e-mail) gets nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from civility.comments.models import Comment, Status
from civility.triage.registry import Signal
from civility.triage.types import Doc, Finding

#: the burst finding's score at ``burst_count`` comments, rising to the second at twice that
BURST_SCORE = (0.35, 0.6)


class AuthorHistory(Signal):
    assigns = ("first_timer", "author_history")
    labels = ("spam",)

    def __init__(self, *, burst_count: int = 5, burst_minutes: int = 10) -> None:
        super().__init__()
        for option, value in (("burst_count", burst_count), ("burst_minutes", burst_minutes)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{option} must be an integer")
        if burst_count < 2:
            raise ValueError("burst_count must be at least 2 (this comment and one more)")
        if not 1 <= burst_minutes <= 24 * 60:
            raise ValueError("burst_minutes must be between 1 and 1440")
        self.burst_count = burst_count
        self.burst_minutes = burst_minutes

    def __call__(self, doc: Doc) -> None:
        subject = doc.subject
        identity = subject.identity
        email = (identity.email or "").strip().lower()
        if identity.user_id is not None:
            who, comments, mine = "account", Comment.objects.filter(user_id=identity.user_id), Q()
        elif email:
            # "anonymous" is counted, not filtered on: in the WHERE clause it would tempt SQLite
            # (no statistics) to walk every anonymous comment instead of this address's few
            who, comments, mine = "email", Comment.objects.filter(author_email=email), Q(user__isnull=True)
        else:
            return
        at = subject.created_at or timezone.now()
        comments = comments.filter(created_at__lte=at)
        if subject.comment_id is not None:
            comments = comments.exclude(pk=subject.comment_id)
        since = at - timedelta(minutes=self.burst_minutes)
        counts = comments.aggregate(
            earlier=Count("pk", filter=mine),
            approved=Count("pk", filter=mine & Q(status=Status.APPROVED)),
            rejected=Count("pk", filter=mine & Q(status=Status.REJECTED)),
            recent=Count("pk", filter=mine & Q(created_at__gte=since)),
        )
        history = {"identity": who, **counts, "pending": counts["earlier"] - counts["approved"] - counts["rejected"],
                   "window_minutes": self.burst_minutes}
        doc.attrs["author_history"] = history
        doc.attrs["first_timer"] = counts["approved"] == 0

        in_window = counts["recent"] + 1  # this comment too
        if in_window >= self.burst_count:
            low, high = BURST_SCORE
            score = low + (high - low) * min(1.0, (in_window - self.burst_count) / self.burst_count)
            doc.add(Finding("spam", round(score, 4), f"{in_window} comments in {self.burst_minutes} minutes",
                            evidence={"kind": "burst", "comments": in_window, "minutes": self.burst_minutes},
                            signal=self.name))
