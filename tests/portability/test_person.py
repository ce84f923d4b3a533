"""A commenter's data rights: export and erasure, from the CLI, the staff API and the admin."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civility.comments.models import Comment, Status
from civility.moderation.models import Action, Decision, Reason
from civility.moderation.services import decision_record
from civility.portability.person import ERASED_BODY, ERASED_NAME, person_erase, person_export
from civility.triage.models import CampaignTally, NearDupBand, TriageReport
from tests.conftest import approve, make_user, submit, token_api

pytestmark = pytest.mark.django_db
EMAIL = "zoe@example.org"


@pytest.fixture
def thread(article, moderator):
    """Zoë's comment, a reply to it by someone else, Zoë's reply to that, and a stranger's comment."""
    top = submit(article, "Zoë here, from Gəncə.", name="Zoë Ağa", email=EMAIL, ui_lang="az")
    top.ip_address, top.user_agent = "203.0.113.9", "Firefox"
    top.save(update_fields=["ip_address", "user_agent"])
    approve(moderator, top)
    reply = submit(article, "A reply to Zoë.", name="Bo", email="bo@example.org", parent=top)
    approve(moderator, reply)
    again = submit(article, "Zoë again, rude this time.", name="Zoë", email="ZOE@example.org", parent=reply)
    decision_record(user=moderator, comment_ids=[again.pk], action=Action.REJECT, reason=Reason.PERSONAL_ATTACK,
                    note="Zoë Ağa (zoe@example.org) insults Bo")
    stranger = submit(article, "Unrelated.", name="Cy", email="cy@example.org")
    return top, reply, again, stranger


def test_export_has_their_comments_and_the_decisions_about_them(thread, moderator):
    top, _reply, again, _ = thread
    data = person_export(user=moderator, email=EMAIL)
    assert [c["id"] for c in data["comments"]] == [top.pk, again.pk]
    assert data["comments"][0]["ip_address"] == "203.0.113.9" and data["comments"][0]["user_agent"] == "Firefox"
    assert [c["ui_lang"] for c in data["comments"]] == ["az", ""]  # the language their emails go out in
    assert {d["comment_id"] for d in data["decisions"]} == {top.pk, again.pk}
    assert any(d["reason"] == Reason.PERSONAL_ATTACK for d in data["decisions"])
    json.dumps(data)  # JSON-ready


