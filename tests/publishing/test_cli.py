"""`civility site create|list`: a production deployment starts from nothing, from a shell."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civility.publishing.cors import allowed_origins
from civility.publishing.models import Site

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_site_create_with_origins_then_an_article_on_it():
    out = run("site", "create", "gazette", "--name", "Gazette of Bakı", "--origin", "https://News.example.org/",
              "--origin", "http://localhost:8080", "--origin", "https://news.example.org")
    assert "created site gazette (Gazette of Bakı)" in out
    site = Site.objects.get(slug="gazette")
    assert site.name == "Gazette of Bakı"
    assert site.origins == ["https://news.example.org", "http://localhost:8080"]  # normalised, once each
    assert {"https://news.example.org", "http://localhost:8080"} <= allowed_origins()
    assert "created budget on gazette" in run("article", "create", "budget", "--title", "Budget", "--site", "gazette")
    assert "https://news.example.org" in run("site", "list")


def test_a_duplicate_slug_is_a_clear_error():
    run("site", "create", "gazette", "--name", "Gazette")
    with pytest.raises(CommandError, match="a site with the slug 'gazette' already exists"):
        run("site", "create", "gazette", "--name", "Another")
    assert Site.objects.get().name == "Gazette"


@pytest.mark.parametrize(("args", "message"), [
    (["has spaces", "--name", "X"], "slug"),
    (["ok", "--name", "  "], "name"),
    (["ok", "--name", "X", "--origin", "news.example.org"], "'news.example.org' is not an origin"),
    (["ok", "--name", "X", "--origin", "ftp://news.example.org"], "is not an origin"),
    (["ok", "--name", "X", "--origin", "https://news.example.org/section"], "only the scheme, host and port"),
    (["ok", "--name", "X", "--origin", "https://news.example.org:eighty"], "is not an origin"),
])
def test_bad_input_is_refused_and_nothing_is_stored(args, message):
    with pytest.raises(CommandError, match=message):
        run("site", "create", *args)
    assert not Site.objects.exists()


def test_missing_name_is_an_argument_error_without_a_traceback():
    r = subprocess.run([sys.executable, "-m", "civility.cli", "site", "create", "gazette"],
                       capture_output=True, text=True, check=False)
    assert r.returncode != 0
    assert "--name" in r.stderr and "Traceback" not in r.stderr
