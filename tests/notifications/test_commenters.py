"""Commenters hear back by email: approval, rejection (with the reasons), replies; unsubscribing."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.test import Client, TestCase
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civility.comments.models import Comment, Status
from civility.moderation.models import Action, Reason
from civility.moderation.services import decision_record, decision_undo
from civility.notifications.models import DeliveryStatus, Email, ReplyWatch, SiteNotifications, Unsubscribe
from civility.notifications.outbox import emails_retry
from civility.notifications.tasks import comments_decided
from tests.conftest import submit
from tests.notifications.conftest import Inbox, free_port

pytestmark = pytest.mark.django_db


def unsubscribe_link(message) -> str:
    return " ".join(str(message["List-Unsubscribe"]).split()).strip("<>")


def decide(moderator, comment, action, reason=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        decisions = decision_record(user=moderator, comment_ids=[comment.pk], action=action, reason=reason)
    comment.refresh_from_db()
    return decisions


def test_approval_tells_the_commenter_the_comment_is_live_with_a_link(smtp, moderator, article):
    article.url = "https://news.example.org/lachin"
    article.title = "The corridor\nBcc: everyone@example.org"  # no header injection through a title
    article.save()
    comment = submit(article, "The corridor & the road.", email="ana@example.org", name="Ana")
    decide(moderator, comment, Action.APPROVE)

    [message] = smtp.inbox.to("ana@example.org")
    assert "is live" in message["Subject"] and "The corridor Bcc: everyone" in message["Subject"]
    assert message["Bcc"] is None and smtp.inbox.envelopes[0].rcpt_tos == ["ana@example.org"]
    text = message.get_content()
    assert "https://news.example.org/lachin" in text
    assert "The corridor & the road." in text  # plain text: not HTML-escaped
    assert Email.objects.get(key=f"approved:{comment.pk}").status == DeliveryStatus.SENT


def test_rejection_gives_the_reason_in_the_policys_words(smtp, moderator, article):
    comment = submit(article, "You are all idiots.", email="bo@example.org", name="Bo")
    decide(moderator, comment, Action.REJECT, Reason.PERSONAL_ATTACK)

    [message] = smtp.inbox.to("bo@example.org")
    text = message.get_content()
    assert "not published" in message["Subject"]
    assert "Statement of reasons" in text
    assert "Ground: Personal attack" in text
    assert "A moderator reads every comment" in text  # the site's policy, quoted
    assert "a moderator read your comment" in text.lower()
    assert "You are all idiots." in text


def test_every_message_has_a_signed_one_click_unsubscribe(smtp, moderator, article, client):
    comment = submit(article, email="cy@example.org")
    decide(moderator, comment, Action.APPROVE)
    [message] = smtp.inbox.to("cy@example.org")
    link = unsubscribe_link(message)
    assert link.startswith("https://comments.example.org/notifications/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.get_content()
    path = urlsplit(link).path

    page = client.get(path)  # a mail scanner following the link unsubscribes nobody
    assert page.status_code == 200 and b"cy@example.org" in page.content
    assert not Unsubscribe.objects.exists()
    # the mail program's one-click POST (RFC 8058), no login, no CSRF token
    done = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and b"Done" in done.content
    assert Unsubscribe.objects.filter(email="cy@example.org", kind="approved").exists()

    second = submit(article, "Another one.", email="cy@example.org")
    decide(moderator, second, Action.APPROVE)
    assert len(smtp.inbox.to("cy@example.org")) == 1  # no more approvals…
    third = submit(article, "And a rude one.", email="cy@example.org")
    decide(moderator, third, Action.REJECT, Reason.OFF_TOPIC)
    assert len(smtp.inbox.to("cy@example.org")) == 2  # …but rejections still come


def test_a_tampered_unsubscribe_link_is_refused(client, smtp, moderator, article):
    comment = submit(article, email="di@example.org")
    decide(moderator, comment, Action.APPROVE)
    path = urlsplit(unsubscribe_link(smtp.inbox.to("di@example.org")[0])).path
    forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    r = client.post(forged)
    assert r.status_code == 404 and b"not valid" in r.content
    assert not Unsubscribe.objects.exists()


def test_a_site_can_turn_each_kind_off(smtp, moderator, article):
    SiteNotifications.objects.create(site=article.site, email_on_approval=False, reply_to="desk@news.example.org")
    approved = submit(article, email="ed@example.org")
    decide(moderator, approved, Action.APPROVE)
    assert smtp.inbox.to("ed@example.org") == []
    rejected = submit(article, "Spam spam spam.", email="ed@example.org")
    decide(moderator, rejected, Action.REJECT, Reason.SPAM)
    [message] = smtp.inbox.to("ed@example.org")
    assert message["Reply-To"] == "desk@news.example.org"  # where appeals go


def test_replies_are_sent_only_to_those_who_ticked_email_me_replies(smtp, moderator, article, anon_api):
    status, body = anon_api.post(f"/api/v1/articles/{article.key}/comments", {
        "body": "Where is the road?", "author_name": "Fay", "author_email": "fay@example.org",
        "notify_replies": True})
    assert status == 202
    watched = article.comments.get(pk=body["id"])
    quiet = submit(article, "No mail for me.", email="gus@example.org")
    decide(moderator, watched, Action.APPROVE)
    decide(moderator, quiet, Action.APPROVE)

    reply = submit(article, "Past the checkpoint.", name="Hal", email="hal@example.org", parent=watched)
    assert len(smtp.inbox.to("fay@example.org")) == 1  # not before the reply is published
    decide(moderator, reply, Action.APPROVE)
    mails = smtp.inbox.to("fay@example.org")
    assert len(mails) == 2 and "Hal replied" in mails[1]["Subject"]
    assert "Past the checkpoint." in mails[1].get_content()
    assert "/unsubscribe/" in mails[1]["List-Unsubscribe"]

    to_quiet = submit(article, "Hello Gus.", email="hal@example.org", parent=quiet)
    decide(moderator, to_quiet, Action.APPROVE)
    assert len(smtp.inbox.to("gus@example.org")) == 1  # only the approval of Gus's own comment
    # one's own reply to oneself is no news
    own = submit(article, "Me again.", email="fay@example.org", parent=watched)
    decide(moderator, own, Action.APPROVE)
    assert [m["Subject"] for m in smtp.inbox.to("fay@example.org")].count(mails[1]["Subject"]) == 1


def test_a_decision_undone_before_the_task_runs_sends_nothing_and_a_rerun_sends_once(smtp, moderator, article):
    comment = submit(article, email="ida@example.org")
    decisions = decision_record(user=moderator, comment_ids=[comment.pk], action=Action.APPROVE)
    decision_undo(user=moderator, decision_id=decisions[0].pk)
    comments_decided.call([comment.pk])
    assert smtp.inbox.to("ida@example.org") == []

    decide(moderator, comment, Action.APPROVE)
    comments_decided.call([comment.pk])  # the same task run twice (a worker lost mid-task)
    assert len(smtp.inbox.to("ida@example.org")) == 1


def test_a_mail_server_that_is_down_neither_loses_nor_delays_a_decision(settings, smtp_down, moderator, article):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    comment = submit(article, email="jo@example.org")
    decide(moderator, comment, Action.APPROVE)
    # the decision is committed and public; the mail is only a queued task so far
    assert comment.status == Status.APPROVED
    assert comment.decisions.count() == 1
    task = DBTaskResult.objects.get(task_path="civility.notifications.tasks.comments_decided")
    assert task.status == TaskResultStatus.READY

    assert comments_decided.call(*task.args_kwargs["args"]) == 0  # the worker runs it: SMTP refuses
    mail = Email.objects.get(key=f"approved:{comment.pk}")
    assert (mail.status, mail.attempts) == (DeliveryStatus.QUEUED, 1)
    assert "Connection" in mail.last_error or "refused" in mail.last_error.lower()
    assert mail.next_attempt_at is not None
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED


def test_a_failed_message_is_tried_again_when_due_until_it_goes(smtp_down, moderator, article, settings):
    comment = submit(article, email="kim@example.org")
    decide(moderator, comment, Action.APPROVE)
    mail = Email.objects.get(key=f"approved:{comment.pk}")
    assert mail.attempts == 1 and mail.status == DeliveryStatus.QUEUED

    assert emails_retry() == 0  # not due yet (backoff)
    Email.objects.filter(pk=mail.pk).update(next_attempt_at=mail.created_at)
    assert emails_retry() == 0  # due, tried, still down
    mail.refresh_from_db()
    assert mail.attempts == 2

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        settings.EMAIL_PORT = server.port
        Email.objects.filter(pk=mail.pk).update(next_attempt_at=mail.created_at)
        assert emails_retry() == 1
    finally:
        server.stop()
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.last_error) == (DeliveryStatus.SENT, 3, "")
    assert len(inbox.to("kim@example.org")) == 1


def test_after_the_last_attempt_the_message_is_given_up(smtp_down, moderator, article, settings):
    settings.CIVILITY_NOTIFY_MAX_ATTEMPTS = 2
    comment = submit(article, email="lu@example.org")
    decide(moderator, comment, Action.APPROVE)
    Email.objects.update(next_attempt_at=Email.objects.get().created_at)
    emails_retry()
    assert Email.objects.get().status == DeliveryStatus.FAILED


def test_without_email_url_mail_is_written_under_the_data_directory(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "CIVILITY_DATA_DIR": str(tmp_path), "SECRET_KEY": "x" * 50,
           "DJANGO_SETTINGS_MODULE": "civility.settings.base", "PYTHONPATH": sys.path[0]}
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND); print(settings.EMAIL_FILE_PATH)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    backend, folder = out.stdout.split()
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert folder == str(tmp_path / "mail")


def test_an_authors_own_comment_published_by_the_site_rule_sends_no_approval(smtp, article, author, site):
    site.authors_skip_queue = True
    site.save()
    article.authors.add(author)
    with TestCase.captureOnCommitCallbacks(execute=True):
        comment = submit(article, "From the newsroom.", user=author)
    assert comment.status == Status.APPROVED
    assert smtp.inbox.messages == []


# Each message goes out in its reader's language: the one their widget showed (Comment.ui_lang).

def test_a_comment_posted_from_a_russian_widget_is_approved_in_russian(smtp, moderator, article, anon_api):
    status, body = anon_api.post(f"/api/v1/articles/{article.key}/comments", {
        "body": "Дорога важна для всех.", "author_name": "Аня", "author_email": "anya@example.org",
        "ui_lang": "ru-RU"})
    assert status == 202
    comment = article.comments.get(pk=body["id"])
    decide(moderator, comment, Action.APPROVE)

    [message] = smtp.inbox.to("anya@example.org")
    assert message["Subject"].strip().startswith("Ваш комментарий к статье") and "опубликован" in message["Subject"]
    text = message.get_content()
    assert "Вы написали:" in text and "What you wrote" not in text
    assert "Чтобы больше не получать такие письма:" in text  # the unsubscribe line too


def test_a_rejection_statement_is_in_the_commenters_language(smtp, moderator, article):
    comment = submit(article, "Вы все идиоты.", email="boris@example.org", ui_lang="ru")
    decide(moderator, comment, Action.REJECT, Reason.PERSONAL_ATTACK)

    [message] = smtp.inbox.to("boris@example.org")
    assert "не опубликован" in message["Subject"]
    text = message.get_content()
    assert "Обоснование решения" in text and "Личное оскорбление" in text  # the reason's name too
    assert "Statement of reasons" not in text


def test_a_reply_is_announced_in_the_language_of_the_comment_replied_to(smtp, moderator, article):
    parent = submit(article, "Где дорога?", name="Fay", email="fay@example.org", ui_lang="ru")
    ReplyWatch.objects.create(comment=parent)
    decide(moderator, parent, Action.APPROVE)
    reply = submit(article, "Անցակետից այն կողմ։", name="Hal", email="hal@example.org", parent=parent, ui_lang="hy")
    decide(moderator, reply, Action.APPROVE)

    announced = smtp.inbox.to("fay@example.org")[-1]
    assert announced["Subject"].strip().startswith("Новый ответ от Hal")
    assert "Читать обсуждение:" in announced.get_content()
    [approved] = smtp.inbox.to("hal@example.org")  # the replier hears of their own in theirs
    assert "հրապարակվել է" in approved["Subject"]


def test_without_a_known_language_the_sites_default_at_sending_time_is_used(smtp, moderator, article, settings):
    unknown = submit(article, email="ed@example.org")
    assert unknown.ui_lang == ""
    decide(moderator, unknown, Action.APPROVE)
    assert "is live" in smtp.inbox.to("ed@example.org")[0]["Subject"]

    settings.LANGUAGE_CODE = "az"
    later = submit(article, email="ed@example.org")
    retired = submit(article, email="flo@example.org", ui_lang="tr")
    Comment.objects.filter(pk=retired.pk).update(ui_lang="fr")  # a language the site no longer speaks
    decide(moderator, later, Action.APPROVE)
    decide(moderator, retired, Action.APPROVE)
    assert "dərc olundu" in smtp.inbox.to("ed@example.org")[1]["Subject"]
    assert "dərc olundu" in smtp.inbox.to("flo@example.org")[0]["Subject"]
