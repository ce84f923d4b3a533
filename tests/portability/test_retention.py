"""IP addresses and user agents are cleared after CIVILITY_IP_RETENTION_DAYS, by the worker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civility.comments.models import Comment
from civility.portability.retention import RetentionSweeper, addresses_forget
from tests.background.test_worker_process import env, query, start, stop, wait_for  # noqa: F401 (env: a fixture)
from tests.conftest import submit


def aged(article, days: float, body: str) -> Comment:
    c = submit(article, body)
    Comment.objects.filter(pk=c.pk).update(ip_address="198.51.100.7", user_agent="Firefox",
                                           created_at=timezone.now() - timedelta(days=days))
    return c


@pytest.mark.django_db
def test_only_comments_past_retention_lose_their_origin(article, settings):
    settings.CIVILITY_IP_RETENTION_DAYS = 90
    old, fresh = aged(article, 91, "Old."), aged(article, 89, "Fresh.")
    assert RetentionSweeper().sweep() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.ip_address, old.user_agent, old.body) == (None, "", "Old.")
    assert (fresh.ip_address, fresh.user_agent) == ("198.51.100.7", "Firefox")
    assert addresses_forget() == 0  # nothing left to clear
    settings.CIVILITY_IP_RETENTION_DAYS = 0  # 0: keep them
    assert addresses_forget(now=timezone.now() + timedelta(days=365)) == 0


def test_the_setting_is_a_number_of_days(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from civility.settings.env import env_days

    monkeypatch.setenv("CIVILITY_IP_RETENTION_DAYS", "30")
    assert env_days("CIVILITY_IP_RETENTION_DAYS", 90) == 30
    monkeypatch.setenv("CIVILITY_IP_RETENTION_DAYS", "a month")
    with pytest.raises(ImproperlyConfigured, match="whole number of days"):
        env_days("CIVILITY_IP_RETENTION_DAYS", 90)


@pytest.mark.django_db(transaction=False)
def test_a_real_worker_clears_old_addresses(tmp_path, env):  # noqa: F811 (the fixture)
    import subprocess
    import sys

    from tests.background.test_worker_process import ROOT

    make = ("from datetime import timedelta\nfrom django.utils import timezone\n"
            "from civility.comments.models import Comment\nfrom civility.publishing.models import Article, Site\n"
            "site = Site.objects.create(slug='g', name='G')\n"
            "a = Article.objects.create(site=site, key='k', title='K')\n"
            "c = Comment.objects.create(article=a, author_name='R', author_email='r@example.org', body='x', "
            "ip_address='198.51.100.7', user_agent='Firefox', status='approved')\n"
            "Comment.objects.filter(pk=c.pk).update(created_at=timezone.now() - timedelta(days=100))\n")
    subprocess.run([sys.executable, "-m", "civility.cli", "shell", "-c", make], env=env, cwd=ROOT, check=True,
                   timeout=60)
    log = tmp_path / "worker.log"
    worker = start(["worker", "--interval", "0.2"], env | {"CIVILITY_IP_RETENTION_DAYS": "30"}, log)
    try:
        wait_for(lambda: query(tmp_path, "SELECT ip_address, user_agent FROM comments_comment") == [(None, "")],
                 "the worker to clear the old comment's address", log)
    finally:
        stop(worker)
