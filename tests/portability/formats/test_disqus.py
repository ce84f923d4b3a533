"""Disqus XML: threads, replies listed before their parents, statuses, HTML bodies, odd dates."""

from datetime import UTC, datetime

import pytest
from django.core.management.base import CommandError

from civility.comments.models import Comment, Status
from civility.publishing.models import Article
from tests.portability.helpers import SAMPLES, by_body, database_state, run_import

pytestmark = pytest.mark.django_db


def test_the_sample_imports_with_threads_statuses_and_dates(site):
    out = run_import("disqus", SAMPLES / "disqus.xml")
    assert "comments" in out and "approved 3" in out and "rejected 2" in out and "pending 1" in out
    corridor = Article.objects.get(key="lachin-corridor")
    assert corridor.url == "https://gazette.example/2024/lachin-corridor/" and corridor.comments_open
    news = Article.objects.get(title="Xəbərlər & şərhlər")
    assert not news.comments_open and news.key == "2024-xbrlr"  # a key from the address (ASCII)
    top = by_body("Ganz schön mutig")
    assert top.body == ("Ganz schön mutig — das stimmt.\n\nZweiter Absatz\nmit Umbruch und Quelle "
                        "(https://example.org/quelle).")
    assert (top.author_name, top.author_email, top.ip_address) == ("Zoë Ağa", "zoe@example.org", "203.0.113.9")
    assert top.created_at == datetime(2024, 2, 29, 8, 15, tzinfo=UTC) and top.status == Status.APPROVED
    reply = by_body("Cavab")
    assert reply.body == "Cavab: razıyam 👍" and reply.parent_id == top.pk and reply.root_id == top.pk
    assert reply.author_email == "ali@example.az" and reply.ip_address == "2001:db8::7"
    assert reply.created_at == datetime(2024, 2, 29, 5, 30, tzinfo=UTC)  # +04:00
    third = by_body("A reply to the reply")
    assert third.parent_id == reply.pk and third.root_id == top.pk and third.ip_address is None
    assert third.created_at == datetime(2024, 3, 1, 0, 0, 0, 123000, tzinfo=UTC)
    assert by_body("Buy cheap").status == Status.REJECTED and by_body("Buy cheap").author_email == ""
    rtl = by_body("تعليق")
    assert rtl.status == Status.REJECTED and rtl.author_name == "nimda"  # no bidi override
    assert by_body("Waiting").status == Status.PENDING


def test_a_second_run_adds_nothing_and_a_deleted_comment_stays_deleted(site):
    run_import("disqus", SAMPLES / "disqus.xml")
    before = database_state()
    out = run_import("disqus", SAMPLES / "disqus.xml")
    assert database_state() == before
    assert "0" in out
    by_body("Waiting").delete()
    run_import("disqus", SAMPLES / "disqus.xml")
    assert not Comment.objects.filter(body__startswith="Waiting").exists()


def test_an_existing_article_is_matched_by_its_address(site):
    mine = Article.objects.create(site=site, key="corridor-story", title="Ours",
                                  url="https://gazette.example/2024/lachin-corridor/")
    run_import("disqus", SAMPLES / "disqus.xml")
    assert by_body("Ganz schön").article_id == mine.pk
    assert Article.objects.get(pk=mine.pk).title == "Ours"


def test_a_broken_file_names_the_position_and_changes_nothing(site, tmp_path):
    run_import("disqus", SAMPLES / "disqus.xml")
    before = database_state()
    text = (SAMPLES / "disqus.xml").read_text()
    extra = text.replace("dsq:id=\"5007\"", "dsq:id=\"5008\"").split("<post dsq:id=\"5008\">")[1]
    broken = text.replace("</disqus>", "<post dsq:id=\"5008\">" + extra.replace("</post>", "</pots>", 1))
    (tmp_path / "broken.xml").write_text(broken)
    with pytest.raises(CommandError, match=r"line \d+, column \d+: mismatched tag.*Nothing was imported"):
        run_import("disqus", tmp_path / "broken.xml")
    assert database_state() == before
    orphan = text.replace('<thread dsq:id="1002" />\n  </post>\n  <post dsq:id="5007">',
                          '<thread dsq:id="9999" />\n  </post>\n  <post dsq:id="5007">')
    (tmp_path / "orphan.xml").write_text(orphan.replace('dsq:id="500', 'dsq:id="600'))
    with pytest.raises(CommandError, match=r"post \d+ \(dsq:id 6006\).*thread '9999'"):
        run_import("disqus", tmp_path / "orphan.xml")
    assert database_state() == before


def test_entity_tricks_are_refused(site, tmp_path):
    (tmp_path / "bomb.xml").write_text('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
                                       '<disqus xmlns="http://disqus.com">&a;</disqus>')
    with pytest.raises(CommandError, match="refused"):
        run_import("disqus", tmp_path / "bomb.xml")


def test_a_deleted_article_comes_back_empty_on_the_next_run(site):
    run_import("disqus", SAMPLES / "disqus.xml")
    Article.objects.filter(key="lachin-corridor").delete()  # its comments go with it
    out = run_import("disqus", SAMPLES / "disqus.xml")
    again = Article.objects.get(key="lachin-corridor")
    assert not Comment.objects.filter(article=again).exists()  # deleted comments stay deleted
    assert "articles │       1 │       0 │                1" in out
