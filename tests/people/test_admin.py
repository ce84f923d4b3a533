"""The admin lists bans and the sanctions log, and lifts bans through the audited service."""

import pytest

from civility.people.models import Ban, SanctionLog
from civility.people.sanctions import ban_create

pytestmark = pytest.mark.django_db


def test_the_admin_lists_bans_and_lifts_them_with_an_audit_row(client, admin_user, moderator):
    admin_user.is_superuser = True
    admin_user.save()
    ban = ban_create(user=moderator, reason="Flood from a hosting range", ip="203.0.113.0/24")
    client.force_login(admin_user)
    page = client.get("/admin/people/ban/")
    assert page.status_code == 200
    assert "203.0.113.0/24" in page.content.decode() and "Flood from a hosting range" in page.content.decode()
    assert client.get("/admin/people/sanctionlog/").status_code == 200

    r = client.post("/admin/people/ban/", {"action": "lift", "_selected_action": [ban.pk]})
    assert r.status_code == 302
    ban.refresh_from_db()
    assert ban.lifted_by == admin_user
    assert SanctionLog.objects.filter(ban=ban, action="unban", actor=admin_user).exists()
    assert Ban.objects.count() == 1  # lifted, never deleted
