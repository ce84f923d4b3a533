"""What a webhook receives for each event: Civility's JSON, or a Slack-compatible message.

The JSON format (``format = json``)::

    {"event": "comment.decided", "delivery": "3:comment.decided:812", "sent_for": "2026-12-06T19:40:00Z",
     "comment": {"id": 41, "status": "rejected", "author_name": "Ana", "body": "…", "parent_id": null,
                 "risk": 0.82, "lang": "en", "flags": ["insult"], "created_at": "…",
                 "article": {"key": "lachin-corridor", "title": "…", "url": "…"}, "queue_url": "…"},
     "decision": {"id": 812, "action": "reject", "reason": "personal_attack", "from_status": "pending",
                  "to_status": "rejected", "actor": "anna", "created_at": "…"}}

``campaign.detected`` has ``campaign: {"id", "size", "article_count"}`` beside the comment that
revealed it. Email and IP addresses are never sent.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civility.comments.models import Comment
from civility.moderation.models import Decision
from civility.notifications.models import Event
from civility.notifications.tokens import absolute


def comment_data(comment: Comment) -> dict[str, Any]:
    article = comment.article
    flags = getattr(getattr(comment, "triage", None), "flag_labels", "") or ""
    return {
        "id": comment.pk, "status": comment.status, "author_name": comment.author_name, "body": comment.body,
        "parent_id": comment.parent_id, "risk": comment.risk, "lang": comment.lang,
        "flags": [label for label in flags.split(",") if label], "created_at": comment.created_at.isoformat(),
        "article": {"key": article.key, "title": article.title, "url": article.url},
        "queue_url": absolute(reverse("moderation-queue")),
    }


def decision_data(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk, "action": decision.action, "reason": decision.reason,
        "from_status": decision.from_status, "to_status": decision.to_status,
        "actor": decision.actor.username if decision.actor_id else None,
        "created_at": decision.created_at.isoformat(),
    }


def event_payload(event: str, *, key: str, comment: Comment, decision: Decision | None = None,
                  campaign: dict | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"event": event, "delivery": key, "sent_for": timezone.now().isoformat(),
                               "comment": comment_data(comment)}
    if decision is not None:
        payload["decision"] = decision_data(decision)
    if campaign is not None:
        payload["campaign"] = campaign
    return payload


def slack_message(payload: dict[str, Any]) -> dict[str, str]:
    """The same event as one line of text for Slack, Mattermost, Rocket.Chat and the like."""
    comment = payload["comment"]
    title, who = comment["article"]["title"], comment["author_name"]
    body = " ".join(comment["body"].split())
    excerpt = body if len(body) <= 200 else body[:199] + "…"
    event = payload["event"]
    if event == Event.SUBMITTED:
        head = _("New comment by %(who)s on “%(title)s”, waiting for review") % {"who": who, "title": title}
    elif event == Event.HIGH_RISK:
        head = _("High-risk comment (risk %(risk).2f) by %(who)s on “%(title)s”") % {
            "risk": comment["risk"], "who": who, "title": title}
    elif event == Event.CAMPAIGN:
        head = _("Copy-paste campaign detected: %(size)d people posted the same text (on “%(title)s”)") % {
            "size": payload["campaign"]["size"], "title": title}
    else:
        decision = payload["decision"]
        head = _("Comment by %(who)s on “%(title)s”: %(action)s%(reason)s by %(actor)s") % {
            "who": who, "title": title, "action": decision["action"],
            "reason": f" ({decision['reason']})" if decision["reason"] else "",
            "actor": decision["actor"] or _("a site rule")}
    return {"text": f"{_escape(head)}\n> {_escape(excerpt)}\n<{comment['queue_url']}|{_('Open the queue')}>"}


def _escape(text: str) -> str:
    """Slack's three control characters in message text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
