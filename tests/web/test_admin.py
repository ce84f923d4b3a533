"""The admin is Civility's own: its name, and a way back to the moderation queue."""

import pytest


@pytest.mark.django_db
def test_admin_says_civility_and_links_to_the_queue(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/").content.decode()
    assert "<title>Sites, articles and people | Civility</title>" in page
    assert ">Civility</a>" in page
    assert "Django administration" not in page
    assert 'href="/moderation/"' in page
