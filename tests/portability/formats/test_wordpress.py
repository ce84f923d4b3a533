"""WordPress WXR: items with comments become articles; pingbacks left out; statuses; GMT dates."""

from datetime import UTC, datetime

import pytest
from django.core.management.base import CommandError

from civility.comments.models import Comment, Status
from civility.publishing.models import Article
from tests.portability.helpers import SAMPLES, by_body, database_state, run_import

pytestmark = pytest.mark.django_db


def test_the_sample_imports(site):
    out = run_import("wordpress", SAMPLES / "wordpress.xml")
    assert "1 pingbacks (not comments)" in out
    [article] = Article.objects.all()  # the page without comments is left out
    assert (article.key, article.title, article.url) == (
        "elections", "Elections: “who won?”", "https://blog.example/2023/12/31/elections/")
    assert article.created_at == datetime(2023, 12, 31, 23, 30, tzinfo=UTC)
    top = by_body("Happy new year")
    assert top.body == "Happy new year — Yeni iliniz mübarək!\nSecond line & more."
    assert top.created_at == datetime(2023, 12, 31, 23, 59, 59, tzinfo=UTC)  # GMT, not the local date
    assert (top.author_name, top.ip_address, top.status) == ("Maryam Əliyeva", "198.51.100.4", Status.APPROVED)
    reply = by_body("Réponse")
    assert reply.body == "Réponse : d'accord." and reply.status == Status.PENDING and reply.parent_id == top.pk
    assert reply.created_at == datetime(2024, 1, 1, 10, tzinfo=UTC)  # no GMT date: the local one, as UTC
    assert by_body("Win big").status == Status.REJECTED
    trashed = by_body("Thanks, I deleted")
    assert trashed.status == Status.REJECTED and trashed.parent_id == reply.pk and trashed.root_id == top.pk
    assert Comment.objects.count() == 4


def test_idempotent(site):
    run_import("wordpress", SAMPLES / "wordpress.xml")
    before = database_state()
    run_import("wordpress", SAMPLES / "wordpress.xml")
    assert database_state() == before


def test_an_unknown_status_is_an_error_naming_the_item(site, tmp_path):
    text = (SAMPLES / "wordpress.xml").read_text().replace("<![CDATA[spam]]>", "<![CDATA[maybe]]>")
    (tmp_path / "odd.xml").write_text(text)
    with pytest.raises(CommandError, match=r"item 2 \(https://blog.example/2023/12/31/elections/\).*'maybe'"):
        run_import("wordpress", tmp_path / "odd.xml")
    assert not Comment.objects.exists() and not Article.objects.exists()
