"""What commenters are told: their comment is live, was not published (and why), or got a reply.

Reacts to ``comment_status_changed`` through ``tasks.comments_decided``; the message says what
is true when the task runs (a decision undone before then sends nothing). Each message is in
its reader's language (:func:`reader_language`): a reply's, in the language of the comment replied to.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from civility.comments.models import Comment, Status
from civility.i18n import languages
from civility.moderation.models import Action, Decision, Reason
from civility.notifications.models import Email, Kind, ReplyWatch, SiteNotifications
from civility.notifications.outbox import email_queue
from civility.notifications.tokens import absolute


def site_settings(site_id: int) -> SiteNotifications:
    found = SiteNotifications.objects.filter(site_id=site_id).first()
    return found or SiteNotifications(site_id=site_id)


def reader_language(comment: Comment) -> str:
    """The language to write to ``comment``'s author in: their widget's, else the site's default."""
    return languages.supported(comment.ui_lang) or languages.default()


def comment_link(comment: Comment) -> str:
    article = comment.article
    return article.url or absolute(reverse("article-page", kwargs={"key": article.key}))


def commenter_emails_for(*, comment_ids: Sequence[int]) -> list[Email]:
    """Write to the outbox the messages these comments' current status calls for."""
    comments = (Comment.objects.filter(pk__in=list(comment_ids)).select_related("article__site", "parent")
                .order_by("pk"))
    written: list[Email] = []
    sites: dict[int, SiteNotifications] = {}
    for comment in comments:
        site_id = comment.article.site_id
        prefs = sites[site_id] = sites.get(site_id) or site_settings(site_id)
        if comment.status == Status.APPROVED:
            if prefs.email_on_approval and _approved_by_a_person(comment):
                written.append(_approved(comment, prefs))
            if prefs.email_on_reply and comment.parent_id:
                written.append(_reply(comment, prefs))
        elif comment.status == Status.REJECTED and prefs.email_on_rejection:
            written.append(_rejected(comment, prefs))
    return [e for e in written if e is not None]


def _approved_by_a_person(comment: Comment) -> bool:
    """Comments a site rule published at once (an author's own) are no news to their author."""
    latest = Decision.objects.filter(comment=comment).order_by("-created_at", "-id").first()
    return latest is None or latest.actor_id is not None


def _context(comment: Comment) -> dict:
    return {"comment": comment, "article": comment.article, "site": comment.article.site,
            "link": comment_link(comment)}


def _approved(comment: Comment, prefs: SiteNotifications) -> Email | None:
    with override(reader_language(comment)):
        return _approved_written(comment, prefs)


def _approved_written(comment: Comment, prefs: SiteNotifications) -> Email | None:
    body = render_to_string("notifications/email/approved.txt", _context(comment))
    return email_queue(key=f"approved:{comment.pk}", kind=Kind.APPROVED, to=comment.author_email,
                       subject=_("Your comment on “%(title)s” is live") % {"title": comment.article.title},
                       body=body, unsubscribe=Kind.APPROVED, reply_to=prefs.reply_to, comment_id=comment.pk)


def _rejected(comment: Comment, prefs: SiteNotifications) -> Email | None:
    with override(reader_language(comment)):
        return _rejected_written(comment, prefs)


def _rejected_written(comment: Comment, prefs: SiteNotifications) -> Email | None:
    decision = (Decision.objects.filter(comment=comment, action=Action.REJECT).order_by("-created_at", "-id")
                .first())
    if decision is None:
        return None
    reason = Reason(decision.reason).label if decision.reason in Reason.values else decision.reason
    context = {**_context(comment), "reason": reason, "decision": decision,
               "by_person": decision.actor_id is not None}
    body = render_to_string("notifications/email/rejected.txt", context)
    # one statement per rejection: a comment rejected, restored and rejected again gets a new one
    return email_queue(key=f"rejected:{comment.pk}:{decision.pk}", kind=Kind.REJECTED, to=comment.author_email,
                       subject=_("Your comment on “%(title)s” was not published") % {"title": comment.article.title},
                       body=body, unsubscribe=Kind.REJECTED, reply_to=prefs.reply_to, comment_id=comment.pk)


def _reply(reply: Comment, prefs: SiteNotifications) -> Email | None:
    parent = reply.parent
    if (parent is None or parent.status != Status.APPROVED or parent.author_email == reply.author_email
            or not ReplyWatch.objects.filter(comment=parent).exists()):
        return None
    with override(reader_language(parent)):  # written to the parent's author
        body = render_to_string("notifications/email/reply.txt", {**_context(reply), "parent": parent})
        return email_queue(key=f"reply:{reply.pk}", kind=Kind.REPLY, to=parent.author_email,
                           subject=_("%(name)s replied to your comment on “%(title)s”")
                           % {"name": reply.author_name, "title": reply.article.title},
                           body=body, unsubscribe=Kind.REPLY, reply_to=prefs.reply_to, comment_id=reply.pk)