def test_erase_keeps_threads_and_the_audit_log_without_personal_data(thread, moderator,
                                                                      django_capture_on_commit_callbacks):
    top, reply, again, stranger = thread
    decisions_before = Decision.objects.count()
    assert TriageReport.objects.filter(comment=top).exists()
    pending = submit(top.article, "Zoë, still waiting.", email=EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        done = person_erase(user=moderator, email=EMAIL)
    assert done == {"comments": 3, "notes": 1}
    pending.refresh_from_db()  # triaged again, as the placeholder it now is
    assert pending.body == ERASED_BODY and TriageReport.objects.filter(comment=pending).exists()
    for c in (top, again):
        c.refresh_from_db()
        assert (c.body, c.author_name, c.author_email, c.ip_address, c.user_agent) == (
            ERASED_BODY, ERASED_NAME, "", None, "")
    assert top.status == Status.APPROVED and again.status == Status.REJECTED
    assert Comment.objects.get(pk=reply.pk).parent_id == top.pk and again.parent_id == reply.pk  # same shape
    assert Comment.objects.get(pk=stranger.pk).body == "Unrelated."
    assert not TriageReport.objects.filter(comment__in=[top, again]).exists()  # decided: no new report
    assert not NearDupBand.objects.filter(comment__in=[top, again]).exists()
    # every decision stays; one erase row per comment; nothing personal left in the log
    erased = Decision.objects.filter(action=Action.ERASE)
    assert Decision.objects.count() == decisions_before + 3
    assert {d.comment_id for d in erased} == {top.pk, again.pk, pending.pk}
    assert {d.actor for d in erased} == {moderator}
    log = json.dumps(list(Decision.objects.values("note", "snapshot")), ensure_ascii=False).lower()
    assert "zoe" not in log and "zoë" not in log and "203.0.113.9" not in log
    assert Decision.objects.get(action=Action.REJECT).note == f"{ERASED_NAME} ({ERASED_NAME}) insults Bo"
    assert person_erase(user=moderator, email=EMAIL) == {"comments": 0, "notes": 0}  # nothing left
    assert person_export(user=moderator, email=EMAIL)["comments"] == []


def test_erase_covers_comments_of_an_account_with_the_address(article, moderator):
    writer = make_user("author", "columnist")
    c = submit(article, "Signed.", user=writer)
    person_erase(user=moderator, email=writer.email)
    c.refresh_from_db()
    assert c.user_id is None and c.body == ERASED_BODY
    assert person_erase(user=moderator, email=writer.email)["comments"] == 0


def test_a_campaign_still_counts_an_erased_person_once(article, moderator):
    from civility.triage.models import Campaign

    campaign = Campaign.objects.create()
    CampaignTally.objects.create(campaign=campaign, key=f"email:{EMAIL}")
    submit(article, "Copy.", email=EMAIL)
    person_erase(user=moderator, email=EMAIL)
    [tally] = CampaignTally.objects.filter(campaign=campaign)
    assert tally.key.startswith("erased:") and EMAIL not in tally.key


def test_permissions_and_bad_addresses(thread, author):
    from civility.errors import InvalidInput, PermissionDenied

    with pytest.raises(PermissionDenied):
        person_export(user=author, email=EMAIL)
    with pytest.raises(PermissionDenied):
        person_erase(user=author, email=EMAIL)
    with pytest.raises(InvalidInput):
        person_export(user=None, email="not an address")


def test_cli(thread):
    out = io.StringIO()
    call_command("person", "export", EMAIL, stdout=out)
    assert len(json.loads(out.getvalue())["comments"]) == 2
    out = io.StringIO()
    call_command("person", "erase", EMAIL, "--yes", stdout=out)
    assert "erased zoe@example.org from 2 comments" in out.getvalue()
    [row, _] = Decision.objects.filter(action=Action.ERASE)
    assert row.actor is None and "command line" in row.note
    with pytest.raises(CommandError, match="email address"):
        call_command("person", "export", "nobody", stdout=io.StringIO())


def test_cli_erase_asks_first(thread, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="Nothing was erased"):
        call_command("person", "erase", EMAIL, stdout=io.StringIO())
    assert not Decision.objects.filter(action=Action.ERASE).exists()


def test_staff_api(thread, moderator, author):
    api = token_api(moderator)
    status, body = api.post("/api/v1/people/export", {"email": EMAIL})
    assert status == 200 and len(body["comments"]) == 2 and body["comments"][0]["author_name"] == "Zoë Ağa"
    status, body = token_api(author).post("/api/v1/people/erase", {"email": EMAIL})
    assert status == 403 and body["error"]["code"] == "forbidden"
    status, body = api.post("/api/v1/people/erase", {"email": "nope"})
    assert status == 422 and "email" in body["error"]["fields"]
    status, body = api.post("/api/v1/people/erase", {"email": EMAIL})
    assert status == 200 and body == {"email": EMAIL, "comments": 2, "notes": 1}
    status, body = api.get("/api/v1/moderation/history")
    assert [d["action"] for d in body["decisions"][:2]] == ["erase", "erase"]


def test_admin_actions(client, thread, admin_user):
    top, *_ = thread
    client.force_login(admin_user)
    url = "/admin/comments/comment/"
    r = client.post(url, {"action": "export_people", "_selected_action": [top.pk]})
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")
    assert json.loads(r.content)["people"][0]["email"] == EMAIL
    r = client.post(url, {"action": "erase_people", "_selected_action": [top.pk]})
    assert r.status_code == 200 and b"Yes, erase" in r.content and EMAIL.encode() in r.content
    assert Comment.objects.get(pk=top.pk).body != ERASED_BODY  # only asked so far
    r = client.post(url, {"action": "erase_people", "_selected_action": [top.pk], "confirm": "yes"})
    assert r.status_code == 302
    assert Comment.objects.get(pk=top.pk).body == ERASED_BODY
    assert Decision.objects.filter(action=Action.ERASE, actor=admin_user).count() == 2


def test_moderators_notes_go_and_bans_stay_with_the_address(thread, moderator):
    from civility.people.models import Ban, PersonNote
    from civility.people.sanctions import ban_create
    from civility.people.services import person_note_add

    person_note_add(user=moderator, email=EMAIL, text="Posts at night.")
    ban_create(user=moderator, reason="Flood", email=EMAIL)
    data = person_export(user=moderator, email=EMAIL)
    assert [n["text"] for n in data["notes"]] == ["Posts at night."]
    assert [(b["kind"], b["value"]) for b in data["bans"]] == [("email", EMAIL)]
    json.dumps(data)
    person_erase(user=moderator, email=EMAIL)
    assert not PersonNote.objects.filter(email=EMAIL).exists()
    assert Ban.objects.filter(value=EMAIL, lifted_at=None).exists()
